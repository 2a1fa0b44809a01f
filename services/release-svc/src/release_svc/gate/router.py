"""The release gate over HTTP: the answer CI asks for before deploying, and the record of answers."""

import uuid
from typing import Annotated

import structlog
from fastapi import APIRouter, Query, Request, Response
from tpmhub_shared.app import get_sibling
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.deps import DeferredSession, ReadSession
from tpmhub_shared.fast_reads import json_bytes
from tpmhub_shared.pagination import Cursor, Limit, Page
from tpmhub_shared.problems import responses

from release_svc.gate import service
from release_svc.gate.models import GateDecision
from release_svc.gate.schemas import GateCheck, GateOverrideRecord, GateResult

router = APIRouter(tags=["gate"])
EnvironmentQuery = Annotated[
    str,
    Query(
        pattern=r"^[a-z0-9][a-z0-9_-]{0,49}$",
        examples=["production"],
        description="Where the pipeline wants to deploy: one of the project's environments or an alias "
        "(`prod` means `production`); anything else is 422 listing the allowed names.",
    ),
]


def to_result(d: GateDecision) -> GateResult:
    return GateResult(
        decision_id=d.id,
        release_id=d.release_id,
        project_key=d.project_key,
        version=d.version,
        environment=d.environment,
        allowed=d.allowed,
        checks=[GateCheck.model_validate(c) for c in d.checks],
        asked_by=d.asked_by,
        at=d.at,
        duration_ms=d.duration_ms,
        action=d.action,
        rollout_id=d.rollout_id,
        override=GateOverrideRecord(by=d.overridden_by, reason=d.override_reason)
        if d.overridden_by and d.override_reason
        else None,
    )


@router.get("/v1/releases/{release_id}/gate", response_model=GateResult, responses=responses(401, 404, 422))
async def get_release_gate(
    release_id: uuid.UUID,
    session: DeferredSession,
    principal: CurrentPrincipal,
    request: Request,
    environment: EnvironmentQuery = "production",
) -> Response:
    """May this release deploy to `environment` now? Always 200 with `allowed` and every check (state,
    approvals, checklist, freeze, scope, risks, rollout) with its reason and offending ids. requirements-svc
    and risk-svc are asked concurrently; one that fails or does not answer within the sibling timeout fails
    its check. Every answer is recorded (see `list_gate_decisions`). Anyone with a role on the project
    (including `ci`) may ask."""
    decision = await service.evaluate_gate(
        session,
        principal=principal,
        release_id=release_id,
        environment=environment,
        requirements=get_sibling(request, "requirements"),
        risk=get_sibling(request, "risk"),
        budget=request.app.state.settings.gate_budget,
        request_id=structlog.contextvars.get_contextvars().get("request_id"),
    )
    return json_bytes(service.answer_bytes(decision))


@router.get(
    "/v1/releases/{release_id}/gate-decisions",
    response_model=Page[GateResult],
    responses=responses(401, 404, 422),
)
async def list_gate_decisions(
    release_id: uuid.UUID,
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
    allowed: Annotated[bool | None, Query()] = None,
    environment: Annotated[
        str | None, Query(max_length=50, description="A project environment or an alias (422 if unknown).")
    ] = None,
) -> Page[GateResult]:
    """Every gate answer for the release, newest first: who asked, the result and its checks. Answers given
    to rollout actions carry `action` and `rollout_id`, and `override` when a tpm/admin went past a denial."""
    rows, next_cursor = await service.list_gate_decisions(
        session,
        principal=principal,
        release_id=release_id,
        allowed=allowed,
        environment=environment,
        limit=limit,
        cursor=cursor,
    )
    return Page[GateResult](items=[to_result(r) for r in rows], next_cursor=next_cursor)


TAGS = [
    {"name": "gate", "description": "The release gate CI asks before deploying, and its recorded answers."}
]
