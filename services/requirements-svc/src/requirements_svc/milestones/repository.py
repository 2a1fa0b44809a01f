"""Queries of the milestones table that other domains need."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from requirements_svc.milestones.models import Milestone


async def get(session: AsyncSession, milestone_id: uuid.UUID) -> Milestone | None:
    return await session.get(Milestone, milestone_id)


async def ids_in_project(
    session: AsyncSession, milestone_ids: Iterable[uuid.UUID], project_key: str
) -> set[uuid.UUID]:
    """The ids among `milestone_ids` that are milestones of the project."""
    ids = set(milestone_ids)
    if not ids:
        return set()
    stmt = select(Milestone.id).where(Milestone.id.in_(ids), Milestone.project_key == project_key)
    return set((await session.execute(stmt)).scalars())
