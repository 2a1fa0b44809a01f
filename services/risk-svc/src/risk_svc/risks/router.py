"""The risk register over HTTP: identifying, listing, reading, editing a risk and its lifecycle moves."""

from typing import Annotated

from fastapi import APIRouter, Body, Query, Response, status
from tpmhub_shared import history
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.concurrency import IfMatch
from tpmhub_shared.deps import Now, ReadSession, Session
from tpmhub_shared.history import HistoryEntryPublic
from tpmhub_shared.pagination import Cursor, Limit, Page
from tpmhub_shared.problems import responses

from risk_svc.risks import flows, lifecycle, service
from risk_svc.risks.http import READ, TAG, WRITE, ProjectKey, ReleaseSvc, Requirements, RiskKey, one_risk
from risk_svc.risks.schemas import (
    Category,
    CloseIn,
    Kind,
    Level,
    NoteIn,
    OccurIn,
    RiskCreate,
    RiskPublic,
    RiskUpdate,
    Status,
)

# Two routers so that main.py keeps the document's path order: the project-scoped routes come with the
# other project routes, the per-risk ones after `/risks/{key}`.
project_router = APIRouter(prefix="/v1", tags=[TAG])
router = APIRouter(prefix="/v1", tags=[TAG])


@project_router.post(
    "/projects/{key}/risks",
    status_code=status.HTTP_201_CREATED,
    response_model=RiskPublic,
    responses=responses(401, 403, 409, 413, 422, 503),
)
async def create_risk(
    key: ProjectKey,
    body: RiskCreate,
    session: Session,
    principal: CurrentPrincipal,
    requirements: Requirements,
    release: ReleaseSvc,
    now: Now,
    response: Response,
) -> RiskPublic:
    """Identify a risk (any contributor). Its key (`PAY-R7`), score, level, EMV and first review date are
    computed; links are checked first — items and PRDs with requirements-svc in one call, releases with
    release-svc (422 naming unknown ones, 503 if either does not answer — nothing is written either way)."""
    risk = await flows.create_risk(
        session,
        principal=principal,
        project_key=key,
        data=body,
        requirements=requirements,
        release=release,
        now=now,
    )
    response.headers["Location"] = f"/v1/risks/{risk.key}"
    return await one_risk(session, risk, now, response)


@project_router.get(
    "/projects/{key}/risks", response_model=Page[RiskPublic], responses=responses(401, 403, 422)
)
async def list_risks(
    key: ProjectKey,
    session: ReadSession,
    principal: CurrentPrincipal,
    now: Now,
    limit: Limit = 50,
    cursor: Cursor = None,
    status: Annotated[list[Status] | None, Query(description="Any of these states (repeatable).")] = None,
    level: Annotated[list[Level] | None, Query(description="Any of these levels (repeatable).")] = None,
    category: Category | None = None,
    owner: Annotated[str | None, Query(max_length=200)] = None,
    kind: Kind | None = None,
    escalated: bool | None = None,
    item: Annotated[str | None, Query(max_length=24, description="Linked to this item key.")] = None,
    review_overdue: bool | None = None,
    flagged: Annotated[
        bool | None, Query(description="High/critical with no open mitigation action or an overdue one.")
    ] = None,
    sort: Annotated[
        str | None,
        Query(max_length=100, description="key, score, created, updated, next_review; `-` descending"),
    ] = None,
) -> Page[RiskPublic]:
    """The project's risks, filtered; each carries its links and an `attention` flag (high/critical with
    no open mitigation action or an overdue one)."""
    rows, next_cursor = await service.list_risks(
        session,
        principal=principal,
        project_key=key,
        status=status,
        level=level,
        category=category,
        owner=owner,
        kind=kind,
        escalated=escalated,
        item=item,
        review_overdue=review_overdue,
        flagged=flagged,
        now=now,
        sort=sort,
        limit=limit,
        cursor=cursor,
    )
    return Page[RiskPublic](
        items=await service.to_public_many(session, rows, today=now.date()), next_cursor=next_cursor
    )


@router.get("/risks/{key}", response_model=RiskPublic, responses=READ)
async def get_risk(
    key: RiskKey, session: ReadSession, principal: CurrentPrincipal, now: Now, response: Response
) -> RiskPublic:
    return await one_risk(
        session, await service.get_risk(session, principal=principal, key=key), now, response
    )


@router.patch("/risks/{key}", response_model=RiskPublic, responses=WRITE)
async def update_risk(
    key: RiskKey,
    body: RiskUpdate,
    session: Session,
    principal: CurrentPrincipal,
    now: Now,
    response: Response,
    if_match: IfMatch = None,
) -> RiskPublic:
    """Change a risk (merge patch; its owner or a tpm/pm/admin). A P/I change appends an assessment."""
    risk = await flows.update_risk(
        session, principal=principal, key=key, patch=body, if_match=if_match, now=now
    )
    return await one_risk(session, risk, now, response)


@router.get("/risks/{key}/history", response_model=Page[HistoryEntryPublic], responses=READ)
async def list_risk_history(
    key: RiskKey, session: ReadSession, principal: CurrentPrincipal, limit: Limit = 50, cursor: Cursor = None
) -> Page[HistoryEntryPublic]:
    """Every recorded change of the risk, oldest first."""
    await service.get_risk(session, principal=principal, key=key)
    return await history.list_history(
        session, resource_type=service.RESOURCE, resource_id=key, limit=limit, cursor=cursor
    )


@router.post("/risks/{key}/mitigate", response_model=RiskPublic, responses=WRITE)
async def mitigate_risk(
    key: RiskKey,
    session: Session,
    principal: CurrentPrincipal,
    now: Now,
    response: Response,
    body: Annotated[NoteIn | None, Body()] = None,
    if_match: IfMatch = None,
) -> RiskPublic:
    """Start the response: identified/assessed/monitoring → mitigating."""
    risk = await lifecycle.act(
        session,
        principal=principal,
        key=key,
        action="mitigate",
        if_match=if_match,
        now=now,
        note=body.note if body else None,
    )
    return await one_risk(session, risk, now, response)


@router.post("/risks/{key}/monitor", response_model=RiskPublic, responses=WRITE)
async def monitor_risk(
    key: RiskKey,
    session: Session,
    principal: CurrentPrincipal,
    now: Now,
    response: Response,
    body: Annotated[NoteIn | None, Body()] = None,
    if_match: IfMatch = None,
) -> RiskPublic:
    """Watch the trigger indicators: assessed/mitigating → monitoring."""
    risk = await lifecycle.act(
        session,
        principal=principal,
        key=key,
        action="monitor",
        if_match=if_match,
        now=now,
        note=body.note if body else None,
    )
    return await one_risk(session, risk, now, response)


@router.post("/risks/{key}/close", response_model=RiskPublic, responses=WRITE)
async def close_risk(
    key: RiskKey,
    session: Session,
    principal: CurrentPrincipal,
    now: Now,
    response: Response,
    body: CloseIn,
    if_match: IfMatch = None,
) -> RiskPublic:
    """Close the risk with a reason code and a comment (both required). With open mitigation actions:
    409, unless a tpm/admin sends `force` (the open actions are then cancelled)."""
    risk = await lifecycle.close_risk(
        session, principal=principal, key=key, data=body, if_match=if_match, now=now
    )
    return await one_risk(session, risk, now, response)


@router.post("/risks/{key}/occur", response_model=RiskPublic, responses=WRITE)
async def report_risk_occurrence(
    key: RiskKey,
    body: OccurIn,
    session: Session,
    principal: CurrentPrincipal,
    now: Now,
    response: Response,
    if_match: IfMatch = None,
) -> RiskPublic:
    """The risk happened (when, what): it becomes an issue and keeps its links."""
    risk = await lifecycle.occur_risk(
        session, principal=principal, key=key, data=body, if_match=if_match, now=now
    )
    return await one_risk(session, risk, now, response)


@router.post("/risks/{key}/reopen", response_model=RiskPublic, responses=WRITE)
async def reopen_risk(
    key: RiskKey,
    session: Session,
    principal: CurrentPrincipal,
    now: Now,
    response: Response,
    body: Annotated[NoteIn | None, Body()] = None,
    if_match: IfMatch = None,
) -> RiskPublic:
    """closed → identified, with a fresh review date."""
    risk = await lifecycle.reopen_risk(
        session, principal=principal, key=key, note=body.note if body else None, if_match=if_match, now=now
    )
    return await one_risk(session, risk, now, response)


TAGS = [
    {
        "name": TAG,
        "description": "The risk register: risks, lifecycle, assessments and trend, mitigation "
        "actions, reviews, escalation, links, heatmap, top-N, export, gate query.",
    }
]
