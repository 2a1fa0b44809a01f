"""Queries of the risk matrix table."""

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import fast_reads

from risk_svc.matrix.models import RiskMatrix

# The saved gate level of the project ($1), no row for the default matrix: a part of the gate query's
# statement (`risks.repository.gate_statement`).
GATE_LEVEL = fast_reads.Statement("SELECT gate_level FROM risk_matrices WHERE project_key = $1")
_THRESHOLDS = fast_reads.Statement("SELECT thresholds FROM risk_matrices WHERE project_key = $1")


async def load_matrix(session: AsyncSession, project_key: str) -> RiskMatrix | None:
    return (
        await session.execute(select(RiskMatrix).where(RiskMatrix.project_key == project_key))
    ).scalar_one_or_none()


async def thresholds_json(session: AsyncSession, project_key: str) -> Any:
    """The saved matrix's thresholds as the driver gives the JSON column (text on both backends), unparsed:
    the caller keys what it derives from them by this value. None: the default matrix."""
    row = await fast_reads.fetch_one(session, _THRESHOLDS, project_key)
    return None if row is None else row[0]
