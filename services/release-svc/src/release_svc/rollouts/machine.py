"""The rollout state machine's moves: advance a stage, complete (or enter the bake), pause, roll back, each
with its history entry and `rollout.*` event in the caller's transaction. A move that moves the release
(completion, rollback) goes through the release state machine in the same transaction. Who may move and
whether the gate allows it is settled by the callers."""

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import events, history
from tpmhub_shared.auth import Principal

from release_svc.releases import flows as release_flows
from release_svc.releases import repository as releases_repository
from release_svc.releases.models import Release
from release_svc.rollouts.models import Rollout
from release_svc.rollouts.states import RESOURCE, SOURCE, bake_pending, enter_stage, state_of


async def record_change(
    session: AsyncSession,
    *,
    principal: Principal,
    rollout: Rollout,
    action: str,
    event: str,
    before: dict[str, Any],
    reason: str | None,
    **extra: Any,
) -> None:
    """History and the `rollout.*` event for one change, in the caller's transaction."""
    after = state_of(rollout)
    await history.record(
        session,
        principal=principal,
        project_key=rollout.project_key,
        resource_type=RESOURCE,
        resource_id=rollout.id,
        action=action,
        before=before,
        after=after,
        note=reason,
    )
    events.emit(
        session,
        source=SOURCE,
        type=event,
        subject=str(rollout.id),
        project_key=rollout.project_key,
        data={
            "rollout_id": rollout.id,
            "release_id": rollout.release_id,
            "project_key": rollout.project_key,
            "name": rollout.name,
            "action": action,
            "by": principal.sub,
            "by_name": principal.name,
            "reason": reason,
            "from": before,
            "to": after,
            "stage_count": len(rollout.stages),
            **extra,
        },
    )


async def record_override(
    session: AsyncSession, *, principal: Principal, rollout: Rollout, action: str, verdict: dict[str, Any]
) -> None:
    if not verdict.get("overridden"):
        return
    await history.record(
        session,
        principal=principal,
        project_key=rollout.project_key,
        resource_type=RESOURCE,
        resource_id=rollout.id,
        action="override_gate",
        after={
            "action": action,
            "environment": verdict["environment"],
            "failed_checks": verdict["failed_checks"],
            "decision_id": verdict["decision_id"],
        },
        note=verdict["override_reason"],
    )


def _leave(rollout: Rollout) -> dict[str, Any]:
    """The common start of a move past the gate (advance, complete, bake): the state before, gate hold
    cleared."""
    before = state_of(rollout)
    rollout.gate_hold = None
    return before


async def _moved(
    session: AsyncSession,
    *,
    principal: Principal,
    rollout: Rollout,
    action: str,
    event: str,
    before: dict[str, Any],
    reason: str | None,
    overridden: bool,
    automatic: bool,
    verdict: dict[str, Any] | None,
    override_action: str,
    **extra: Any,
) -> Rollout:
    """The common end of a move past the gate: history and event with the gate's verdict, the override if
    any, flushed."""
    await record_change(
        session,
        principal=principal,
        rollout=rollout,
        action=action,
        event=event,
        before=before,
        reason=reason,
        hold_overridden=overridden,
        automatic=automatic,
        gate=verdict,
        **extra,
    )
    if verdict:
        await record_override(
            session, principal=principal, rollout=rollout, action=override_action, verdict=verdict
        )
    await session.flush()
    return rollout


async def advance_stage(
    session: AsyncSession,
    *,
    principal: Principal,
    rollout: Rollout,
    reason: str | None,
    now: datetime,
    overridden: bool = False,
    automatic: bool = False,
    verdict: dict[str, Any] | None = None,
) -> Rollout:
    before = _leave(rollout)
    enter_stage(rollout, rollout.current_stage + 1, now)
    return await _moved(
        session,
        principal=principal,
        rollout=rollout,
        action="advance",
        event="rollout.stage_changed",
        before=before,
        reason=reason,
        overridden=overridden,
        automatic=automatic,
        verdict=verdict,
        override_action="advance",
    )


async def complete_rollout(
    session: AsyncSession,
    *,
    principal: Principal,
    rollout: Rollout,
    reason: str | None,
    now: datetime,
    overridden: bool = False,
    automatic: bool = False,
    verdict: dict[str, Any] | None = None,
    release: Release | None = None,
) -> Rollout:
    if bake_pending(rollout):
        return await start_bake(
            session,
            principal=principal,
            rollout=rollout,
            reason=reason,
            now=now,
            overridden=overridden,
            automatic=automatic,
            verdict=verdict,
        )
    release = release or await releases_repository.release_for_update(session, rollout.release_id)
    before = _leave(rollout)
    rollout.status = "completed"
    rollout.current_percent = 100
    rollout.finished_at = now
    rollout.next_check_at = None
    await release_flows.transition(
        session,
        principal=principal,
        release=release,
        action="start_verification",
        reason=reason or "gray rollout completed",
        data={"rollout_id": rollout.id},
    )
    return await _moved(
        session,
        principal=principal,
        rollout=rollout,
        action="complete",
        event="rollout.completed",
        before=before,
        reason=reason,
        overridden=overridden,
        automatic=automatic,
        verdict=verdict,
        override_action="complete",
    )


async def start_bake(
    session: AsyncSession,
    *,
    principal: Principal,
    rollout: Rollout,
    reason: str | None,
    now: datetime,
    overridden: bool = False,
    automatic: bool = False,
    verdict: dict[str, Any] | None = None,
) -> Rollout:
    before = _leave(rollout)
    rollout.current_percent = 100
    rollout.stage_started_at = now  # the bake judges readings taken from now on
    rollout.bake_until = now + timedelta(seconds=rollout.bake_seconds)
    rollout.hold_until = rollout.bake_until
    rollout.next_check_at = rollout.bake_until
    return await _moved(
        session,
        principal=principal,
        rollout=rollout,
        action="bake",
        event="rollout.bake_started",
        before=before,
        reason=reason,
        overridden=overridden,
        automatic=automatic,
        verdict=verdict,
        override_action="complete",
        bake_seconds=rollout.bake_seconds,
        bake_until=rollout.bake_until,
    )


# With `bake_seconds`, completing the last stage (by its operator, a tpm/admin or the scheduler, through the
# gate as ever) first enters the bake: 100% exposed, the last stage's guardrails judged on readings taken
# from then on, hold until `bake_until`. A breach acts as in any stage (pause or rollback); an inconclusive
# guardrail pauses for a person. The scheduler completes the rollout once the bake has passed with green
# guardrails (a person may complete it once the bake has passed); nobody can skip the bake.


async def pause_rollout(
    session: AsyncSession, *, principal: Principal, rollout: Rollout, reason: str | None, **extra: Any
) -> Rollout:
    before = state_of(rollout)
    rollout.status = "paused"
    rollout.pause_reason = reason or f"paused by {principal.sub}"
    rollout.next_check_at = None
    await record_change(
        session,
        principal=principal,
        rollout=rollout,
        action="pause",
        event="rollout.paused",
        before=before,
        reason=rollout.pause_reason,
        **extra,
    )
    await session.flush()
    return rollout


async def roll_back_rollout(
    session: AsyncSession,
    *,
    principal: Principal,
    rollout: Rollout,
    reason: str | None,
    now: datetime,
    **extra: Any,
) -> Rollout:
    release = await releases_repository.release_for_update(session, rollout.release_id)
    before = state_of(rollout)
    rollout.status = "rolled_back"
    rollout.current_percent = 0
    rollout.finished_at = now
    rollout.next_check_at = None
    await release_flows.transition(
        session,
        principal=principal,
        release=release,
        action="roll_back",
        reason=reason or "gray rollout rolled back",
        data={"rollout_id": rollout.id},
    )
    await record_change(
        session,
        principal=principal,
        rollout=rollout,
        action="rollback",
        event="rollout.rolled_back",
        before=before,
        reason=reason,
        **extra,
    )
    await session.flush()
    return rollout
