"""A project's risk register over a period, in one call (requirements-svc's health and reports read it)."""

from typing import Annotated

from fastapi import APIRouter, Query
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.contracts import RiskSummary
from tpmhub_shared.deps import Now, ProjectKeyPath, ReadSession
from tpmhub_shared.params import QueryDate
from tpmhub_shared.problems import responses

from risk_svc.summary import service

router = APIRouter(prefix="/v1/projects", tags=["risk summary"])


@router.get("/{key}/risk-summary", response_model=RiskSummary, responses=responses(401, 403, 422))
async def get_risk_summary(
    key: ProjectKeyPath,
    session: ReadSession,
    principal: CurrentPrincipal,
    now: Now,
    start: Annotated[QueryDate, Query(alias="from", description="First UTC day of the period.")],
    end: Annotated[QueryDate, Query(alias="to", description="Last UTC day of the period (included).")],
    trend_from: Annotated[
        QueryDate | None, Query(description="First day of the exposure series; default `from`.")
    ] = None,
) -> RiskSummary:
    """New, escalated and closed risks in the period; open exposure per day; the top 5 by exposure; overdue
    reviews and actions; the heatmap; open critical risks and unresolved escalations with their age."""
    return await service.risk_summary(
        session, principal=principal, project_key=key, start=start, end=end, trend_from=trend_from, now=now
    )


TAGS = [{"name": "risk summary", "description": "The register over a period, for health and status reports."}]
