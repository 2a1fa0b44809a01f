"""Queries of freeze windows and freeze exceptions."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import history
from tpmhub_shared.pagination import paginate

from release_svc.freezes.models import FreezeException, FreezeWindow

FREEZE_WINDOW = "freeze_window"


async def add_window(session: AsyncSession, **fields: Any) -> FreezeWindow:
    window = FreezeWindow(**fields)
    session.add(window)
    return window


async def get_window(session: AsyncSession, window_id: uuid.UUID) -> FreezeWindow | None:
    return await session.get(FreezeWindow, window_id)


async def page_windows(
    session: AsyncSession,
    *,
    project_key: str,
    active_at: datetime | None,
    ending_after: datetime | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[FreezeWindow], str | None]:
    """The project's windows by start time: those covering `active_at`, else those ending after
    `ending_after` (all when both are None)."""
    stmt = select(FreezeWindow).where(FreezeWindow.project_key == project_key)
    if active_at is not None:
        stmt = stmt.where(FreezeWindow.starts_at <= active_at, FreezeWindow.ends_at > active_at)
    elif ending_after is not None:
        stmt = stmt.where(FreezeWindow.ends_at > ending_after)
    return await paginate(
        session,
        stmt,
        order=[(FreezeWindow.starts_at, False)],
        id_column=FreezeWindow.id,
        limit=limit,
        cursor=cursor,
        sort_key="starts_at",
    )


async def project_of_window_history(session: AsyncSession, window_id: uuid.UUID) -> str | None:
    """The project of a window as its history rows name it (the window itself may be deleted)."""
    return (
        await session.execute(
            select(history.HistoryEntry.project_key)
            .where(
                history.HistoryEntry.resource_type == FREEZE_WINDOW,
                history.HistoryEntry.resource_id == str(window_id),
            )
            .limit(1)
        )
    ).scalar_one_or_none()


async def active_windows(session: AsyncSession, *, project_key: str, at: datetime) -> list[FreezeWindow]:
    rows = await session.execute(
        select(FreezeWindow).where(
            FreezeWindow.project_key == project_key, FreezeWindow.ends_at > at, FreezeWindow.starts_at <= at
        )
    )
    return list(rows.scalars())


async def exception_states_of_window(session: AsyncSession, window_id: uuid.UUID) -> list[tuple[Any, str]]:
    """(release id, status) of every exception asked for the window."""
    rows = await session.execute(
        select(FreezeException.release_id, FreezeException.status).where(
            FreezeException.freeze_window_id == window_id
        )
    )
    return [tuple(r) for r in rows.all()]


async def delete_window(session: AsyncSession, window: FreezeWindow) -> None:
    """The window and its exceptions."""
    await session.execute(delete(FreezeException).where(FreezeException.freeze_window_id == window.id))
    await session.delete(window)


async def exception_exists(session: AsyncSession, *, release_id: uuid.UUID, window_id: uuid.UUID) -> bool:
    taken = await session.execute(
        select(FreezeException.id).where(
            FreezeException.release_id == release_id, FreezeException.freeze_window_id == window_id
        )
    )
    return taken.first() is not None


async def add_exception(session: AsyncSession, **fields: Any) -> FreezeException:
    exc = FreezeException(**fields)
    session.add(exc)
    return exc


async def get_exception(session: AsyncSession, exception_id: uuid.UUID) -> FreezeException | None:
    return await session.get(FreezeException, exception_id)


async def exceptions_of_release(session: AsyncSession, release_id: uuid.UUID) -> list[FreezeException]:
    rows = await session.execute(
        select(FreezeException).where(FreezeException.release_id == release_id).order_by(FreezeException.id)
    )
    return list(rows.scalars())


async def approved_exception_window_ids(session: AsyncSession, release_id: uuid.UUID) -> set[uuid.UUID]:
    rows = await session.execute(
        select(FreezeException.freeze_window_id).where(
            FreezeException.release_id == release_id, FreezeException.status == "approved"
        )
    )
    return {r[0] for r in rows}


async def freeze_windows_not_ended(session: AsyncSession, project_key: str, now: datetime) -> list[Any]:
    """(id, environments) of the project's freeze windows that end after `now`."""
    rows = await session.execute(
        select(FreezeWindow.id, FreezeWindow.environments).where(
            FreezeWindow.project_key == project_key, FreezeWindow.ends_at > now
        )
    )
    return list(rows)
