"""Guardrails over HTTP: where the current stage's guardrails stand (`status_router`), and a rollout's
metric readings (`router`)."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Body, Query, status
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.deps import Now, ReadSession, Session
from tpmhub_shared.pagination import Cursor, Limit, Page
from tpmhub_shared.problems import responses

from release_svc.guardrails import service
from release_svc.guardrails.expressions import METRIC_PATTERN
from release_svc.guardrails.models import MetricReading
from release_svc.guardrails.schemas import (
    Cohort,
    GuardrailCheck,
    GuardrailStatus,
    ReadingBatch,
    ReadingPublic,
    ReadingsBody,
    ReadingsResult,
)
from release_svc.rollouts import service as rollouts
from release_svc.rollouts import states
from release_svc.rollouts.views import to_public

status_router = APIRouter(tags=["rollouts"])
router = APIRouter(tags=["rollouts"])


@status_router.get(
    "/v1/rollouts/{rollout_id}/guardrails", response_model=GuardrailStatus, responses=responses(401, 404, 422)
)
async def get_rollout_guardrails(
    rollout_id: uuid.UUID, session: ReadSession, principal: CurrentPrincipal, now: Now
) -> GuardrailStatus:
    """The current stage's guardrails (or the bake's) with the state of each (pass, inconclusive, fail,
    no_baseline, no_data; dry runs flagged) and whether the hold has passed: what the scheduler needs to
    advance."""
    rollout = await rollouts.get_rollout(session, principal=principal, rollout_id=rollout_id)
    green, checks = await service.guardrail_status(session, rollout)
    hold_until = rollout.hold_until
    return GuardrailStatus(
        rollout_id=rollout.id,
        status=rollout.status,
        stage=rollout.current_stage,
        percent=rollout.current_percent,
        green=green,
        baking=states.is_baking(rollout),
        hold_until=hold_until,
        hold_passed=hold_until is not None and now >= hold_until,
        failed_checks=rollout.failed_checks[rollout.current_stage],
        checks=[GuardrailCheck(**c) for c in checks],
    )


def reading_public(row: MetricReading) -> ReadingPublic:
    return ReadingPublic.model_validate(row, from_attributes=True)


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
