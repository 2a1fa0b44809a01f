"""Queries of the escalation records table."""

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.pagination import paginate

from risk_svc.escalations.models import RiskEscalation


async def unresolved_of_risk(session: AsyncSession, risk_id: uuid.UUID) -> list[RiskEscalation]:
    return list(
        (
            await session.execute(
                select(RiskEscalation).where(
                    RiskEscalation.risk_id == risk_id, RiskEscalation.resolved_at.is_(None)
                )
            )
        )
        .scalars()
        .all()
    )


async def page_of_risk(
    session: AsyncSession, risk_id: uuid.UUID, *, limit: int, cursor: str | None
) -> tuple[list[RiskEscalation], str | None]:
    stmt = select(RiskEscalation).where(RiskEscalation.risk_id == risk_id)
    return await paginate(
        session,
        stmt,
        order=[],
        id_column=RiskEscalation.id,
        limit=limit,
        cursor=cursor,
        sort_key="escalations",
    )
