"""A project's releases over a period, in one call (requirements-svc's health and reports read it)."""

from typing import Annotated

from fastapi import APIRouter, Query, Request
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.clock import now_for
from tpmhub_shared.contracts import ReleaseSummary
from tpmhub_shared.deps import ProjectKeyPath, ReadSession
from tpmhub_shared.params import QueryDate
from tpmhub_shared.problems import responses

from release_svc.summary import service

router = APIRouter(prefix="/v1/projects", tags=["release summary"])


@router.get("/{key}/release-summary", response_model=ReleaseSummary, responses=responses(401, 403, 422))
async def get_release_summary(
    key: ProjectKeyPath,
    request: Request,
    session: ReadSession,
    principal: CurrentPrincipal,
    start: Annotated[QueryDate, Query(alias="from", description="First UTC day of the period.")],
    end: Annotated[QueryDate, Query(alias="to", description="Last UTC day of the period (included).")],
) -> ReleaseSummary:
    """Releases and their states, gate denials with reasons, rollouts in progress with percentage and
    operator,
    rollbacks, verifications and DORA over the period."""
    return await service.release_summary(
        session, principal=principal, project_key=key, start=start, end=end, now=now_for(request.app)
    )


TAGS = [{"name": "release summary", "description": "Releases over a period, for health and status reports."}]
