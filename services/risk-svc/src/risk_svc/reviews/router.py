"""Risk reviews over HTTP: the project's overdue reviews, a risk's reviews."""

from typing import Annotated

from fastapi import APIRouter, Query, status
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.deps import Now, ReadSession, Session
from tpmhub_shared.pagination import Cursor, Limit, Page
from tpmhub_shared.params import QueryDateTime
from tpmhub_shared.problems import responses

from risk_svc.reviews import service
from risk_svc.reviews.schemas import OverdueReview, ReviewCreate, ReviewPublic
from risk_svc.risks.http import READ, TAG, WRITE, ProjectKey, RiskKey

# Two routers so that main.py keeps the document's path order: the project-scoped routes come with the
# other project routes, the per-risk ones after `/risks/{key}`.
project_router = APIRouter(prefix="/v1", tags=[TAG])
router = APIRouter(prefix="/v1", tags=[TAG])


@project_router.get(
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
