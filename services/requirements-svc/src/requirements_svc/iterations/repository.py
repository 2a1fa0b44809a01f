"""Queries of the iterations table that other domains need."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from requirements_svc.iterations.models import Iteration


async def get(session: AsyncSession, iteration_id: uuid.UUID) -> Iteration | None:
    return await session.get(Iteration, iteration_id)


async def by_ids(session: AsyncSession, iteration_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, Iteration]:
    ids = set(iteration_ids)
    if not ids:
        return {}
    return {
        i.id: i for i in (await session.execute(select(Iteration).where(Iteration.id.in_(ids)))).scalars()
    }
