"""Rollout controls release managers ask for: abort with a reason, editing a draft, and the portfolio of
running and paused rollouts across the projects a caller can read.

Kept apart from `service.py` (the rollout's state machine, guardrails and scheduler); these functions use
its helpers and record history and `rollout.*` events in the caller's transaction like every change."""

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import events, history
from tpmhub_shared.auth import PLANNERS, Principal, ensure_role
from tpmhub_shared.concurrency import check_if_match
from tpmhub_shared.ids import as_utc
from tpmhub_shared.pagination import paginate
from tpmhub_shared.problems import Forbidden, InvalidTransition, UnprocessableEntity, field_error

from release_svc.environments.service import resolve_environment
from release_svc.releases import flows as releases
from release_svc.releases.models import Release
from release_svc.rollouts import service
from release_svc.rollouts.models import ACTIVE_STATUSES, Rollout, RolloutSchedule
from release_svc.rollouts.schemas import AbortRequest, RolloutCreate, RolloutUpdate, StageCreate

# ---- abort ---------------------------------------------------------------------------------------------


def _ensure_may_abort(principal: Principal, rollout: Rollout) -> None:
    """Any stage operator, a tpm or an admin: the people who steer the rollout."""
    if service._is_operator(principal, rollout, any_stage=True) or principal.can(
        rollout.project_key, service.STEERING_ROLES
    ):
        return
    raise Forbidden(
        "Only a stage operator or a tpm/admin may abort this rollout.",
        operators=sorted({s["operator"] for s in rollout.stages}),
        required_roles=["admin", "tpm"],
    )


async def cancel_pending_schedules(
    session: AsyncSession, *, principal: Principal, rollout: Rollout, now: datetime, why: str
) -> int:
    rows = (
        await session.execute(
            select(RolloutSchedule)
            .where(RolloutSchedule.rollout_id == rollout.id, RolloutSchedule.status == "pending")
            .with_for_update()
        )
    ).scalars()
    n = 0
    for row in rows:
        row.status = "cancelled"
        row.cancelled_by = principal.sub
        row.cancelled_at = now
        row.failure_reason = why
        n += 1
    return n


async def abort(
    session: AsyncSession, *, principal: Principal, rollout_id: uuid.UUID, body: AbortRequest, now: datetime
) -> Rollout:
    """Stop a draft, running or paused rollout for good: nobody is exposed any more. A rollout that had
    exposed units rolls its release back (like a rollback, in the same transaction); a draft leaves the
    release as it is. Pending scheduled actions are cancelled."""
    rollout = await service.get_rollout(session, principal=principal, rollout_id=rollout_id, for_update=True)
    service._ensure_allowed(rollout, "abort")
    _ensure_may_abort(principal, rollout)
    exposed = rollout.status in ACTIVE_STATUSES
    before = service._state(rollout)
    if exposed:
        release = await service._release_for_update(session, rollout)
        await releases.transition(
            session,
            principal=principal,
            release=release,
            action="roll_back",
            reason=f"gray rollout aborted: {body.reason}",
            data={"rollout_id": rollout.id},
        )
    rollout.status = "aborted"
    rollout.current_percent = 0
    rollout.finished_at = now
    rollout.next_check_at = None
    rollout.gate_hold = None
    rollout.abort_reason = body.reason
    cancelled = await cancel_pending_schedules(
        session, principal=principal, rollout=rollout, now=now, why="rollout aborted"
    )
    await service._changed(
        session,
        principal=principal,
        rollout=rollout,
        action="abort",
        event="rollout.aborted",
        before=before,
        reason=body.reason,
        exposed=exposed,
        counts_as_change_failure=exposed,
        schedules_cancelled=cancelled,
    )
    await session.flush()
    return rollout


# ---- editing a draft -----------------------------------------------------------------------------------

_EDITABLE = ("name", "environment", "unit_kind", "group_id", "stages", "on_breach", "breach_threshold")


def _as_create(rollout: Rollout, patch: RolloutUpdate) -> RolloutCreate:
    given = patch.model_fields_set
    nulls = [f for f in given if getattr(patch, f) is None]
    if nulls:
        raise UnprocessableEntity(
            f"{len(nulls)} field(s) may not be null.",
            errors=[field_error(f"body.{f}", "may not be null", "null") for f in sorted(nulls)],
        )
    current: dict[str, Any] = {
        "name": rollout.name,
        "environment": rollout.environment,
        "unit_kind": rollout.unit_kind,
        "group_id": rollout.group_id,
        "stages": [
            StageCreate(
                percent=s["percent"],
                min_hold_seconds=s["min_hold_seconds"],
                operator=s["operator"],
                auto_advance=s["auto_advance"],
                guardrails=[g["expression"] for g in s["guardrails"]],
            )
            for s in rollout.stages
        ],
        "on_breach": rollout.on_breach,
        "breach_threshold": rollout.breach_threshold,
    }
    current.update({f: getattr(patch, f) for f in given})
    return RolloutCreate.model_construct(**current)


async def update_draft(
    session: AsyncSession,
    *,
    principal: Principal,
    rollout_id: uuid.UUID,
    patch: RolloutUpdate,
    if_match: str | None,
) -> Rollout:
    """Merge-patch a draft rollout with the rules of create (admin, pm, tpm). Any other state: 409 with the
    allowed actions. Invalid stages: 422 naming the field, nothing changed."""
    rollout = await service.get_rollout(session, principal=principal, rollout_id=rollout_id, for_update=True)
    ensure_role(principal, rollout.project_key, PLANNERS, action="edit a rollout")
    check_if_match(if_match, rollout.version)
    if rollout.status != "draft":
        raise InvalidTransition(
            "edit",
            rollout.status,
            service.allowed_actions(rollout),
            f"Only a draft rollout can be edited; this one is {rollout.status}.",
        )
    data = _as_create(rollout, patch)
    stages = service._parse_stages(data) if "stages" in patch.model_fields_set else rollout.stages
    environment = rollout.environment
    if "environment" in patch.model_fields_set:
        environment = await resolve_environment(
            session, rollout.project_key, data.environment, loc="body.environment"
        )
    before = history.snapshot(rollout, list(_EDITABLE))
    rollout.name = data.name
    rollout.environment = environment
    rollout.unit_kind = data.unit_kind
    rollout.group_id = data.group_id
    if stages != rollout.stages:
        rollout.stages = stages
        rollout.failed_checks = [0] * len(stages)
    rollout.on_breach = data.on_breach
    rollout.breach_threshold = data.breach_threshold
    after = history.snapshot(rollout, list(_EDITABLE))
    changed = sorted(k for k in _EDITABLE if before[k] != after[k])
    if changed:
        await history.record(
            session,
            principal=principal,
            project_key=rollout.project_key,
            resource_type=service.RESOURCE,
            resource_id=rollout.id,
            action="update",
            before=before,
            after=after,
        )
        events.emit(
            session,
            source=service.SOURCE,
            type="rollout.updated",
            subject=str(rollout.id),
            project_key=rollout.project_key,
            data={
                "rollout_id": rollout.id,
                "release_id": rollout.release_id,
                "project_key": rollout.project_key,
                "name": rollout.name,
                "action": "edit",
                "by": principal.sub,
                "by_name": principal.name,
                "reason": None,
                "from": service._state(rollout),
                "to": service._state(rollout),
                "stage_count": len(rollout.stages),
                "changed": changed,
            },
        )
    await session.flush()
    return rollout


# ---- the portfolio -------------------------------------------------------------------------------------


async def portfolio(
    session: AsyncSession,
    *,
    principal: Principal,
    statuses: list[str],
    project: str | None,
    limit: int,
    cursor: str | None,
    now: datetime,
) -> tuple[list[dict[str, Any]], str | None]:
    """Rollouts in `statuses` across every project the caller can read, oldest first (keyset on id). Four
    queries whatever the page size: the page, the releases' versions, the latest readings, the next
    schedules."""
    stmt = select(Rollout).where(Rollout.status.in_(statuses))
    readable = principal.visible_projects()
    if project is not None:
        stmt = stmt.where(Rollout.project_key == project)
        if readable is not None and project not in readable:
            return [], None
    elif readable is not None:
        stmt = stmt.where(Rollout.project_key.in_(sorted(readable)))
    rows, next_cursor = await paginate(
        session, stmt, order=[], id_column=Rollout.id, limit=limit, cursor=cursor, sort_key="portfolio"
    )
    if not rows:
        return [], next_cursor
    release_ids = {r.release_id for r in rows}
    versions = dict(
        (await session.execute(select(Release.id, Release.semver).where(Release.id.in_(release_ids)))).all()
    )
    outcomes = await service.latest_outcomes(session, rows)
    next_at = dict(
        (
            await session.execute(
                select(RolloutSchedule.rollout_id, func.min(RolloutSchedule.at))
                .where(
                    RolloutSchedule.rollout_id.in_([r.id for r in rows]), RolloutSchedule.status == "pending"
                )
                .group_by(RolloutSchedule.rollout_id)
            )
        ).all()
    )
    items = []
    for r in rows:
        stage = r.stages[r.current_stage]
        green, checks = service.guardrails_green(r, outcomes[r.id])
        if not checks:
            outcome = "none"
        elif any(c["state"] == "fail" for c in checks):
            outcome = "fail"
        else:
            outcome = "pass" if green else "pending"
        hold_until = as_utc(r.hold_until)
        left = max(0, int((hold_until - now).total_seconds() + 0.999)) if hold_until else 0
        items.append(
            {
                "id": r.id,
                "release_id": r.release_id,
                "version": versions.get(r.release_id, "?"),
                "project_key": r.project_key,
                "name": r.name,
                "environment": r.environment,
                "status": r.status,
                "current_stage": r.current_stage,
                "stage_count": len(r.stages),
                "current_percent": r.current_percent,
                "operator": stage["operator"],
                "hold_until": hold_until,
                "hold_left_seconds": left,
                "pause_reason": r.pause_reason,
                "gate_held": r.gate_hold is not None,
                "guardrail_outcome": outcome,
                "failed_checks": r.failed_checks[r.current_stage]
                if r.current_stage < len(r.failed_checks)
                else 0,
                "next_schedule_at": as_utc(next_at.get(r.id)),
                "updated_at": r.updated_at,
            }
        )
    return items, next_cursor


# ---- DORA: how rollouts ended --------------------------------------------------------------------------


async def rollout_outcomes(
    session: AsyncSession, *, project_key: str, environment: str, start: datetime, end: datetime
) -> dict[str, Any]:
    """Counts of the environment's rollouts that ended in [start, end): completions, guardrail and manual
    rollbacks (a rollback made by the rollout automation is a guardrail's), aborts after and before
    exposure. Change failures are the rollbacks and the aborts after exposure."""
    window = (
        Rollout.project_key == project_key,
        Rollout.environment == environment,
        Rollout.finished_at >= start,
        Rollout.finished_at < end,
    )
    counts = {
        (status, exposed): int(n)
        for status, exposed, n in await session.execute(
            select(Rollout.status, Rollout.started_at.is_not(None), func.count())
            .where(*window, Rollout.status.in_(("completed", "rolled_back", "aborted")))
            .group_by(Rollout.status, Rollout.started_at.is_not(None))
        )
    }
    rolled_back = sum(n for (s, _), n in counts.items() if s == "rolled_back")
    guardrail = 0
    if rolled_back:
        ids = [
            str(i)
            for (i,) in await session.execute(
                select(Rollout.id).where(*window, Rollout.status == "rolled_back")
            )
        ]
        guardrail = (
            await session.execute(
                select(func.count(func.distinct(history.HistoryEntry.resource_id))).where(
                    history.HistoryEntry.project_key == project_key,
                    history.HistoryEntry.resource_type == service.RESOURCE,
                    history.HistoryEntry.action == "rollback",
                    history.HistoryEntry.actor == service.SYSTEM.sub,
                    history.HistoryEntry.resource_id.in_(ids),
                )
            )
        ).scalar_one()
    completed = sum(n for (s, _), n in counts.items() if s == "completed")
    after = counts.get(("aborted", True), 0)
    failures = rolled_back + after
    return {
        "completed": completed,
        "guardrail_rollbacks": guardrail,
        "manual_rollbacks": rolled_back - guardrail,
        "aborted_after_exposure": after,
        "aborted_before_exposure": counts.get(("aborted", False), 0),
        "change_failures": failures,
        "change_failure_rate": round(failures / (completed + failures), 4) if completed + failures else None,
    }
