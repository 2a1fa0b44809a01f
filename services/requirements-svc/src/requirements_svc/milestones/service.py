"""Milestone rules and transactions. Progress and forecast are derived from the linked backlog items with one
aggregate query per page (never per milestone), by `milestones/forecast.py`."""

import uuid
from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import history
from tpmhub_shared.auth import PLANNERS, Principal, ensure_read, ensure_role, visible
from tpmhub_shared.concurrency import lock_and_check
from tpmhub_shared.ids import utcnow
from tpmhub_shared.pagination import paginate, parse_sort
from tpmhub_shared.patching import merge_patch

from requirements_svc.milestones import forecast
from requirements_svc.milestones.models import Milestone
from requirements_svc.milestones.schemas import MilestoneCreate, MilestoneUpdate
from requirements_svc.projects.repository import ensure_project

RESOURCE = "milestone"
_SORTS = {"target_date": Milestone.target_date, "name": Milestone.name, "created": Milestone.created_at}


async def figures_of(session: AsyncSession, rows: Sequence[Milestone]) -> dict[uuid.UUID, forecast.Figures]:
    """Progress and forecast of many milestones: one velocity per project and one GROUP BY (never per
    milestone). The same figures project health and the reports show (`milestones/forecast.py`)."""
    now = utcnow()
    out: dict[uuid.UUID, forecast.Figures] = {}
    for project_key in sorted({r.project_key for r in rows}):
        mine = [r for r in rows if r.project_key == project_key]
        per_day, _ = await forecast.velocity(session, project_key=project_key, now=now)
        out.update(await forecast.figures(session, mine, today=now.date(), velocity_per_day=per_day))
    return out


async def get_milestone(session: AsyncSession, *, principal: Principal, milestone_id: uuid.UUID) -> Milestone:
    row = await session.get(Milestone, milestone_id)
    return visible(principal, row, f"Milestone {milestone_id} does not exist.")


async def create_milestone(
    session: AsyncSession, *, principal: Principal, project_key: str, data: MilestoneCreate
) -> Milestone:
    ensure_role(principal, project_key, PLANNERS, action="create a milestone")
    await ensure_project(session, project_key)
    row = Milestone(project_key=project_key, **data.model_dump())
    session.add(row)
    await history.record(
        session,
        principal=principal,
        project_key=project_key,
        resource_type=RESOURCE,
        resource_id=row.id,
        action="create",
        after=history.snapshot(row),
    )
    await session.flush()
    return row


async def update_milestone(
    session: AsyncSession,
    *,
    principal: Principal,
    milestone_id: uuid.UUID,
    patch: MilestoneUpdate,
    if_match: str | None,
) -> Milestone:
    row = await get_milestone(session, principal=principal, milestone_id=milestone_id)
    ensure_role(principal, row.project_key, PLANNERS, action="edit a milestone")
    await lock_and_check(session, row, if_match)
    before = history.snapshot(row)
    merge_patch(row, patch, required={"name", "description", "target_date", "status"})
    await history.record(
        session,
        principal=principal,
        project_key=row.project_key,
        resource_type=RESOURCE,
        resource_id=row.id,
        action="update",
        before=before,
        after=history.snapshot(row),
    )
    await session.flush()
    return row


async def list_milestones(
    session: AsyncSession,
    *,
    principal: Principal,
    project_key: str,
    status: str | None,
    due_before: date | None,
    due_after: date | None,
    sort: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[Milestone], str | None]:
    ensure_read(principal, project_key)
    await ensure_project(session, project_key)
    sort_key, order = parse_sort(sort, _SORTS, "target_date")
    stmt = select(Milestone).where(Milestone.project_key == project_key)
    if status:
        stmt = stmt.where(Milestone.status == status)
    if due_before:
        stmt = stmt.where(Milestone.target_date <= due_before)
    if due_after:
        stmt = stmt.where(Milestone.target_date >= due_after)
    return await paginate(
        session, stmt, order=order, id_column=Milestone.id, limit=limit, cursor=cursor, sort_key=sort_key
    )
