"""Cohort decisions: Unleash-compatible sticky hashing, monotone in the percent, shared by group id."""

import itertools
import uuid

import mmh3
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from release_helpers import ready_release
from release_svc.decisions import cohorts
from release_svc.decisions.cohorts import bucket, exposure, is_in
from sqlalchemy import func, select
from tpmhub_shared.db import Database
from tpmhub_shared.events import OutboxEvent
from tpmhub_shared.history import HistoryEntry

_versions = itertools.count(1)


@pytest.fixture
async def db(client, release_settings):
    database = Database(release_settings.database_url)
    yield database
    await database.dispose()


# ---- the hash ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("percent", [0, 1, 25, 73, 74, 100])
def test_decide_gives_the_bucket_and_the_inclusion_rule(percent):
    unit_bucket, inside = cohorts.decide("gr1", "123", percent)
    assert unit_bucket == bucket("gr1", "123") == 73
    assert inside == is_in("gr1", "123", percent) == (percent >= 73)


@pytest.mark.parametrize("group, unit, expected", [("gr1", "123", 73), ("groupX", "999", 25)])
def test_unleash_known_answers(group, unit, expected):
    assert bucket(group, unit) == expected


def test_text_that_is_not_unicode_is_refused_before_hashing():
    with pytest.raises(UnicodeEncodeError):
        bucket("g", "\ud800")


def test_bucket_is_murmur3_x86_32_seed_0_unsigned():
    key = "wallet:user-42"
    assert bucket("wallet", "user-42") == mmh3.hash(key, 0, signed=False) % 100 + 1


@settings(max_examples=300, deadline=None)
@given(
    group=st.text(min_size=1, max_size=40),
    units=st.lists(st.text(min_size=1, max_size=40), max_size=60),
    low=st.integers(0, 100),
    high=st.integers(0, 100),
)
def test_raising_the_percent_only_adds_units(group, units, low, high):
    low, high = min(low, high), max(low, high)
    inside_low = {u for u in units if is_in(group, u, low)}
    inside_high = {u for u in units if is_in(group, u, high)}
    assert inside_low <= inside_high
    assert all(1 <= bucket(group, u) <= 100 for u in units)
    assert {u for u in units if is_in(group, u, 100)} == set(units)
    assert not any(is_in(group, u, 0) for u in units)


def test_buckets_spread_evenly():
    inside = sum(is_in("spread", f"user-{i}", 30) for i in range(20_000))
    assert 0.28 < inside / 20_000 < 0.32


def test_exposure_by_status():
    assert [exposure(s, 40) for s in ("draft", "running", "paused", "completed", "rolled_back")] == [
        0,
        40,
        40,
        100,
        0,
    ]


# ---- over HTTP -----------------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _gate_siblings(wired):
    """Starting and advancing a rollout asks the release gate, which asks the real siblings (in-process)."""
    return wired


async def make_rollout(client, auth, db, *, group_id, percents=(25, 73, 100)) -> str:
    release_id = await ready_release(client, auth, [], version=f"3.{next(_versions)}.0")
    body = {
        "group_id": group_id,
        "unit_kind": "user",
        "stages": [{"percent": p, "operator": "bob"} for p in percents],
    }
    r = await client.post(f"/v1/releases/{release_id}/rollouts", json=body, headers=auth("tpm", "PAY"))
    assert r.status_code == 201, r.text
    return r.json()["id"]


async def act(client, auth, rollout_id, action):
    r = await client.post(f"/v1/rollouts/{rollout_id}/{action}", headers=auth())
    assert r.status_code == 200, r.text
    return r.json()


async def decide(client, auth, rollout_id, unit, role="viewer"):
    r = await client.get(
        f"/v1/rollouts/{rollout_id}/decide", params={"unit": unit}, headers=auth(role, "PAY")
    )
    assert r.status_code == 200, r.text
    return r.json()


async def test_decide_follows_the_stage_percent(client, auth, db):
    rid = await make_rollout(client, auth, db, group_id="gr1")
    before = await decide(client, auth, rid, "123")
    assert before == {
        "rollout_id": rid,
        "status": "draft",
        "percent": 0,
        "unit_kind": "user",
        "group_id": "gr1",
        "unit": "123",
        "bucket": 73,
        "enabled": False,
    }
    await act(client, auth, rid, "start")
    at_25 = await decide(client, auth, rid, "123", role="ci")
    assert at_25["percent"] == 25 and at_25["enabled"] is False
    await act(client, auth, rid, "advance")
    at_73 = await decide(client, auth, rid, "123")
    assert at_73["percent"] == 73 and at_73["enabled"] is True and at_73["bucket"] == 73
    await act(client, auth, rid, "pause")
    assert (await decide(client, auth, rid, "123"))["enabled"] is True  # a pause holds the exposure


async def test_known_answer_group_x(client, auth, db):
    rid = await make_rollout(client, auth, db, group_id="groupX", percents=(24, 25))
    await act(client, auth, rid, "start")
    assert (await decide(client, auth, rid, "999"))["enabled"] is False
    await act(client, auth, rid, "advance")
    answer = await decide(client, auth, rid, "999")
    assert answer["bucket"] == 25 and answer["enabled"] is True


async def test_nobody_after_rollback_everybody_after_completion(client, auth, db):
    units = [f"user-{i}" for i in range(500)]
    back = await make_rollout(client, auth, db, group_id="g-back")
    done = await make_rollout(client, auth, db, group_id="g-done", percents=(10,))
    for rid in (back, done):
        await act(client, auth, rid, "start")
    await act(client, auth, back, "rollback")
    await act(client, auth, done, "complete")
    r = await client.post(f"/v1/rollouts/{back}/decide", json={"units": units}, headers=auth("viewer", "PAY"))
    assert r.json()["status"] == "rolled_back" and r.json()["enabled_count"] == 0
    r = await client.post(f"/v1/rollouts/{done}/decide", json={"units": units}, headers=auth("viewer", "PAY"))
    assert r.json()["percent"] == 100 and r.json()["enabled_count"] == 500
    assert all(d["enabled"] for d in r.json()["decisions"])


async def test_same_group_id_across_rollouts_gives_the_same_cohort(client, auth, db):
    units = [f"tenant-{i}" for i in range(2000)]
    a = await make_rollout(client, auth, db, group_id="checkout-2026")
    b = await make_rollout(client, auth, db, group_id="checkout-2026")
    other = await make_rollout(client, auth, db, group_id="search-2026")
    for rid in (a, b, other):
        await act(client, auth, rid, "start")
    answers = {}
    for rid in (a, b, other):
        r = await client.post(f"/v1/rollouts/{rid}/decide", json={"units": units}, headers=auth())
        answers[rid] = [d["enabled"] for d in r.json()["decisions"]]
    assert answers[a] == answers[b] and answers[a] != answers[other]


async def test_batch_matches_single_and_raising_the_percent_only_adds(client, auth, db):
    units = [str(i) for i in range(10_000)]
    rid = await make_rollout(client, auth, db, group_id="gr1")
    await act(client, auth, rid, "start")
    r = await client.post(f"/v1/rollouts/{rid}/decide", json={"units": units}, headers=auth("viewer", "PAY"))
    assert r.status_code == 200, r.text
    first = r.json()
    assert [d["unit"] for d in first["decisions"]] == units
    assert first["enabled_count"] == sum(d["enabled"] for d in first["decisions"])
    assert 0.22 < first["enabled_count"] / 10_000 < 0.28
    for unit in ("0", "123", "9999"):
        single = await decide(client, auth, rid, unit)
        assert {k: single[k] for k in ("bucket", "enabled")} == {
            k: first["decisions"][int(unit)][k] for k in ("bucket", "enabled")
        }
    await act(client, auth, rid, "advance")
    second = (await client.post(f"/v1/rollouts/{rid}/decide", json={"units": units}, headers=auth())).json()
    was_in = {d["unit"] for d in first["decisions"] if d["enabled"]}
    now_in = {d["unit"] for d in second["decisions"] if d["enabled"]}
    assert was_in < now_in


@pytest.mark.parametrize(
    "body",
    [
        {"units": [str(i) for i in range(10_001)]},
        {"units": []},
        {"units": [""]},
        {"units": ["x" * 257]},
        {"units": ["ok", "tab\there"]},
        {"units": "123"},
        {"units": ["1"], "extra": True},
        {},
    ],
)
async def test_bad_batches_are_422(client, auth, db, body):
    rid = await make_rollout(client, auth, db, group_id="g")
    r = await client.post(f"/v1/rollouts/{rid}/decide", json=body, headers=auth())
    assert r.status_code == 422, r.text
    assert r.headers["content-type"] == "application/problem+json"


async def test_decide_bad_input_and_access(client, auth, db):
    rid = await make_rollout(client, auth, db, group_id="g")
    lone_surrogate = '{"units": ["\\ud800"]}'
    r = await client.post(
        f"/v1/rollouts/{rid}/decide",
        content=lone_surrogate,
        headers={**auth(), "Content-Type": "application/json"},
    )
    assert r.status_code == 422
    assert (await client.get(f"/v1/rollouts/{rid}/decide", headers=auth())).status_code == 422
    assert (await client.get(f"/v1/rollouts/{rid}/decide?unit=", headers=auth())).status_code == 422
    assert (
        await client.get(f"/v1/rollouts/{rid}/decide", params={"unit": "x" * 257}, headers=auth())
    ).status_code == 422
    assert (await client.get(f"/v1/rollouts/{rid}/decide?unit=1")).status_code == 401
    assert (
        await client.get(f"/v1/rollouts/{rid}/decide?unit=1", headers=auth("admin", "OPS"))
    ).status_code == 404
    assert (await client.get(f"/v1/rollouts/{uuid.uuid4()}/decide?unit=1", headers=auth())).status_code == 404
    r = await client.post(f"/v1/rollouts/{uuid.uuid4()}/decide", json={"units": ["1"]}, headers=auth())
    assert r.status_code == 404


async def test_decide_writes_nothing(client, auth, db):
    rid = await make_rollout(client, auth, db, group_id="g")
    await act(client, auth, rid, "start")

    async def counts():
        async with db.session(write=False) as session:
            return [
                (await session.execute(select(func.count()).select_from(m))).scalar_one()
                for m in (OutboxEvent, HistoryEntry)
            ]

    before = await counts()
    revision = (await client.get(f"/v1/rollouts/{rid}", headers=auth())).json()["revision"]
    await decide(client, auth, rid, "1")
    await client.post(f"/v1/rollouts/{rid}/decide", json={"units": ["1", "2"]}, headers=auth())
    assert await counts() == before
    assert (await client.get(f"/v1/rollouts/{rid}", headers=auth())).json()["revision"] == revision
