"""Iterations over HTTP."""

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
from tpmhub_shared.problems import responses

from requirements_svc.iterations import service
from requirements_svc.iterations.models import Iteration
from requirements_svc.iterations.schemas import (
    Burndown,
    CloseReport,
    CommitItems,
    CommitmentReport,
    IterationClose,
    IterationCreate,
    IterationPublic,
    IterationStatus,
    IterationUpdate,
)

router = APIRouter(tags=["iterations"])


async def _one(session: AsyncSession, iteration: Iteration) -> IterationPublic:
    return (await service.publish(session, [iteration]))[0]


@router.post(
    "/v1/projects/{key}/iterations",
    status_code=status.HTTP_201_CREATED,
    response_model=IterationPublic,
    responses=responses(401, 403, 404, 413, 422),
)
async def create_iteration(
    key: ProjectKeyPath,
    body: IterationCreate,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
) -> IterationPublic:
    """Plan an iteration (pm, tpm, admin)."""
    iteration = await service.create_iteration(session, principal=principal, project_key=key, data=body)
    set_etag(response, iteration.version)
    response.headers["Location"] = f"/v1/iterations/{iteration.id}"
    return await _one(session, iteration)


@router.get(
    "/v1/projects/{key}/iterations",
    response_model=Page[IterationPublic],
    responses=responses(401, 403, 404, 422),
)
async def list_iterations(
    key: ProjectKeyPath,
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
    status: Annotated[IterationStatus | None, Query()] = None,
) -> Page[IterationPublic]:
    """Iterations of the project by start date, with committed and done points."""
    rows, next_cursor = await service.list_iterations(
        session, principal=principal, project_key=key, status=status, limit=limit, cursor=cursor
    )
    return Page[IterationPublic](items=await service.publish(session, rows), next_cursor=next_cursor)


@router.get(
    "/v1/iterations/{iteration_id}", response_model=IterationPublic, responses=responses(401, 403, 404, 422)
)
async def get_iteration(
    iteration_id: uuid.UUID, session: ReadSession, principal: CurrentPrincipal, response: Response
) -> IterationPublic:
    iteration = await service.get_iteration(session, principal=principal, iteration_id=iteration_id)
    set_etag(response, iteration.version)
    return await _one(session, iteration)


@router.patch(
    "/v1/iterations/{iteration_id}",
    response_model=IterationPublic,
    responses=responses(401, 403, 404, 409, 412, 413, 422),
)
async def update_iteration(
    iteration_id: uuid.UUID,
    body: IterationUpdate,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
    if_match: IfMatch = None,
) -> IterationPublic:
    """Change name, goal, dates or capacity (merge patch); a closed iteration is frozen."""
    iteration = await service.update_iteration(
        session, principal=principal, iteration_id=iteration_id, patch=body, if_match=if_match
    )
    set_etag(response, iteration.version)
    return await _one(session, iteration)


@router.post(
    "/v1/iterations/{iteration_id}/commit",
    response_model=CommitmentReport,
    responses=responses(401, 403, 404, 409, 413, 422),
)
async def commit_items(
    iteration_id: uuid.UUID, body: CommitItems, session: Session, principal: CurrentPrincipal
) -> CommitmentReport:
    """Commit items to the iteration; the answer says whether the commitment now exceeds capacity."""
    iteration, committed = await service.commit_items(
        session, principal=principal, iteration_id=iteration_id, body=body
    )
    public = await _one(session, iteration)
    return CommitmentReport(
        iteration=public,
        committed=committed,
        over_committed=public.over_committed_by > 0,
        over_committed_by=public.over_committed_by,
    )


@router.post(
    "/v1/iterations/{iteration_id}/start",
    response_model=IterationPublic,
    responses=responses(401, 403, 404, 409, 412, 422),
)
async def start_iteration(
    iteration_id: uuid.UUID,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
    if_match: IfMatch = None,
) -> IterationPublic:
    """Start a planned iteration; one iteration per project is active at a time."""
    iteration = await service.start_iteration(
        session, principal=principal, iteration_id=iteration_id, if_match=if_match
    )
    set_etag(response, iteration.version)
    return await _one(session, iteration)


@router.post(
    "/v1/iterations/{iteration_id}/close",
    response_model=CloseReport,
    responses=responses(401, 403, 404, 409, 412, 422),
)
async def close_iteration(
    iteration_id: uuid.UUID,
    body: IterationClose,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
    if_match: IfMatch = None,
) -> CloseReport:
    """Close the iteration: its burndown is frozen and unfinished items move to the next iteration (the one
    given, else the next planned one by start date, else the backlog) or to the backlog."""
    iteration, moved, target = await service.close_iteration(
        session, principal=principal, iteration_id=iteration_id, body=body, if_match=if_match
    )
    set_etag(response, iteration.version)
    return CloseReport(iteration=await _one(session, iteration), moved=moved, moved_to=target)


@router.get(
    "/v1/iterations/{iteration_id}/burndown", response_model=Burndown, responses=responses(401, 403, 404, 422)
)
async def get_burndown(
    iteration_id: uuid.UUID, session: ReadSession, principal: CurrentPrincipal
) -> Burndown:
    """Remaining points per day, replayed from item history, with the ideal line."""
    iteration = await service.get_iteration(session, principal=principal, iteration_id=iteration_id)
    days = await service.burndown(session, iteration)
    return Burndown(
        iteration_id=iteration.id, start_date=iteration.start_date, end_date=iteration.end_date, days=days
    )


@router.get(
    "/v1/iterations/{iteration_id}/history",
    response_model=Page[HistoryEntryPublic],
    responses=responses(401, 403, 404, 422),
)
async def list_iteration_history(
    iteration_id: uuid.UUID,
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[HistoryEntryPublic]:
    await service.get_iteration(session, principal=principal, iteration_id=iteration_id)
    return await history.list_history(
        session, resource_type=service.RESOURCE, resource_id=iteration_id, limit=limit, cursor=cursor
    )


TAGS = [
    {
        "name": "iterations",
        "description": "Iterations (sprints): capacity, commitment, start/close, burndown.",
    }
]
