"""Queries of the assessments table."""

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.pagination import paginate

from risk_svc.assessments.models import RiskAssessment
from risk_svc.risks.models import Risk


def add(session: AsyncSession, risk: Risk, *, actor: str, at: datetime, note: str | None) -> None:
    """Append the risk's current values as an assessment."""
    session.add(
        RiskAssessment(
            risk_id=risk.id,
            project_key=risk.project_key,
            at=at,
            actor=actor,
            probability=risk.probability,
            impact=risk.impact,
            score=risk.score,
            level=risk.level,
            residual_probability=risk.residual_probability,
            residual_impact=risk.residual_impact,
            residual_score=risk.residual_score,
            cost_impact=risk.cost_impact,
            emv=risk.emv,
            note=note,
        )
    )


async def latest(session: AsyncSession, risk_id: uuid.UUID) -> RiskAssessment:
    return (
        await session.execute(
            select(RiskAssessment)
            .where(RiskAssessment.risk_id == risk_id)
            .order_by(RiskAssessment.id.desc())
            .limit(1)
        )
    ).scalar_one()


async def page_of_risk(
    session: AsyncSession, risk_id: uuid.UUID, *, limit: int, cursor: str | None
) -> tuple[list[RiskAssessment], str | None]:
    stmt = select(RiskAssessment).where(RiskAssessment.risk_id == risk_id)
    return await paginate(
        session,
        stmt,
        order=[],
        id_column=RiskAssessment.id,
        limit=limit,
        cursor=cursor,
        sort_key="assessments",
    )
