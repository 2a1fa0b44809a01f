"""Queries of the risk matrix table."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from risk_svc.matrix.models import RiskMatrix


async def load_matrix(session: AsyncSession, project_key: str) -> RiskMatrix | None:
    return (
        await session.execute(select(RiskMatrix).where(RiskMatrix.project_key == project_key))
    ).scalar_one_or_none()
