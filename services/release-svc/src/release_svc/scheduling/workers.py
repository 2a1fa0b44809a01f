"""The scheduler's loops: the rollout scheduler advances stages whose hold has passed with green guardrails
and auto_advance on, when the release gate allows it for the rollout's environment (a denial holds the
stage, recorded once); the schedule runner runs due scheduled actions.

Safe with several replicas: each pass locks the due rollouts it takes with `FOR UPDATE SKIP LOCKED` on
PostgreSQL (another replica skips them), and SQLite serializes writers; the row version counter makes a
double advance impossible either way. Time comes from `app.state.clock` when set (tests inject it).

A pass has three steps: a read (which due rollouts would move, and their releases), the gate's questions
to requirements-svc and risk-svc with no transaction open, then the locked write that runs the gate's
local checks and moves or holds each rollout."""

import asyncio
import uuid
from datetime import datetime
from typing import Any

from tpmhub_shared.clock import now_for
from tpmhub_shared.logging import get_logger

from release_svc.gate.service import GateSiblings
from release_svc.scheduling import flows

log = get_logger(__name__)

POLL_SECONDS = 1.0


async def run_due(app: Any, now: datetime | None = None) -> list[uuid.UUID]:
    """One pass in its own transaction; returns the ids of the rollouts it moved."""
    now = now or now_for(app)
    async with app.state.db.session(write=False) as session:
        candidates = await flows.gate_candidates(session, now=now)
    answers = await flows.ask_siblings_for(GateSiblings.of(app), candidates) if candidates else {}
    async with app.state.db.session() as session, session.begin():
        moved = await flows.advance_due(session, now=now, sibling_checks=answers)
    if moved:
        log.info("rollouts_advanced", count=len(moved))
    return moved


async def rollout_scheduler(app: Any) -> None:
    """Loop until `app.state.stopping` is set; the poll interval is `app.state.rollout_poll_seconds`."""
    stopping: asyncio.Event = app.state.stopping
    while not stopping.is_set():
        try:
            await run_due(app)
        except Exception:  # a database hiccup must not stop the scheduler; log it and try again
            log.exception("rollout_scheduler_failed")
        try:
            await asyncio.wait_for(
                stopping.wait(), timeout=getattr(app.state, "rollout_poll_seconds", POLL_SECONDS)
            )
        except TimeoutError:
            pass


async def schedule_runner(app: Any) -> None:
    """Run due scheduled actions (start/advance at a time) until `app.state.stopping` is set, on the same
    poll interval as the rollout scheduler."""
    stopping: asyncio.Event = app.state.stopping
    while not stopping.is_set():
        try:
            await flows.run_due_schedules(app)
        except Exception:  # a database hiccup must not stop the runner; log it and try again
            log.exception("rollout_schedule_runner_failed")
        try:
            await asyncio.wait_for(
                stopping.wait(), timeout=getattr(app.state, "rollout_poll_seconds", POLL_SECONDS)
            )
        except TimeoutError:
            pass


WORKERS = [rollout_scheduler, schedule_runner]
