"""Queries of the retrospective table and of the release's and its rollouts' history entries (what a draft
reads of gate decisions, rollouts and guardrail readings is asked of those domains' repositories)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.history import HistoryEntry

from release_svc.retrospectives.models import Retrospective


async def of_release(
    session: AsyncSession, release_id: uuid.UUID, *, for_update: bool = False
) -> Retrospective | None:
    stmt = select(Retrospective).where(Retrospective.release_id == release_id)
    if for_update:
        stmt = stmt.with_for_update()
    return (await session.execute(stmt)).scalar_one_or_none()


async def exists_for(session: AsyncSession, release_id: uuid.UUID) -> bool:
    found = await session.execute(select(Retrospective.id).where(Retrospective.release_id == release_id))
    return found.first() is not None


def add(session: AsyncSession, row: Retrospective) -> None:
    session.add(row)


async def release_history(session: AsyncSession, release_id: uuid.UUID, *, limit: int) -> list[HistoryEntry]:
    """The release's history entries, oldest first."""
    return list(
        (
            await session.execute(
                select(HistoryEntry)
                .where(HistoryEntry.resource_type == "release", HistoryEntry.resource_id == str(release_id))
                .order_by(HistoryEntry.id)
                .limit(limit)
            )
        ).scalars()
    )


async def rollout_action_counts(session: AsyncSession, rollout_ids: Sequence[uuid.UUID]) -> dict[str, int]:
    """How often each action appears in these rollouts' history."""
    rows = await session.execute(
        select(HistoryEntry.action, func.count())
        .where(
            HistoryEntry.resource_type == "rollout",
            HistoryEntry.resource_id.in_([str(r) for r in rollout_ids]),
        )
        .group_by(HistoryEntry.action)
    )
    return {a: n for a, n in rows}
