"""Rollout flows that orchestrate other domains: start, advance and complete through the release gate (and
into the bake), abort (cancelling scheduled actions), and the portfolio (guardrail outcomes, next
schedules)."""

import time
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.auth import Principal
from tpmhub_shared.concurrency import check_if_match
from tpmhub_shared.ids import as_utc
from tpmhub_shared.pagination import paginate
from tpmhub_shared.problems import Conflict, Forbidden

from release_svc.gate.service import GateSiblings
from release_svc.guardrails.service import guardrails_green, latest_outcomes
from release_svc.releases import flows as release_flows
from release_svc.releases import repository as releases_repository
from release_svc.rollouts import repository
from release_svc.rollouts.gating import ask_siblings, ensure_may_override, judge_gate
from release_svc.rollouts.machine import advance_stage, complete_rollout, record_change, record_override
from release_svc.rollouts.models import ACTIVE_STATUSES, Rollout
from release_svc.rollouts.schemas import AbortRequest, AdvanceRequest, StartRequest
from release_svc.rollouts.service import (
    active_rollout,
    ensure_allowed,
    ensure_bake_passed,
    ensure_hold_passed,
    ensure_steering,
    get_rollout,
    is_operator,
)
from release_svc.rollouts.states import STEERING_ROLES, enter_stage, state_of
from release_svc.scheduling.service import cancel_pending_schedules, next_schedule_at

RELEASE_STATES_FOR_START = ("approved", "deploying")


# ---- through the gate ----------------------------------------------------------------------------------


def _start_preflight(principal: Principal, rollout: Rollout, body: StartRequest) -> None:
    ensure_allowed(rollout, "start")
    ensure_steering(principal, rollout, "start")
    ensure_may_override(principal, rollout, body.override_gate)


async def start(
    session: AsyncSession,
    *,
    principal: Principal,
    rollout_id: uuid.UUID,
    body: StartRequest,
    now: datetime,
    siblings: GateSiblings,
    if_match: str | None = None,
) -> Rollout:
    started = time.perf_counter()
    rollout = await get_rollout(session, principal=principal, rollout_id=rollout_id)
    # An early refusal, before the gate's sibling calls; checked again below on the row locked for this
    # write (the transaction ends while the siblings answer).
    check_if_match(if_match, rollout.version)
    _start_preflight(principal, rollout, body)
    answers = await ask_siblings(session, siblings, rollout)
    rollout = await get_rollout(session, principal=principal, rollout_id=rollout_id, for_update=True)
    check_if_match(if_match, rollout.version)  # on the row locked for this write
    _start_preflight(principal, rollout, body)
    release = await releases_repository.release_for_update(session, rollout.release_id)
    if release.status not in RELEASE_STATES_FOR_START:
        raise Conflict(
            f"Release {release.semver} is {release.status}; a rollout starts only when the release is "
            "approved or deploying.",
            release_status=release.status,
        )
    other = await active_rollout(session, release_id=release.id)
    if other is not None:
        raise Conflict(
            f"Rollout {other.id} of this release is {other.status}; finish it first.",
            active_rollout_id=str(other.id),
        )
    verdict = await judge_gate(
        session,
        principal=principal,
        rollout=rollout,
        release=release,
        sibling_checks=answers,
        override=body.override_gate,
        action="start",
        started=started,
    )
    if release.status == "approved":
        await release_flows.transition(
            session,
            principal=principal,
            release=release,
            action="start_deploy",
            reason=body.reason or "gray rollout started",
            data={"rollout_id": rollout.id},
        )
    before = state_of(rollout)
    rollout.status = "running"
    rollout.started_at = now
    rollout.gate_hold = None
    enter_stage(rollout, 0, now)
    await record_change(
        session,
        principal=principal,
        rollout=rollout,
        action="start",
        event="rollout.started",
        before=before,
        reason=body.reason,
        gate=verdict,
    )
    await record_override(session, principal=principal, rollout=rollout, action="start", verdict=verdict)
    await session.flush()
    return rollout


def _advance_preflight(
    principal: Principal, rollout: Rollout, body: AdvanceRequest, now: datetime, action: str
) -> bool:
    ensure_allowed(rollout, action)
    ensure_steering(principal, rollout, action)
    ensure_may_override(principal, rollout, body.override_gate)
    ensure_bake_passed(rollout, now)
    return ensure_hold_passed(principal, rollout, body, now, action)


async def _gated_advance(
    session: AsyncSession,
    *,
    principal: Principal,
    rollout_id: uuid.UUID,
    body: AdvanceRequest,
    now: datetime,
    siblings: GateSiblings,
    action: str,
    if_match: str | None = None,
) -> Rollout:
    started = time.perf_counter()
    rollout = await get_rollout(session, principal=principal, rollout_id=rollout_id)
    check_if_match(if_match, rollout.version)  # early, before the siblings; again under the lock below
    _advance_preflight(principal, rollout, body, now, action)
    answers = await ask_siblings(session, siblings, rollout)
    rollout = await get_rollout(session, principal=principal, rollout_id=rollout_id, for_update=True)
    check_if_match(if_match, rollout.version)  # on the row locked for this write
    overridden = _advance_preflight(principal, rollout, body, now, action)
    release = await releases_repository.release_for_update(session, rollout.release_id)
    verdict = await judge_gate(
        session,
        principal=principal,
        rollout=rollout,
        release=release,
        sibling_checks=answers,
        override=body.override_gate,
        action=action,
        started=started,
    )
    if action == "complete":
        return await complete_rollout(
            session,
            principal=principal,
            rollout=rollout,
            reason=body.reason,
            now=now,
            overridden=overridden,
            verdict=verdict,
            release=release,
        )
    return await advance_stage(
        session,
        principal=principal,
        rollout=rollout,
        reason=body.reason,
        now=now,
        overridden=overridden,
        verdict=verdict,
    )


async def advance(
    session: AsyncSession,
    *,
    principal: Principal,
    rollout_id: uuid.UUID,
    body: AdvanceRequest,
    now: datetime,
    siblings: GateSiblings,
    if_match: str | None = None,
) -> Rollout:
    return await _gated_advance(
        session,
        principal=principal,
        rollout_id=rollout_id,
        body=body,
        now=now,
        siblings=siblings,
        action="advance",
        if_match=if_match,
    )


async def complete(
    session: AsyncSession,
    *,
    principal: Principal,
    rollout_id: uuid.UUID,
    body: AdvanceRequest,
    now: datetime,
    siblings: GateSiblings,
    if_match: str | None = None,
) -> Rollout:
    return await _gated_advance(
        session,
        principal=principal,
        rollout_id=rollout_id,
        body=body,
        now=now,
        siblings=siblings,
        action="complete",
        if_match=if_match,
    )


# ---- abort ---------------------------------------------------------------------------------------------


def _ensure_may_abort(principal: Principal, rollout: Rollout) -> None:
    """Any stage operator, a tpm or an admin: the people who steer the rollout."""
    if is_operator(principal, rollout, any_stage=True) or principal.can(rollout.project_key, STEERING_ROLES):
        return
    raise Forbidden(
        "Only a stage operator or a tpm/admin may abort this rollout.",
        operators=sorted({s["operator"] for s in rollout.stages}),
        required_roles=["admin", "tpm"],
    )


async def abort(
    session: AsyncSession,
    *,
    principal: Principal,
    rollout_id: uuid.UUID,
    body: AbortRequest,
    now: datetime,
    if_match: str | None = None,
) -> Rollout:
    """Stop a draft, running or paused rollout for good: nobody is exposed any more. A rollout that had
    exposed units rolls its release back (like a rollback, in the same transaction); a draft leaves the
    release as it is. Pending scheduled actions are cancelled."""
    rollout = await get_rollout(session, principal=principal, rollout_id=rollout_id, for_update=True)
    check_if_match(if_match, rollout.version)  # on the row locked for this write
    ensure_allowed(rollout, "abort")
    _ensure_may_abort(principal, rollout)
    exposed = rollout.status in ACTIVE_STATUSES
    before = state_of(rollout)
    if exposed:
        release = await releases_repository.release_for_update(session, rollout.release_id)
        await release_flows.transition(
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
    await record_change(
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
    readable = principal.visible_projects()
    if project is not None and readable is not None and project not in readable:
        return [], None
    stmt = repository.in_states(statuses, project=project, readable=readable)
    rows, next_cursor = await paginate(
        session, stmt, order=[], id_column=Rollout.id, limit=limit, cursor=cursor, sort_key="portfolio"
    )
    if not rows:
        return [], next_cursor
    release_ids = {r.release_id for r in rows}
    versions = await releases_repository.release_versions(session, release_ids)
    outcomes = await latest_outcomes(session, rows)
    next_at = await next_schedule_at(session, [r.id for r in rows])
    items = []
    for r in rows:
        stage = r.stages[r.current_stage]
        green, checks = guardrails_green(r, outcomes[r.id])
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
