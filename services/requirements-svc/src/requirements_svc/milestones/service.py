"""Milestone rules and transactions. Progress is derived from the linked backlog items with one aggregate
query per page (never per milestone)."""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import history
from tpmhub_shared.auth import PLANNERS, Principal, ensure_read, ensure_role, visible
from tpmhub_shared.concurrency import lock_and_check
from tpmhub_shared.pagination import paginate, parse_sort
from tpmhub_shared.patching import merge_patch
from tpmhub_shared.problems import NotFound

from requirements_svc.items.models import Item
from requirements_svc.milestones.models import Milestone
from requirements_svc.milestones.schemas import MilestoneCreate, MilestoneUpdate
from requirements_svc.projects.models import Project

RESOURCE = "milestone"
_SORTS = {"target_date": Milestone.target_date, "name": Milestone.name, "created": Milestone.created_at}


@dataclass(frozen=True)
class Progress:
    items_total: int = 0
    items_done: int = 0
    points_total: float = 0.0
    points_done: float = 0.0

    @property
    def percent(self) -> float:
        return round(self.points_done * 100 / self.points_total, 1) if self.points_total else 0.0


async def progress_of(session: AsyncSession, milestone_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, Progress]:
    """Progress of many milestones in one GROUP BY over their items (wont_do items do not count)."""
    if not milestone_ids:
        return {}
    done = Item.status == "done"
    stmt = (
        select(
            Item.milestone_id,
            func.count(Item.id),
            func.count(case((done, Item.id))),
            func.coalesce(func.sum(Item.points), 0),
            func.coalesce(func.sum(case((done, Item.points), else_=0)), 0),
        )
        .where(Item.milestone_id.in_(list(milestone_ids)), Item.status != "wont_do")
        .group_by(Item.milestone_id)
    )
    rows = (await session.execute(stmt)).all()
    return {
        mid: Progress(int(n), int(n_done), float(pts), float(pts_done))
        for mid, n, n_done, pts, pts_done in rows
    }


async def _ensure_project(session: AsyncSession, key: str) -> None:
    if (await session.execute(select(Project.id).where(Project.key == key))).first() is None:
        raise NotFound(f"Project {key} does not exist.")


async def get_milestone(session: AsyncSession, *, principal: Principal, milestone_id: uuid.UUID) -> Milestone:
    row = await session.get(Milestone, milestone_id)
    return visible(principal, row, f"Milestone {milestone_id} does not exist.")


async def create_milestone(
    session: AsyncSession, *, principal: Principal, project_key: str, data: MilestoneCreate
) -> Milestone:
    ensure_role(principal, project_key, PLANNERS, action="create a milestone")
    await _ensure_project(session, project_key)
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
    await _ensure_project(session, project_key)
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
