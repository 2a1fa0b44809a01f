"""The register's read models over HTTP: heatmap, top-N, CSV export, exposure trend."""

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response, StreamingResponse
from tpmhub_shared import fast_reads
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.deps import Now, ReadSession
from tpmhub_shared.params import QueryDate
from tpmhub_shared.problems import responses

from risk_svc.risks.http import TAG, ProjectKey
from risk_svc.risks.schemas import Kind, Status
from risk_svc.views import service
from risk_svc.views.schemas import ExposureTrend, Heatmap, TopRisk

router = APIRouter(prefix="/v1", tags=[TAG])


@router.get("/projects/{key}/risks/heatmap", response_model=Heatmap, responses=responses(401, 403, 422))
async def get_risk_heatmap(
    key: ProjectKey,
    session: ReadSession,
    principal: CurrentPrincipal,
    basis: Literal["inherent", "residual"] = "inherent",
    kind: Kind | None = "threat",
) -> Response:
    """Open risks per probability × impact cell (residual basis falls back to inherent where no residual
    assessment exists)."""
    answer = await service.heatmap_answer(
        session, principal=principal, project_key=key, basis=basis, kind=kind
    )
    return fast_reads.json_bytes(fast_reads.encode(answer))


@router.get("/projects/{key}/risks/top", response_model=list[TopRisk], responses=responses(401, 403, 422))
async def list_top_risks(
    key: ProjectKey,
    session: ReadSession,
    principal: CurrentPrincipal,
    n: Annotated[int, Query(ge=1, le=100)] = 10,
    basis: Literal["inherent", "residual"] = "inherent",
) -> list[TopRisk]:
    """The N open threats with the highest exposure (score, then EMV)."""
    return await service.top_risks(session, principal=principal, project_key=key, n=n, basis=basis)


@router.get(
    "/projects/{key}/risks/export.csv",
    response_class=StreamingResponse,
    responses={
        **responses(401, 403, 422),
        200: {"content": {"text/csv": {}}, "description": "The register as CSV"},
    },
)
async def export_risks(
    key: ProjectKey,
    request: Request,
    principal: CurrentPrincipal,
    status: Annotated[list[Status] | None, Query()] = None,
) -> StreamingResponse:
    """The whole register (or some states) as CSV, streamed."""
    body = await service.export_csv(request.app.state.db, principal=principal, project_key=key, status=status)
    return StreamingResponse(
        body,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{key}-risks.csv"'},
    )


@router.get("/projects/{key}/risk-exposure", response_model=ExposureTrend, responses=responses(401, 403, 422))
async def get_risk_exposure(
    key: ProjectKey,
    session: ReadSession,
    principal: CurrentPrincipal,
    now: Now,
    start: Annotated[QueryDate, Query(alias="from", examples=["2026-11-01"])],
    end: Annotated[QueryDate, Query(alias="to", examples=["2026-11-30"])],
    interval: Literal["day", "week"] = "day",
) -> ExposureTrend:
    """The risk burndown: open exposure at the end of each day or ISO week of the range."""
    return await service.exposure_trend(
        session, principal=principal, project_key=key, start=start, end=end, interval=interval, now=now
    )
