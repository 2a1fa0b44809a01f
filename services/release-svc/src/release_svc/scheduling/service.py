"""Scheduled rollout actions: start or advance at a given time — creating, listing and cancelling them, and
the freeze rule they are checked against (when created and again when due).

A schedule is checked when it is created (who may steer, the rollout's state, a freeze window of the
rollout's environment at that time without an approved exception: 409); `flows` runs it when due."""

import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import events, history
from tpmhub_shared.auth import Principal
from tpmhub_shared.ids import as_utc
from tpmhub_shared.pagination import paginate
from tpmhub_shared.problems import Conflict, InvalidTransition, NotFound, UnprocessableEntity, field_error

from release_svc.freezes import service as freezes
from release_svc.rollouts.models import Rollout
from release_svc.rollouts.service import ensure_steering, get_rollout
from release_svc.rollouts.states import RESOURCE, SOURCE
from release_svc.scheduling import repository
from release_svc.scheduling.models import RolloutSchedule
from release_svc.scheduling.schemas import MAX_SCHEDULE_AHEAD_DAYS, ScheduleCreate

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


def freeze_problem(rollout: Rollout, blocking: list[Any], at: datetime) -> FreezeWindowActive:
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


async def record_schedule_change(
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
        resource_type=RESOURCE,
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
        source=SOURCE,
        type=event,
        subject=str(rollout.id),
        project_key=rollout.project_key,
        data=_event_data(rollout, schedule, principal, **extra),
    )


async def create_schedule(
    session: AsyncSession, *, principal: Principal, rollout_id: uuid.UUID, body: ScheduleCreate, now: datetime
) -> RolloutSchedule:
    rollout = await get_rollout(session, principal=principal, rollout_id=rollout_id, for_update=True)
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
    ensure_steering(principal, rollout, f"schedule {body.action} of")
    blocking = await freeze_blocking(session, rollout, body.at)
    if blocking:
        raise freeze_problem(rollout, blocking, body.at)
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
    await record_schedule_change(
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
    await get_rollout(session, principal=principal, rollout_id=rollout_id)
    return await paginate(
        session,
        repository.of_rollout(rollout_id),
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
    rollout = await get_rollout(session, principal=principal, rollout_id=rollout_id, for_update=True)
    schedule = await repository.get_for_update(session, schedule_id, rollout.id)
    if schedule is None:
        raise NotFound(f"Schedule {schedule_id} of rollout {rollout_id} does not exist.")
    if schedule.created_by != principal.sub:
        ensure_steering(principal, rollout, "cancel a scheduled action of")
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
    await record_schedule_change(
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


async def cancel_pending_schedules(
    session: AsyncSession, *, principal: Principal, rollout: Rollout, now: datetime, why: str
) -> int:
    rows = await repository.pending_of(session, rollout.id)
    n = 0
    for row in rows:
        row.status = "cancelled"
        row.cancelled_by = principal.sub
        row.cancelled_at = now
        row.failure_reason = why
        n += 1
    return n


async def next_schedule_at(session: AsyncSession, rollout_ids: list[uuid.UUID]) -> dict[uuid.UUID, datetime]:
    """Rollout id → when its next pending scheduled action is due (absent: none)."""
    return await repository.next_pending_at(session, rollout_ids)
