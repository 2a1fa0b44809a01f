"""Queries of checklist items and checklist templates."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from release_svc.checklist.models import ChecklistItem, ChecklistTemplate


async def template_of(session: AsyncSession, project_key: str) -> ChecklistTemplate | None:
    return (
        await session.execute(select(ChecklistTemplate).where(ChecklistTemplate.project_key == project_key))
    ).scalar_one_or_none()


async def add_template(session: AsyncSession, *, project_key: str, items: list[dict[str, Any]]) -> None:
    session.add(ChecklistTemplate(project_key=project_key, items=items))


async def add_items(session: AsyncSession, items: list[dict[str, Any]]) -> list[ChecklistItem]:
    rows = [ChecklistItem(**fields) for fields in items]
    session.add_all(rows)
    return rows


async def items_of_release(session: AsyncSession, release_id: uuid.UUID) -> list[ChecklistItem]:
    """A release's items in checklist order."""
    rows = await session.execute(
        select(ChecklistItem)
        .where(ChecklistItem.release_id == release_id)
        .order_by(ChecklistItem.position, ChecklistItem.id)
    )
    return list(rows.scalars())


async def last_position_and_count(session: AsyncSession, release_id: uuid.UUID) -> tuple[int | None, int]:
    last, count = (
        await session.execute(
            select(func.max(ChecklistItem.position), func.count()).where(
                ChecklistItem.release_id == release_id
            )
        )
    ).one()
    return last, count


async def get_item(session: AsyncSession, item_id: uuid.UUID) -> ChecklistItem | None:
    return await session.get(ChecklistItem, item_id)


async def checklist_states(session: AsyncSession, release_id: uuid.UUID) -> list[Any]:
    """(id, title, status) of each checklist item of the release, in checklist order."""
    return list(
        (
            await session.execute(
                select(ChecklistItem.id, ChecklistItem.title, ChecklistItem.status)
                .where(ChecklistItem.release_id == release_id)
                .order_by(ChecklistItem.position)
            )
        ).all()
    )


async def not_done_with_codes(
    session: AsyncSession, release_id: uuid.UUID, codes: list[str]
) -> list[ChecklistItem]:
    """The release's checklist items with one of these codes that are not done yet."""
    stmt = select(ChecklistItem).where(
        ChecklistItem.release_id == release_id, ChecklistItem.code.in_(codes), ChecklistItem.status != "done"
    )
    return list((await session.execute(stmt)).scalars().all())
