"""The risk register over HTTP."""

import uuid
from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Body, Depends, Path, Query, Request, Response, status
from fastapi.responses import StreamingResponse
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import history
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.concurrency import IfMatch, set_etag
from tpmhub_shared.contracts import (
    ItemHoldersQuery,
    RiskGateQuery,
    RiskGateResult,
    RiskImpactQuery,
    RiskImpactResult,
    RisksLinkedToItems,
)
from tpmhub_shared.deps import Now, ReadSession, Session
from tpmhub_shared.history import HistoryEntryPublic
from tpmhub_shared.http import SiblingClient
from tpmhub_shared.pagination import Cursor, Limit, Page
from tpmhub_shared.params import QueryDate, QueryDateTime
from tpmhub_shared.problems import responses

from risk_svc.risks import service, views
from risk_svc.risks.schemas import (
    ActionCreate,
    ActionPublic,
    ActionUpdate,
    AssessmentIn,
    AssessmentPublic,
    Category,
    CloseIn,
    EscalationPublic,
    ExposureTrend,
    Heatmap,
    Kind,
    Level,
    LinksIn,
    NoteIn,
    OccurIn,
    OverdueAction,
    OverdueReview,
    ReasonIn,
    ReviewCreate,
    ReviewPublic,
    RiskCreate,
    RiskPublic,
    RiskUpdate,
    Status,
    TopRisk,
)

router = APIRouter(prefix="/v1", tags=["risks"])
ProjectKey = Annotated[str, Path(pattern=r"^[A-Z][A-Z0-9]{1,9}$", examples=["PAY"])]
RiskKey = Annotated[str, Path(pattern=r"^[A-Z][A-Z0-9]{1,9}-R[1-9][0-9]{0,8}$", examples=["PAY-R7"])]


def _requirements(request: Request) -> SiblingClient:
    return request.app.state.siblings["requirements"]


def _release(request: Request) -> SiblingClient:
    return request.app.state.siblings["release"]


Requirements = Annotated[SiblingClient, Depends(_requirements)]
ReleaseSvc = Annotated[SiblingClient, Depends(_release)]
READ = responses(401, 403, 404, 422)
WRITE = responses(401, 403, 404, 409, 412, 413, 422)


async def _one(session: AsyncSession, risk, now: datetime, response: Response) -> RiskPublic:  # noqa: ANN001
    set_etag(response, risk.version)
    return await service.to_public(session, risk, today=now.date())


# ---- register ------------------------------------------------------------------------------------------


@router.post(
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
    risk = await service.create_risk(
        session,
        principal=principal,
        project_key=key,
        data=body,
        requirements=requirements,
        release=release,
        now=now,
    )
    response.headers["Location"] = f"/v1/risks/{risk.key}"
    return await _one(session, risk, now, response)


@router.get("/projects/{key}/risks", response_model=Page[RiskPublic], responses=responses(401, 403, 422))
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


@router.get("/projects/{key}/risks/heatmap", response_model=Heatmap, responses=responses(401, 403, 422))
async def get_risk_heatmap(
    key: ProjectKey,
    session: ReadSession,
    principal: CurrentPrincipal,
    basis: Literal["inherent", "residual"] = "inherent",
    kind: Kind | None = "threat",
) -> Heatmap:
    """Open risks per probability × impact cell (residual basis falls back to inherent where no residual
    assessment exists)."""
    return await views.heatmap(session, principal=principal, project_key=key, basis=basis, kind=kind)


@router.get("/projects/{key}/risks/top", response_model=list[TopRisk], responses=responses(401, 403, 422))
async def list_top_risks(
    key: ProjectKey,
    session: ReadSession,
    principal: CurrentPrincipal,
    n: Annotated[int, Query(ge=1, le=100)] = 10,
    basis: Literal["inherent", "residual"] = "inherent",
) -> list[TopRisk]:
    """The N open threats with the highest exposure (score, then EMV)."""
    return await views.top_risks(session, principal=principal, project_key=key, n=n, basis=basis)


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
    body = await views.export_csv(request.app.state.db, principal=principal, project_key=key, status=status)
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
    return await views.exposure_trend(
        session, principal=principal, project_key=key, start=start, end=end, interval=interval, now=now
    )


@router.get(
    "/projects/{key}/reviews/overdue", response_model=Page[OverdueReview], responses=responses(401, 403, 422)
)
async def list_overdue_reviews(
    key: ProjectKey,
    session: ReadSession,
    principal: CurrentPrincipal,
    now: Now,
    as_of: Annotated[
        QueryDateTime | None, Query(description="Overdue as of this time (default now).")
    ] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[OverdueReview]:
    """Open risks whose next review date has passed, most overdue first."""
    when = as_of or now
    rows, next_cursor = await service.list_overdue_reviews(
        session, principal=principal, project_key=key, as_of=when, limit=limit, cursor=cursor
    )
    return Page[OverdueReview](
        items=[
            OverdueReview(
                key=r.key,
                title=r.title,
                level=r.level,
                owner=r.owner,
                next_review_at=r.next_review_at,
                days_overdue=(when - r.next_review_at).days,
            )
            for r in rows
        ],
        next_cursor=next_cursor,
    )


@router.get(
    "/projects/{key}/risk-actions/overdue",
    response_model=Page[OverdueAction],
    responses=responses(401, 403, 422),
)
async def list_overdue_risk_actions(
    key: ProjectKey,
    session: ReadSession,
    principal: CurrentPrincipal,
    now: Now,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[OverdueAction]:
    """Open mitigation actions of open risks past their due date, most overdue first."""
    today = now.date()
    rows, next_cursor = await service.list_overdue_actions(
        session, principal=principal, project_key=key, today=today, limit=limit, cursor=cursor
    )
    return Page[OverdueAction](
        items=[
            OverdueAction(
                id=a.id,
                risk_key=risk_key,
                title=a.title,
                owner=a.owner,
                due_date=a.due_date,
                days_overdue=(today - a.due_date).days,
            )
            for a, risk_key in rows
        ],
        next_cursor=next_cursor,
    )


@router.post("/risks/gate-query", response_model=RiskGateResult, responses=responses(401, 403, 413, 422))
async def query_risk_gate(
    body: RiskGateQuery, session: ReadSession, principal: CurrentPrincipal
) -> RiskGateResult:
    """For release gates (service tokens and project readers): open risks at or above the project's gate
    level, or marked `blocks_release`, linked to the release or to any of the item keys."""
    return await views.gate_query(session, principal=principal, query=body)


@router.post("/risks/impact-query", response_model=RiskImpactResult, responses=responses(401, 403, 413, 422))
async def query_risk_impact(
    body: RiskImpactQuery, session: ReadSession, principal: CurrentPrincipal
) -> RiskImpactResult:
    """Read-only, for change-request impact (service tokens and project readers): the risks (not closed)
    linked to any of the items, and the requirement_change risk that approving the change creates, scored
    by the same rule as the approval's handler (`existing_key` once it exists)."""
    return await views.impact_query(session, principal=principal, query=body)


@router.post("/risks/link-query", response_model=RisksLinkedToItems, responses=responses(401, 403, 413, 422))
async def query_risk_links(
    body: ItemHoldersQuery, session: ReadSession, principal: CurrentPrincipal
) -> RisksLinkedToItems:
    """Risks of the project (open or closed) linked to any of the items (for requirements-svc before it
    deletes an item; service tokens and project readers). Read-only."""
    return await views.risks_linked_to_items(session, principal=principal, query=body)


# ---- one risk -------------------------------------------------------------------------------------------


@router.get("/risks/{key}", response_model=RiskPublic, responses=READ)
async def get_risk(
    key: RiskKey, session: ReadSession, principal: CurrentPrincipal, now: Now, response: Response
) -> RiskPublic:
    return await _one(session, await service.get_risk(session, principal=principal, key=key), now, response)


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
    risk = await service.update_risk(
        session, principal=principal, key=key, patch=body, if_match=if_match, now=now
    )
    return await _one(session, risk, now, response)


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
    risk = await service.act(
        session,
        principal=principal,
        key=key,
        action="mitigate",
        if_match=if_match,
        now=now,
        note=body.note if body else None,
    )
    return await _one(session, risk, now, response)


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
    risk = await service.act(
        session,
        principal=principal,
        key=key,
        action="monitor",
        if_match=if_match,
        now=now,
        note=body.note if body else None,
    )
    return await _one(session, risk, now, response)


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
    risk = await service.close_risk(
        session, principal=principal, key=key, data=body, if_match=if_match, now=now
    )
    return await _one(session, risk, now, response)


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
    risk = await service.occur_risk(
        session, principal=principal, key=key, data=body, if_match=if_match, now=now
    )
    return await _one(session, risk, now, response)


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
    risk = await service.reopen_risk(
        session, principal=principal, key=key, note=body.note if body else None, if_match=if_match, now=now
    )
    return await _one(session, risk, now, response)


@router.post(
    "/risks/{key}/assessments",
    status_code=status.HTTP_201_CREATED,
    response_model=AssessmentPublic,
    responses=WRITE,
)
async def assess_risk(
    key: RiskKey, body: AssessmentIn, session: Session, principal: CurrentPrincipal, now: Now
) -> AssessmentPublic:
    """(Re)assess probability and impact; an identified risk becomes assessed."""
    return AssessmentPublic.model_validate(
        await service.assess_risk(session, principal=principal, key=key, data=body, now=now)
    )


@router.get("/risks/{key}/assessments", response_model=Page[AssessmentPublic], responses=READ)
async def list_risk_assessments(
    key: RiskKey, session: ReadSession, principal: CurrentPrincipal, limit: Limit = 50, cursor: Cursor = None
) -> Page[AssessmentPublic]:
    """The risk's trend: every assessment, oldest first."""
    rows, next_cursor = await service.list_assessments(
        session, principal=principal, key=key, limit=limit, cursor=cursor
    )
    return Page[AssessmentPublic](
        items=[AssessmentPublic.model_validate(r) for r in rows], next_cursor=next_cursor
    )


@router.post(
    "/risks/{key}/links", response_model=RiskPublic, responses=responses(401, 403, 404, 413, 422, 503)
)
async def link_risk(
    key: RiskKey,
    body: LinksIn,
    session: Session,
    principal: CurrentPrincipal,
    requirements: Requirements,
    release: ReleaseSvc,
    now: Now,
    response: Response,
) -> RiskPublic:
    """Link items, PRDs and releases (items and PRDs checked with requirements-svc in one call, releases
    with release-svc at the same time; 422 naming unknown ones, 503 if either does not answer)."""
    risk = await service.add_links(
        session, principal=principal, key=key, data=body, requirements=requirements, release=release, now=now
    )
    return await _one(session, risk, now, response)


@router.delete(
    "/risks/{key}/links/{target_type}/{target}", status_code=status.HTTP_204_NO_CONTENT, responses=READ
)
async def unlink_risk(
    key: RiskKey,
    target_type: Literal["item", "prd", "release"],
    target: Annotated[str, Path(max_length=64)],
    session: Session,
    principal: CurrentPrincipal,
) -> Response:
    await service.remove_link(session, principal=principal, key=key, target_type=target_type, target=target)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# ---- mitigation actions, reviews, escalations ------------------------------------------------------------


@router.post(
    "/risks/{key}/actions", status_code=status.HTTP_201_CREATED, response_model=ActionPublic, responses=WRITE
)
async def create_risk_action(
    key: RiskKey,
    body: ActionCreate,
    session: Session,
    principal: CurrentPrincipal,
    now: Now,
    response: Response,
) -> ActionPublic:
    """Add a mitigation action (owner, due date)."""
    action = await service.create_action(session, principal=principal, key=key, data=body, now=now)
    set_etag(response, action.version)
    return service.action_public(action, key, now.date())


@router.get("/risks/{key}/actions", response_model=Page[ActionPublic], responses=READ)
async def list_risk_actions(
    key: RiskKey,
    session: ReadSession,
    principal: CurrentPrincipal,
    now: Now,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[ActionPublic]:
    """The risk's mitigation actions by due date, each with its overdue flag."""
    risk, rows, next_cursor = await service.list_actions(
        session, principal=principal, key=key, limit=limit, cursor=cursor
    )
    return Page[ActionPublic](
        items=[service.action_public(a, risk.key, now.date()) for a in rows], next_cursor=next_cursor
    )


@router.patch("/risk-actions/{action_id}", response_model=ActionPublic, responses=WRITE)
async def update_risk_action(
    action_id: uuid.UUID,
    body: ActionUpdate,
    session: Session,
    principal: CurrentPrincipal,
    now: Now,
    response: Response,
    if_match: IfMatch = None,
) -> ActionPublic:
    """Change a mitigation action (its owner, the risk's owner or a tpm/pm/admin)."""
    action, risk_key = await service.update_action(
        session, principal=principal, action_id=action_id, patch=body, if_match=if_match, now=now
    )
    set_etag(response, action.version)
    return service.action_public(action, risk_key, now.date())


@router.get("/risk-actions/{action_id}/history", response_model=Page[HistoryEntryPublic], responses=READ)
async def list_risk_action_history(
    action_id: uuid.UUID,
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[HistoryEntryPublic]:
    """Every recorded change of a mitigation action, oldest first."""
    await service.get_action(session, principal=principal, action_id=action_id)
    return await history.list_history(
        session, resource_type=service.ACTION_RESOURCE, resource_id=action_id, limit=limit, cursor=cursor
    )


@router.post(
    "/risks/{key}/reviews", status_code=status.HTTP_201_CREATED, response_model=ReviewPublic, responses=WRITE
)
async def review_risk(
    key: RiskKey, body: ReviewCreate, session: Session, principal: CurrentPrincipal, now: Now
) -> ReviewPublic:
    """Record a review; the next review date follows from the level's cadence in the matrix. The outcome
    `escalate` also escalates the risk (the notes are the reason)."""
    return ReviewPublic.model_validate(
        await service.create_review(
            session, principal=principal, key=key, outcome=body.outcome, notes=body.notes, now=now
        )
    )


@router.get("/risks/{key}/reviews", response_model=Page[ReviewPublic], responses=READ)
async def list_risk_reviews(
    key: RiskKey, session: ReadSession, principal: CurrentPrincipal, limit: Limit = 50, cursor: Cursor = None
) -> Page[ReviewPublic]:
    rows, next_cursor = await service.list_reviews(
        session, principal=principal, key=key, limit=limit, cursor=cursor
    )
    return Page[ReviewPublic](items=[ReviewPublic.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.post("/risks/{key}/escalate", response_model=RiskPublic, responses=WRITE)
async def escalate_risk(
    key: RiskKey, body: ReasonIn, session: Session, principal: CurrentPrincipal, now: Now, response: Response
) -> RiskPublic:
    """Escalate (上升) with a reason: an escalation record and a `risk.escalated` event."""
    risk = await service.escalate_risk(session, principal=principal, key=key, reason=body.reason, now=now)
    return await _one(session, risk, now, response)


@router.post("/risks/{key}/deescalate", response_model=RiskPublic, responses=WRITE)
async def deescalate_risk(
    key: RiskKey, body: ReasonIn, session: Session, principal: CurrentPrincipal, now: Now, response: Response
) -> RiskPublic:
    """De-escalate with a reason (tpm/pm/admin); automatic escalation stays quiet until the level changes."""
    risk = await service.deescalate_risk(session, principal=principal, key=key, reason=body.reason, now=now)
    return await _one(session, risk, now, response)


@router.get("/risks/{key}/escalations", response_model=Page[EscalationPublic], responses=READ)
async def list_risk_escalations(
    key: RiskKey, session: ReadSession, principal: CurrentPrincipal, limit: Limit = 50, cursor: Cursor = None
) -> Page[EscalationPublic]:
    rows, next_cursor = await service.list_escalations(
        session, principal=principal, key=key, limit=limit, cursor=cursor
    )
    return Page[EscalationPublic](
        items=[EscalationPublic.model_validate(r) for r in rows], next_cursor=next_cursor
    )


TAGS = [
    {
        "name": "risks",
        "description": "The risk register: risks, lifecycle, assessments and trend, mitigation "
        "actions, reviews, escalation, links, heatmap, top-N, export, gate query.",
    }
]
