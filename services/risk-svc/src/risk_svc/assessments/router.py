"""A risk's assessments over HTTP: (re)assessing and the trend."""

from fastapi import APIRouter, status
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.deps import Now, ReadSession, Session
from tpmhub_shared.pagination import Cursor, Limit, Page

from risk_svc.assessments import service
from risk_svc.assessments.schemas import AssessmentIn, AssessmentPublic
from risk_svc.risks import flows
from risk_svc.risks.http import READ, TAG, WRITE, RiskKey

router = APIRouter(prefix="/v1", tags=[TAG])


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
        await flows.assess_risk(session, principal=principal, key=key, data=body, now=now)
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
