"""Freeze windows and freeze exceptions over HTTP."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status
from tpmhub_shared import history
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.deps import ProjectKeyPath, ReadSession, Session
from tpmhub_shared.history import HistoryEntryPublic
from tpmhub_shared.pagination import Cursor, Limit, Page
from tpmhub_shared.params import QueryDateTime
from tpmhub_shared.problems import responses

from release_svc.freezes import service
from release_svc.freezes.schemas import (
    FreezeExceptionCreate,
    FreezeExceptionDecision,
    FreezeExceptionPublic,
    FreezeWindowCreate,
    FreezeWindowPublic,
)

router = APIRouter(tags=["releases"])


@router.post(
    "/v1/projects/{key}/freeze-windows",
    status_code=status.HTTP_201_CREATED,
    response_model=FreezeWindowPublic,
    responses=responses(401, 403, 413, 422),
)
async def create_freeze_window(
    key: ProjectKeyPath, body: FreezeWindowCreate, session: Session, principal: CurrentPrincipal
) -> FreezeWindowPublic:
    """A period without deploys (admin, pm, tpm); the gate fails during it unless an exception is approved."""
    window = await service.create_freeze_window(session, principal=principal, project_key=key, data=body)
    return FreezeWindowPublic.model_validate(window)


@router.get(
    "/v1/projects/{key}/freeze-windows",
    response_model=Page[FreezeWindowPublic],
    responses=responses(401, 403, 422),
)
async def list_freeze_windows(
    key: ProjectKeyPath,
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
    active_at: Annotated[
        QueryDateTime | None, Query(description="Only windows covering this instant.")
    ] = None,
    include_past: Annotated[bool, Query(description="Also windows that have ended.")] = False,
) -> Page[FreezeWindowPublic]:
    """Freeze windows by start time (current and future unless `include_past`)."""
    rows, next_cursor = await service.list_freeze_windows(
        session,
        principal=principal,
        project_key=key,
        active_at=active_at,
        include_past=include_past,
        limit=limit,
        cursor=cursor,
    )
    return Page[FreezeWindowPublic](
        items=[FreezeWindowPublic.model_validate(r) for r in rows], next_cursor=next_cursor
    )


@router.delete(
    "/v1/freeze-windows/{window_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=responses(401, 403, 404, 422),
)
async def delete_freeze_window(
    window_id: uuid.UUID, session: Session, principal: CurrentPrincipal
) -> Response:
    """Remove a freeze window (admin, pm, tpm)."""
    await service.delete_freeze_window(session, principal=principal, window_id=window_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/v1/freeze-windows/{window_id}/history",
    response_model=Page[HistoryEntryPublic],
    responses=responses(401, 404, 422),
)
async def list_freeze_window_history(
    window_id: uuid.UUID,
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[HistoryEntryPublic]:
    """Every recorded change of a freeze window (creation, exceptions requested, approved or rejected,
    deletion), oldest first; readable after the window is deleted."""
    await service.ensure_freeze_window_history_readable(session, principal=principal, window_id=window_id)
    return await history.list_history(
        session, resource_type=service.FREEZE_WINDOW, resource_id=window_id, limit=limit, cursor=cursor
    )


@router.post(
    "/v1/releases/{release_id}/freeze-exceptions",
    status_code=status.HTTP_201_CREATED,
    response_model=FreezeExceptionPublic,
    responses=responses(401, 403, 404, 409, 413, 422),
)
async def request_freeze_exception(
    release_id: uuid.UUID, body: FreezeExceptionCreate, session: Session, principal: CurrentPrincipal
) -> FreezeExceptionPublic:
    """Ask to deploy this release during a freeze window; a tpm or admin other than the requester decides."""
    exc = await service.request_freeze_exception(
        session, principal=principal, release_id=release_id, data=body
    )
    return FreezeExceptionPublic.model_validate(exc)


@router.get(
    "/v1/releases/{release_id}/freeze-exceptions",
    response_model=list[FreezeExceptionPublic],
    responses=responses(401, 404, 422),
)
async def list_freeze_exceptions(
    release_id: uuid.UUID, session: ReadSession, principal: CurrentPrincipal
) -> list[FreezeExceptionPublic]:
    rows = await service.list_freeze_exceptions(session, principal=principal, release_id=release_id)
    return [FreezeExceptionPublic.model_validate(r) for r in rows]


@router.post(
    "/v1/freeze-exceptions/{exception_id}/approve",
    response_model=FreezeExceptionPublic,
    responses=responses(401, 403, 404, 409, 422),
)
async def approve_freeze_exception(
    exception_id: uuid.UUID,
    session: Session,
    principal: CurrentPrincipal,
    body: FreezeExceptionDecision | None = None,
) -> FreezeExceptionPublic:
    """Approve a freeze exception (tpm, admin; not the requester)."""
    exc = await service.decide_freeze_exception(
        session, principal=principal, exception_id=exception_id, approve=True, note=body.note if body else ""
    )
    return FreezeExceptionPublic.model_validate(exc)


@router.post(
    "/v1/freeze-exceptions/{exception_id}/reject",
    response_model=FreezeExceptionPublic,
    responses=responses(401, 403, 404, 409, 422),
)
async def reject_freeze_exception(
    exception_id: uuid.UUID,
    session: Session,
    principal: CurrentPrincipal,
    body: FreezeExceptionDecision | None = None,
) -> FreezeExceptionPublic:
    """Reject a freeze exception (tpm, admin; not the requester)."""
    exc = await service.decide_freeze_exception(
        session, principal=principal, exception_id=exception_id, approve=False, note=body.note if body else ""
    )
    return FreezeExceptionPublic.model_validate(exc)
