"""Milestone figures — points done, remaining, open items, the forecast — and the velocity they use,
computed in one place: the milestone API, project health and the reports all read them from here, so
they agree by construction.

Counted items: those linked to the milestone, not wont_do, and not containers (epic, feature: their
stories and tasks carry the points in the burn, as in the velocity). The forecast is the day the remaining
points are done at the project's velocity; null without counted items (nothing to forecast), null when work
remains but nothing was finished recently (no velocity), and the day the last item was done once every
item is done.
A read model: its aggregate queries read the items and iterations tables directly (one query per view
rather than per milestone); it writes nothing."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.ids import as_utc

from requirements_svc.health.rules import VELOCITY_FALLBACK_DAYS, VELOCITY_ITERATIONS, project_finish
from requirements_svc.items.models import LIVE, Item
from requirements_svc.iterations.models import Iteration
from requirements_svc.milestones.models import Milestone

# Containers carry no points of their own in the burn: their stories and tasks do.
CONTAINER_TYPES = ("epic", "feature")


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
                LIVE,
            )
        )
    ).scalar_one()
    return float(done) / days, window_start


@dataclass(frozen=True)
class Figures:
    items_total: int = 0
    items_done: int = 0
    points_total: float = 0.0
    points_done: float = 0.0
    unestimated_open: int = 0
    last_done: date | None = None
    projected_finish: date | None = None
    slip_days: int | None = None
    velocity_points_per_day: float = 0.0

    @property
    def points_remaining(self) -> float:
        return round(self.points_total - self.points_done, 4)

    @property
    def open_items(self) -> int:
        return self.items_total - self.items_done

    @property
    def percent(self) -> float:
        return round(self.points_done * 100 / self.points_total, 1) if self.points_total else 0.0

    @property
    def has_forecast(self) -> bool:
        return self.items_total > 0


def _forecast(target: date, f: Figures, today: date, velocity_per_day: float) -> Figures:
    if f.items_total == 0:
        return Figures(**{**f.__dict__, "velocity_points_per_day": velocity_per_day})
    if f.open_items == 0:
        finish = f.last_done or today
    else:
        finish = project_finish(today, f.points_remaining, velocity_per_day)
    return Figures(
        **{
            **f.__dict__,
            "projected_finish": finish,
            "slip_days": (finish - target).days if finish else None,
            "velocity_points_per_day": velocity_per_day,
        }
    )


async def figures(
    session: AsyncSession, milestones: Sequence[Milestone], *, today: date, velocity_per_day: float
) -> dict[uuid.UUID, Figures]:
    """Figures of many milestones (of one project) in one GROUP BY over their items."""
    out: dict[uuid.UUID, Figures] = {m.id: Figures() for m in milestones}
    if not milestones:
        return out
    done = Item.status == "done"
    rows = await session.execute(
        select(
            Item.milestone_id,
            func.count(Item.id),
            func.count(case((done, Item.id))),
            func.coalesce(func.sum(Item.points), 0),
            func.coalesce(func.sum(case((done, Item.points), else_=0)), 0),
            func.count(case((~done & Item.points.is_(None), Item.id))),
            func.max(case((done, Item.done_at))),
        )
        .where(
            Item.milestone_id.in_(list(out)),
            Item.status != "wont_do",
            Item.type.not_in(CONTAINER_TYPES),
            LIVE,
        )
        .group_by(Item.milestone_id)
    )
    for mid, n, n_done, pts, pts_done, unest, last_done in rows:
        last = as_utc(last_done) if isinstance(last_done, datetime) else None
        if last_done is not None and last is None:  # SQLite hands MAX() of a datetime back as text
            last = as_utc(datetime.fromisoformat(str(last_done)))
        out[mid] = Figures(
            items_total=int(n),
            items_done=int(n_done),
            points_total=float(pts),
            points_done=float(pts_done),
            unestimated_open=int(unest),
            last_done=last.date() if last else None,
        )
    by_id = {m.id: m for m in milestones}
    return {mid: _forecast(by_id[mid].target_date, f, today, velocity_per_day) for mid, f in out.items()}
