"""The scheduled action queries: a rollout's schedules, the due and stale ones for the runner, the next
pending one per rollout."""

import uuid
from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from release_svc.scheduling.models import RolloutSchedule


def due_schedules_query(*, now: datetime, limit: int):
    """Pending schedules that are due, locked; rows another replica holds are skipped."""
    return (
        select(RolloutSchedule)
        .where(RolloutSchedule.status == "pending", RolloutSchedule.at <= now)
        .order_by(RolloutSchedule.at, RolloutSchedule.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
        .execution_options(populate_existing=True)
    )


async def pending_of(session: AsyncSession, rollout_id: uuid.UUID) -> list[RolloutSchedule]:
    """The rollout's pending schedules, locked."""
    stmt = (
        select(RolloutSchedule)
        .where(RolloutSchedule.rollout_id == rollout_id, RolloutSchedule.status == "pending")
        .with_for_update()
    )
    return list((await session.execute(stmt)).scalars())


def of_rollout(rollout_id: uuid.UUID) -> Select:
    return select(RolloutSchedule).where(RolloutSchedule.rollout_id == rollout_id)


async def get_for_update(
    session: AsyncSession, schedule_id: uuid.UUID, rollout_id: uuid.UUID
) -> RolloutSchedule | None:
    stmt = (
        select(RolloutSchedule)
        .where(RolloutSchedule.id == schedule_id, RolloutSchedule.rollout_id == rollout_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return (await session.execute(stmt)).scalar_one_or_none()


async def next_pending_at(session: AsyncSession, rollout_ids: list[uuid.UUID]) -> dict[uuid.UUID, datetime]:
    """Rollout id → when its next pending schedule is due (absent: none)."""
    return dict(
        (
            await session.execute(
                select(RolloutSchedule.rollout_id, func.min(RolloutSchedule.at))
                .where(RolloutSchedule.rollout_id.in_(rollout_ids), RolloutSchedule.status == "pending")
                .group_by(RolloutSchedule.rollout_id)
            )
        ).all()
    )


async def stale_claims(session: AsyncSession, *, before: datetime, limit: int) -> list[RolloutSchedule]:
    """Claimed schedules whose claim is older than `before`, locked; rows another replica holds skipped."""
    stmt = (
        select(RolloutSchedule)
        .where(RolloutSchedule.status == "running", RolloutSchedule.claimed_at < before)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return list((await session.execute(stmt)).scalars().all())
