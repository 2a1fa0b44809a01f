"""Queries of the CI source table."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.pagination import paginate

from release_svc.ci_sources.models import CiSource


async def get(session: AsyncSession, source_id: uuid.UUID) -> CiSource | None:
    return await session.get(CiSource, source_id)


async def exists(session: AsyncSession, *, project_key: str, provider: str, repository: str) -> bool:
    taken = await session.execute(
        select(CiSource.id).where(
            CiSource.project_key == project_key,
            CiSource.provider == provider,
            CiSource.repository == repository,
        )
    )
    return taken.first() is not None


async def page_of_project(
    session: AsyncSession, project_key: str, *, limit: int, cursor: str | None
) -> tuple[list[CiSource], str | None]:
    stmt = select(CiSource).where(CiSource.project_key == project_key)
    return await paginate(
        session, stmt, order=[], id_column=CiSource.id, limit=limit, cursor=cursor, sort_key="ci_sources"
    )


async def active_candidates(
    session: AsyncSession, *, provider: str, source_id: uuid.UUID | None, repository: str | None
) -> list[CiSource]:
    """Active sources of `provider` a delivery may be verified against: the one named by `source_id`, else
    every source of `repository`; in id order."""
    stmt = select(CiSource).where(CiSource.provider == provider, CiSource.active.is_(True))
    if source_id is not None:
        stmt = stmt.where(CiSource.id == source_id)
    else:
        stmt = stmt.where(CiSource.repository == repository)
    return list((await session.execute(stmt.order_by(CiSource.id))).scalars().all())


def add(session: AsyncSession, row: CiSource) -> None:
    session.add(row)


async def delete(session: AsyncSession, row: CiSource) -> None:
    await session.delete(row)
