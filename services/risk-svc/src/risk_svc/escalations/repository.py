"""Queries of the escalation records table."""

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.pagination import paginate

from risk_svc.escalations.models import RiskEscalation


def add(session: AsyncSession, record: RiskEscalation) -> None:
    session.add(record)


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


async def of_project(
    session: AsyncSession,
    *,
    project_key: str,
    limit: int,
    between: tuple[datetime, datetime] | None = None,
    unresolved: bool = False,
) -> list[RiskEscalation]:
    """The project's escalations (raised in [lo, hi), or not resolved), oldest first."""
    stmt = select(RiskEscalation).where(RiskEscalation.project_key == project_key)
    if between is not None:
        stmt = stmt.where(RiskEscalation.escalated_at >= between[0], RiskEscalation.escalated_at < between[1])
    if unresolved:
        stmt = stmt.where(RiskEscalation.resolved_at.is_(None))
    return list(
        (
            await session.execute(stmt.order_by(RiskEscalation.escalated_at, RiskEscalation.id).limit(limit))
        ).scalars()
    )
