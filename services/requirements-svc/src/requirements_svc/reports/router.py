"""Daily and weekly reports over HTTP: JSON, Markdown or an HTML page (`format=` or `Accept`)."""

from typing import Annotated, Literal

from fastapi import APIRouter, Header, Query, Request, status
from fastapi.responses import HTMLResponse, JSONResponse, Response
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.deps import ReadSession, Session
from tpmhub_shared.ids import utcnow
from tpmhub_shared.params import QueryDate
from tpmhub_shared.problems import responses

from requirements_svc.reports import render, schedules, service
from requirements_svc.reports.period import resolve
from requirements_svc.reports.schemas import (
    DeliveryPublic,
    Report,
    ReportFormat,
    ScheduleCreate,
    SchedulePublic,
)

router = APIRouter(prefix="/v1/projects/{key}", tags=["reports"])

MARKDOWN = "text/markdown; charset=utf-8"


def negotiate(fmt: str | None, accept: str | None) -> str:
    """`format=` wins; else the first of text/html, text/markdown, application/json named in Accept."""
    if fmt:
        return fmt
    best, best_q = "json", -1.0
    for part in (accept or "").split(","):
        media, *params = [p.strip() for p in part.split(";")]
        q = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        kind = {"text/html": "html", "text/markdown": "markdown", "application/json": "json"}.get(
            media.lower()
        )
        if kind and q > best_q:
            best, best_q = kind, q
    return best


_CONTENT = {
    200: {
        "content": {
            "text/markdown": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}},
        },
        "description": "The report as JSON, Markdown or an HTML page with SVG charts.",
    }
}


@router.get("/reports", response_model=Report, responses={**_CONTENT, **responses(401, 403, 404, 422)})
async def get_project_report(
    key: str,
    request: Request,
    session: ReadSession,
    principal: CurrentPrincipal,
    period: Annotated[
        Literal["day", "week"], Query(description="A UTC day or an ISO week (Monday–Sunday).")
    ] = "day",
    on: Annotated[
        QueryDate | None,
        Query(
            alias="date",
            description="A day inside the period (YYYY-MM-DD); "
            "default today (UTC). Future periods are refused.",
        ),
    ] = None,
    format: Annotated[
        ReportFormat | None, Query(description="json, markdown or html; default from Accept, else json.")
    ] = None,
    accept: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> Response:
    """The daily (日报) or weekly (周报) report: progress, requirements, risks and releases. risk-svc and
    release-svc are asked concurrently; one that does not answer in time leaves its section
    `available: false` with the reason, and the report is still 200."""
    chosen = resolve(period, on, utcnow().date())
    report = await service.build_report(
        session, principal=principal, siblings=request.app.state.siblings, key=key, period=chosen
    )
    kind = negotiate(format, accept)
    headers = {"Vary": "Accept", "Cache-Control": "no-store"}
    if kind == "markdown":
        return Response(render.markdown(report), media_type=MARKDOWN, headers=headers)
    if kind == "html":
        return HTMLResponse(
            render.html(report),
            headers={
                **headers,
                "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
            },
        )
    return JSONResponse(report.model_dump(mode="json"), headers=headers)


@router.post(
    "/report-schedules",
    status_code=status.HTTP_201_CREATED,
    response_model=SchedulePublic,
    responses=responses(401, 403, 404, 409, 422),
)
async def create_report_schedule(
    key: str, body: ScheduleCreate, session: Session, principal: CurrentPrincipal
) -> SchedulePublic:
    """Post the Markdown report to the project's webhook subscriptions (subscribe to `report.scheduled`) every
    day or week at a local time (admin, pm, tpm). One daily and one weekly schedule per project."""
    row = await schedules.create_schedule(session, principal=principal, key=key, data=body)
    return schedules.public(row, utcnow())


@router.get("/report-schedules", response_model=list[SchedulePublic], responses=responses(401, 403, 404))
async def list_report_schedules(
    key: str, session: ReadSession, principal: CurrentPrincipal
) -> list[SchedulePublic]:
    """The project's report schedules with their next run."""
    now = utcnow()
    return [
        schedules.public(r, now)
        for r in await schedules.list_schedules(session, principal=principal, key=key)
    ]


@router.delete(
    "/report-schedules/{cadence}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=responses(401, 403, 404, 422),
)
async def delete_report_schedule(
    key: str, cadence: Literal["daily", "weekly"], session: Session, principal: CurrentPrincipal
) -> Response:
    """Stop posting the daily or weekly report (admin, pm, tpm)."""
    await schedules.delete_schedule(session, principal=principal, key=key, cadence=cadence)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/report-deliveries", response_model=list[DeliveryPublic], responses=responses(401, 403, 404, 422)
)
async def list_report_deliveries(
    key: str,
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> list[DeliveryPublic]:
    """Reports the scheduler queued, newest first: one per period."""
    return await schedules.list_deliveries(session, principal=principal, key=key, limit=limit)


TAGS = [
    {"name": "reports", "description": "Daily and weekly status reports (JSON, Markdown, HTML with charts)."}
]
