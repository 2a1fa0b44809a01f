"""Cohort decisions over HTTP: is a unit (or each of many) inside a rollout now."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.deps import ReadSession
from tpmhub_shared.fast_reads import json_bytes
from tpmhub_shared.problems import responses

from release_svc.decisions import service
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
    return json_bytes(service.single_answer(rollout_id, target, unit))


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
    return json_bytes(service.batch_answer(rollout_id, target, body.units))
