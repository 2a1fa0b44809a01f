"""Queries of the project environments table (what a removal checks of rollouts and freeze windows is
asked of those domains' repositories)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from release_svc.environments.models import ProjectEnvironments


async def project_row(
    session: AsyncSession, project_key: str, *, for_update: bool = False
) -> ProjectEnvironments | None:
    stmt = select(ProjectEnvironments).where(ProjectEnvironments.project_key == project_key)
    if for_update:
        stmt = stmt.with_for_update().execution_options(populate_existing=True)
    return (await session.execute(stmt)).scalar_one_or_none()


def add(session: AsyncSession, row: ProjectEnvironments) -> None:
    session.add(row)
