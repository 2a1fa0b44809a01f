"""Queries of the milestones table that other domains need."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from typing import Any

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


async def open_among(session: AsyncSession, milestone_ids: Any) -> list[Milestone]:
    """The milestones among `milestone_ids` (a list or a subquery) not yet done or missed, by target date."""
    stmt = (
        select(Milestone)
        .where(Milestone.id.in_(milestone_ids), Milestone.status.not_in(("done", "missed")))
        .order_by(Milestone.target_date, Milestone.id)
    )
    return list((await session.execute(stmt)).scalars().all())


async def in_states(session: AsyncSession, project_key: str, states: Sequence[str]) -> list[Milestone]:
    """The project's milestones in any of `states`, by target date."""
    stmt = (
        select(Milestone)
        .where(Milestone.project_key == project_key, Milestone.status.in_(states))
        .order_by(Milestone.target_date, Milestone.id)
    )
    return list((await session.execute(stmt)).scalars().all())
