"""Milestones over HTTP."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import history
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.concurrency import IfMatch, set_etag
from tpmhub_shared.deps import ProjectKeyPath, ReadSession, Session
from tpmhub_shared.history import HistoryEntryPublic
from tpmhub_shared.pagination import Cursor, Limit, Page
from tpmhub_shared.params import QueryDate
from tpmhub_shared.problems import responses

from requirements_svc.milestones import service
from requirements_svc.milestones.forecast import Figures
from requirements_svc.milestones.models import Milestone
from requirements_svc.milestones.schemas import (
    MilestoneCreate,
    MilestoneForecast,
    MilestoneProgress,
    MilestonePublic,
    MilestoneStatus,
    MilestoneUpdate,
)

router = APIRouter(prefix="/v1", tags=["milestones"])


def _public(row: Milestone, figures: Figures) -> MilestonePublic:
    return MilestonePublic(
        id=row.id,
        project_key=row.project_key,
        name=row.name,
        description=row.description,
        target_date=row.target_date,
        status=row.status,
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
        progress=MilestoneProgress(
            items_total=figures.items_total,
            items_done=figures.items_done,
            open_items=figures.open_items,
            points_total=figures.points_total,
            points_done=figures.points_done,
            points_remaining=figures.points_remaining,
            percent=figures.percent,
        ),
        forecast=MilestoneForecast(
            projected_finish=figures.projected_finish,
            slip_days=figures.slip_days,
            velocity_points_per_day=round(figures.velocity_points_per_day, 3),
        )
        if figures.has_forecast
        else None,
    )


async def _one(session: AsyncSession, row: Milestone) -> MilestonePublic:
    return _public(row, (await service.figures_of(session, [row]))[row.id])


@router.post(
    "/projects/{key}/milestones",
    status_code=status.HTTP_201_CREATED,
    responses=responses(400, 401, 403, 404, 409, 413, 422),
)
async def create_milestone(
    key: ProjectKeyPath,
    body: MilestoneCreate,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
) -> MilestonePublic:
    """Create a milestone (pm, tpm or admin)."""
    row = await service.create_milestone(session, principal=principal, project_key=key, data=body)
    set_etag(response, row.version)
    response.headers["Location"] = f"/v1/milestones/{row.id}"
    return _public(row, Figures())


@router.get("/projects/{key}/milestones", responses=responses(401, 403, 404, 422))
async def list_milestones(
    key: ProjectKeyPath,
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
    status: Annotated[MilestoneStatus | None, Query()] = None,
    due_before: Annotated[QueryDate | None, Query(description="Target date on or before this day.")] = None,
    due_after: Annotated[QueryDate | None, Query(description="Target date on or after this day.")] = None,
    sort: Annotated[
        str | None,
        Query(max_length=100, description="target_date (default), name, created; `-` for descending"),
    ] = None,
) -> Page[MilestonePublic]:
    """Milestones of a project with their progress, by target date unless sorted otherwise."""
    rows, next_cursor = await service.list_milestones(
        session,
        principal=principal,
        project_key=key,
        status=status,
        due_before=due_before,
        due_after=due_after,
        sort=sort,
        limit=limit,
        cursor=cursor,
    )
    figures = await service.figures_of(session, rows)
    return Page[MilestonePublic](items=[_public(r, figures[r.id]) for r in rows], next_cursor=next_cursor)


@router.get("/milestones/{milestone_id}", responses=responses(401, 403, 404, 422))
async def get_milestone(
    milestone_id: uuid.UUID, session: ReadSession, principal: CurrentPrincipal, response: Response
) -> MilestonePublic:
    """A milestone with its progress (done points / total points of its items)."""
    row = await service.get_milestone(session, principal=principal, milestone_id=milestone_id)
    set_etag(response, row.version)
    return await _one(session, row)


@router.patch("/milestones/{milestone_id}", responses=responses(400, 401, 403, 404, 412, 413, 422))
async def update_milestone(
    milestone_id: uuid.UUID,
    body: MilestoneUpdate,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
    if_match: IfMatch = None,
) -> MilestonePublic:
    """Change a milestone (merge patch; pm, tpm or admin). Send `If-Match` to refuse a stale change."""
    row = await service.update_milestone(
        session, principal=principal, milestone_id=milestone_id, patch=body, if_match=if_match
    )
    set_etag(response, row.version)
    return await _one(session, row)


@router.get("/milestones/{milestone_id}/history", responses=responses(401, 403, 404, 422))
async def list_milestone_history(
    milestone_id: uuid.UUID,
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[HistoryEntryPublic]:
    """Every recorded change of the milestone, oldest first."""
    await service.get_milestone(session, principal=principal, milestone_id=milestone_id)
    return await history.list_history(
        session, resource_type=service.RESOURCE, resource_id=milestone_id, limit=limit, cursor=cursor
    )


TAGS = [
    {"name": "milestones", "description": "Milestones: target dates, status and progress from the backlog."}
]
