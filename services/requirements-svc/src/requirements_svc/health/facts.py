"""Facts requirements-svc holds itself: velocity, milestone projections, open S1 bugs, documents in review."""

from __future__ import annotations

from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from requirements_svc.documents import repository as documents_repository
from requirements_svc.health.rules import BugFact, DocumentFact, MilestoneFact
from requirements_svc.items import summaries as items_summaries
from requirements_svc.milestones import forecast
from requirements_svc.milestones import repository as milestones_repository
from requirements_svc.milestones.forecast import CONTAINER_TYPES, day_start, velocity

__all__ = ["CONTAINER_TYPES", "day_start", "velocity"]

ACTIVE_MILESTONE_STATES = ("planned", "in_progress")


async def milestones(
    session: AsyncSession, *, project_key: str, today: date, velocity_per_day: float
) -> list[MilestoneFact]:
    rows = await milestones_repository.in_states(session, project_key, ACTIVE_MILESTONE_STATES)
    by_id = await forecast.figures(session, rows, today=today, velocity_per_day=velocity_per_day)
    return [
        MilestoneFact(
            id=str(m.id),
            name=m.name,
            target_date=m.target_date,
            status=m.status,
            remaining_points=by_id[m.id].points_remaining,
            open_items=by_id[m.id].open_items,
            unestimated_items=by_id[m.id].unestimated_open,
            projected_finish=by_id[m.id].projected_finish,
            points_done=by_id[m.id].points_done,
            points_total=by_id[m.id].points_total,
            items_total=by_id[m.id].items_total,
            slip_days=by_id[m.id].slip_days,
        )
        for m in rows
    ]


async def open_s1_bugs(session: AsyncSession, *, project_key: str) -> list[BugFact]:
    rows = await items_summaries.open_bugs_of_severity(session, project_key, "S1", limit=200)
    return [BugFact(key=k, title=t, status=s, found_in=f) for k, t, s, f in rows]


async def documents_in_review(session: AsyncSession, *, project_key: str) -> list[DocumentFact]:
    rows = await documents_repository.in_review_rows(session, project_key, limit=200)
    return [DocumentFact(id=str(i), kind=k, title=t, submitted_at=s or u) for i, k, t, s, u in rows]
