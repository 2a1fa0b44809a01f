"""Rollouts over HTTP: create and read, actions, metric readings, cohort decisions."""

import uuid
from datetime import datetime
from typing import Annotated

import orjson
from fastapi import APIRouter, Body, Depends, Query, Request, Response, status
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import history
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.concurrency import IfMatch, set_etag
from tpmhub_shared.deps import Now, ReadSession, Session
from tpmhub_shared.history import HistoryEntryPublic
from tpmhub_shared.pagination import Cursor, Limit, Page
from tpmhub_shared.problems import UnprocessableEntity, field_error, responses

from release_svc.gate.service import GateSiblings
from release_svc.rollouts import cohorts, controls, schedules, service
from release_svc.rollouts.guardrails import METRIC_PATTERN
from release_svc.rollouts.models import MetricReading, Rollout, RolloutSchedule
from release_svc.rollouts.schemas import (
    UNIT_PATTERN,
    AbortRequest,
    AdvanceRequest,
    Cohort,
    DecideBatch,
    DecisionBatchPublic,
    DecisionPublic,
    GateHold,
    GuardrailCheck,
    GuardrailPublic,
    GuardrailStatus,
    InconclusiveHold,
    PortfolioItem,
    ReadingBatch,
    ReadingPublic,
    ReadingsBody,
    ReadingsResult,
    RolloutActionRequest,
    RolloutCreate,
    RolloutPublic,
    RolloutStatus,
    RolloutUpdate,
    ScheduleCreate,
    SchedulePublic,
    StagePublic,
    StartRequest,
)

router = APIRouter(tags=["rollouts"])


def gate_siblings(request: Request) -> GateSiblings:
    return GateSiblings.of(request.app)


Siblings = Annotated[GateSiblings, Depends(gate_siblings)]


def to_public(rollout: Rollout) -> RolloutPublic:
    stages = [
        StagePublic(
            index=i,
            percent=s["percent"],
            min_hold_seconds=s["min_hold_seconds"],
            operator=s["operator"],
            auto_advance=s["auto_advance"],
            guardrails=[GuardrailPublic(**g) for g in s["guardrails"]],
            failed_checks=rollout.failed_checks[i] if i < len(rollout.failed_checks) else 0,
        )
        for i, s in enumerate(rollout.stages)
    ]
    return RolloutPublic(
        id=rollout.id,
        release_id=rollout.release_id,
        project_key=rollout.project_key,
        name=rollout.name,
        environment=rollout.environment,
        status=rollout.status,
        unit_kind=rollout.unit_kind,
        group_id=rollout.group_id,
        stages=stages,
        current_stage=rollout.current_stage,
        current_percent=rollout.current_percent,
        stage_started_at=rollout.stage_started_at,
        hold_until=rollout.hold_until,
        pause_reason=rollout.pause_reason,
        gate_hold=GateHold.model_validate(rollout.gate_hold) if rollout.gate_hold else None,
        on_breach=rollout.on_breach,
        breach_threshold=rollout.breach_threshold,
        abort_reason=rollout.abort_reason,
        bake_seconds=rollout.bake_seconds,
        baking=service.is_baking(rollout),
        bake_until=rollout.bake_until if service.is_baking(rollout) else None,
        inconclusive_hold=(
            InconclusiveHold.model_validate(hold)
            if (hold := service.current_inconclusive_hold(rollout)) and rollout.is_active
            else None
        ),
        started_at=rollout.started_at,
        finished_at=rollout.finished_at,
        created_by=rollout.created_by,
        created_at=rollout.created_at,
        updated_at=rollout.updated_at,
        revision=rollout.version,
        allowed_actions=service.allowed_actions(rollout),
    )


def reading_public(row: MetricReading) -> ReadingPublic:
    return ReadingPublic.model_validate(row, from_attributes=True)


@router.post(
    "/v1/releases/{release_id}/rollouts",
    status_code=status.HTTP_201_CREATED,
    response_model=RolloutPublic,
    responses=responses(401, 403, 404, 409, 413, 422),
)
async def create_rollout(
    release_id: uuid.UUID,
    body: RolloutCreate,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
) -> RolloutPublic:
    """Plan a gray rollout of a release (admin, pm, tpm); it starts in `draft`."""
    rollout = await service.create_rollout(session, principal=principal, release_id=release_id, data=body)
    set_etag(response, rollout.version)
    response.headers["Location"] = f"/v1/rollouts/{rollout.id}"
    return to_public(rollout)


@router.get(
    "/v1/releases/{release_id}/rollouts",
    response_model=Page[RolloutPublic],
    responses=responses(401, 404, 422),
)
async def list_rollouts(
    release_id: uuid.UUID,
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
    status: Annotated[RolloutStatus | None, Query()] = None,
) -> Page[RolloutPublic]:
    """The release's rollouts, oldest first."""
    rows, next_cursor = await service.list_rollouts(
        session, principal=principal, release_id=release_id, status=status, limit=limit, cursor=cursor
    )
    return Page[RolloutPublic](items=[to_public(r) for r in rows], next_cursor=next_cursor)


@router.get("/v1/rollouts/{rollout_id}", response_model=RolloutPublic, responses=responses(401, 404, 422))
async def get_rollout(
    rollout_id: uuid.UUID, session: ReadSession, principal: CurrentPrincipal, response: Response
) -> RolloutPublic:
    rollout = await service.get_rollout(session, principal=principal, rollout_id=rollout_id)
    set_etag(response, rollout.version)
    return to_public(rollout)


@router.get(
    "/v1/rollouts/{rollout_id}/history",
    response_model=Page[HistoryEntryPublic],
    responses=responses(401, 404, 422),
)
async def list_rollout_history(
    rollout_id: uuid.UUID,
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[HistoryEntryPublic]:
    """Every recorded change of the rollout (who, when, from, to, why), oldest first."""
    await service.get_rollout(session, principal=principal, rollout_id=rollout_id)
    return await history.list_history(
        session, resource_type=service.RESOURCE, resource_id=rollout_id, limit=limit, cursor=cursor
    )


@router.get(
    "/v1/rollouts/{rollout_id}/guardrails", response_model=GuardrailStatus, responses=responses(401, 404, 422)
)
async def get_rollout_guardrails(
    rollout_id: uuid.UUID, session: ReadSession, principal: CurrentPrincipal, now: Now
) -> GuardrailStatus:
    """The current stage's guardrails (or the bake's) with the state of each (pass, inconclusive, fail,
    no_baseline, no_data; dry runs flagged) and whether the hold has passed: what the scheduler needs to
    advance."""
    rollout = await service.get_rollout(session, principal=principal, rollout_id=rollout_id)
    green, checks = await service.guardrail_status(session, rollout)
    hold_until = rollout.hold_until
    return GuardrailStatus(
        rollout_id=rollout.id,
        status=rollout.status,
        stage=rollout.current_stage,
        percent=rollout.current_percent,
        green=green,
        baking=service.is_baking(rollout),
        hold_until=hold_until,
        hold_passed=hold_until is not None and now >= hold_until,
        failed_checks=rollout.failed_checks[rollout.current_stage],
        checks=[GuardrailCheck(**c) for c in checks],
    )


_ACTION_RESPONSES = responses(401, 403, 404, 409, 412, 413, 422)
OptionalAction = Annotated[RolloutActionRequest | None, Body()]
OptionalStart = Annotated[StartRequest | None, Body()]
OptionalAdvance = Annotated[AdvanceRequest | None, Body()]


async def _act(
    action,
    session: AsyncSession,
    principal,
    rollout_id: uuid.UUID,
    body,
    now: datetime,
    if_match: str | None,
    response: Response,
    **extra,
) -> RolloutPublic:
    # The service checks If-Match on the row it reads under the write lock.
    rollout = await action(
        session, principal=principal, rollout_id=rollout_id, body=body, now=now, if_match=if_match, **extra
    )
    set_etag(response, rollout.version)
    return to_public(rollout)


@router.post("/v1/rollouts/{rollout_id}/start", response_model=RolloutPublic, responses=_ACTION_RESPONSES)
async def start_rollout(
    rollout_id: uuid.UUID,
    session: Session,
    principal: CurrentPrincipal,
    now: Now,
    response: Response,
    siblings: Siblings,
    body: OptionalStart = None,
    if_match: IfMatch = None,
) -> RolloutPublic:
    """Expose the first stage (first stage's operator or tpm/admin). The release must be approved or
    deploying; an approved release moves to deploying. The release gate is asked for the rollout's
    environment first (state, approvals, checklist, freeze, scope, risks): a denial is 409 `gate-denied` with
    the failing `checks`, unless a tpm/admin sends `override_gate: {reason}` (recorded in history, the event
    and the gate decision; 403 for other roles, 422 for a blank reason)."""
    return await _act(
        service.start,
        session,
        principal,
        rollout_id,
        body or StartRequest(),
        now,
        if_match,
        response,
        siblings=siblings,
    )


@router.post("/v1/rollouts/{rollout_id}/advance", response_model=RolloutPublic, responses=_ACTION_RESPONSES)
async def advance_rollout(
    rollout_id: uuid.UUID,
    session: Session,
    principal: CurrentPrincipal,
    now: Now,
    response: Response,
    siblings: Siblings,
    body: OptionalAdvance = None,
    if_match: IfMatch = None,
) -> RolloutPublic:
    """Move to the next stage (current stage's operator or tpm/admin). Before the minimum hold has passed:
    409 with `seconds_left`, unless a tpm/admin sends `override_hold` with a reason. Then the release gate is
    asked as on start: 409 `gate-denied` with the failing `checks` unless a tpm/admin sends
    `override_gate: {reason}`."""
    return await _act(
        service.advance,
        session,
        principal,
        rollout_id,
        body or AdvanceRequest(),
        now,
        if_match,
        response,
        siblings=siblings,
    )


@router.post("/v1/rollouts/{rollout_id}/pause", response_model=RolloutPublic, responses=_ACTION_RESPONSES)
async def pause_rollout(
    rollout_id: uuid.UUID,
    session: Session,
    principal: CurrentPrincipal,
    now: Now,
    response: Response,
    body: OptionalAction = None,
    if_match: IfMatch = None,
) -> RolloutPublic:
    """Hold the current exposure (any stage operator, pm, tpm, engineer, qa, ci or admin)."""
    return await _act(
        service.pause, session, principal, rollout_id, body or RolloutActionRequest(), now, if_match, response
    )


@router.post("/v1/rollouts/{rollout_id}/resume", response_model=RolloutPublic, responses=_ACTION_RESPONSES)
async def resume_rollout(
    rollout_id: uuid.UUID,
    session: Session,
    principal: CurrentPrincipal,
    now: Now,
    response: Response,
    body: OptionalAction = None,
    if_match: IfMatch = None,
) -> RolloutPublic:
    """Continue a paused rollout at the same stage (current stage's operator or tpm/admin)."""
    return await _act(
        service.resume,
        session,
        principal,
        rollout_id,
        body or RolloutActionRequest(),
        now,
        if_match,
        response,
    )


@router.post("/v1/rollouts/{rollout_id}/rollback", response_model=RolloutPublic, responses=_ACTION_RESPONSES)
async def rollback_rollout(
    rollout_id: uuid.UUID,
    session: Session,
    principal: CurrentPrincipal,
    now: Now,
    response: Response,
    body: OptionalAction = None,
    if_match: IfMatch = None,
) -> RolloutPublic:
    """Expose nobody and roll the release back (any stage operator, pm, tpm, engineer, qa, ci or admin)."""
    return await _act(
        service.rollback,
        session,
        principal,
        rollout_id,
        body or RolloutActionRequest(),
        now,
        if_match,
        response,
    )


@router.post("/v1/rollouts/{rollout_id}/complete", response_model=RolloutPublic, responses=_ACTION_RESPONSES)
async def complete_rollout(
    rollout_id: uuid.UUID,
    session: Session,
    principal: CurrentPrincipal,
    now: Now,
    response: Response,
    siblings: Siblings,
    body: OptionalAdvance = None,
    if_match: IfMatch = None,
) -> RolloutPublic:
    """Finish at the last stage: everybody is exposed and the release moves to verifying. Same operator,
    hold and gate rules as advance."""
    return await _act(
        service.complete,
        session,
        principal,
        rollout_id,
        body or AdvanceRequest(),
        now,
        if_match,
        response,
        siblings=siblings,
    )


@router.post(
    "/v1/rollouts/{rollout_id}/metrics",
    status_code=status.HTTP_201_CREATED,
    response_model=ReadingsResult,
    responses=responses(401, 403, 404, 409, 413, 422),
)
async def record_rollout_metrics(
    rollout_id: uuid.UUID,
    body: Annotated[ReadingsBody, Body()],
    session: Session,
    principal: CurrentPrincipal,
    now: Now,
) -> ReadingsResult:
    """Post one reading or `{"readings": [...]}` (monitoring, CI: tpm, engineer, qa, ci, admin or a service).
    Canary readings are judged against the current stage's guardrails; at the breach threshold the rollout
    pauses or rolls back by itself. A finished rollout takes no readings (409)."""
    readings = body.readings if isinstance(body, ReadingBatch) else [body]
    rollout, rows, action = await service.record_readings(
        session, principal=principal, rollout_id=rollout_id, readings=readings, now=now
    )
    checks = [c for r in rows for c in r.checks]
    return ReadingsResult(
        readings=[reading_public(r) for r in rows],
        action_taken=action,
        inconclusive=sum(1 for r in rows if r.outcome == "inconclusive"),
        dry_run_failures=sum(1 for c in checks if c["dry_run"] and c["outcome"] == "fail"),
        failed_checks=rollout.failed_checks[rollout.current_stage],
        rollout=to_public(rollout),
    )


@router.get(
    "/v1/rollouts/{rollout_id}/metrics",
    response_model=Page[ReadingPublic],
    responses=responses(401, 404, 422),
)
async def list_rollout_metrics(
    rollout_id: uuid.UUID,
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
    metric: Annotated[str | None, Query(pattern=f"^{METRIC_PATTERN}$")] = None,
    cohort: Annotated[Cohort | None, Query()] = None,
) -> Page[ReadingPublic]:
    """Readings of the rollout in the order they were recorded, with their outcomes."""
    rows, next_cursor = await service.list_readings(
        session,
        principal=principal,
        rollout_id=rollout_id,
        metric=metric,
        cohort=cohort,
        limit=limit,
        cursor=cursor,
    )
    return Page[ReadingPublic](items=[reading_public(r) for r in rows], next_cursor=next_cursor)


@router.get(
    "/v1/rollouts/{rollout_id}/decide", response_model=DecisionPublic, responses=responses(401, 404, 422)
)
async def decide_cohort(
    rollout_id: uuid.UUID,
    unit: Annotated[str, Query(min_length=1, max_length=256, pattern=UNIT_PATTERN)],
    session: ReadSession,
    principal: CurrentPrincipal,
) -> Response:
    """Is this unit inside the rollout now? Sticky: Unleash-compatible bucket of `group_id:unit`, inside when
    bucket ≤ percent; nobody after rollback, everybody after completion. Any role on the project."""
    state, percent, group_id, unit_kind = await service.decision_target(
        session, principal=principal, rollout_id=rollout_id
    )
    bucket, enabled = cohorts.decide(group_id, unit, percent)
    body = {
        "rollout_id": str(rollout_id),
        "status": state,
        "percent": percent,
        "unit_kind": unit_kind,
        "group_id": group_id,
        "unit": unit,
        "bucket": bucket,
        "enabled": enabled,
    }
    return Response(orjson.dumps(body), media_type="application/json")


@router.post(
    "/v1/rollouts/{rollout_id}/decide",
    response_model=DecisionBatchPublic,
    responses=responses(401, 404, 413, 422),
)
async def decide_cohorts(
    rollout_id: uuid.UUID, body: DecideBatch, session: ReadSession, principal: CurrentPrincipal
) -> Response:
    """Decide up to 10,000 units at once (422 above); writes nothing."""
    state, percent, group_id, unit_kind = await service.decision_target(
        session, principal=principal, rollout_id=rollout_id
    )
    decisions = []
    enabled_count = 0
    for unit in body.units:
        bucket, enabled = cohorts.decide(group_id, unit, percent)
        enabled_count += enabled
        decisions.append({"unit": unit, "bucket": bucket, "enabled": enabled})
    payload = {
        "rollout_id": str(rollout_id),
        "status": state,
        "percent": percent,
        "unit_kind": unit_kind,
        "group_id": group_id,
        "decisions": decisions,
        "enabled_count": enabled_count,
    }
    return Response(orjson.dumps(payload), media_type="application/json")


# ---- controls: the portfolio, draft edits, abort, scheduled actions --------------------------------------

_PORTFOLIO_STATUSES = ("draft", "running", "paused", "completed", "rolled_back", "aborted")


def _statuses(value: str) -> list[str]:
    names = [v.strip() for v in value.split(",") if v.strip()]
    bad = [n for n in names if n not in _PORTFOLIO_STATUSES]
    if bad or not names:
        raise UnprocessableEntity(
            f"Unknown status {', '.join(bad) or '(none)'}; allowed: {', '.join(_PORTFOLIO_STATUSES)}.",
            errors=[field_error("query.status", "comma-separated rollout states", "status_invalid")],
        )
    return sorted(set(names))


@router.get("/v1/rollouts", response_model=Page[PortfolioItem], responses=responses(401, 422))
async def list_portfolio_rollouts(
    session: ReadSession,
    principal: CurrentPrincipal,
    now: Now,
    limit: Limit = 50,
    cursor: Cursor = None,
    status: Annotated[
        str,
        Query(
            max_length=200,
            description="Comma-separated states (default `running,paused`).",
            examples=["running,paused"],
        ),
    ] = "running,paused",
    project: Annotated[str | None, Query(pattern=r"^[A-Z][A-Z0-9]{1,9}$")] = None,
) -> Page[PortfolioItem]:
    """The portfolio: every rollout in the given states across the projects the caller can read, oldest
    first, with the current stage, operator, hold left, guardrail outcome and next scheduled action."""
    items, next_cursor = await controls.portfolio(
        session,
        principal=principal,
        statuses=_statuses(status),
        project=project,
        limit=limit,
        cursor=cursor,
        now=now,
    )
    return Page[PortfolioItem](items=[PortfolioItem(**i) for i in items], next_cursor=next_cursor)


@router.patch(
    "/v1/rollouts/{rollout_id}",
    response_model=RolloutPublic,
    responses=responses(401, 403, 404, 409, 412, 422),
)
async def update_rollout(
    rollout_id: uuid.UUID,
    body: RolloutUpdate,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
    if_match: IfMatch = None,
) -> RolloutPublic:
    """Edit a draft rollout (admin, pm, tpm; JSON merge patch, the same rules as on create; `stages`
    replaces the stages). A stale `If-Match` is 412; a rollout that is not a draft is 409 with the allowed
    actions. Recorded in history and as `rollout.updated`."""
    rollout = await controls.update_draft(
        session, principal=principal, rollout_id=rollout_id, patch=body, if_match=if_match
    )
    set_etag(response, rollout.version)
    return to_public(rollout)


@router.post("/v1/rollouts/{rollout_id}/abort", response_model=RolloutPublic, responses=_ACTION_RESPONSES)
async def abort_rollout(
    rollout_id: uuid.UUID,
    body: AbortRequest,
    session: Session,
    principal: CurrentPrincipal,
    now: Now,
    response: Response,
    if_match: IfMatch = None,
) -> RolloutPublic:
    """Stop a draft, running or paused rollout for good, with a required reason (any stage operator or
    tpm/admin). Nobody is exposed afterwards; a rollout that had exposed units rolls its release back and
    counts as a change failure, a draft does not. Pending scheduled actions are cancelled."""
    return await _act(controls.abort, session, principal, rollout_id, body, now, if_match, response)


def schedule_public(row: RolloutSchedule) -> SchedulePublic:
    return SchedulePublic.model_validate(row, from_attributes=True)


@router.post(
    "/v1/rollouts/{rollout_id}/schedules",
    status_code=status.HTTP_201_CREATED,
    response_model=SchedulePublic,
    responses=responses(401, 403, 404, 409, 413, 422),
)
async def create_rollout_schedule(
    rollout_id: uuid.UUID,
    body: ScheduleCreate,
    session: Session,
    principal: CurrentPrincipal,
    now: Now,
    response: Response,
) -> SchedulePublic:
    """Start or advance the rollout at a given time (who may steer it: the stage's operator or a
    tpm/admin). Inside a freeze window of the rollout's environment without an approved exception: 409
    `freeze-window`, now and again when due. When due the scheduler acts as you, with the action's rules."""
    row = await schedules.create_schedule(
        session, principal=principal, rollout_id=rollout_id, body=body, now=now
    )
    response.headers["Location"] = f"/v1/rollouts/{rollout_id}/schedules/{row.id}"
    return schedule_public(row)


@router.get(
    "/v1/rollouts/{rollout_id}/schedules",
    response_model=Page[SchedulePublic],
    responses=responses(401, 404, 422),
)
async def list_rollout_schedules(
    rollout_id: uuid.UUID,
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[SchedulePublic]:
    """The rollout's scheduled actions, oldest first, with their status and failure reasons."""
    rows, next_cursor = await schedules.list_schedules(
        session, principal=principal, rollout_id=rollout_id, limit=limit, cursor=cursor
    )
    return Page[SchedulePublic](items=[schedule_public(r) for r in rows], next_cursor=next_cursor)


@router.delete(
    "/v1/rollouts/{rollout_id}/schedules/{schedule_id}",
    response_model=SchedulePublic,
    responses=responses(401, 403, 404, 409, 422),
)
async def cancel_rollout_schedule(
    rollout_id: uuid.UUID,
    schedule_id: uuid.UUID,
    session: Session,
    principal: CurrentPrincipal,
    now: Now,
) -> SchedulePublic:
    """Cancel a pending scheduled action (whoever scheduled it, the stage's operator or a tpm/admin); it
    stays listed as cancelled. One that ran already is 409."""
    row = await schedules.cancel_schedule(
        session, principal=principal, rollout_id=rollout_id, schedule_id=schedule_id, now=now
    )
    return schedule_public(row)


TAGS = [
    {
        "name": "rollouts",
        "description": "Gray rollouts: stages, operators, holds, guardrails, sticky cohorts.",
    }
]
