"""Scheduled rollout actions: start or advance at a given time.

A schedule is checked when it is created (who may steer, the rollout's state, a freeze window of the
rollout's environment at that time without an approved exception: 409) and again when it is due. The
rollout scheduler runs due schedules through the same service functions as the HTTP actions (`start`,
`advance`: operator, hold and gate rules), acting as the person who scheduled it with the role they had
on the project then. A schedule runs at most once: a pass claims it (`pending → running`, rows locked
`FOR UPDATE SKIP LOCKED` on PostgreSQL, SQLite serializes writers) and commits the claim before acting.
A refused action marks the schedule `failed` with the reason and emits `rollout.schedule_failed`."""

import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.exc import StaleDataError
from tpmhub_shared import events, history
from tpmhub_shared.auth import Principal
from tpmhub_shared.clock import now_for
from tpmhub_shared.db import Database
from tpmhub_shared.ids import as_utc
from tpmhub_shared.logging import get_logger
from tpmhub_shared.pagination import paginate
from tpmhub_shared.problems import (
    Conflict,
    InvalidTransition,
    NotFound,
    ProblemError,
    UnprocessableEntity,
    field_error,
)

from release_svc.freezes import service as freezes
from release_svc.gate.service import GateSiblings
from release_svc.rollouts import service
from release_svc.rollouts.models import Rollout, RolloutSchedule
from release_svc.rollouts.schemas import (
    MAX_SCHEDULE_AHEAD_DAYS,
    AdvanceRequest,
    ScheduleCreate,
    StartRequest,
)

log = get_logger(__name__)
# A claim older than this whose action never finished (the replica died) is marked failed, never rerun.
CLAIM_TIMEOUT = timedelta(minutes=10)
# Which rollout states a schedule of each action may be created in.
SCHEDULABLE = {"start": ("draft",), "advance": ("draft", "running", "paused")}


class FreezeWindowActive(Conflict):
    slug, title = "freeze-window", "Freeze window active"


async def freeze_blocking(session: AsyncSession, rollout: Rollout, at: datetime) -> list[Any]:
    """Freeze windows of the rollout's environment active at `at` without an approved exception for its
    release (the gate's freeze rule, asked for another time)."""
    windows = await freezes.active_freezes(
        session, project_key=rollout.project_key, environment=rollout.environment, at=at
    )
    if not windows:
        return []
    excepted = await freezes.approved_exception_windows(session, rollout.release_id)
    return [w for w in windows if w.id not in excepted]


def _freeze_problem(rollout: Rollout, blocking: list[Any], at: datetime) -> FreezeWindowActive:
    names = ", ".join(f"{w.name} until {as_utc(w.ends_at).isoformat()}" for w in blocking)
    return FreezeWindowActive(
        f"freeze window active without an approved exception for {rollout.environment} at {at.isoformat()}: "
        f"{names}. Request a freeze exception for the release, or pick another time.",
        environment=rollout.environment,
        at=at.isoformat(),
        freeze_window_ids=[str(w.id) for w in blocking],
    )


def _event_data(rollout: Rollout, schedule: RolloutSchedule, principal: Principal, **extra: Any) -> dict:
    return {
        "rollout_id": rollout.id,
        "release_id": rollout.release_id,
        "project_key": rollout.project_key,
        "name": rollout.name,
        "schedule_id": schedule.id,
        "action": schedule.action,
        "at": as_utc(schedule.at),
        "by": principal.sub,
        "by_name": principal.name,
        "scheduled_by": schedule.created_by,
        "reason": schedule.reason,
        **extra,
    }


async def _record(
    session: AsyncSession,
    *,
    principal: Principal,
    rollout: Rollout,
    schedule: RolloutSchedule,
    action: str,
    event: str,
    note: str | None,
    **extra: Any,
) -> None:
    await history.record(
        session,
        principal=principal,
        project_key=rollout.project_key,
        resource_type=service.RESOURCE,
        resource_id=rollout.id,
        action=action,
        after={
            "schedule_id": str(schedule.id),
            "action": schedule.action,
            "at": as_utc(schedule.at).isoformat(),
            "status": schedule.status,
            **{k: v for k, v in extra.items() if k in ("failure_reason",)},
        },
        note=note,
    )
    events.emit(
        session,
        source=service.SOURCE,
        type=event,
        subject=str(rollout.id),
        project_key=rollout.project_key,
        data=_event_data(rollout, schedule, principal, **extra),
    )


# ---- HTTP ----------------------------------------------------------------------------------------------


async def create_schedule(
    session: AsyncSession, *, principal: Principal, rollout_id: uuid.UUID, body: ScheduleCreate, now: datetime
) -> RolloutSchedule:
    rollout = await service.get_rollout(session, principal=principal, rollout_id=rollout_id, for_update=True)
    if body.at <= now:
        raise UnprocessableEntity(
            "A scheduled action must be in the future.",
            errors=[field_error("body.at", "must be in the future", "past")],
        )
    if body.at > now + timedelta(days=MAX_SCHEDULE_AHEAD_DAYS):
        raise UnprocessableEntity(
            f"A scheduled action is at most {MAX_SCHEDULE_AHEAD_DAYS} days ahead.",
            errors=[field_error("body.at", "too far ahead", "too_far")],
        )
    if rollout.status not in SCHEDULABLE[body.action]:
        allowed = [f"schedule_{a}" for a, states in SCHEDULABLE.items() if rollout.status in states]
        raise InvalidTransition(f"schedule_{body.action}", rollout.status, allowed)
    service._ensure_steering(principal, rollout, f"schedule {body.action} of")
    blocking = await freeze_blocking(session, rollout, body.at)
    if blocking:
        raise _freeze_problem(rollout, blocking, body.at)
    schedule = RolloutSchedule(
        project_key=rollout.project_key,
        rollout_id=rollout.id,
        action=body.action,
        at=body.at,
        reason=body.reason,
        created_by=principal.sub,
        created_by_name=principal.name,
        created_by_role=principal.role_in(rollout.project_key),
    )
    session.add(schedule)
    await session.flush()
    await _record(
        session,
        principal=principal,
        rollout=rollout,
        schedule=schedule,
        action="schedule",
        event="rollout.schedule_created",
        note=body.reason,
    )
    await session.flush()
    return schedule


async def list_schedules(
    session: AsyncSession, *, principal: Principal, rollout_id: uuid.UUID, limit: int, cursor: str | None
) -> tuple[list[RolloutSchedule], str | None]:
    await service.get_rollout(session, principal=principal, rollout_id=rollout_id)
    stmt = select(RolloutSchedule).where(RolloutSchedule.rollout_id == rollout_id)
    return await paginate(
        session,
        stmt,
        order=[],
        id_column=RolloutSchedule.id,
        limit=limit,
        cursor=cursor,
        sort_key="schedules",
    )


async def cancel_schedule(
    session: AsyncSession,
    *,
    principal: Principal,
    rollout_id: uuid.UUID,
    schedule_id: uuid.UUID,
    now: datetime,
) -> RolloutSchedule:
    """Cancel a pending schedule (whoever scheduled it, the current stage's operator, a tpm/admin)."""
    rollout = await service.get_rollout(session, principal=principal, rollout_id=rollout_id, for_update=True)
    stmt = (
        select(RolloutSchedule)
        .where(RolloutSchedule.id == schedule_id, RolloutSchedule.rollout_id == rollout.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    schedule = (await session.execute(stmt)).scalar_one_or_none()
    if schedule is None:
        raise NotFound(f"Schedule {schedule_id} of rollout {rollout_id} does not exist.")
    if schedule.created_by != principal.sub:
        service._ensure_steering(principal, rollout, "cancel a scheduled action of")
    if schedule.status != "pending":
        raise InvalidTransition(
            "cancel",
            schedule.status,
            [],
            f"The schedule is {schedule.status}; only a pending one is cancelled.",
        )
    schedule.status = "cancelled"
    schedule.cancelled_by = principal.sub
    schedule.cancelled_at = now
    await _record(
        session,
        principal=principal,
        rollout=rollout,
        schedule=schedule,
        action="schedule_cancel",
        event="rollout.schedule_cancelled",
        note=None,
    )
    await session.flush()
    return schedule


# ---- the scheduler -------------------------------------------------------------------------------------


def due_schedules_query(*, now: datetime, limit: int):
    """Pending schedules that are due, locked; rows another replica holds are skipped."""
    return (
        select(RolloutSchedule)
        .where(RolloutSchedule.status == "pending", RolloutSchedule.at <= now)
        .order_by(RolloutSchedule.at, RolloutSchedule.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
        .execution_options(populate_existing=True)
    )


async def _mark_failed(
    session: AsyncSession, schedule: RolloutSchedule, *, now: datetime, reason: str, problem: dict | None
) -> None:
    schedule.status = "failed"
    schedule.executed_at = now
    schedule.failure_reason = reason[:2000]
    schedule.failure = problem
    rollout = await session.get(Rollout, schedule.rollout_id)
    assert rollout is not None
    await _record(
        session,
        principal=service.SYSTEM,
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
        stale = (
            (
                await session.execute(
                    select(RolloutSchedule)
                    .where(
                        RolloutSchedule.status == "running", RolloutSchedule.claimed_at < now - CLAIM_TIMEOUT
                    )
                    .limit(limit)
                    .with_for_update(skip_locked=True)
                )
            )
            .scalars()
            .all()
        )
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
            rollout = await session.get(Rollout, rollout_id)
            assert rollout is not None
            blocking = await freeze_blocking(session, rollout, now)
            if blocking:
                raise _freeze_problem(rollout, blocking, now)
            siblings = GateSiblings.of(app)
            if action == "start":
                await service.start(
                    session,
                    principal=principal,
                    rollout_id=rollout_id,
                    body=StartRequest(reason=reason),
                    now=now,
                    siblings=siblings,
                )
            else:
                await service.advance(
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
