"""Rollout controls: abort with a reason (and how DORA counts it), scheduled start/advance (freeze windows at
creation and when due, cancel, failures recorded and notified, exactly once with several schedulers), the
portfolio of active rollouts across projects, editing drafts, and failed notifications in the delivery log."""

import asyncio
import itertools
import socket
import uuid
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
from release_helpers import patient, ready_release
from release_svc.rollouts.models import Rollout
from release_svc.scheduling import flows as schedules
from sqlalchemy import event, func, select
from tpmhub_shared.db import Database
from tpmhub_shared.events import OutboxEvent, outbox

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
    """The app's clock, a minute behind the wall clock (freeze windows and DORA windows are wall-clock
    based, so the tests keep to real time and move it forward from there)."""
    app = client._transport.app
    app.state.clock = Clock(datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=1))
    yield app.state.clock
    app.state.clock = None


@pytest.fixture(autouse=True)
def _siblings(wired):
    return wired


@pytest.fixture
def runner_app(db, clock, client):
    app = client._transport.app
    return SimpleNamespace(
        state=SimpleNamespace(
            db=db,
            clock=clock,
            stopping=asyncio.Event(),
            rollout_poll_seconds=0.01,
            siblings=app.state.siblings,
            settings=patient(app.state.settings),
        )
    )


def stages(*percents, hold=0, operator="bob", guardrails=()):
    return [
        {"percent": p, "min_hold_seconds": hold, "operator": operator, "guardrails": list(guardrails)}
        for p in percents
    ]


async def new_rollout(client, auth, *, project="PAY", start=False, **body) -> dict:
    release_id = await ready_release(client, auth, [], version=f"3.{next(_versions)}.0", project=project)
    body.setdefault("stages", stages(10, 50, 100))
    r = await client.post(f"/v1/releases/{release_id}/rollouts", json=body, headers=auth("tpm", project))
    assert r.status_code == 201, r.text
    rollout = r.json()
    if start:
        r = await client.post(f"/v1/rollouts/{rollout['id']}/start", headers=auth("tpm", project))
        assert r.status_code == 200, r.text
        rollout = r.json()
    return rollout


async def get(client, auth, rid, project="PAY") -> dict:
    return (await client.get(f"/v1/rollouts/{rid}", headers=auth("viewer", project))).json()


async def release_status(client, auth, release_id) -> str:
    return (await client.get(f"/v1/releases/{release_id}", headers=auth("viewer", "PAY"))).json()["status"]


async def events_of(db, subject: str, type_: str) -> list[dict]:
    async with db.session(write=False) as session:
        rows = await session.execute(
            select(OutboxEvent.data)
            .where(OutboxEvent.subject == subject, OutboxEvent.type == type_)
            .order_by(OutboxEvent.id)
        )
        return [d for (d,) in rows]


async def history(client, auth, rid) -> list[dict]:
    r = await client.get(f"/v1/rollouts/{rid}/history", params={"limit": 200}, headers=auth("viewer", "PAY"))
    return r.json()["items"]


async def freeze_window(client, auth, starts_at, ends_at, *, environments=("production",)) -> dict:
    r = await client.post(
        "/v1/projects/PAY/freeze-windows",
        headers=auth("tpm", "PAY"),
        json={
            "name": "Year end",
            "starts_at": starts_at.isoformat(),
            "ends_at": ends_at.isoformat(),
            "environments": list(environments),
        },
    )
    assert r.status_code == 201, r.text
    return r.json()


# ---- abort ---------------------------------------------------------------------------------------------


async def test_abort_needs_a_reason_and_a_steering_role(client, auth, db, clock):
    ro = await new_rollout(client, auth)
    rid = ro["id"]
    for body in (None, {}, {"reason": ""}, {"reason": "   "}):
        r = await client.post(f"/v1/rollouts/{rid}/abort", json=body, headers=auth("tpm", "PAY"))
        assert r.status_code == 422, body
        assert r.headers["content-type"].startswith("application/problem+json")
    for role, sub in (("viewer", "vic"), ("engineer", "eve"), ("pm", "pat")):
        r = await client.post(
            f"/v1/rollouts/{rid}/abort", json={"reason": "no"}, headers=auth(role, "PAY", sub=sub)
        )
        assert r.status_code == 403, role
    assert (await get(client, auth, rid))["status"] == "draft"
    assert await events_of(db, rid, "rollout.aborted") == []


async def test_abort_a_draft_leaves_the_release_and_is_not_a_change_failure(client, auth, db, clock):
    ro = await new_rollout(client, auth)
    rid = ro["id"]
    r = await client.post(
        f"/v1/rollouts/{rid}/abort",
        json={"reason": "plan changed"},
        headers=auth("engineer", "PAY", sub="bob"),
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["status"] == "aborted" and body["abort_reason"] == "plan changed"
    assert body["allowed_actions"] == [] and body["current_percent"] == 0
    assert await release_status(client, auth, ro["release_id"]) == "approved"
    [ev] = await events_of(db, rid, "rollout.aborted")
    assert ev["exposed"] is False and ev["counts_as_change_failure"] is False and ev["by"] == "bob"
    assert [h["action"] for h in await history(client, auth, rid)][-1] == "abort"
    again = await client.post(f"/v1/rollouts/{rid}/abort", json={"reason": "x"}, headers=auth("tpm", "PAY"))
    assert again.status_code == 409 and again.json()["allowed_actions"] == []


async def test_abort_while_running_is_distinct_from_rollback_and_counted_in_dora(client, auth, db, clock):
    # 1. aborted while running: exposure ends, the release rolls back, a change failure.
    running = await new_rollout(client, auth, start=True)
    r = await client.post(
        f"/v1/rollouts/{running['id']}/abort", json={"reason": "wrong build"}, headers=auth("tpm", "PAY")
    )
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "aborted" and r.json()["current_percent"] == 0
    assert await release_status(client, auth, running["release_id"]) == "rolled_back"
    decide = await client.get(f"/v1/rollouts/{running['id']}/decide?unit=1", headers=auth("ci", "PAY"))
    assert decide.json()["enabled"] is False
    [ev] = await events_of(db, running["id"], "rollout.aborted")
    assert ev["exposed"] is True and ev["counts_as_change_failure"] is True and ev["reason"] == "wrong build"
    assert await events_of(db, running["id"], "rollout.rolled_back") == []
    entry = [h for h in await history(client, auth, running["id"]) if h["action"] == "abort"]
    assert len(entry) == 1 and entry[0]["note"] == "wrong build"
    # 2. aborted as a draft: not a change failure.
    draft = await new_rollout(client, auth)
    r = await client.post(
        f"/v1/rollouts/{draft['id']}/abort", json={"reason": "n/a"}, headers=auth("tpm", "PAY")
    )
    assert r.status_code == 200
    # 3. rolled back by a guardrail.
    breached = await new_rollout(
        client,
        auth,
        start=True,
        on_breach="rollback",
        breach_threshold=1,
        stages=stages(10, 100, guardrails=["error_rate <= 0.01"]),
    )
    r = await client.post(
        f"/v1/rollouts/{breached['id']}/metrics",
        json={"metric": "error_rate", "value": 0.5},
        headers=auth("ci", "PAY"),
    )
    assert r.json()["action_taken"] == "rollback"
    # 4. rolled back by a person; 5. completed.
    manual = await new_rollout(client, auth, start=True)
    assert (
        await client.post(f"/v1/rollouts/{manual['id']}/rollback", headers=auth("tpm", "PAY"))
    ).status_code == 200
    done = await new_rollout(client, auth, start=True, stages=stages(100))
    assert (
        await client.post(f"/v1/rollouts/{done['id']}/complete", headers=auth("tpm", "PAY"))
    ).status_code == 200

    dora = await client.get("/v1/projects/PAY/dora", headers=auth("viewer", "PAY"))
    assert dora.status_code == 200, dora.text
    assert dora.json()["rollouts"] == {
        "completed": 1,
        "guardrail_rollbacks": 1,
        "manual_rollbacks": 1,
        "aborted_after_exposure": 1,
        "aborted_before_exposure": 1,
        "change_failures": 3,
        "change_failure_rate": 0.75,
    }
    staging = (
        await client.get("/v1/projects/PAY/dora?environment=staging", headers=auth("viewer", "PAY"))
    ).json()
    assert staging["rollouts"]["change_failures"] == 0 and staging["rollouts"]["change_failure_rate"] is None


# ---- scheduled actions ---------------------------------------------------------------------------------


async def schedule(client, auth, rid, action, at, reason="planned", role="tpm", sub="alice"):
    return await client.post(
        f"/v1/rollouts/{rid}/schedules",
        json={"action": action, "at": at.isoformat(), "reason": reason},
        headers=auth(role, "PAY", sub=sub),
    )


async def test_schedule_validation_roles_and_cancel(client, auth, db, clock):
    ro = await new_rollout(client, auth)
    rid = ro["id"]
    at = clock.now + timedelta(hours=1)
    for body in (
        {"action": "start", "at": at.isoformat(), "reason": " "},
        {"action": "start", "at": (clock.now - timedelta(seconds=1)).isoformat(), "reason": "x"},
        {"action": "start", "at": (clock.now + timedelta(days=400)).isoformat(), "reason": "x"},
        {"action": "pause", "at": at.isoformat(), "reason": "x"},
        {"action": "start", "at": "tomorrow", "reason": "x"},
    ):
        r = await client.post(f"/v1/rollouts/{rid}/schedules", json=body, headers=auth("tpm", "PAY"))
        assert r.status_code == 422, body
    assert (await schedule(client, auth, rid, "start", at, role="viewer", sub="vic")).status_code == 403
    assert (await schedule(client, auth, rid, "start", at, role="engineer", sub="eve")).status_code == 403
    # The first stage's operator may schedule the start.
    r = await schedule(client, auth, rid, "start", at, reason="after the batch", role="engineer", sub="bob")
    assert r.status_code == 201, r.text
    created = r.json()
    assert created["status"] == "pending" and created["action"] == "start" and created["created_by"] == "bob"
    assert r.headers["location"] == f"/v1/rollouts/{rid}/schedules/{created['id']}"
    r = await schedule(client, auth, rid, "advance", at + timedelta(hours=1))
    assert r.status_code == 201
    listed = (await client.get(f"/v1/rollouts/{rid}/schedules", headers=auth("viewer", "PAY"))).json()
    assert [s["id"] for s in listed["items"]] == [created["id"], r.json()["id"]]
    assert (
        await client.get(f"/v1/rollouts/{rid}/schedules", headers=auth("viewer", "OPS"))
    ).status_code == 404
    # Cancel: someone else without steering rights may not; the creator may; only once.
    url = f"/v1/rollouts/{rid}/schedules/{created['id']}"
    assert (await client.delete(url, headers=auth("engineer", "PAY", sub="eve"))).status_code == 403
    r = await client.delete(url, headers=auth("engineer", "PAY", sub="bob"))
    assert r.status_code == 200 and r.json()["status"] == "cancelled" and r.json()["cancelled_by"] == "bob"
    assert (await client.delete(url, headers=auth("tpm", "PAY"))).status_code == 409
    assert (
        await client.delete(f"/v1/rollouts/{rid}/schedules/{uuid.uuid4()}", headers=auth())
    ).status_code == 404
    assert [e["action"] for e in await events_of(db, rid, "rollout.schedule_created")] == ["start", "advance"]
    assert len(await events_of(db, rid, "rollout.schedule_cancelled")) == 1
    actions = [h["action"] for h in await history(client, auth, rid)]
    assert actions.count("schedule") == 2 and actions.count("schedule_cancel") == 1
    # A finished rollout takes no schedules; an aborted one cancels its pending ones.
    await client.post(f"/v1/rollouts/{rid}/abort", json={"reason": "stop"}, headers=auth("tpm", "PAY"))
    listed = (await client.get(f"/v1/rollouts/{rid}/schedules", headers=auth("viewer", "PAY"))).json()[
        "items"
    ]
    assert [s["status"] for s in listed] == ["cancelled", "cancelled"]
    r = await schedule(client, auth, rid, "advance", at)
    assert r.status_code == 409 and r.json()["allowed_actions"] == []


async def test_schedule_refused_inside_a_freeze_window_unless_excepted(client, auth, db, clock):
    ro = await new_rollout(client, auth)
    rid = ro["id"]
    window = await freeze_window(client, auth, clock.now + timedelta(hours=2), clock.now + timedelta(hours=4))
    r = await schedule(client, auth, rid, "start", clock.now + timedelta(hours=3))
    assert r.status_code == 409, r.text
    assert r.json()["type"].endswith("/freeze-window") and r.json()["freeze_window_ids"] == [window["id"]]
    # Outside the window, or in another environment's window, it is fine.
    assert (await schedule(client, auth, rid, "start", clock.now + timedelta(hours=1))).status_code == 201
    # With an approved exception for the release, inside the window too.
    ask = await client.post(
        f"/v1/releases/{ro['release_id']}/freeze-exceptions",
        headers=auth("engineer", "PAY", sub="eve"),
        json={"freeze_window_id": window["id"], "reason": "hotfix"},
    )
    assert ask.status_code == 201, ask.text
    ok = await client.post(
        f"/v1/freeze-exceptions/{ask.json()['id']}/approve", headers=auth("tpm", "PAY", sub="tina")
    )
    assert ok.status_code == 200
    assert (await schedule(client, auth, rid, "advance", clock.now + timedelta(hours=3))).status_code == 201


async def test_due_schedules_run_through_the_action_rules(client, auth, db, clock, runner_app):
    ro = await new_rollout(client, auth, stages=stages(10, 50, 100, hold=600))
    rid = ro["id"]
    start = (
        await schedule(client, auth, rid, "start", clock.now + timedelta(minutes=10), reason="go")
    ).json()
    # An advance due before the stage's hold has passed fails with the hold's reason.
    early = (await schedule(client, auth, rid, "advance", clock.now + timedelta(minutes=15))).json()
    late = (await schedule(client, auth, rid, "advance", clock.now + timedelta(minutes=30))).json()
    assert await schedules.run_due_schedules(runner_app) == {"done": [], "failed": []}
    clock.tick(600)
    assert await schedules.run_due_schedules(runner_app) == {"done": [uuid.UUID(start["id"])], "failed": []}
    now = await get(client, auth, rid)
    assert now["status"] == "running" and now["current_percent"] == 10
    [started] = await events_of(db, rid, "rollout.started")
    assert started["by"] == "alice" and started["reason"] == "go" and started["gate"]["allowed"] is True
    clock.tick(300)
    assert await schedules.run_due_schedules(runner_app) == {"done": [], "failed": [uuid.UUID(early["id"])]}
    assert (await get(client, auth, rid))["current_percent"] == 10
    clock.tick(900)
    assert await schedules.run_due_schedules(runner_app) == {"done": [uuid.UUID(late["id"])], "failed": []}
    assert (await get(client, auth, rid))["current_percent"] == 50
    listed = {
        s["id"]: s
        for s in (await client.get(f"/v1/rollouts/{rid}/schedules", headers=auth())).json()["items"]
    }
    assert listed[start["id"]]["status"] == "done" and listed[late["id"]]["status"] == "done"
    failed = listed[early["id"]]
    assert failed["status"] == "failed" and "hold" in failed["failure_reason"]
    assert failed["failure"]["status"] == 409 and failed["failure"]["seconds_left"] > 0
    [ev] = await events_of(db, rid, "rollout.schedule_failed")
    assert (
        ev["schedule_id"] == early["id"] and ev["scheduled_by"] == "alice" and "hold" in ev["failure_reason"]
    )
    # Nothing runs twice.
    clock.tick(3600)
    assert await schedules.run_due_schedules(runner_app) == {"done": [], "failed": []}


async def test_due_schedule_refused_by_a_freeze_or_the_state_is_recorded(client, auth, db, clock, runner_app):
    ro = await new_rollout(client, auth)
    rid = ro["id"]
    start = (await schedule(client, auth, rid, "start", clock.now + timedelta(minutes=10))).json()
    # A draft cannot advance: recorded as failed when due.
    advance = (await schedule(client, auth, rid, "advance", clock.now + timedelta(minutes=5))).json()
    # A freeze declared after the schedule was made covers the time it is due.
    await freeze_window(client, auth, clock.now + timedelta(minutes=8), clock.now + timedelta(hours=2))
    clock.tick(360)
    assert await schedules.run_due_schedules(runner_app) == {"done": [], "failed": [uuid.UUID(advance["id"])]}
    clock.tick(300)
    assert await schedules.run_due_schedules(runner_app) == {"done": [], "failed": [uuid.UUID(start["id"])]}
    assert (await get(client, auth, rid))["status"] == "draft"
    items = {
        s["id"]: s
        for s in (await client.get(f"/v1/rollouts/{rid}/schedules", headers=auth())).json()["items"]
    }
    assert items[start["id"]]["failure"]["type"].endswith("/freeze-window")
    assert "freeze window" in items[start["id"]]["failure_reason"]
    assert items[advance["id"]]["failure"]["allowed_actions"] == ["abort", "edit", "start"]
    evs = await events_of(db, rid, "rollout.schedule_failed")
    assert [e["schedule_id"] for e in evs] == [advance["id"], start["id"]]
    assert [h["action"] for h in await history(client, auth, rid)].count("schedule_failed") == 2
    assert await events_of(db, rid, "rollout.started") == []


async def test_several_schedulers_run_a_due_schedule_exactly_once(
    client, auth, db, clock, runner_app, release_settings
):
    ids = []
    for _ in range(6):
        ro = await new_rollout(client, auth)
        r = await schedule(client, auth, ro["id"], "start", clock.now + timedelta(seconds=30))
        ids.append(uuid.UUID(r.json()["id"]))
    clock.tick(60)
    replicas = [Database(release_settings.database_url) for _ in range(3)]
    try:
        apps = [
            SimpleNamespace(state=SimpleNamespace(**{**vars(runner_app.state), "db": d})) for d in replicas
        ]
        results = await asyncio.gather(*(schedules.run_due_schedules(a) for a in apps for _ in range(2)))
    finally:
        for d in replicas:
            await d.dispose()
    done = [i for r in results for i in r["done"]]
    assert sorted(done) == sorted(ids) and not [i for r in results for i in r["failed"]]
    async with db.session(write=False) as session:
        n = (
            await session.execute(
                select(func.count()).select_from(OutboxEvent).where(OutboxEvent.type == "rollout.started")
            )
        ).scalar_one()
    assert n == 6


def test_the_due_schedule_scan_skips_rows_other_replicas_hold_on_postgresql():
    from sqlalchemy.dialects import postgresql

    sql = str(
        schedules.due_schedules_query(now=datetime.now(UTC), limit=20).compile(dialect=postgresql.dialect())
    )
    assert "FOR UPDATE SKIP LOCKED" in sql and "rollout_schedules.at <=" in sql


# ---- the portfolio -------------------------------------------------------------------------------------


async def test_portfolio_across_projects_with_roles_and_pagination(client, auth, db, clock):
    pay1 = await new_rollout(
        client, auth, start=True, stages=stages(10, 100, hold=600, guardrails=["error_rate <= 0.01"])
    )
    pay2 = await new_rollout(client, auth, start=True)
    await new_rollout(client, auth)  # a draft: not listed by default
    ops = await new_rollout(client, auth, project="OPS", start=True, stages=stages(20, 100, operator="olga"))
    r = await client.post(
        f"/v1/rollouts/{ops['id']}/pause", json={"reason": "alerts"}, headers=auth("tpm", "OPS")
    )
    assert r.status_code == 200
    await client.post(
        f"/v1/rollouts/{pay1['id']}/metrics",
        json={"metric": "error_rate", "value": 0.2},
        headers=auth("ci", "PAY"),
    )
    await schedule(client, auth, pay2["id"], "advance", clock.now + timedelta(hours=1))

    def ids(page):
        return [i["id"] for i in page["items"]]

    admin = (await client.get("/v1/rollouts", headers=auth("admin"))).json()
    assert ids(admin) == [pay1["id"], pay2["id"], ops["id"]] and admin["next_cursor"] is None
    first = admin["items"][0]
    assert first["operator"] == "bob" and first["stage_count"] == 2 and first["current_percent"] == 10
    assert first["guardrail_outcome"] == "fail" and first["failed_checks"] == 1
    assert 0 < first["hold_left_seconds"] <= 600 and first["version"].startswith("3.")
    assert admin["items"][1]["guardrail_outcome"] == "none"
    assert admin["items"][1]["next_schedule_at"] is not None
    paused = admin["items"][2]
    assert (
        paused["status"] == "paused" and paused["operator"] == "olga" and paused["pause_reason"] == "alerts"
    )
    # Only the projects the caller can read.
    assert ids((await client.get("/v1/rollouts", headers=auth("viewer", "PAY"))).json()) == [
        pay1["id"],
        pay2["id"],
    ]
    assert ids((await client.get("/v1/rollouts", headers=auth("viewer", "OPS"))).json()) == [ops["id"]]
    both = auth(roles={"PAY": "viewer", "OPS": "engineer"})
    assert len(ids((await client.get("/v1/rollouts", headers=both)).json())) == 3
    assert ids((await client.get("/v1/rollouts?project=OPS", headers=auth("viewer", "PAY"))).json()) == []
    assert ids((await client.get("/v1/rollouts?status=paused", headers=both)).json()) == [ops["id"]]
    assert len(ids((await client.get("/v1/rollouts?status=draft,running", headers=auth())).json())) == 3
    # Keyset pages.
    seen, cursor = [], None
    while True:
        params = {"limit": 1, **({"cursor": cursor} if cursor else {})}
        page = (await client.get("/v1/rollouts", params=params, headers=both)).json()
        seen += ids(page)
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == [pay1["id"], pay2["id"], ops["id"]]
    assert (await client.get("/v1/rollouts?status=bogus", headers=both)).status_code == 422
    assert (await client.get("/v1/rollouts?cursor=abc", headers=both)).status_code == 400
    assert (await client.get("/v1/rollouts")).status_code == 401


async def test_portfolio_queries_do_not_grow_with_the_page(client, auth, db, clock):
    for _ in range(4):
        await new_rollout(client, auth, start=True, stages=stages(10, 100, guardrails=["error_rate <= 0.01"]))
    engine = client._transport.app.state.db.engine.sync_engine
    statements = []

    def count(*_args):
        statements.append(1)

    event.listen(engine, "before_cursor_execute", count)
    try:
        await client.get("/v1/rollouts?limit=1", headers=auth())
        one = len(statements)
        statements.clear()
        page = (await client.get("/v1/rollouts?limit=4", headers=auth())).json()
        four = len(statements)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert len(page["items"]) == 4 and four == one


# ---- editing a draft -----------------------------------------------------------------------------------


async def test_patch_a_draft_with_if_match(client, auth, db, clock):
    ro = await new_rollout(client, auth)
    rid, url = ro["id"], f"/v1/rollouts/{ro['id']}"
    etag = (await client.get(url, headers=auth())).headers["etag"]
    body = {"name": "Checkout v2", "stages": stages(5, 25, 100, guardrails=["p99_ms <= 1.2 x baseline"])}
    r = await client.patch(url, json=body, headers={**auth("pm", "PAY"), "If-Match": etag})
    assert r.status_code == 200, r.text
    changed = r.json()
    assert changed["name"] == "Checkout v2" and [s["percent"] for s in changed["stages"]] == [5, 25, 100]
    assert changed["stages"][0]["guardrails"][0]["relative"] is True
    assert r.headers["etag"] != etag and changed["group_id"] == ro["group_id"]
    [entry] = [h for h in await history(client, auth, rid) if h["action"] == "update"]
    assert {c["field"] for c in entry["changes"]} == {"name", "stages"}
    [ev] = await events_of(db, rid, "rollout.updated")
    assert ev["changed"] == ["name", "stages"]
    # A stale If-Match: 412, nothing changed.
    r = await client.patch(url, json={"name": "late"}, headers={**auth("tpm", "PAY"), "If-Match": etag})
    assert r.status_code == 412
    # Invalid stages, a null, an unknown environment, an unknown field: 422, nothing changed.
    for bad, loc in (
        ({"stages": stages(50, 20)}, "body.stages.1.percent"),
        ({"stages": stages(10, 100, guardrails=["error_rate == 0"])}, "body.stages.0.guardrails.0"),
        ({"stages": []}, "body.stages"),
        ({"name": None}, "body.name"),
        ({"environment": "moon"}, "body.environment"),
        ({"status": "running"}, "body.status"),
    ):
        r = await client.patch(url, json=bad, headers=auth("tpm", "PAY"))
        assert r.status_code == 422, bad
        assert loc in [
            e["loc"] if isinstance(e["loc"], str) else ".".join(map(str, e["loc"]))
            for e in r.json()["errors"]
        ], r.json()
    after = (await client.get(url, headers=auth())).json()
    assert after["name"] == "Checkout v2" and after["revision"] == changed["revision"]
    # Roles.
    for role in ("engineer", "viewer", "ci"):
        assert (await client.patch(url, json={"name": "x"}, headers=auth(role, "PAY"))).status_code == 403
    # Once started: 409 with the allowed actions.
    assert (await client.post(f"{url}/start", headers=auth("tpm", "PAY"))).status_code == 200
    r = await client.patch(url, json={"name": "x"}, headers=auth("tpm", "PAY"))
    assert r.status_code == 409 and r.json()["allowed_actions"] == ["abort", "advance", "pause", "rollback"]
    assert (await client.get(url, headers=auth())).json()["name"] == "Checkout v2"


# ---- a failed notification is in the delivery log ------------------------------------------------------


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def test_a_notification_that_fails_to_deliver_is_in_the_delivery_log(client, auth, db, clock):
    app = client._transport.app
    r = await client.post(
        "/v1/subscriptions",
        json={"url": f"http://127.0.0.1:{_closed_port()}/hook", "event_types": ["rollout.*"]},
        headers=auth("admin"),
    )
    assert r.status_code == 201, r.text
    sub = r.json()
    ro = await new_rollout(client, auth)
    await client.post(f"/v1/rollouts/{ro['id']}/abort", json={"reason": "stop"}, headers=auth("tpm", "PAY"))
    for _ in range(5):
        await outbox.run_once(app)
    log = (await client.get(f"/v1/subscriptions/{sub['id']}/deliveries", headers=auth("admin"))).json()[
        "items"
    ]
    aborted = [a for a in log if a["event_type"] == "rollout.aborted"]
    assert aborted and aborted[0]["success"] is False and aborted[0]["error"]
    async with db.session(write=False) as session:
        assert (await session.get(Rollout, uuid.UUID(ro["id"]))).status == "aborted"
