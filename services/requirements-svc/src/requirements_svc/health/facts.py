"""Facts requirements-svc holds itself: velocity, milestone projections, open S1 bugs, documents in review."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from requirements_svc.documents.models import Document
from requirements_svc.health.rules import (
    VELOCITY_FALLBACK_DAYS,
    VELOCITY_ITERATIONS,
    BugFact,
    DocumentFact,
    MilestoneFact,
    project_finish,
)
from requirements_svc.items.models import OPEN_STATUSES, Item
from requirements_svc.iterations.models import Iteration
from requirements_svc.milestones.models import Milestone

# Containers carry no points of their own in the burn: their stories and tasks do.
CONTAINER_TYPES = ("epic", "feature")
ACTIVE_MILESTONE_STATES = ("planned", "in_progress")


def day_start(d: date) -> datetime:
    return datetime.combine(d, time.min, tzinfo=UTC)


async def velocity(session: AsyncSession, *, project_key: str, now: datetime) -> tuple[float, date]:
    """Points done per day since the start of the last N finished iterations (or the last 28 days)."""
    today = now.date()
    starts = (
        (
            await session.execute(
                select(Iteration.start_date)
                .where(Iteration.project_key == project_key, Iteration.end_date < today)
                .order_by(Iteration.end_date.desc())
                .limit(VELOCITY_ITERATIONS)
            )
        )
        .scalars()
        .all()
    )
    window_start = min(starts) if starts else today - timedelta(days=VELOCITY_FALLBACK_DAYS)
    days = max((today - window_start).days, 1)
    done = (
        await session.execute(
            select(func.coalesce(func.sum(Item.points), 0.0)).where(
                Item.project_key == project_key,
                Item.done_at >= day_start(window_start),
                Item.done_at <= now,
                Item.status == "done",
                Item.type.not_in(CONTAINER_TYPES),
            )
        )
    ).scalar_one()
    return float(done) / days, window_start


async def milestones(
    session: AsyncSession, *, project_key: str, today: date, velocity_per_day: float
) -> list[MilestoneFact]:
    rows = (
        (
            await session.execute(
                select(Milestone)
                .where(Milestone.project_key == project_key, Milestone.status.in_(ACTIVE_MILESTONE_STATES))
                .order_by(Milestone.target_date, Milestone.id)
            )
        )
        .scalars()
        .all()
    )
    if not rows:
        return []
    agg = (
        await session.execute(
            select(
                Item.milestone_id,
                func.coalesce(func.sum(Item.points), 0.0),
                func.count(),
                func.sum(case((Item.points.is_(None), 1), else_=0)),
            )
            .where(
                Item.project_key == project_key,
                Item.milestone_id.in_([m.id for m in rows]),
                Item.status.in_(OPEN_STATUSES),
                Item.type.not_in(CONTAINER_TYPES),
            )
            .group_by(Item.milestone_id)
        )
    ).all()
    by_id = {mid: (float(points), int(n), int(unest or 0)) for mid, points, n, unest in agg}
    out = []
    for m in rows:
        remaining, n, unest = by_id.get(m.id, (0.0, 0, 0))
        out.append(
            MilestoneFact(
                id=str(m.id),
                name=m.name,
                target_date=m.target_date,
                status=m.status,
                remaining_points=remaining,
                open_items=n,
                unestimated_items=unest,
                projected_finish=project_finish(today, remaining, velocity_per_day) if n else today,
            )
        )
    return out


async def open_s1_bugs(session: AsyncSession, *, project_key: str) -> list[BugFact]:
    rows = (
        await session.execute(
            select(Item.key, Item.title, Item.status, Item.found_in)
            .where(
                Item.project_key == project_key,
                Item.type == "bug",
                Item.severity == "S1",
                Item.status.in_(OPEN_STATUSES),
            )
            .order_by(Item.number)
            .limit(200)
        )
    ).all()
    return [BugFact(key=k, title=t, status=s, found_in=f) for k, t, s, f in rows]


async def documents_in_review(session: AsyncSession, *, project_key: str) -> list[DocumentFact]:
    rows = (
        await session.execute(
            select(Document.id, Document.kind, Document.title, Document.submitted_at, Document.updated_at)
            .where(Document.project_key == project_key, Document.status == "in_review")
            .order_by(Document.created_at)
            .limit(200)
        )
    ).all()
    return [DocumentFact(id=str(i), kind=k, title=t, submitted_at=s or u) for i, k, t, s, u in rows]
