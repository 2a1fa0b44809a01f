"""Guardrail outcomes (pass, inconclusive, fail), per-guardrail actions, dry runs, evaluation while a stage is
paused or waits for its operator, and the bake after the last stage. Time moves with the app clock; a state
machine checks that the scheduler never advances on anything but green."""

import asyncio
import itertools
import uuid
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule
from release_helpers import patient, ready_release
from release_svc.guardrails.expressions import parse, stage_state, with_options
from release_svc.rollouts.models import Rollout
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


@pytest.fixture(autouse=True)
def _gate_siblings(wired):
    """Start and advance ask the release gate, which asks the real requirements-svc and risk-svc."""
    return wired


@pytest.fixture
def scheduler_app(db, clock, client, wired):
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


def stage(percent, guardrails=("error_rate <= 0.01",), hold=60, auto=True, operator="bob"):
    return {
        "percent": percent,
        "min_hold_seconds": hold,
        "operator": operator,
        "guardrails": list(guardrails),
        "auto_advance": auto,
    }


GREY = {"expression": "error_rate <= 0.01", "inconclusive": "0.02"}


async def running(client, auth, stages, **extra) -> str:
    release_id = await ready_release(client, auth, [], version=f"3.{next(_versions)}.0")
    r = await client.post(
        f"/v1/releases/{release_id}/rollouts", json={"stages": stages, **extra}, headers=auth("tpm", "PAY")
    )
    assert r.status_code == 201, r.text
    rid = r.json()["id"]
    r = await client.post(f"/v1/rollouts/{rid}/start", headers=auth())
    assert r.status_code == 200, r.text
    return rid


async def post(client, auth, rid, value, metric="error_rate", **kw) -> dict:
    r = await client.post(
        f"/v1/rollouts/{rid}/metrics",
        json={"metric": metric, "value": value, **kw},
        headers=auth("ci", "PAY"),
    )
    assert r.status_code == 201, r.text
    return r.json()


async def get(client, auth, rid) -> dict:
    return (await client.get(f"/v1/rollouts/{rid}", headers=auth())).json()


async def guardrails(client, auth, rid) -> dict:
    return (await client.get(f"/v1/rollouts/{rid}/guardrails", headers=auth())).json()


async def act(client, auth, rid, action, json=None, role="tpm"):
    return await client.post(f"/v1/rollouts/{rid}/{action}", json=json, headers=auth(role, "PAY"))


async def history(client, auth, rid) -> list[dict]:
    r = await client.get(f"/v1/rollouts/{rid}/history", params={"limit": 200}, headers=auth("viewer", "PAY"))
    return r.json()["items"]


async def events_of(db, subject, type_) -> list[dict]:
    async with db.session(write=False) as session:
        rows = await session.execute(
            select(OutboxEvent.data)
            .where(OutboxEvent.subject == subject, OutboxEvent.type == type_)
            .order_by(OutboxEvent.id)
        )
        return [d for (d,) in rows]


# ---- outcomes, table-driven ----------------------------------------------------------------------------

OUTCOMES = [
    # guardrail, options, value, baseline, outcome
    ("error_rate <= 0.01", {}, 0.01, None, "pass"),
    ("error_rate <= 0.01", {}, 0.011, None, "fail"),
    ("error_rate <= 0.01", {"inconclusive": "0.02"}, 0.005, None, "pass"),
    ("error_rate <= 0.01", {"inconclusive": "0.02"}, 0.015, None, "inconclusive"),
    ("error_rate <= 0.01", {"inconclusive": "0.02"}, 0.02, None, "inconclusive"),
    ("error_rate <= 0.01", {"inconclusive": "0.02"}, 0.021, None, "fail"),
    ("error_rate < 0.01", {"inconclusive": "0.02"}, 0.02, None, "fail"),
    ("apdex >= 0.9", {"inconclusive": "0.8"}, 0.95, None, "pass"),
    ("apdex >= 0.9", {"inconclusive": "0.8"}, 0.85, None, "inconclusive"),
    ("apdex >= 0.9", {"inconclusive": "0.8"}, 0.79, None, "fail"),
    ("p99_ms <= 1.2 x baseline", {"inconclusive": "1.5 x baseline"}, 110, 100, "pass"),
    ("p99_ms <= 1.2 x baseline", {"inconclusive": "1.5 x baseline"}, 140, 100, "inconclusive"),
    ("p99_ms <= 1.2 x baseline", {"inconclusive": "1.5 x baseline"}, 151, 100, "fail"),
    ("p99_ms <= 1.2 x baseline", {"inconclusive": "1.5 x baseline"}, 151, None, "no_baseline"),
]


@pytest.mark.parametrize("expression, options, value, baseline, outcome", OUTCOMES)
def test_each_reading_is_pass_inconclusive_or_fail(expression, options, value, baseline, outcome):
    guardrail = with_options(parse(expression), **options)
    assert guardrail.judge(value, baseline) == outcome


@pytest.mark.parametrize(
    "latest, readings, min_readings, state",
    [
        (None, 0, 1, "no_data"),
        ("pass", 1, 1, "pass"),
        ("pass", 2, 3, "inconclusive"),  # too few readings
        ("pass", 3, 3, "pass"),
        ("inconclusive", 5, 3, "inconclusive"),
        ("fail", 1, 3, "fail"),  # a failure is a failure, however few readings
        ("no_baseline", 4, 3, "no_baseline"),
    ],
)
def test_a_guardrails_state_in_a_stage(latest, readings, min_readings, state):
    guardrail = with_options(parse("error_rate <= 0.01"), min_readings=min_readings)
    assert stage_state(guardrail, latest, readings) == state


async def test_outcomes_over_http_with_too_few_readings(client, auth, db, clock):
    rid = await running(
        client,
        auth,
        [stage(10, [{**GREY, "min_readings": 3, "on_fail": "warn"}]), stage(100)],
        breach_threshold=100,
    )
    table = [
        (0.001, "pass", "inconclusive"),
        (0.002, "pass", "inconclusive"),
        (0.003, "pass", "pass"),
        (0.015, "inconclusive", "inconclusive"),
        (0.5, "fail", "fail"),
        (0.004, "pass", "pass"),
    ]
    for value, outcome, state in table:
        clock.tick(10)
        body = await post(client, auth, rid, value)
        [reading] = body["readings"]
        assert reading["outcome"] == outcome
        assert reading["checks"] == [
            {"guardrail": "error_rate <= 0.01", "outcome": outcome, "dry_run": False, "limit": 0.01}
        ]
        [check] = (await guardrails(client, auth, rid))["checks"]
        assert check["state"] == state, (value, check)
    # `warn`: neither the failure nor the grey band stopped the rollout; both were notified.
    assert (await get(client, auth, rid))["status"] == "running"
    assert len(await events_of(db, rid, "rollout.guardrail_inconclusive")) == 1
    [breach] = await events_of(db, rid, "rollout.guardrail_breached")
    assert breach["actions"] == {"error_rate <= 0.01": "warn"} and breach["dry_run"] is False


@pytest.mark.parametrize(
    "guardrail, loc, message",
    [
        ({**GREY, "inconclusive": "0.005"}, "inconclusive", "must be at or above"),
        ({"expression": "apdex >= 0.9", "inconclusive": "0.95"}, "inconclusive", "must be at or below"),
        ({**GREY, "inconclusive": "2 x baseline"}, "inconclusive", "same kind"),
        ({**GREY, "inconclusive": "lots"}, "inconclusive", "cannot read the threshold"),
        ({"expression": "error_rate =< 0.01"}, "expression", "unknown comparator"),
    ],
)
async def test_bad_guardrail_options_are_422_and_nothing_is_written(
    client, auth, db, guardrail, loc, message
):
    release_id = await ready_release(client, auth, [], version=f"3.{next(_versions)}.0")
    async with db.session(write=False) as session:
        before = (await session.execute(select(func.count()).select_from(Rollout))).scalar_one()
    body = {"stages": [stage(10, ["error_rate <= 0.05", guardrail])]}
    r = await client.post(f"/v1/releases/{release_id}/rollouts", json=body, headers=auth())
    assert r.status_code == 422, r.text
    assert r.headers["content-type"] == "application/problem+json"
    [error] = r.json()["errors"]
    assert error["loc"] == f"body.stages.0.guardrails.1.{loc}" and message in error["message"]
    async with db.session(write=False) as session:
        assert (await session.execute(select(func.count()).select_from(Rollout))).scalar_one() == before


@pytest.mark.parametrize(
    "guardrail",
    [
        {**GREY, "on_fail": "panic"},
        {**GREY, "min_readings": 0},
        {**GREY, "colour": "red"},
        {"inconclusive": "0.02"},
        {**GREY, "dry_run": "sometimes"},
    ],
)
async def test_invalid_guardrail_objects_are_422(client, auth, db, guardrail):
    release_id = await ready_release(client, auth, [], version=f"3.{next(_versions)}.0")
    body = {"stages": [stage(10, [guardrail])]}
    r = await client.post(f"/v1/releases/{release_id}/rollouts", json=body, headers=auth())
    assert r.status_code == 422, r.text
    assert all(e["loc"].startswith("body.stages.0.guardrails.0") for e in r.json()["errors"])


async def test_the_options_are_shown_parsed(client, auth, db):
    release_id = await ready_release(client, auth, [], version=f"3.{next(_versions)}.0")
    spec = {
        "expression": "p99_ms <= 1.2 x baseline",
        "inconclusive": "1.5 x baseline",
        "min_readings": 3,
        "on_fail": "rollback",
        "dry_run": True,
    }
    body = {"stages": [stage(10, ["error_rate <= 0.01", spec])], "bake_seconds": 600}
    r = await client.post(f"/v1/releases/{release_id}/rollouts", json=body, headers=auth())
    assert r.status_code == 201, r.text
    plain, rich = r.json()["stages"][0]["guardrails"]
    assert plain["inconclusive"] is None and plain["min_readings"] == 1 and plain["on_fail"] is None
    assert plain["dry_run"] is False
    assert rich == {
        "expression": "p99_ms <= 1.2 x baseline",
        "metric": "p99_ms",
        "comparator": "<=",
        "threshold": 1.2,
        "relative": True,
        "inconclusive": 1.5,
        "min_readings": 3,
        "on_fail": "rollback",
        "dry_run": True,
    }
    assert r.json()["bake_seconds"] == 600 and r.json()["baking"] is False


# ---- inconclusive and actions --------------------------------------------------------------------------


async def test_a_grey_band_reading_pauses_for_a_person(client, auth, db, clock):
    rid = await running(client, auth, [stage(10, [GREY]), stage(100)], on_breach="rollback")
    body = await post(client, auth, rid, 0.015)
    assert body["action_taken"] == "pause" and body["inconclusive"] == 1 and body["failed_checks"] == 0
    got = body["rollout"]
    assert got["status"] == "paused" and "inconclusive" in got["pause_reason"]
    [event] = await events_of(db, rid, "rollout.guardrail_inconclusive")
    assert event["action_taken"] == "pause" and event["dry_run"] is False and event["trigger"] == "reading"
    [paused] = await events_of(db, rid, "rollout.paused")
    assert paused["inconclusive"] is True and paused["automatic"] is True
    actions = [e["action"] for e in await history(client, auth, rid)]
    assert actions[-2:] == ["guardrails_judged", "pause"]


@pytest.mark.parametrize(
    "on_breach, on_fail, status",
    [
        ("pause", None, "paused"),  # today's behaviour: the rollout's on_breach
        ("pause", "rollback", "rolled_back"),
        ("rollback", "pause", "paused"),
        ("rollback", "warn", "running"),
    ],
)
async def test_each_guardrail_has_its_own_action(client, auth, db, on_breach, on_fail, status):
    guardrail = {"expression": "error_rate <= 0.01", **({"on_fail": on_fail} if on_fail else {})}
    rid = await running(
        client, auth, [stage(10, [guardrail]), stage(100)], on_breach=on_breach, breach_threshold=2
    )
    assert (await post(client, auth, rid, 0.5))["action_taken"] is None
    body = await post(client, auth, rid, 0.5)
    assert body["rollout"]["status"] == status
    assert body["action_taken"] == {"paused": "pause", "rolled_back": "rollback", "running": None}[status]
    breaches = await events_of(db, rid, "rollout.guardrail_breached")
    assert [b["action_taken"] for b in breaches] == [None, body["action_taken"]]
    assert breaches[-1]["actions"] == {"error_rate <= 0.01": on_fail or on_breach}


async def test_the_strongest_action_of_the_failing_guardrails_wins(client, auth, db):
    rails = [
        {"expression": "error_rate <= 0.01", "on_fail": "warn"},
        {"expression": "p99_ms <= 300", "on_fail": "rollback"},
    ]
    rid = await running(client, auth, [stage(10, rails), stage(100)], breach_threshold=1)
    body = await post(client, auth, rid, 0.5)
    assert body["action_taken"] is None  # only the warn guardrail failed
    r = await client.post(
        f"/v1/rollouts/{rid}/metrics",
        json={"readings": [{"metric": "error_rate", "value": 0.5}, {"metric": "p99_ms", "value": 900}]},
        headers=auth("ci", "PAY"),
    )
    assert r.json()["action_taken"] == "rollback" and r.json()["rollout"]["status"] == "rolled_back"


# ---- dry runs ------------------------------------------------------------------------------------------


async def test_dry_run_guardrails_are_recorded_never_acted_on(client, auth, db, clock, scheduler_app):
    dry = {
        "expression": "error_rate <= 0.001",
        "inconclusive": "0.002",
        "dry_run": True,
        "on_fail": "rollback",
    }
    rid = await running(
        client,
        auth,
        [stage(10, ["error_rate <= 0.01", dry]), stage(100)],
        on_breach="rollback",
        breach_threshold=1,
    )
    clock.tick(10)
    body = await post(client, auth, rid, 0.005)  # passes the real guardrail, fails the dry run
    [reading] = body["readings"]
    assert reading["outcome"] == "pass" and reading["failed"] == []
    assert reading["checks"] == [
        {"guardrail": "error_rate <= 0.01", "outcome": "pass", "dry_run": False, "limit": 0.01},
        {"guardrail": "error_rate <= 0.001", "outcome": "fail", "dry_run": True, "limit": 0.001},
    ]
    assert body["action_taken"] is None and body["failed_checks"] == 0 and body["dry_run_failures"] == 1
    clock.tick(1)
    body = await post(client, auth, rid, 0.0015)  # grey band of the dry run: no pause either
    assert body["action_taken"] is None and body["rollout"]["status"] == "running"
    [failed] = await events_of(db, rid, "rollout.guardrail_breached")
    assert failed["dry_run"] is True and failed["action_taken"] is None
    [grey] = await events_of(db, rid, "rollout.guardrail_inconclusive")
    assert grey["dry_run"] is True and grey["action_taken"] is None
    judged = [e for e in await history(client, auth, rid) if e["action"] == "guardrails_judged"]
    assert len(judged) == 2
    outcomes = {c["field"]: c["after"] for c in judged[0]["changes"]}["outcomes"]
    assert outcomes == {"acting": {"pass": 1}, "dry_run": {"fail": 1}}
    # The failing dry run never holds the advance.
    status = await guardrails(client, auth, rid)
    assert status["green"] is True
    assert [c["state"] for c in status["checks"]] == ["pass", "inconclusive"]
    clock.tick(60)
    assert await workers.run_due(scheduler_app) == [uuid.UUID(rid)]
    assert (await get(client, auth, rid))["current_percent"] == 100


# ---- while paused, while waiting for the operator ------------------------------------------------------


async def test_a_breach_during_a_pause_still_rolls_back(client, auth, db):
    rid = await running(client, auth, [stage(10), stage(100)], on_breach="rollback", breach_threshold=2)
    assert (await act(client, auth, rid, "pause", {"reason": "looking at dashboards"})).status_code == 200
    assert (await post(client, auth, rid, 0.5))["action_taken"] is None
    body = await post(client, auth, rid, 0.5)
    assert body["action_taken"] == "rollback" and body["rollout"]["status"] == "rolled_back"
    [rolled] = await events_of(db, rid, "rollout.rolled_back")
    assert rolled["from"]["status"] == "paused" and rolled["automatic"] is True


async def test_a_breach_during_a_pause_with_action_pause_is_recorded(client, auth, db):
    rid = await running(client, auth, [stage(10), stage(100)], breach_threshold=1)
    assert (await act(client, auth, rid, "pause")).status_code == 200
    body = await post(client, auth, rid, 0.5)
    assert (
        body["action_taken"] is None and body["rollout"]["status"] == "paused" and body["failed_checks"] == 1
    )
    assert (await history(client, auth, rid))[-1]["action"] == "guardrails_judged"
    assert len(await events_of(db, rid, "rollout.guardrail_breached")) == 1


async def test_a_breach_while_waiting_for_the_operator_pauses(client, auth, db, clock, scheduler_app):
    rid = await running(client, auth, [stage(10, [GREY], auto=False), stage(100)], breach_threshold=1)
    clock.tick(3600)  # hold long passed; the stage waits for bob
    assert await workers.run_due(scheduler_app) == []
    body = await post(client, auth, rid, 0.5)
    assert body["action_taken"] == "pause" and body["rollout"]["status"] == "paused"


async def test_grey_band_while_waiting_for_the_operator_pauses(client, auth, db, clock):
    rid = await running(client, auth, [stage(10, [GREY], auto=False), stage(100)])
    clock.tick(3600)
    body = await post(client, auth, rid, 0.012)
    assert body["action_taken"] == "pause" and body["rollout"]["status"] == "paused"


# ---- the scheduler never advances on inconclusive ------------------------------------------------------


async def test_too_few_readings_when_due_pause_once_then_hold_until_green(
    client, auth, db, clock, scheduler_app
):
    rid = await running(client, auth, [stage(10, [{**GREY, "min_readings": 3}]), stage(100)])
    clock.tick(10)
    await post(client, auth, rid, 0.001)
    clock.tick(60)
    assert await workers.run_due(scheduler_app) == []
    got = await get(client, auth, rid)
    assert got["status"] == "paused" and got["current_stage"] == 0
    assert got["inconclusive_hold"]["checks"][0]["detail"] == "too few readings: 1 of 3"
    [event] = await events_of(db, rid, "rollout.guardrail_inconclusive")
    assert event["trigger"] == "due" and event["action_taken"] == "pause"
    # A person resumes: the stage holds (no second pause) until the guardrail is green.
    assert (await act(client, auth, rid, "resume", {"reason": "wait for more data"})).status_code == 200
    for _ in range(3):
        clock.tick(10)
        assert await workers.run_due(scheduler_app) == []
        assert (await get(client, auth, rid))["status"] == "running"
    assert len(await events_of(db, rid, "rollout.guardrail_inconclusive")) == 1
    await post(client, auth, rid, 0.002)
    await post(client, auth, rid, 0.003)
    clock.tick(10)
    assert await workers.run_due(scheduler_app) == [uuid.UUID(rid)]
    moved = await get(client, auth, rid)
    assert moved["current_stage"] == 1 and moved["inconclusive_hold"] is None


async def test_a_grey_band_latest_reading_never_advances(client, auth, db, clock, scheduler_app):
    rid = await running(client, auth, [stage(10, [GREY]), stage(100)])
    await post(client, auth, rid, 0.015)  # pauses
    assert (await act(client, auth, rid, "resume")).status_code == 200
    for _ in range(5):
        clock.tick(60)
        assert await workers.run_due(scheduler_app) == []
    got = await get(client, auth, rid)
    assert got["status"] in ("running", "paused") and got["current_stage"] == 0


# ---- bake ----------------------------------------------------------------------------------------------


async def test_the_bake_holds_completion_then_completes(client, auth, db, clock, scheduler_app):
    rid = await running(
        client, auth, [stage(10, hold=0, auto=False), stage(50, hold=0, auto=False)], bake_seconds=600
    )
    assert (await act(client, auth, rid, "advance")).status_code == 200
    r = await act(client, auth, rid, "complete")
    assert r.status_code == 200, r.text
    got = r.json()
    assert got["status"] == "running" and got["baking"] is True and got["current_percent"] == 100
    assert got["bake_until"] == "2026-11-22T06:10:00Z" and got["allowed_actions"] == [
        "complete",
        "pause",
        "rollback",
        "abort",
    ]
    [bake] = await events_of(db, rid, "rollout.bake_started")
    assert bake["to"]["percent"] == 100 and bake["bake_seconds"] == 600
    # Nobody skips the bake, not even a tpm overriding the hold.
    clock.tick(300)
    r = await act(client, auth, rid, "complete", {"override_hold": True, "reason": "in a hurry"})
    assert r.status_code == 409 and r.json()["title"] == "Bake not passed" and r.json()["seconds_left"] == 300
    await post(client, auth, rid, 0.001)
    assert await workers.run_due(scheduler_app) == []
    clock.tick(300)
    assert await workers.run_due(scheduler_app) == [uuid.UUID(rid)]
    done = await get(client, auth, rid)
    assert done["status"] == "completed" and done["baking"] is False
    assert (await client.get(f"/v1/releases/{done['release_id']}", headers=auth())).json()[
        "status"
    ] == "verifying"


async def test_the_bake_needs_green_guardrails_of_its_own(client, auth, db, clock, scheduler_app):
    rid = await running(client, auth, [stage(100, hold=0)], bake_seconds=60)
    await post(client, auth, rid, 0.001)  # before the bake: does not count for it
    clock.tick(1)
    assert await workers.run_due(scheduler_app) == [uuid.UUID(rid)]  # enters the bake
    assert (await get(client, auth, rid))["baking"] is True
    clock.tick(120)
    assert await workers.run_due(scheduler_app) == []  # no reading in the bake
    assert (await get(client, auth, rid))["status"] == "running"
    await post(client, auth, rid, 0.001)
    clock.tick(5)
    assert await workers.run_due(scheduler_app) == [uuid.UUID(rid)]
    assert (await get(client, auth, rid))["status"] == "completed"


@pytest.mark.parametrize("on_breach, status", [("rollback", "rolled_back"), ("pause", "paused")])
async def test_a_breach_during_the_bake_acts(client, auth, db, clock, scheduler_app, on_breach, status):
    rid = await running(
        client, auth, [stage(100, hold=0)], bake_seconds=600, on_breach=on_breach, breach_threshold=1
    )
    assert (await act(client, auth, rid, "complete")).json()["baking"] is True
    clock.tick(60)
    body = await post(client, auth, rid, 0.5)
    assert body["rollout"]["status"] == status
    [breach] = await events_of(db, rid, "rollout.guardrail_breached")
    assert breach["baking"] is True
    clock.tick(600)
    assert await workers.run_due(scheduler_app) == []
    assert (await get(client, auth, rid))["status"] == status
    if status == "paused":  # resumed, the bake goes on and completes only once green again
        assert (await act(client, auth, rid, "resume")).status_code == 200
        assert await workers.run_due(scheduler_app) == []
        await post(client, auth, rid, 0.001)
        clock.tick(5)
        assert await workers.run_due(scheduler_app) == [uuid.UUID(rid)]
        assert (await get(client, auth, rid))["status"] == "completed"


async def test_without_bake_seconds_complete_finishes_at_once(client, auth, db):
    rid = await running(client, auth, [stage(100, hold=0)])
    got = (await act(client, auth, rid, "complete")).json()
    assert got["status"] == "completed" and got["bake_seconds"] == 0 and got["baking"] is False


# ---- never advanced on a non-pass ----------------------------------------------------------------------


class NeverOnNonPass(RuleBasedStateMachine):
    """Readings (pass, grey band, fail, dry-run failures), time, scheduler passes and a person's resume in
    any order: whenever the scheduler moves the rollout, every acting guardrail of the stage it left was
    green with enough readings just before."""

    ctx: SimpleNamespace
    total_moves = 0  # over all examples: the machine must have seen the scheduler move rollouts

    def run(self, coro):
        return asyncio.run_coroutine_threadsafe(coro, self.ctx.loop).result(timeout=60)

    @initialize(bake=st.sampled_from([0, 120]))
    def setup(self, bake):
        c = self.ctx
        rails = [{**GREY, "min_readings": 2}, {"expression": "p99_ms <= 1", "dry_run": True}]
        stages = [stage(p, rails, hold=60) for p in (10, 50, 100)]
        self.rid = self.run(running(c.client, c.auth, stages, bake_seconds=bake, breach_threshold=1000))
        self.moves = 0

    def teardown(self):
        if hasattr(self, "rid"):
            self.run(act(self.ctx.client, self.ctx.auth, self.rid, "rollback"))

    @rule(value=st.sampled_from([0.001, 0.002, 0.003, 0.005, 0.015, 0.5]), dry=st.booleans())
    def reading(self, value, dry):
        got = self.run(get(self.ctx.client, self.ctx.auth, self.rid))
        if got["status"] not in ("running", "paused"):
            return
        readings = [{"metric": "error_rate", "value": value}] + (
            [{"metric": "p99_ms", "value": 5}] if dry else []
        )
        r = self.run(
            self.ctx.client.post(
                f"/v1/rollouts/{self.rid}/metrics",
                json={"readings": readings},
                headers=self.ctx.auth("ci", "PAY"),
            )
        )
        assert r.status_code == 201, r.text

    @rule(seconds=st.sampled_from([5, 30, 61, 150]))
    def tick(self, seconds):
        self.ctx.clock.tick(seconds)

    @rule()
    def healthy_minute(self):
        """Passing readings for a minute and a person resuming: the scheduler gets chances to move."""
        for _ in range(2):
            self.reading(0.001, False)
        self.ctx.clock.tick(61)
        self.resume()
        self.scheduler_pass(0)

    @rule()
    def resume(self):
        got = self.run(get(self.ctx.client, self.ctx.auth, self.rid))
        if got["status"] == "paused":
            r = self.run(act(self.ctx.client, self.ctx.auth, self.rid, "resume"))
            assert r.status_code == 200, r.text

    @rule(seconds=st.sampled_from([0, 5, 61]))
    def scheduler_pass(self, seconds):
        c = self.ctx
        c.clock.tick(seconds)
        before = self.run(guardrails(c.client, c.auth, self.rid))
        was = self.run(get(c.client, c.auth, self.rid))
        moved = self.run(workers.run_due(c.scheduler_app))
        if uuid.UUID(self.rid) in moved:
            self.moves += 1
            NeverOnNonPass.total_moves += 1
            assert was["status"] == "running"
            assert before["green"], before
            acting = [ch for ch in before["checks"] if not ch["dry_run"]]
            assert all(ch["state"] == "pass" and ch["readings"] >= 2 for ch in acting), before

    @invariant()
    def exposure_matches_the_state(self):
        if not hasattr(self, "rid"):
            return
        got = self.run(get(self.ctx.client, self.ctx.auth, self.rid))
        assert got["status"] != "rolled_back"  # nothing here may roll it back
        if got["baking"]:
            assert got["current_percent"] == 100 and got["current_stage"] == 2


async def test_the_scheduler_never_advances_on_a_non_pass(client, auth, db, clock, scheduler_app):
    NeverOnNonPass.ctx = SimpleNamespace(
        client=client, auth=auth, clock=clock, scheduler_app=scheduler_app, loop=asyncio.get_running_loop()
    )
    test = NeverOnNonPass.TestCase
    test.settings = settings(
        max_examples=15,
        stateful_step_count=25,
        deadline=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    NeverOnNonPass.total_moves = 0
    await asyncio.to_thread(test().runTest)
    assert NeverOnNonPass.total_moves > 0
