"""The rollout scheduler: advances on hold passed + green guardrails + auto_advance, never on missing data,
exactly once with several replicas, driven by an injected clock."""

import asyncio
import itertools
import uuid
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
from release_helpers import patient, ready_release
from release_svc.releases.models import Release
from release_svc.scheduling import workers
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


@pytest.fixture
def scheduler_app(db, clock, client, wired):
    """What the scheduler needs of an app: the database, the clock, the stop signal, and the sibling clients
    and settings the gate asks with (the real requirements-svc and risk-svc, in-process)."""
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


async def running_rollout(client, auth, db, stages, **extra) -> str:
    release_id = await ready_release(client, auth, [], version=f"2.{next(_versions)}.0")
    r = await client.post(
        f"/v1/releases/{release_id}/rollouts", json={"stages": stages, **extra}, headers=auth("tpm", "PAY")
    )
    assert r.status_code == 201, r.text
    rollout_id = r.json()["id"]
    assert (await client.post(f"/v1/rollouts/{rollout_id}/start", headers=auth())).status_code == 200
    return rollout_id


def stage(percent, hold=60, guardrails=("error_rate <= 0.01",), auto=True):
    return {
        "percent": percent,
        "min_hold_seconds": hold,
        "operator": "bob",
        "guardrails": list(guardrails),
        "auto_advance": auto,
    }


async def reading(client, auth, rollout_id, value, metric="error_rate", **kw):
    r = await client.post(
        f"/v1/rollouts/{rollout_id}/metrics",
        json={"metric": metric, "value": value, **kw},
        headers=auth("ci", "PAY"),
    )
    assert r.status_code == 201, r.text


async def get(client, auth, rollout_id) -> dict:
    return (await client.get(f"/v1/rollouts/{rollout_id}", headers=auth())).json()


async def test_no_data_during_the_hold_means_hold(client, auth, db, clock, scheduler_app):
    rid = await running_rollout(client, auth, db, [stage(10), stage(100)])
    clock.tick(3600)
    assert await workers.run_due(scheduler_app) == []
    assert (await get(client, auth, rid))["current_percent"] == 10


async def test_advances_after_the_hold_with_green_guardrails(client, auth, db, clock, scheduler_app):
    rid = await running_rollout(client, auth, db, [stage(10), stage(50, hold=120), stage(100)])
    clock.tick(30)
    await reading(client, auth, rid, 0.001)
    # Green, but the hold has not passed.
    assert await workers.run_due(scheduler_app) == []
    clock.tick(30)
    assert await workers.run_due(scheduler_app) == [uuid.UUID(rid)]
    moved = await get(client, auth, rid)
    assert moved["current_stage"] == 1 and moved["current_percent"] == 50
    assert (
        moved["stage_started_at"] == "2026-11-22T06:01:00Z" and moved["hold_until"] == "2026-11-22T06:03:00Z"
    )
    async with db.session(write=False) as session:
        [event] = (
            (
                await session.execute(
                    select(OutboxEvent.data).where(
                        OutboxEvent.subject == rid, OutboxEvent.type == "rollout.stage_changed"
                    )
                )
            )
            .scalars()
            .all()
        )
    assert event["by"] == "tpmhub:rollouts" and event["automatic"] is True
    assert event["from"]["percent"] == 10 and event["to"]["percent"] == 50
    # The reading of the previous stage does not count for the new one.
    clock.tick(600)
    assert await workers.run_due(scheduler_app) == []
    await reading(client, auth, rid, 0.002)
    # A due rollout that was not green is looked at again a few seconds later.
    assert await workers.run_due(scheduler_app) == []
    clock.tick(5)
    assert await workers.run_due(scheduler_app) == [uuid.UUID(rid)]
    assert (await get(client, auth, rid))["current_percent"] == 100


async def test_latest_failing_reading_blocks_the_advance(client, auth, db, clock, scheduler_app):
    rid = await running_rollout(client, auth, db, [stage(10), stage(100)], breach_threshold=5)
    await reading(client, auth, rid, 0.001)
    clock.tick(10)
    await reading(client, auth, rid, 0.2)
    clock.tick(60)
    assert await workers.run_due(scheduler_app) == []
    clock.tick(10)
    await reading(client, auth, rid, 0.0)
    clock.tick(10)
    assert await workers.run_due(scheduler_app) == [uuid.UUID(rid)]


async def test_every_guardrail_needs_data(client, auth, db, clock, scheduler_app):
    guardrails = ("error_rate <= 0.01", "p99_ms <= 1.2 x baseline")
    rid = await running_rollout(client, auth, db, [stage(10, guardrails=guardrails), stage(100)])
    await reading(client, auth, rid, 0.001)
    await reading(client, auth, rid, 150, metric="p99_ms")  # no baseline yet: neither pass nor fail
    clock.tick(60)
    assert await workers.run_due(scheduler_app) == []
    await reading(client, auth, rid, 140, metric="p99_ms", cohort="baseline")
    clock.tick(1)
    await reading(client, auth, rid, 150, metric="p99_ms")
    clock.tick(5)
    assert await workers.run_due(scheduler_app) == [uuid.UUID(rid)]


async def test_auto_advance_off_or_paused_is_left_alone(client, auth, db, clock, scheduler_app):
    manual = await running_rollout(client, auth, db, [stage(10, auto=False), stage(100)])
    paused = await running_rollout(client, auth, db, [stage(10), stage(100)])
    for rid in (manual, paused):
        await reading(client, auth, rid, 0.0)
    assert (await client.post(f"/v1/rollouts/{paused}/pause", headers=auth())).status_code == 200
    clock.tick(120)
    assert await workers.run_due(scheduler_app) == []
    assert (await get(client, auth, manual))["current_percent"] == 10
    # Resumed, the paused one moves on at the next pass.
    assert (await client.post(f"/v1/rollouts/{paused}/resume", headers=auth())).status_code == 200
    assert await workers.run_due(scheduler_app) == [uuid.UUID(paused)]


async def test_last_stage_with_auto_advance_completes(client, auth, db, clock, scheduler_app):
    rid = await running_rollout(client, auth, db, [stage(50, guardrails=()), stage(100, guardrails=())])
    clock.tick(60)
    assert await workers.run_due(scheduler_app) == [uuid.UUID(rid)]
    clock.tick(60)
    assert await workers.run_due(scheduler_app) == [uuid.UUID(rid)]
    done = await get(client, auth, rid)
    assert done["status"] == "completed" and done["current_percent"] == 100
    release = (await client.get(f"/v1/releases/{done['release_id']}", headers=auth())).json()
    assert release["status"] == "verifying"


async def test_a_release_that_cannot_follow_leaves_the_rollout_to_people(
    client, auth, db, clock, scheduler_app
):
    rid = await running_rollout(client, auth, db, [stage(100, guardrails=())])
    release_id = (await get(client, auth, rid))["release_id"]
    async with db.session() as session, session.begin():
        (await session.get(Release, uuid.UUID(release_id))).status = "verifying"
    clock.tick(60)
    assert await workers.run_due(scheduler_app) == []
    still = await get(client, auth, rid)
    assert still["status"] == "running"
    assert await workers.run_due(scheduler_app) == []


async def test_several_replicas_advance_each_rollout_once(
    client, auth, db, clock, scheduler_app, release_settings
):
    ids = [await running_rollout(client, auth, db, [stage(10, guardrails=()), stage(100)]) for _ in range(12)]
    clock.tick(60)
    replicas = [Database(release_settings.database_url) for _ in range(3)]
    try:
        apps = [
            SimpleNamespace(state=SimpleNamespace(**{**vars(scheduler_app.state), "db": d})) for d in replicas
        ]
        results = await asyncio.gather(*(workers.run_due(a) for a in apps for _ in range(2)))
    finally:
        for d in replicas:
            await d.dispose()
    moved = [i for r in results for i in r]
    assert sorted(moved) == sorted(uuid.UUID(i) for i in ids)
    async with db.session(write=False) as session:
        n = (
            await session.execute(
                select(func.count())
                .select_from(OutboxEvent)
                .where(OutboxEvent.type == "rollout.stage_changed")
            )
        ).scalar_one()
    assert n == 12
    assert {(await get(client, auth, i))["current_percent"] for i in ids} == {100}


async def test_the_scheduler_loop_runs_until_stopped(client, auth, db, clock, scheduler_app):
    rid = await running_rollout(client, auth, db, [stage(10, guardrails=()), stage(100)])
    clock.tick(60)
    task = asyncio.create_task(workers.WORKERS[0](scheduler_app))
    try:
        for _ in range(200):
            if (await get(client, auth, rid))["current_percent"] == 100:
                break
            await asyncio.sleep(0.02)
        assert (await get(client, auth, rid))["current_percent"] == 100
    finally:
        scheduler_app.state.stopping.set()
        await asyncio.wait_for(task, 5)
    assert task.done() and task.exception() is None


async def test_guardrail_status_shows_what_holds_the_stage(client, auth, db, clock, scheduler_app):
    guardrails = ("error_rate <= 0.01", "p99_ms <= 1.2 x baseline", "cpu < 0.9")
    rid = await running_rollout(client, auth, db, [stage(10, guardrails=guardrails), stage(100)])
    await reading(client, auth, rid, 0.001)
    await reading(client, auth, rid, 150, metric="p99_ms")
    await reading(client, auth, rid, 0.95, metric="cpu")
    r = await client.get(f"/v1/rollouts/{rid}/guardrails", headers=auth("viewer", "PAY"))
    assert r.status_code == 200, r.text
    status = r.json()
    assert status["green"] is False and status["hold_passed"] is False and status["failed_checks"] == 1
    assert [c["state"] for c in status["checks"]] == ["pass", "no_baseline", "fail"]
    clock.tick(60)
    await reading(client, auth, rid, 0.5, metric="cpu")
    status = (await client.get(f"/v1/rollouts/{rid}/guardrails", headers=auth())).json()
    assert status["hold_passed"] is True and [c["state"] for c in status["checks"]] == [
        "pass",
        "no_baseline",
        "pass",
    ]
    await reading(client, auth, rid, 140, metric="p99_ms", cohort="baseline")
    await reading(client, auth, rid, 150, metric="p99_ms")
    assert (await client.get(f"/v1/rollouts/{rid}/guardrails", headers=auth())).json()["green"] is True
    assert (
        await client.get(f"/v1/rollouts/{rid}/guardrails", headers=auth("admin", "OPS"))
    ).status_code == 404


def test_the_due_scan_skips_rows_other_replicas_hold_on_postgresql():
    from release_svc.rollouts.repository import due_query
    from sqlalchemy.dialects import postgresql

    sql = str(due_query(now=T0, limit=50).compile(dialect=postgresql.dialect()))
    assert "FOR UPDATE SKIP LOCKED" in sql and "next_check_at <=" in sql and "LIMIT" in sql
