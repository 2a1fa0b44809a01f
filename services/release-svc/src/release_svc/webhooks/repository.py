"""Queries of the webhook tables: deliveries (deduplication, listing) and pipeline runs."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.pagination import paginate

from release_svc.webhooks.models import CiDelivery, PipelineRun


async def sources_that_saw(session: AsyncSession, source_ids: Sequence[uuid.UUID], delivery_id: str) -> set:
    """Of `source_ids`, those that accepted a delivery with this id before."""
    stmt = select(CiDelivery.source_id).where(
        CiDelivery.source_id.in_(list(source_ids)), CiDelivery.delivery_id == delivery_id
    )
    return set((await session.execute(stmt)).scalars().all())


async def insert_once(session: AsyncSession, row: CiDelivery | PipelineRun) -> bool:
    """Insert `row` in a savepoint; False when a unique key says it is already there (a concurrent twin)."""
    try:
        async with session.begin_nested():
            session.add(row)
    except IntegrityError:
        return False
    return True


async def find_run(
    session: AsyncSession, *, source_id: uuid.UUID, kind: str, external_id: str, required: bool = False
) -> PipelineRun | None:
    """The source's run of this kind and id (`required`: it must exist, NoResultFound otherwise)."""
    stmt = select(PipelineRun).where(
        PipelineRun.source_id == source_id, PipelineRun.kind == kind, PipelineRun.external_id == external_id
    )
    result = await session.execute(stmt)
    return result.scalar_one() if required else result.scalar_one_or_none()


async def page_of_release_runs(
    session: AsyncSession, release_id: uuid.UUID, *, limit: int, cursor: str | None
) -> tuple[list[PipelineRun], str | None]:
    stmt = select(PipelineRun).where(PipelineRun.release_id == release_id)
    return await paginate(
        session, stmt, order=[], id_column=PipelineRun.id, limit=limit, cursor=cursor, sort_key="runs"
    )


async def page_of_deliveries(
    session: AsyncSession, project_key: str, *, status: str | None, limit: int, cursor: str | None
) -> tuple[list[CiDelivery], str | None]:
    stmt = select(CiDelivery).where(CiDelivery.project_key == project_key)
    if status:
        stmt = stmt.where(CiDelivery.status == status)
    return await paginate(
        session, stmt, order=[], id_column=CiDelivery.id, limit=limit, cursor=cursor, sort_key="ci_deliveries"
    )
