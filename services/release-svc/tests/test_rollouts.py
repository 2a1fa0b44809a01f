"""Rollouts: stages, actions with operators and holds, metric readings and guardrails, events."""

import itertools
import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from release_helpers import ready_release
from release_svc.guardrails.models import MetricReading
from release_svc.releases.models import Release
from release_svc.rollouts.models import Rollout
from sqlalchemy import func, select
from tpmhub_shared.db import Database
from tpmhub_shared.events import OutboxEvent

T0 = datetime(2026, 11, 22, 6, 0, tzinfo=UTC)
_versions = itertools.count(1)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def tick(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
async def db(client, release_settings):
    database = Database(release_settings.database_url)
    yield database
    await database.dispose()


@pytest.fixture
def clock(client):
    app = client._transport.app
    app.state.clock = Clock(T0)
    yield app.state.clock
    app.state.clock = None


@pytest.fixture(autouse=True)
def _gate_siblings(wired):
    """Starting and advancing a rollout asks the release gate, which asks the real requirements-svc and
    risk-svc (in-process)."""
    return wired


async def make_release(client, auth, db, *, status="approved", project="PAY") -> str:
    """A release the gate lets through (approved by its approver, checklist done), then, for tests of
    other states, put straight into `status` (setup only: the release rules are tested elsewhere)."""
    release_id = await ready_release(client, auth, [], version=f"1.{next(_versions)}.0", project=project)
    if status != "approved":
        async with db.session() as session, session.begin():
            release = await session.get(Release, uuid.UUID(release_id))
            release.status = status
    return release_id


def stages(*percents, hold=0, operator="bob", guardrails=(), auto=False):
    return [
        {
            "percent": p,
            "min_hold_seconds": hold,
            "operator": operator,
            "guardrails": list(guardrails),
            "auto_advance": auto,
        }
        for p in percents
    ]


async def make_rollout(client, auth, release_id, **body) -> dict:
    body.setdefault("stages", stages(10, 50, 100))
    r = await client.post(f"/v1/releases/{release_id}/rollouts", json=body, headers=auth("tpm", "PAY"))
    assert r.status_code == 201, r.text
    return r.json()


async def act(client, auth, rollout_id, action, json=None, role="tpm", sub="alice"):
    return await client.post(
        f"/v1/rollouts/{rollout_id}/{action}", json=json, headers=auth(role, "PAY", sub=sub)
    )


async def release_status(client, auth, release_id) -> str:
    return (await client.get(f"/v1/releases/{release_id}", headers=auth("viewer", "PAY"))).json()["status"]


async def event_types(db, subject: str) -> list[str]:
    async with db.session(write=False) as session:
        rows = await session.execute(
            select(OutboxEvent.type).where(OutboxEvent.subject == subject).order_by(OutboxEvent.id)
        )
        return [t for (t,) in rows]


async def events_of(db, subject: str, type_: str) -> list[dict]:
    async with db.session(write=False) as session:
        rows = await session.execute(
            select(OutboxEvent.data)
            .where(OutboxEvent.subject == subject, OutboxEvent.type == type_)
            .order_by(OutboxEvent.id)
        )
        return [d for (d,) in rows]


async def count(db, model) -> int:
    async with db.session(write=False) as session:
        return (await session.execute(select(func.count()).select_from(model))).scalar_one()


# ---- creating ------------------------------------------------------------------------------------------


async def test_create_get_list_rollout(client, auth, db):
    release_id = await make_release(client, auth, db)
    body = {
        "name": "Wallet canary",
        "unit_kind": "tenant",
        "group_id": "wallet",
        "on_breach": "rollback",
        "breach_threshold": 2,
        "stages": [
            {
                "percent": 5,
                "min_hold_seconds": 600,
                "operator": "bob",
                "auto_advance": True,
                "guardrails": [
                    "error_rate <= 0.01",
                    "p99_ms <= 1.2 × baseline",
                    "p50_ms<1.5*baseline",
                    "apdex >= 0.9",
                    "latency_ms <= baseline",
                ],
            },
            {"percent": 100, "operator": "carol"},
        ],
    }
    r = await client.post(f"/v1/releases/{release_id}/rollouts", json=body, headers=auth("pm", "PAY"))
    assert r.status_code == 201, r.text
    rollout = r.json()
    assert r.headers["location"] == f"/v1/rollouts/{rollout['id']}" and r.headers["etag"] == '"1"'
    assert (
        rollout["status"] == "draft"
        and rollout["current_percent"] == 0
        and rollout["allowed_actions"] == ["start", "edit", "abort"]
    )
    assert (
        rollout["unit_kind"] == "tenant"
        and rollout["group_id"] == "wallet"
        and rollout["project_key"] == "PAY"
    )
    guardrails = rollout["stages"][0]["guardrails"]
    assert [(g["metric"], g["comparator"], g["threshold"], g["relative"]) for g in guardrails] == [
        ("error_rate", "<=", 0.01, False),
        ("p99_ms", "<=", 1.2, True),
        ("p50_ms", "<", 1.5, True),
        ("apdex", ">=", 0.9, False),
        ("latency_ms", "<=", 1.0, True),
    ]
    assert rollout["stages"][1] == {
        "index": 1,
        "percent": 100,
        "min_hold_seconds": 0,
        "operator": "carol",
        "auto_advance": False,
        "guardrails": [],
        "failed_checks": 0,
    }
    got = await client.get(f"/v1/rollouts/{rollout['id']}", headers=auth("viewer", "PAY"))
    assert got.status_code == 200 and got.json() == rollout
    listed = await client.get(f"/v1/releases/{release_id}/rollouts", headers=auth("viewer", "PAY"))
    assert [x["id"] for x in listed.json()["items"]] == [rollout["id"]]
    assert (
        await client.get(f"/v1/releases/{release_id}/rollouts?status=running", headers=auth("viewer", "PAY"))
    ).json()["items"] == []


async def test_group_id_defaults_to_a_random_salt(client, auth, db):
    release_id = await make_release(client, auth, db)
    a = await make_rollout(client, auth, release_id)
    b = await make_rollout(client, auth, release_id)
    assert len(a["group_id"]) == 16 and a["group_id"] != b["group_id"]


async def test_list_rollouts_paginates(client, auth, db):
    release_id = await make_release(client, auth, db)
    ids = [(await make_rollout(client, auth, release_id))["id"] for _ in range(3)]
    page = (await client.get(f"/v1/releases/{release_id}/rollouts?limit=2", headers=auth())).json()
    assert [x["id"] for x in page["items"]] == ids[:2] and page["next_cursor"]
    rest = (
        await client.get(
            f"/v1/releases/{release_id}/rollouts?limit=2&cursor={page['next_cursor']}", headers=auth()
        )
    ).json()
    assert [x["id"] for x in rest["items"]] == ids[2:] and rest["next_cursor"] is None


async def test_create_rollout_roles_and_visibility(client, auth, db):
    release_id = await make_release(client, auth, db)
    body = {"stages": stages(10, 100)}
    assert (
        await client.post(f"/v1/releases/{release_id}/rollouts", json=body, headers=auth("engineer", "PAY"))
    ).status_code == 403
    assert (
        await client.post(f"/v1/releases/{release_id}/rollouts", json=body, headers=auth("admin", "OPS"))
    ).status_code == 404
    assert (
        await client.post(f"/v1/releases/{uuid.uuid4()}/rollouts", json=body, headers=auth())
    ).status_code == 404
    assert (await client.post(f"/v1/releases/{release_id}/rollouts", json=body)).status_code == 401
    rollout = await make_rollout(client, auth, release_id)
    assert (
        await client.get(f"/v1/rollouts/{rollout['id']}", headers=auth("admin", "OPS"))
    ).status_code == 404
    assert await count(db, Rollout) == 1


@pytest.mark.parametrize(
    "percents, loc",
    [
        ([10, 10], "body.stages.1.percent"),
        ([50, 20, 100], "body.stages.1.percent"),
        ([0, 50], "body.stages.0.percent"),
        ([10, 101], "body.stages.1.percent"),
        ([-5], "body.stages.0.percent"),
    ],
)
async def test_stage_percents_must_increase_within_1_100(client, auth, db, percents, loc):
    release_id = await make_release(client, auth, db)
    r = await client.post(
        f"/v1/releases/{release_id}/rollouts", json={"stages": stages(*percents)}, headers=auth()
    )
    assert r.status_code == 422, r.text
    assert r.headers["content-type"] == "application/problem+json"
    assert loc in [e["loc"] for e in r.json()["errors"]]
    assert await count(db, Rollout) == 0


@pytest.mark.parametrize(
    "expression, message",
    [
        ("error_rate =< 0.01", "unknown comparator '=<'"),
        ("error_rate == 0.01", "unknown comparator '=='"),
        ("error_rate != 0", "unknown comparator '!='"),
        ("error_rate ~ 0.01", "unknown comparator '~'"),
        ("error_rate <= lots", "cannot read the threshold"),
        ("p99_ms <= 1.2 x base", "cannot read the threshold"),
        ("p99_ms <= 1.2 x baseline x 2", "cannot read the threshold"),
        ("Error Rate <= 1", "cannot read guardrail"),
        ("<= 0.01", "cannot read guardrail"),
        ("error_rate 0.01", "cannot read guardrail"),
    ],
)
async def test_bad_guardrails_are_422(client, auth, db, expression, message):
    release_id = await make_release(client, auth, db)
    body = {"stages": stages(10, 100, guardrails=["error_rate <= 0.05", expression])}
    r = await client.post(f"/v1/releases/{release_id}/rollouts", json=body, headers=auth())
    assert r.status_code == 422, r.text
    errors = r.json()["errors"]
    assert errors[0]["loc"] == "body.stages.0.guardrails.1" and message in errors[0]["message"]
    assert {e["loc"] for e in errors} == {"body.stages.0.guardrails.1", "body.stages.1.guardrails.1"}
    assert await count(db, Rollout) == 0


@pytest.mark.parametrize(
    "body",
    [
        {"stages": []},
        {"stages": stages(10), "extra": 1},
        {"stages": [{"percent": 10}]},
        {"stages": [{"percent": 10, "operator": "bob", "colour": "red"}]},
        {"stages": stages(10), "unit_kind": "planet"},
        {"stages": stages(10), "on_breach": "panic"},
        {"stages": stages(10), "breach_threshold": 0},
        {"stages": stages(10), "group_id": "has space"},
        {"stages": stages(10), "name": "x" * 201},
        {"stages": stages(*range(1, 22))},
        {"stages": stages(10, guardrails=["a <= 1"] * 21)},
        {"stages": stages(10, guardrails=["a <= " + "1" * 200])},
    ],
)
async def test_invalid_rollout_bodies_are_422(client, auth, db, body):
    release_id = await make_release(client, auth, db)
    r = await client.post(f"/v1/releases/{release_id}/rollouts", json=body, headers=auth())
    assert r.status_code == 422, r.text
    assert await count(db, Rollout) == 0


async def test_finished_release_takes_no_rollouts(client, auth, db):
    release_id = await make_release(client, auth, db, status="cancelled")
    r = await client.post(f"/v1/releases/{release_id}/rollouts", json={"stages": stages(10)}, headers=auth())
    assert r.status_code == 409 and r.json()["release_status"] == "cancelled"
    assert await count(db, Rollout) == 0


# ---- start ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("release_state", ["draft", "in_review", "cancelled"])
async def test_start_needs_an_approved_or_deploying_release(client, auth, db, release_state):
    release_id = await make_release(client, auth, db, status="approved")
    rollout = await make_rollout(client, auth, release_id)
    async with db.session() as session, session.begin():
        release = await session.get(Release, uuid.UUID(release_id))
        release.status = release_state
    r = await act(client, auth, rollout["id"], "start")
    assert r.status_code == 409 and r.json()["release_status"] == release_state
    got = (await client.get(f"/v1/rollouts/{rollout['id']}", headers=auth())).json()
    assert got["status"] == "draft" and got["revision"] == 1
    assert await release_status(client, auth, release_id) == release_state
    assert await event_types(db, rollout["id"]) == []


async def test_start_moves_an_approved_release_to_deploying(client, auth, db, clock):
    release_id = await make_release(client, auth, db)
    rollout = await make_rollout(client, auth, release_id, stages=stages(10, 100, hold=300))
    r = await act(client, auth, rollout["id"], "start", json={"reason": "go"})
    assert r.status_code == 200, r.text
    started = r.json()
    assert (
        started["status"] == "running" and started["current_stage"] == 0 and started["current_percent"] == 10
    )
    assert started["started_at"] == "2026-11-22T06:00:00Z" and started["hold_until"] == "2026-11-22T06:05:00Z"
    assert started["allowed_actions"] == ["advance", "pause", "rollback", "abort"]
    assert r.headers["etag"] == '"2"'
    assert await release_status(client, auth, release_id) == "deploying"
    [event] = await events_of(db, rollout["id"], "rollout.started")
    assert event["from"] == {"status": "draft", "stage": 0, "percent": 0}
    assert event["to"] == {"status": "running", "stage": 0, "percent": 10}
    assert event["by"] == "alice" and event["reason"] == "go" and event["release_id"] == release_id
    [release_event] = await events_of(db, release_id, "release.deploying")
    assert release_event["rollout_id"] == rollout["id"]
    hist = (await client.get(f"/v1/rollouts/{rollout['id']}/history", headers=auth())).json()["items"]
    assert [h["action"] for h in hist] == ["create", "start"] and hist[1]["note"] == "go"


async def test_start_on_a_deploying_release_and_one_active_rollout_per_release(client, auth, db):
    release_id = await make_release(client, auth, db, status="deploying")
    first = await make_rollout(client, auth, release_id)
    second = await make_rollout(client, auth, release_id)
    assert (await act(client, auth, first["id"], "start")).status_code == 200
    r = await act(client, auth, second["id"], "start")
    assert r.status_code == 409 and r.json()["active_rollout_id"] == first["id"]
    assert (await client.get(f"/v1/rollouts/{second['id']}", headers=auth())).json()["status"] == "draft"


async def test_start_by_operator_or_tpm_only(client, auth, db):
    release_id = await make_release(client, auth, db)
    rollout = await make_rollout(client, auth, release_id, stages=stages(10, 100, operator="bob"))
    r = await act(client, auth, rollout["id"], "start", role="engineer", sub="eve")
    assert r.status_code == 403 and r.json()["operator"] == "bob"
    assert (await act(client, auth, rollout["id"], "start", role="pm", sub="pat")).status_code == 403
    assert (await act(client, auth, rollout["id"], "start", role="engineer", sub="bob")).status_code == 200


# ---- state machine -------------------------------------------------------------------------------------


async def test_actions_illegal_in_the_current_state_are_409_with_allowed_ones(client, auth, db):
    release_id = await make_release(client, auth, db)
    rollout = await make_rollout(client, auth, release_id, stages=stages(10, 100))
    rid = rollout["id"]
    for action in ("advance", "pause", "resume", "rollback", "complete"):
        r = await act(client, auth, rid, action)
        assert r.status_code == 409, action
        body = r.json()
        assert body["allowed_actions"] == ["abort", "edit", "start"]
        assert body["state"] == "draft" and body["action"] == action
    assert (await act(client, auth, rid, "start")).status_code == 200
    r = await act(client, auth, rid, "resume")
    assert r.status_code == 409 and r.json()["allowed_actions"] == ["abort", "advance", "pause", "rollback"]
    r = await act(client, auth, rid, "complete")
    assert r.status_code == 409 and "last stage" in r.json()["detail"]
    assert (await act(client, auth, rid, "advance")).status_code == 200
    r = await act(client, auth, rid, "advance")
    assert r.status_code == 409 and r.json()["allowed_actions"] == ["abort", "complete", "pause", "rollback"]
    assert (await act(client, auth, rid, "pause")).status_code == 200
    for action in ("advance", "pause", "complete", "start"):
        r = await act(client, auth, rid, action)
        assert r.status_code == 409 and r.json()["allowed_actions"] == ["abort", "resume", "rollback"]
    assert (await act(client, auth, rid, "rollback")).status_code == 200
    for action in ("start", "advance", "pause", "resume", "rollback", "complete"):
        r = await act(client, auth, rid, action)
        assert r.status_code == 409 and r.json()["allowed_actions"] == []


async def test_action_bodies_are_validated(client, auth, db):
    release_id = await make_release(client, auth, db)
    rollout = await make_rollout(client, auth, release_id)
    assert (await act(client, auth, rollout["id"], "start", json={"why": "x"})).status_code == 422
    assert (await act(client, auth, rollout["id"], "start", json={"reason": "x" * 2001})).status_code == 422
    assert (await client.get(f"/v1/rollouts/{rollout['id']}", headers=auth())).json()["status"] == "draft"


async def test_stale_if_match_is_412(client, auth, db):
    release_id = await make_release(client, auth, db)
    rollout = await make_rollout(client, auth, release_id)
    r = await client.post(f"/v1/rollouts/{rollout['id']}/start", headers={**auth(), "If-Match": '"7"'})
    assert r.status_code == 412
    r = await client.post(f"/v1/rollouts/{rollout['id']}/start", headers={**auth(), "If-Match": '"1"'})
    assert r.status_code == 200


# ---- advance, hold, operators --------------------------------------------------------------------------


async def test_advance_before_the_hold_is_409_with_seconds_left(client, auth, db, clock):
    release_id = await make_release(client, auth, db)
    rollout = await make_rollout(client, auth, release_id, stages=stages(10, 50, 100, hold=600))
    rid = rollout["id"]
    await act(client, auth, rid, "start")
    clock.tick(99.5)
    r = await act(client, auth, rid, "advance", role="engineer", sub="bob")
    assert r.status_code == 409, r.text
    assert r.json()["seconds_left"] == 501 and r.json()["hold_until"].startswith("2026-11-22T06:10:00")
    # The operator cannot override; a tpm must give a reason.
    r = await act(
        client,
        auth,
        rid,
        "advance",
        json={"override_hold": True, "reason": "hotfix"},
        role="engineer",
        sub="bob",
    )
    assert r.status_code == 403
    r = await act(client, auth, rid, "advance", json={"override_hold": True})
    assert r.status_code == 422 and r.json()["errors"][0]["loc"] == "body.reason"
    r = await act(client, auth, rid, "advance", json={"override_hold": True, "reason": "  "})
    assert r.status_code == 422
    assert (await client.get(f"/v1/rollouts/{rid}", headers=auth())).json()["current_stage"] == 0
    r = await act(
        client, auth, rid, "advance", json={"override_hold": True, "reason": "incident fix verified"}
    )
    assert r.status_code == 200 and r.json()["current_percent"] == 50
    [event] = await events_of(db, rid, "rollout.stage_changed")
    assert event["hold_overridden"] is True and event["reason"] == "incident fix verified"
    assert event["from"]["percent"] == 10 and event["to"]["percent"] == 50 and event["by"] == "alice"
    # Once the hold has passed, the operator advances.
    clock.tick(600)
    r = await act(client, auth, rid, "advance", role="engineer", sub="bob")
    assert r.status_code == 200 and r.json()["current_percent"] == 100


async def test_advance_only_by_the_current_stage_operator_or_tpm_admin(client, auth, db):
    release_id = await make_release(client, auth, db)
    body = {
        "stages": [*stages(10, operator="bob"), *stages(50, operator="carol"), *stages(100, operator="dan")]
    }
    rollout = await make_rollout(client, auth, release_id, **body)
    rid = rollout["id"]
    await act(client, auth, rid, "start")
    assert (await act(client, auth, rid, "advance", role="engineer", sub="carol")).status_code == 403
    assert (await act(client, auth, rid, "advance", role="pm", sub="pat")).status_code == 403
    assert (await act(client, auth, rid, "advance", role="ci", sub="pipeline")).status_code == 403
    assert (await act(client, auth, rid, "advance", role="viewer", sub="bob")).status_code == 200
    assert (await act(client, auth, rid, "advance", role="engineer", sub="bob")).status_code == 403
    assert (await act(client, auth, rid, "advance", role="admin", sub="root")).status_code == 200
    assert (await client.get(f"/v1/rollouts/{rid}", headers=auth())).json()["current_percent"] == 100
    # An operator without any role on the project is nobody there.
    r = await client.post(f"/v1/rollouts/{rid}/complete", headers=auth("tpm", "OPS", sub="dan"))
    assert r.status_code == 404


async def test_complete_moves_the_release_to_verifying(client, auth, db, clock):
    release_id = await make_release(client, auth, db)
    rollout = await make_rollout(client, auth, release_id, stages=stages(20, 60, hold=60))
    rid = rollout["id"]
    await act(client, auth, rid, "start")
    clock.tick(60)
    await act(client, auth, rid, "advance")
    r = await act(client, auth, rid, "complete", role="engineer", sub="bob")
    assert r.status_code == 409 and r.json()["seconds_left"] == 60
    clock.tick(61)
    r = await act(client, auth, rid, "complete", json={"reason": "all green"}, role="engineer", sub="bob")
    assert r.status_code == 200
    done = r.json()
    assert done["status"] == "completed" and done["current_percent"] == 100 and done["allowed_actions"] == []
    assert done["finished_at"] == "2026-11-22T06:02:01Z"
    assert await release_status(client, auth, release_id) == "verifying"
    assert await event_types(db, rid) == ["rollout.started", "rollout.stage_changed", "rollout.completed"]
    [event] = await events_of(db, rid, "rollout.completed")
    assert event["to"] == {"status": "completed", "stage": 1, "percent": 100} and event["by"] == "bob"


async def test_pause_resume_rollback(client, auth, db):
    release_id = await make_release(client, auth, db)
    rollout = await make_rollout(client, auth, release_id, stages=stages(10, 100, operator="bob"))
    rid = rollout["id"]
    await act(client, auth, rid, "start")
    assert (await act(client, auth, rid, "pause", role="viewer", sub="vic")).status_code == 403
    r = await act(
        client, auth, rid, "pause", json={"reason": "support tickets rising"}, role="engineer", sub="eve"
    )
    assert r.status_code == 200
    assert r.json()["status"] == "paused" and r.json()["pause_reason"] == "support tickets rising"
    assert r.json()["current_percent"] == 10
    assert (await act(client, auth, rid, "resume", role="engineer", sub="eve")).status_code == 403
    r = await act(client, auth, rid, "resume", json={"reason": "fixed"}, role="engineer", sub="bob")
    assert r.status_code == 200 and r.json()["status"] == "running" and r.json()["pause_reason"] is None
    [resumed] = await events_of(db, rid, "rollout.resumed")
    assert resumed["paused_for"] == "support tickets rising" and resumed["reason"] == "fixed"
    r = await act(client, auth, rid, "rollback", json={"reason": "data drift"}, role="ci", sub="pipeline")
    assert r.status_code == 200
    assert r.json()["status"] == "rolled_back" and r.json()["current_percent"] == 0
    assert await release_status(client, auth, release_id) == "rolled_back"
    assert await event_types(db, rid) == [
        "rollout.started",
        "rollout.paused",
        "rollout.resumed",
        "rollout.rolled_back",
    ]
    [event] = await events_of(db, rid, "rollout.rolled_back")
    assert event["from"]["status"] == "running" and event["to"] == {
        "status": "rolled_back",
        "stage": 0,
        "percent": 0,
    }
    assert event["by"] == "pipeline" and event["reason"] == "data drift"
    assert (await events_of(db, release_id, "release.rolled_back"))[0]["rollout_id"] == rid


async def test_pause_without_reason_says_who(client, auth, db):
    release_id = await make_release(client, auth, db)
    rollout = await make_rollout(client, auth, release_id)
    await act(client, auth, rollout["id"], "start")
    r = await act(client, auth, rollout["id"], "pause", role="qa", sub="quinn")
    assert r.json()["pause_reason"] == "paused by quinn"


# ---- metric readings -----------------------------------------------------------------------------------


async def post_metrics(client, auth, rollout_id, readings, role="ci", sub="monitor"):
    body = {"readings": readings} if isinstance(readings, list) else readings
    return await client.post(
        f"/v1/rollouts/{rollout_id}/metrics", json=body, headers=auth(role, "PAY", sub=sub)
    )


async def running_rollout(client, auth, db, **body) -> dict:
    release_id = await make_release(client, auth, db)
    rollout = await make_rollout(client, auth, release_id, **body)
    r = await act(client, auth, rollout["id"], "start")
    assert r.status_code == 200, r.text
    return r.json()


async def test_absolute_guardrail_pass_and_fail(client, auth, db, clock):
    rollout = await running_rollout(
        client, auth, db, stages=stages(10, 100, guardrails=["error_rate <= 0.01"])
    )
    r = await post_metrics(
        client, auth, rollout["id"], {"metric": "error_rate", "value": 0.01, "source": "prom"}
    )
    assert r.status_code == 201, r.text
    result = r.json()
    assert [x["outcome"] for x in result["readings"]] == ["pass"] and result["failed_checks"] == 0
    assert result["readings"][0]["at"] == "2026-11-22T06:00:00Z" and result["readings"][0]["source"] == "prom"
    assert result["action_taken"] is None and result["rollout"]["revision"] == rollout["revision"]
    r = await post_metrics(
        client, auth, rollout["id"], [{"metric": "error_rate", "value": 0.02}, {"metric": "cpu", "value": 99}]
    )
    outcomes = {x["metric"]: (x["outcome"], x["failed"]) for x in r.json()["readings"]}
    assert outcomes == {"error_rate": ("fail", ["error_rate <= 0.01"]), "cpu": ("unchecked", [])}
    assert r.json()["failed_checks"] == 1 and r.json()["rollout"]["stages"][0]["failed_checks"] == 1
    [breach] = await events_of(db, rollout["id"], "rollout.guardrail_breached")
    assert breach["guardrails"] == ["error_rate <= 0.01"] and breach["failed_checks"] == 1
    assert breach["action_taken"] is None and breach["failures"][0]["value"] == 0.02


async def test_relative_guardrail_uses_the_latest_baseline(client, auth, db, clock):
    rollout = await running_rollout(
        client, auth, db, stages=stages(10, 100, guardrails=["p99_ms <= 1.2 x baseline"]), breach_threshold=10
    )
    rid = rollout["id"]
    r = await post_metrics(client, auth, rid, {"metric": "p99_ms", "value": 500})
    assert r.json()["readings"][0]["outcome"] == "no_baseline"
    t = clock.now
    await post_metrics(
        client,
        auth,
        rid,
        [
            {
                "metric": "p99_ms",
                "value": 100,
                "cohort": "baseline",
                "at": (t - timedelta(minutes=2)).isoformat(),
            },
            {
                "metric": "p99_ms",
                "value": 200,
                "cohort": "baseline",
                "at": (t - timedelta(minutes=1)).isoformat(),
            },
        ],
    )
    # 230 <= 1.2 × 200 passes against the latest baseline (200), though it would fail against 100.
    r = await post_metrics(client, auth, rid, {"metric": "p99_ms", "value": 230})
    assert r.json()["readings"][0]["outcome"] == "pass"
    r = await post_metrics(client, auth, rid, {"metric": "p99_ms", "value": 241})
    assert r.json()["readings"][0]["outcome"] == "fail"
    # Readings of one batch are judged in time order: the baseline posted with them counts.
    r = await post_metrics(
        client,
        auth,
        rid,
        [
            {"metric": "p99_ms", "value": 290, "at": t.isoformat()},
            {
                "metric": "p99_ms",
                "value": 250,
                "cohort": "baseline",
                "at": (t - timedelta(seconds=1)).isoformat(),
            },
        ],
    )
    assert [(x["cohort"], x["outcome"]) for x in r.json()["readings"]] == [
        ("baseline", "unchecked"),
        ("canary", "pass"),
    ]


async def test_breach_threshold_pauses_by_itself(client, auth, db):
    rollout = await running_rollout(
        client,
        auth,
        db,
        stages=stages(10, 100, guardrails=["error_rate <= 0.01"]),
        breach_threshold=3,
        on_breach="pause",
    )
    rid = rollout["id"]
    r = await post_metrics(client, auth, rid, [{"metric": "error_rate", "value": 0.5}] * 2)
    assert r.json()["failed_checks"] == 2 and r.json()["rollout"]["status"] == "running"
    await post_metrics(client, auth, rid, {"metric": "error_rate", "value": 0.001})
    r = await post_metrics(client, auth, rid, {"metric": "error_rate", "value": 0.3})
    result = r.json()
    assert result["action_taken"] == "pause" and result["failed_checks"] == 3
    assert result["rollout"]["status"] == "paused"
    assert result["rollout"]["pause_reason"].startswith("guardrail breached: error_rate <= 0.01")
    [paused] = await events_of(db, rid, "rollout.paused")
    assert (
        paused["by"] == "tpmhub:rollouts"
        and paused["automatic"] is True
        and paused["triggered_by"] == "monitor"
    )
    # Further failures while paused are counted, but nothing else happens.
    r = await post_metrics(client, auth, rid, {"metric": "error_rate", "value": 0.3})
    assert r.status_code == 201 and r.json()["action_taken"] is None and r.json()["failed_checks"] == 4
    assert len(await events_of(db, rid, "rollout.guardrail_breached")) == 3


async def test_breach_threshold_rolls_back_by_itself(client, auth, db):
    release_id = await make_release(client, auth, db)
    rollout = await make_rollout(
        client,
        auth,
        release_id,
        on_breach="rollback",
        breach_threshold=1,
        stages=stages(10, 100, guardrails=["error_rate <= 0.01", "p99_ms <= 300"]),
    )
    await act(client, auth, rollout["id"], "start")
    r = await post_metrics(client, auth, rollout["id"], [{"metric": "p99_ms", "value": 301}])
    assert r.json()["action_taken"] == "rollback" and r.json()["rollout"]["status"] == "rolled_back"
    assert r.json()["rollout"]["current_percent"] == 0
    assert await release_status(client, auth, release_id) == "rolled_back"
    assert await event_types(db, rollout["id"]) == [
        "rollout.started",
        "rollout.guardrail_breached",
        "rollout.rolled_back",
    ]


async def test_failed_checks_are_counted_per_stage(client, auth, db):
    rollout = await running_rollout(
        client, auth, db, breach_threshold=2, stages=stages(10, 50, 100, guardrails=["error_rate <= 0.01"])
    )
    rid = rollout["id"]
    await post_metrics(client, auth, rid, {"metric": "error_rate", "value": 0.2})
    await act(client, auth, rid, "advance")
    r = await post_metrics(client, auth, rid, {"metric": "error_rate", "value": 0.2})
    assert r.json()["rollout"]["status"] == "running" and r.json()["failed_checks"] == 1
    assert [s["failed_checks"] for s in r.json()["rollout"]["stages"]] == [1, 1, 0]
    assert r.json()["readings"][0]["stage_index"] == 1


async def test_readings_for_a_finished_or_unstarted_rollout_are_409(client, auth, db):
    release_id = await make_release(client, auth, db)
    rollout = await make_rollout(
        client, auth, release_id, stages=stages(10, guardrails=["error_rate <= 0.01"])
    )
    rid = rollout["id"]
    r = await post_metrics(client, auth, rid, {"metric": "error_rate", "value": 0.0})
    assert r.status_code == 409 and r.json()["state"] == "draft"
    await act(client, auth, rid, "start")
    await act(client, auth, rid, "complete")
    r = await post_metrics(client, auth, rid, [{"metric": "error_rate", "value": 0.5}])
    assert r.status_code == 409 and "finished" in r.json()["detail"]
    assert await count(db, MetricReading) == 0
    assert "rollout.guardrail_breached" not in await event_types(db, rid)


@pytest.mark.parametrize(
    "body",
    [
        {"metric": "error_rate"},
        {"metric": "Error-Rate", "value": 1},
        {"metric": "error_rate", "value": "high"},
        {"metric": "error_rate", "value": 1, "cohort": "control"},
        {"metric": "error_rate", "value": 1, "colour": "red"},
        {"metric": "error_rate", "value": 1, "source": "x" * 201},
        {"readings": []},
        {"readings": [{"metric": "error_rate", "value": 1}] * 1001},
        '{"readings": [{"metric": "error_rate", "value": 0.5}, {"metric": "error_rate", "value": 1e400}]}',
        '{"metric": "error_rate", "value": NaN}',
        {"metric": "error_rate", "value": 1, "at": "0001-01-01T00:00:00+14:00"},
        {
            "readings": [
                {"metric": "error_rate", "value": 0.5},
                {"metric": "error_rate", "value": 1, "at": "yesterday"},
            ]
        },
        {
            "readings": [
                {"metric": "error_rate", "value": 0.5},
                {"metric": "error_rate", "value": 1, "at": "2026-11-22T07:00:00Z"},
            ]
        },
    ],
)
async def test_bad_readings_are_422_and_nothing_is_written(client, auth, db, clock, body):
    rollout = await running_rollout(
        client, auth, db, stages=stages(10, guardrails=["error_rate <= 0.01"]), breach_threshold=1
    )
    headers = {**auth("ci", "PAY"), "Content-Type": "application/json"}
    raw = body if isinstance(body, str) else json.dumps(body)
    r = await client.post(f"/v1/rollouts/{rollout['id']}/metrics", content=raw, headers=headers)
    assert r.status_code == 422, r.text
    assert await count(db, MetricReading) == 0
    assert (await client.get(f"/v1/rollouts/{rollout['id']}", headers=auth())).json()["status"] == "running"


async def test_who_may_post_readings(client, auth, db, make_token):
    rollout = await running_rollout(client, auth, db)
    reading = {"metric": "error_rate", "value": 0.0}
    for role in ("viewer", "pm"):
        assert (await post_metrics(client, auth, rollout["id"], reading, role=role)).status_code == 403
    for role in ("engineer", "qa", "tpm", "admin", "ci"):
        assert (await post_metrics(client, auth, rollout["id"], reading, role=role)).status_code == 201
    service = {"Authorization": f"Bearer {make_token(roles={}, service='release-svc', sub='svc')}"}
    r = await client.post(f"/v1/rollouts/{rollout['id']}/metrics", json=reading, headers=service)
    assert r.status_code == 201
    listed = await client.get(f"/v1/rollouts/{rollout['id']}/metrics?limit=4", headers=auth("viewer", "PAY"))
    assert len(listed.json()["items"]) == 4 and listed.json()["next_cursor"]
    filtered = await client.get(f"/v1/rollouts/{rollout['id']}/metrics?cohort=baseline", headers=auth())
    assert filtered.json()["items"] == []


async def test_reading_errors_name_the_field(client, auth, db):
    rollout = await running_rollout(client, auth, db)
    url = f"/v1/rollouts/{rollout['id']}/metrics"
    r = await client.post(
        url, json={"readings": [{"metric": "a", "value": 1}, {"metric": "a"}]}, headers=auth()
    )
    assert [e["loc"] for e in r.json()["errors"]] == ["body.batch.readings.1.value"]
    r = await client.post(url, json={"metric": "a", "value": "x"}, headers=auth())
    assert [e["loc"] for e in r.json()["errors"]] == ["body.single.value"]


async def test_concurrent_starts_of_one_release_let_one_win(client, auth, db):
    import asyncio

    release_id = await make_release(client, auth, db, status="approved")
    ids = [(await make_rollout(client, auth, release_id))["id"] for _ in range(4)]
    answers = await asyncio.gather(*(act(client, auth, rid, "start") for rid in ids))
    assert sorted(r.status_code for r in answers) == [200, 409, 409, 409]
    async with db.session(write=False) as session:
        active = (
            await session.execute(
                select(func.count()).select_from(Rollout).where(Rollout.status == "running")
            )
        ).scalar_one()
        deploys = (
            await session.execute(
                select(func.count()).select_from(OutboxEvent).where(OutboxEvent.type == "release.deploying")
            )
        ).scalar_one()
    assert active == 1 and deploys == 1
    assert await release_status(client, auth, release_id) == "deploying"
