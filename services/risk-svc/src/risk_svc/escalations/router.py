"""Escalation of a risk over HTTP."""

from fastapi import APIRouter, Response
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.deps import Now, ReadSession, Session
from tpmhub_shared.pagination import Cursor, Limit, Page

from risk_svc.escalations import service
from risk_svc.escalations.schemas import EscalationPublic, ReasonIn
from risk_svc.risks.http import READ, TAG, WRITE, RiskKey, one_risk
from risk_svc.risks.schemas import RiskPublic

router = APIRouter(prefix="/v1", tags=[TAG])


@router.post("/risks/{key}/escalate", response_model=RiskPublic, responses=WRITE)
async def escalate_risk(
    key: RiskKey, body: ReasonIn, session: Session, principal: CurrentPrincipal, now: Now, response: Response
) -> RiskPublic:
    """Escalate (上升) with a reason: an escalation record and a `risk.escalated` event."""
    risk = await service.escalate_risk(session, principal=principal, key=key, reason=body.reason, now=now)
    return await one_risk(session, risk, now, response)


@router.post("/risks/{key}/deescalate", response_model=RiskPublic, responses=WRITE)
async def deescalate_risk(
    key: RiskKey, body: ReasonIn, session: Session, principal: CurrentPrincipal, now: Now, response: Response
) -> RiskPublic:
    """De-escalate with a reason (tpm/pm/admin); automatic escalation stays quiet until the level changes."""
    risk = await service.deescalate_risk(session, principal=principal, key=key, reason=body.reason, now=now)
    return await one_risk(session, risk, now, response)


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
