"""Reading a risk's assessments (its trend). A new assessment is a move of the register's lifecycle:
`risks.flows.assess_risk`."""

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.auth import Principal

from risk_svc.assessments import repository
from risk_svc.assessments.models import RiskAssessment
from risk_svc.risks import service as risks


async def list_assessments(
    session: AsyncSession, *, principal: Principal, key: str, limit: int, cursor: str | None
) -> tuple[list[RiskAssessment], str | None]:
    risk = await risks.get_risk(session, principal=principal, key=key)
    return await repository.page_of_risk(session, risk.id, limit=limit, cursor=cursor)
