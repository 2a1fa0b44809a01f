"""Cohort decisions from memory: the process that changes a rollout answers from the new state at once;
a change made elsewhere (another replica) reaches the snapshot through the poll (and NOTIFY on PostgreSQL);
a read that began before a change never puts the older state back; a batch never mixes two percents."""

import asyncio
import itertools
import uuid

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from release_helpers import ready_release
from release_svc.decisions.cohorts import bucket
from release_svc.decisions.snapshot import DecisionInputs, DecisionSnapshot, refresh
from release_svc.rollouts.models import Rollout
from sqlalchemy import update
from tpmhub_shared.db import Database

_versions = itertools.count(1)
UNITS = [f"user-{i}" for i in range(1000)]


@pytest.fixture(autouse=True)
def _gate_siblings(wired):
    return wired


@pytest.fixture
async def db(client, release_settings):
    database = Database(release_settings.database_url)
    yield database
    await database.dispose()


async def make_rollout(client, auth, percents=(10, 50, 100)) -> str:
    release_id = await ready_release(client, auth, [], version=f"7.{next(_versions)}.0")
    body = {"group_id": "snap", "stages": [{"percent": p, "operator": "bob"} for p in percents]}
    r = await client.post(f"/v1/releases/{release_id}/rollouts", json=body, headers=auth("tpm", "PAY"))
    assert r.status_code == 201, r.text
    return r.json()["id"]


async def act(client, auth, rollout_id, action):
    r = await client.post(f"/v1/rollouts/{rollout_id}/{action}", headers=auth())
    assert r.status_code == 200, r.text


async def decide_all(client, auth, rollout_id):
    r = await client.post(
        f"/v1/rollouts/{rollout_id}/decide", json={"units": UNITS}, headers=auth("viewer", "PAY")
    )
    assert r.status_code == 200, r.text
    return r.json()


def app_of(client: httpx.AsyncClient):
    transport = client._transport
    assert isinstance(transport, httpx.ASGITransport)
    return transport.app


def snapshot_of(client: httpx.AsyncClient) -> DecisionSnapshot:
    return app_of(client).state.decision_snapshot


async def test_the_changing_process_answers_from_the_new_state_at_once(client, auth):
    rid = await make_rollout(client, auth)
    await act(client, auth, rid, "start")
    at_10 = await decide_all(client, auth, rid)
    assert at_10["percent"] == 10 and 0 < at_10["enabled_count"] < 1000
    assert snapshot_of(client).get(uuid.UUID(rid)) is not None  # held in memory now
    await act(client, auth, rid, "advance")
    assert (await decide_all(client, auth, rid))["percent"] == 50
    await act(client, auth, rid, "rollback")
    back = await decide_all(client, auth, rid)  # no wait: the rollback committed in this process
    assert back["status"] == "rolled_back" and back["enabled_count"] == 0


async def test_a_change_made_elsewhere_arrives_with_the_poll(client, auth, db):
    rid = await make_rollout(client, auth)
    await act(client, auth, rid, "start")
    assert (await decide_all(client, auth, rid))["percent"] == 10
    # Another replica's change: written without this process's ORM session (so no hook saw it).
    async with db.session() as session, session.begin():
        await session.execute(update(Rollout).where(Rollout.id == uuid.UUID(rid)).values(current_percent=50))
    answer = await decide_all(client, auth, rid)
    if answer["percent"] == 10:  # not yet notified (SQLite has no NOTIFY): the poll brings it
        assert await refresh(app_of(client).state.db, snapshot_of(client)) >= 1
        answer = await decide_all(client, auth, rid)
    assert answer["percent"] == 50


async def test_a_batch_never_mixes_two_percents(client, auth):
    rid = await make_rollout(client, auth, percents=(5, 20, 40, 60, 80, 100))
    await act(client, auth, rid, "start")
    answers = []

    async def keep_deciding() -> None:
        for _ in range(12):
            answers.append(await decide_all(client, auth, rid))

    async def keep_advancing() -> None:
        for _ in range(5):
            await act(client, auth, rid, "advance")

    await asyncio.gather(keep_deciding(), keep_advancing())
    for answer in answers:
        percent = answer["percent"]
        assert all(d["enabled"] == (d["bucket"] <= percent) for d in answer["decisions"]), percent
        assert answer["enabled_count"] == sum(d["enabled"] for d in answer["decisions"])


def inputs(percent: int) -> DecisionInputs:
    return DecisionInputs.of("PAY", "running", percent, "g", "user")


def test_a_read_that_began_before_a_change_does_not_put_the_older_state_back():
    snapshot = DecisionSnapshot()
    rid = uuid.uuid4()
    began = snapshot.stamp()
    snapshot.changed(rid, inputs(50))  # committed here while the read was in flight
    snapshot.learn(rid, inputs(10), began)  # the read's older answer arrives
    assert snapshot.get(rid) == inputs(50)
    began = snapshot.stamp()
    snapshot.invalidate(rid)  # another replica announced a change during the read
    snapshot.learn(rid, inputs(50), began)
    assert snapshot.get(rid) is None  # read again on the next decision
    snapshot.learn(rid, inputs(60), snapshot.stamp())
    assert snapshot.get(rid) == inputs(60)


@given(st.lists(st.tuples(st.sampled_from("clci"), st.integers(0, 5), st.integers(0, 100)), max_size=60))
def test_the_snapshot_is_bounded_and_serves_only_what_it_was_last_told(ops):
    snapshot = DecisionSnapshot(max_entries=3)
    ids = [uuid.UUID(int=n) for n in range(6)]
    truth: dict[uuid.UUID, DecisionInputs | None] = {}
    for op, n, percent in ops:
        rid = ids[n]
        if op == "c":
            snapshot.changed(rid, inputs(percent))
            truth[rid] = inputs(percent)
        elif op == "i":
            snapshot.invalidate(rid)
            truth[rid] = None
        else:
            snapshot.learn(rid, inputs(percent), snapshot.stamp())
            truth[rid] = inputs(percent)
        assert len(snapshot) <= 3
    for rid in ids:
        got = snapshot.get(rid)
        assert got is None or got == truth.get(rid)


async def test_a_change_decisions_do_not_read_is_not_announced(client, auth, db):
    """Only changes of the inputs reach the snapshot's hook; other columns (here the name) leave it be.
    (In-process tests run without background work, so no poll replaces the entry meanwhile.)"""
    rid = await make_rollout(client, auth)
    await decide_all(client, auth, rid)
    snapshot = snapshot_of(client)
    held = snapshot.get(uuid.UUID(rid))
    assert held is not None

    async def change(**values) -> None:
        async with db.session() as session, session.begin():
            rollout = await session.get(Rollout, uuid.UUID(rid))
            for name, value in values.items():
                setattr(rollout, name, value)

    await change(name="renamed")
    assert snapshot.get(uuid.UUID(rid)) is held
    await change(group_id="another-group")
    assert snapshot.get(uuid.UUID(rid)).group_id == "another-group"


def test_exposure_in_the_inputs():
    assert DecisionInputs.of("PAY", "rolled_back", 50, "g", "user").percent == 0
    assert DecisionInputs.of("PAY", "completed", 50, "g", "user").percent == 100
    assert DecisionInputs.of("PAY", "paused", 40, "g", "user").percent == 40
    assert bucket("g", "u") in range(1, 101)
