"""The rollout queries: by id (locked or not), by release, the portfolio's rows, the scheduler's due
rollouts, a decision's one-row read, DORA counts (the release rows a move locks are read through the
releases repository)."""

import uuid
from collections.abc import Collection
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from release_svc.rollouts.models import ACTIVE_STATUSES, Rollout


async def get(session: AsyncSession, rollout_id: uuid.UUID, *, for_update: bool = False) -> Rollout | None:
    stmt = select(Rollout).where(Rollout.id == rollout_id)
    if for_update:
        stmt = stmt.with_for_update().execution_options(populate_existing=True)
    return (await session.execute(stmt)).scalar_one_or_none()


async def active_for_release(session: AsyncSession, release_id: uuid.UUID) -> Rollout | None:
    stmt = select(Rollout).where(Rollout.release_id == release_id, Rollout.status.in_(ACTIVE_STATUSES))
    return (await session.execute(stmt)).scalar_one_or_none()


def of_release(release_id: uuid.UUID, status: str | None) -> Select:
    stmt = select(Rollout).where(Rollout.release_id == release_id)
    if status:
        stmt = stmt.where(Rollout.status == status)
    return stmt


def in_states(statuses: list[str], *, project: str | None, readable: set[str] | None) -> Select:
    """The portfolio's rows: rollouts in `statuses`, of one project or of the readable ones (None: all)."""
    stmt = select(Rollout).where(Rollout.status.in_(statuses))
    if project is not None:
        return stmt.where(Rollout.project_key == project)
    if readable is not None:
        stmt = stmt.where(Rollout.project_key.in_(sorted(readable)))
    return stmt


async def decision_row(session: AsyncSession, rollout_id: uuid.UUID) -> Any:
    """One primary-key read of what a cohort decision needs (project, status, percent, group, unit kind)."""
    stmt = select(
        Rollout.project_key, Rollout.status, Rollout.current_percent, Rollout.group_id, Rollout.unit_kind
    ).where(Rollout.id == rollout_id)
    return (await session.execute(stmt)).first()


async def decision_rows(session: AsyncSession, rollout_ids: list[uuid.UUID]) -> list[Any]:
    """What cohort decisions need, for several rollouts at once (with their ids)."""
    stmt = select(
        Rollout.id,
        Rollout.project_key,
        Rollout.status,
        Rollout.current_percent,
        Rollout.group_id,
        Rollout.unit_kind,
    ).where(Rollout.id.in_(rollout_ids))
    return list((await session.execute(stmt)).all())


async def due_unlocked(session: AsyncSession, *, now: datetime, limit: int) -> list[Rollout]:
    """Running rollouts whose next automatic check is due, read without locks."""
    stmt = (
        select(Rollout)
        .where(Rollout.status == "running", Rollout.next_check_at <= now)
        .order_by(Rollout.next_check_at, Rollout.id)
        .limit(limit)
    )
    return list((await session.execute(stmt)).scalars().all())


async def due_locked(session: AsyncSession, *, now: datetime, limit: int) -> list[Rollout]:
    return list((await session.execute(due_query(now=now, limit=limit))).scalars().all())


async def ended_counts(
    session: AsyncSession, *, project_key: str, environment: str, start: datetime, end: datetime
) -> tuple[dict[tuple[str, bool], int], list[str]]:
    """(status, exposed) → count of the environment's rollouts that ended in [start, end), and the ids of
    those rolled back."""
    window = (
        Rollout.project_key == project_key,
        Rollout.environment == environment,
        Rollout.finished_at >= start,
        Rollout.finished_at < end,
    )
    counts = {
        (status, exposed): int(n)
        for status, exposed, n in await session.execute(
            select(Rollout.status, Rollout.started_at.is_not(None), func.count())
            .where(*window, Rollout.status.in_(("completed", "rolled_back", "aborted")))
            .group_by(Rollout.status, Rollout.started_at.is_not(None))
        )
    }
    rolled_back: list[str] = []
    if any(s == "rolled_back" for s, _ in counts):
        rolled_back = [
            str(i)
            for (i,) in await session.execute(
                select(Rollout.id).where(*window, Rollout.status == "rolled_back")
            )
        ]
    return counts, rolled_back


def due_query(*, now: datetime, limit: int) -> Select:
    """Running rollouts whose next automatic check is due, locked; rows another replica holds are skipped
    (`FOR UPDATE SKIP LOCKED` on PostgreSQL; SQLite serializes writers instead)."""
    return (
        select(Rollout)
        .where(Rollout.status == "running", Rollout.next_check_at <= now)
        .order_by(Rollout.next_check_at, Rollout.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
        .execution_options(populate_existing=True)
    )


async def latest_rollout(session: AsyncSession, release_id: uuid.UUID) -> Rollout | None:
    return (
        await session.execute(
            select(Rollout).where(Rollout.release_id == release_id).order_by(Rollout.id.desc()).limit(1)
        )
    ).scalar_one_or_none()


async def unfinished_rollouts_in(
    session: AsyncSession, project_key: str, environments: Collection[str]
) -> list[Any]:
    """(id, environment) of the project's draft, running or paused rollouts to any of `environments`."""
    rows = await session.execute(
        select(Rollout.id, Rollout.environment).where(
            Rollout.project_key == project_key,
            Rollout.status.in_(("draft", "running", "paused")),
            Rollout.environment.in_(sorted(environments)),
        )
    )
    return list(rows)


async def rollout_ids(session: AsyncSession, release_id: uuid.UUID) -> list[uuid.UUID]:
    return [
        r
        for (r,) in (await session.execute(select(Rollout.id).where(Rollout.release_id == release_id))).all()
    ]
