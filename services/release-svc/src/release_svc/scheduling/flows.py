"""The scheduler's passes, which orchestrate rollouts, guardrails and the gate: moving due stages whose hold
has passed with green guardrails and auto_advance on (through the gate; a baking rollout completes after
its bake; an inconclusive guardrail pauses for a person), and running due scheduled actions.

A scheduled action runs through the same flows as the HTTP actions (`start`, `advance`: operator, hold and
gate rules), acting as the person who scheduled it with the role they had on the project then. It runs at
most once: a pass claims it (`pending → running`, rows locked `FOR UPDATE SKIP LOCKED` on PostgreSQL,
SQLite serializes writers) and commits the claim before acting. A refused action marks the schedule
`failed` with the reason and emits `rollout.schedule_failed`."""

import asyncio
import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.exc import StaleDataError
from tpmhub_shared import events, history
from tpmhub_shared.auth import Principal
from tpmhub_shared.clock import now_for
from tpmhub_shared.db import Database
from tpmhub_shared.ids import as_utc
from tpmhub_shared.logging import get_logger
from tpmhub_shared.problems import ProblemError

from release_svc.gate import service as gate
from release_svc.gate.service import GateSiblings
from release_svc.guardrails import evaluation
from release_svc.guardrails.service import pause_if_inconclusive
from release_svc.releases import repository as releases_repository
from release_svc.releases.models import Release
from release_svc.rollouts import repository as rollout_rows
from release_svc.rollouts.flows import advance, start
from release_svc.rollouts.gating import brief
from release_svc.rollouts.machine import advance_stage, complete_rollout
from release_svc.rollouts.models import Rollout
from release_svc.rollouts.schemas import AdvanceRequest, StartRequest
from release_svc.rollouts.states import RECHECK, RESOURCE, SOURCE, SYSTEM, is_baking, is_last_stage, state_of
from release_svc.scheduling import repository
from release_svc.scheduling.models import RolloutSchedule
from release_svc.scheduling.repository import due_schedules_query
from release_svc.scheduling.service import freeze_blocking, freeze_problem, record_schedule_change

# How soon it asks the gate again for a due rollout the gate held.
log = get_logger(__name__)
GATE_RECHECK = timedelta(seconds=30)


# A claim older than this whose action never finished (the replica died) is marked failed, never rerun.
CLAIM_TIMEOUT = timedelta(minutes=10)


# ---- due stages ----------------------------------------------------------------------------------------


def _ready(rollout: Rollout, evidence: dict[int, tuple[str | None, int]], now: datetime) -> bool:
    """Auto-advance on, the hold passed and every guardrail green: the scheduler would move it through the
    gate (a baking rollout completes without asking it)."""
    hold_until = as_utc(rollout.hold_until)
    auto = rollout.stages[rollout.current_stage]["auto_advance"]
    green, _ = evaluation.stage_checks(rollout, evidence)
    return auto and green and not is_baking(rollout) and (hold_until is None or now >= hold_until)


async def gate_candidates(session: AsyncSession, *, now: datetime, limit: int = 50) -> list[dict[str, Any]]:
    """Read only, no locks: the releases of due rollouts the scheduler would move now, for asking the gate's
    siblings before the pass takes its locks."""
    due = await rollout_rows.due_unlocked(session, now=now, limit=limit)
    evidence = await evaluation.stage_evidence(session, due)
    release_ids = {r.release_id for r in due if _ready(r, evidence[r.id], now)}
    if not release_ids:
        return []
    return await releases_repository.release_facts(session, release_ids)


async def ask_siblings_for(
    siblings: GateSiblings, candidates: list[dict[str, Any]]
) -> dict[uuid.UUID, list[dict[str, Any]]]:
    """The gate's sibling checks for each candidate release, concurrently (each call within the budget)."""
    answers = await asyncio.gather(*(gate.sibling_checks(siblings, **c) for c in candidates))
    return {c["release_id"]: a for c, a in zip(candidates, answers, strict=True)}


async def _hold_for_gate(
    session: AsyncSession, *, rollout: Rollout, release: Release, checks: list[dict[str, Any]], now: datetime
) -> None:
    """The gate denies a due automatic advance: the stage waits and is asked again later. The denial is
    recorded once (history, a `rollout.gate_held` notification, a gate decision) and again only when its
    reasons change, so a long freeze does not write every pass."""
    failing = brief(checks)
    rollout.next_check_at = now + GATE_RECHECK
    previous = rollout.gate_hold or {}
    key = [(c["name"], c["reason"]) for c in failing]
    if (
        previous.get("environment") == rollout.environment
        and [(c["name"], c["reason"]) for c in previous.get("checks", [])] == key
    ):
        return
    hold = {"since": now.isoformat(), "environment": rollout.environment, "checks": failing}
    rollout.gate_hold = hold
    decision = await gate.record_decision(
        session,
        principal=SYSTEM,
        release_id=release.id,
        project_key=release.project_key,
        version=release.semver,
        environment=rollout.environment,
        checks=checks,
        duration_ms=0,
        action="rollout.auto_advance",
        rollout_id=rollout.id,
    )
    names = ", ".join(f"{c['name']} ({c['reason']})" for c in failing)
    note = f"automatic advance held: the gate denies {rollout.environment}: {names}"
    state = state_of(rollout)
    await history.record(
        session,
        principal=SYSTEM,
        project_key=rollout.project_key,
        resource_type=RESOURCE,
        resource_id=rollout.id,
        action="gate_hold",
        before=state,
        after={**state, "gate_hold": hold},
        note=note,
    )
    events.emit(
        session,
        source=SOURCE,
        type="rollout.gate_held",
        subject=str(rollout.id),
        project_key=rollout.project_key,
        data={
            "rollout_id": rollout.id,
            "release_id": rollout.release_id,
            "project_key": rollout.project_key,
            "name": rollout.name,
            "action": "gate_hold",
            "by": SYSTEM.sub,
            "by_name": SYSTEM.name,
            "reason": note,
            "from": state,
            "to": state,
            "stage_count": len(rollout.stages),
            "environment": rollout.environment,
            "checks": failing,
            "decision_id": str(decision["id"]),
        },
    )


async def advance_due(
    session: AsyncSession,
    *,
    now: datetime,
    sibling_checks: dict[uuid.UUID, list[dict[str, Any]]],
    limit: int = 50,
) -> list[uuid.UUID]:
    """One scheduler pass in the caller's transaction: lock due running rollouts (skipping those another
    replica holds), and for those whose hold has passed with every guardrail green ask the gate (the
    siblings' answers come in `sibling_checks`, asked before the locks were taken; the local checks run now)
    and advance (or complete, at the last stage) when it allows; look again later at the others. A rollout
    that became ready after the siblings were asked waits for the next pass. Returns the ids moved."""
    due = await rollout_rows.due_locked(session, now=now, limit=limit)
    evidence = await evaluation.stage_evidence(session, due)
    moved = []
    for rollout in due:
        green, checks = evaluation.stage_checks(rollout, evidence[rollout.id])
        hold_until = as_utc(rollout.hold_until)
        auto = rollout.stages[rollout.current_stage]["auto_advance"]
        if is_baking(rollout):
            if await _bake_due(session, rollout=rollout, green=green, checks=checks, now=now):
                moved.append(rollout.id)
            continue
        if not auto:
            rollout.next_check_at = None
            continue
        if not green or (hold_until is not None and now < hold_until):
            if hold_until is None or now >= hold_until:
                # Due, but inconclusive: pause for a person (once per stage); never advance.
                if await pause_if_inconclusive(session, rollout=rollout, checks=checks, now=now):
                    continue
            rollout.next_check_at = max(now + RECHECK, hold_until or now)
            continue
        answers = sibling_checks.get(rollout.release_id)
        if answers is None:
            continue
        release = await releases_repository.release_for_update(session, rollout.release_id)
        local = await gate.local_checks(session, release, rollout.environment, with_rollout=False)
        gate_checks = gate.ordered(local, answers)
        if not all(c["passed"] for c in gate_checks):
            await _hold_for_gate(session, rollout=rollout, release=release, checks=gate_checks, now=now)
            continue
        decision = await gate.record_decision(
            session,
            principal=SYSTEM,
            release_id=release.id,
            project_key=release.project_key,
            version=release.semver,
            environment=rollout.environment,
            checks=gate_checks,
            duration_ms=0,
            action="rollout.auto_advance",
            rollout_id=rollout.id,
        )
        verdict = {"decision_id": str(decision["id"]), "environment": rollout.environment, "allowed": True}
        reason = "hold passed, guardrails green and the gate allows"
        try:
            async with session.begin_nested():
                if is_last_stage(rollout):
                    await complete_rollout(
                        session,
                        principal=SYSTEM,
                        rollout=rollout,
                        reason=reason,
                        now=now,
                        automatic=True,
                        verdict=verdict,
                        release=release,
                    )
                else:
                    await advance_stage(
                        session,
                        principal=SYSTEM,
                        rollout=rollout,
                        reason=reason,
                        now=now,
                        automatic=True,
                        verdict=verdict,
                    )
        except ProblemError:
            # The release cannot follow (e.g. it left `deploying`): leave the rollout to people.
            await session.refresh(rollout)
            rollout.next_check_at = None
            continue
        moved.append(rollout.id)
    await session.flush()
    return moved


async def _bake_due(
    session: AsyncSession, *, rollout: Rollout, green: bool, checks: list[dict[str, Any]], now: datetime
) -> bool:
    """The scheduler at a baking rollout: complete once the bake has passed with green guardrails (no gate:
    it allowed the completion that started the bake, and the bake widens nothing); pause once on an
    inconclusive guardrail; else look again later. Returns whether it completed."""
    bake_until = as_utc(rollout.bake_until)
    if bake_until is not None and now < bake_until:
        rollout.next_check_at = bake_until
        return False
    if not green:
        if not await pause_if_inconclusive(session, rollout=rollout, checks=checks, now=now):
            rollout.next_check_at = now + RECHECK
        return False
    try:
        async with session.begin_nested():
            await complete_rollout(
                session,
                principal=SYSTEM,
                rollout=rollout,
                now=now,
                automatic=True,
                reason=f"bake of {rollout.bake_seconds} s passed with guardrails green",
            )
    except ProblemError:
        await session.refresh(rollout)
        rollout.next_check_at = None
        return False
    return True


# ---- due scheduled actions -----------------------------------------------------------------------------


async def _mark_failed(
    session: AsyncSession, schedule: RolloutSchedule, *, now: datetime, reason: str, problem: dict | None
) -> None:
    schedule.status = "failed"
    schedule.executed_at = now
    schedule.failure_reason = reason[:2000]
    schedule.failure = problem
    rollout = await rollout_rows.get(session, schedule.rollout_id)
    assert rollout is not None
    await record_schedule_change(
        session,
        principal=SYSTEM,
        rollout=rollout,
        schedule=schedule,
        action="schedule_failed",
        event="rollout.schedule_failed",
        note=f"scheduled {schedule.action} failed: {reason}"[:2000],
        failure_reason=schedule.failure_reason,
        problem=problem,
        status=rollout.status,
        stage=rollout.current_stage,
        percent=rollout.current_percent,
    )


async def claim_due(db: Database, *, now: datetime, limit: int) -> list[uuid.UUID]:
    """Take due schedules for this pass (committed before acting, so no other pass takes them), and give
    up on claims whose scheduler died before finishing (failed, never run twice)."""
    async with db.session() as session, session.begin():
        stale = await repository.stale_claims(session, before=now - CLAIM_TIMEOUT, limit=limit)
        for schedule in stale:
            await _mark_failed(
                session,
                schedule,
                now=now,
                reason="interrupted: the scheduler stopped while acting",
                problem=None,
            )
        due = (await session.execute(due_schedules_query(now=now, limit=limit))).scalars().all()
        for schedule in due:
            schedule.status = "running"
            schedule.claimed_at = now
        return [s.id for s in due]


def _problem(exc: ProblemError) -> dict[str, Any]:
    body = {"type": f"https://tpmhub.dev/problems/{exc.slug}", "title": exc.title, "status": exc.status}
    if exc.detail:
        body["detail"] = exc.detail
    body.update({k: history.jsonable(v) for k, v in exc.extra.items() if k != "errors"})
    return body


async def _execute(app: Any, db: Database, schedule_id: uuid.UUID, now: datetime) -> bool:
    """Run one claimed schedule; True when the action happened."""
    session = db.session()
    try:
        schedule = await session.get(RolloutSchedule, schedule_id)
        assert schedule is not None
        rollout_id, action, reason = schedule.rollout_id, schedule.action, schedule.reason
        role = schedule.created_by_role
        principal = Principal(
            sub=schedule.created_by,
            name=schedule.created_by_name,
            roles={schedule.project_key: role} if role else {},
        )
        try:
            rollout = await rollout_rows.get(session, rollout_id)
            assert rollout is not None
            blocking = await freeze_blocking(session, rollout, now)
            if blocking:
                raise freeze_problem(rollout, blocking, now)
            siblings = GateSiblings.of(app)
            if action == "start":
                await start(
                    session,
                    principal=principal,
                    rollout_id=rollout_id,
                    body=StartRequest(reason=reason),
                    now=now,
                    siblings=siblings,
                )
            else:
                await advance(
                    session,
                    principal=principal,
                    rollout_id=rollout_id,
                    body=AdvanceRequest(reason=reason),
                    now=now,
                    siblings=siblings,
                )
            schedule = await session.get(RolloutSchedule, schedule_id, populate_existing=True)
            assert schedule is not None
            schedule.status = "done"
            schedule.executed_at = now
            await session.commit()
            return True
        except (ProblemError, StaleDataError) as exc:
            await session.rollback()
            if isinstance(exc, ProblemError):
                reason_text, problem = (exc.detail or exc.title), _problem(exc)
            else:
                reason_text, problem = "the rollout changed while the scheduled action ran", None
        async with session.begin():
            schedule = await session.get(RolloutSchedule, schedule_id, populate_existing=True)
            assert schedule is not None
            await _mark_failed(session, schedule, now=now, reason=reason_text, problem=problem)
        return False
    finally:
        await session.close()


async def run_due_schedules(app: Any, now: datetime | None = None, limit: int = 20) -> dict[str, list]:
    """One pass: claim due schedules, then run each in its own transaction. Returns the ids done and
    failed."""
    now = now or now_for(app)
    db: Database = app.state.db
    claimed = await claim_due(db, now=now, limit=limit)
    done, failed = [], []
    for schedule_id in claimed:
        (done if await _execute(app, db, schedule_id, now) else failed).append(schedule_id)
    if claimed:
        log.info("rollout_schedules_run", done=len(done), failed=len(failed))
    return {"done": done, "failed": failed}
