"""Cohort decisions over HTTP: is a unit (or each of many) inside a rollout now."""

import uuid
from typing import Annotated

import orjson
from fastapi import APIRouter, Query, Request, Response
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.deps import ReadSession
from tpmhub_shared.problems import responses

from release_svc.decisions import cohorts, service
from release_svc.decisions.schemas import UNIT_PATTERN, DecideBatch, DecisionBatchPublic, DecisionPublic
from release_svc.decisions.snapshot import DecisionSnapshot

router = APIRouter(tags=["rollouts"])


def _snapshot(request: Request) -> DecisionSnapshot:
    return request.app.state.decision_snapshot  # set at start (snapshot.keep_a_snapshot)


@router.get(
    "/v1/rollouts/{rollout_id}/decide", response_model=DecisionPublic, responses=responses(401, 404, 422)
)
async def decide_cohort(
    rollout_id: uuid.UUID,
    unit: Annotated[str, Query(min_length=1, max_length=256, pattern=UNIT_PATTERN)],
    session: ReadSession,
    principal: CurrentPrincipal,
    request: Request,
) -> Response:
    """Is this unit inside the rollout now? Sticky: Unleash-compatible bucket of `group_id:unit`, inside when
    bucket ≤ percent; nobody after rollback, everybody after completion. Any role on the project."""
    target = await service.decision_target(
        session, principal=principal, rollout_id=rollout_id, snapshot=_snapshot(request)
    )
    state, percent, group_id, unit_kind = target.status, target.percent, target.group_id, target.unit_kind
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
    rollout_id: uuid.UUID,
    body: DecideBatch,
    session: ReadSession,
    principal: CurrentPrincipal,
    request: Request,
) -> Response:
    """Decide up to 10,000 units at once (422 above); writes nothing."""
    target = await service.decision_target(
        session, principal=principal, rollout_id=rollout_id, snapshot=_snapshot(request)
    )
    state, percent, group_id, unit_kind = target.status, target.percent, target.group_id, target.unit_kind
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
