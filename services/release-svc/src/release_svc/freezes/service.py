"""Freeze-window rules and transactions: windows without deploys, and the exceptions that let one release
deploy during one (decided by someone other than the requester)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import history
from tpmhub_shared.auth import PLANNERS, Principal, ensure_read, ensure_role, visible
from tpmhub_shared.ids import utcnow
from tpmhub_shared.problems import (
    Conflict,
    Forbidden,
    InvalidTransition,
    NotFound,
    UnprocessableEntity,
    field_error,
)

from release_svc.environments.service import resolve_environments
from release_svc.freezes import repository
from release_svc.freezes.models import FreezeException, FreezeWindow
from release_svc.freezes.repository import FREEZE_WINDOW
from release_svc.freezes.schemas import FreezeExceptionCreate, FreezeWindowCreate
from release_svc.releases import repository as releases
from release_svc.releases.repository import RESOURCE as RELEASE_RESOURCE

# Who may ask for a freeze exception: those who move a release through deployment (CI pipelines included).
EXCEPTION_REQUESTERS = frozenset({"admin", "pm", "tpm", "engineer", "ci"})
EXCEPTION_DECIDERS = frozenset({"admin", "tpm"})


async def create_freeze_window(
    session: AsyncSession, *, principal: Principal, project_key: str, data: FreezeWindowCreate
) -> FreezeWindow:
    ensure_role(principal, project_key, PLANNERS, action="create a freeze window")
    environments = await resolve_environments(
        session, project_key, data.environments, loc="body.environments"
    )
    window = await repository.add_window(
        session,
        project_key=project_key,
        created_by=principal.sub,
        **data.model_dump(exclude={"environments"}),
        environments=environments,
    )
    await history.record(
        session,
        principal=principal,
        project_key=project_key,
        resource_type=FREEZE_WINDOW,
        resource_id=window.id,
        action="create",
        after=history.snapshot(window),
    )
    await session.flush()
    return window


async def list_freeze_windows(
    session: AsyncSession,
    *,
    principal: Principal,
    project_key: str,
    active_at: datetime | None,
    include_past: bool,
    limit: int,
    cursor: str | None,
) -> tuple[list[FreezeWindow], str | None]:
    ensure_read(principal, project_key)
    return await repository.page_windows(
        session,
        project_key=project_key,
        active_at=active_at,
        ending_after=None if include_past else utcnow(),
        limit=limit,
        cursor=cursor,
    )


async def get_freeze_window(
    session: AsyncSession, *, principal: Principal, window_id: uuid.UUID
) -> FreezeWindow:
    window = await repository.get_window(session, window_id)
    return visible(principal, window, f"Freeze window {window_id} does not exist.")


async def ensure_freeze_window_history_readable(
    session: AsyncSession, *, principal: Principal, window_id: uuid.UUID
) -> None:
    """A window's history outlives the window: a deleted one is found through its history rows. No role
    on its project answers like a window that never existed."""
    window = await repository.get_window(session, window_id)
    project_key = (
        window.project_key
        if window is not None
        else await repository.project_of_window_history(session, window_id)
    )
    if project_key is None or not principal.can_read(project_key):
        raise NotFound(f"Freeze window {window_id} does not exist.")


async def delete_freeze_window(session: AsyncSession, *, principal: Principal, window_id: uuid.UUID) -> None:
    window = await get_freeze_window(session, principal=principal, window_id=window_id)
    ensure_role(principal, window.project_key, PLANNERS, action="delete a freeze window")
    exceptions = await repository.exception_states_of_window(session, window.id)
    await history.record(
        session,
        principal=principal,
        project_key=window.project_key,
        resource_type=FREEZE_WINDOW,
        resource_id=window.id,
        action="delete",
        before={
            **history.snapshot(window),
            "exceptions": [{"release_id": str(r), "status": st} for r, st in exceptions],
        },
        note=f"{len(exceptions)} freeze exception(s) removed with it" if exceptions else None,
    )
    await repository.delete_window(session, window)
    await session.flush()


async def active_freezes(
    session: AsyncSession, *, project_key: str, environment: str | None, at: datetime
) -> list[FreezeWindow]:
    """Windows active at `at` covering `environment` (a canonical name; windows store canonical names)."""
    windows = await repository.active_windows(session, project_key=project_key, at=at)
    return [w for w in windows if not w.environments or environment is None or environment in w.environments]


async def approved_exception_windows(session: AsyncSession, release_id: uuid.UUID) -> set[uuid.UUID]:
    return await repository.approved_exception_window_ids(session, release_id)


def _exception_state(exc: FreezeException) -> dict[str, Any]:
    """A freeze exception as its window's history shows it."""
    return {
        "id": str(exc.id),
        "release_id": str(exc.release_id),
        "reason": exc.reason,
        "status": exc.status,
        "requested_by": exc.requested_by,
        "decided_by": exc.decided_by,
        "decided_at": history.jsonable(exc.decided_at),
        "decision_note": exc.decision_note,
    }


async def request_freeze_exception(
    session: AsyncSession, *, principal: Principal, release_id: uuid.UUID, data: FreezeExceptionCreate
) -> FreezeException:
    release = await releases.get_visible(session, principal=principal, release_id=release_id)
    ensure_role(principal, release.project_key, EXCEPTION_REQUESTERS, action="request a freeze exception")
    window = await repository.get_window(session, data.freeze_window_id)
    if window is None or window.project_key != release.project_key:
        raise UnprocessableEntity(
            f"Freeze window {data.freeze_window_id} does not exist in {release.project_key}.",
            errors=[field_error("body.freeze_window_id", "unknown freeze window", "freeze_window_unknown")],
        )
    if await repository.exception_exists(session, release_id=release.id, window_id=window.id):
        raise Conflict("This release already has an exception request for this freeze window.")
    exc = await repository.add_exception(
        session,
        release_id=release.id,
        freeze_window_id=window.id,
        project_key=release.project_key,
        reason=data.reason,
        requested_by=principal.sub,
    )
    await history.record(
        session,
        principal=principal,
        project_key=release.project_key,
        resource_type=RELEASE_RESOURCE,
        resource_id=release.id,
        action="request_freeze_exception",
        after={"freeze_window_id": str(window.id), "reason": data.reason},
    )
    await history.record(
        session,
        principal=principal,
        project_key=release.project_key,
        resource_type=FREEZE_WINDOW,
        resource_id=window.id,
        action="exception_requested",
        after={"exception": _exception_state(exc)},
    )
    await session.flush()
    return exc


async def list_freeze_exceptions(
    session: AsyncSession, *, principal: Principal, release_id: uuid.UUID
) -> list[FreezeException]:
    await releases.get_visible(session, principal=principal, release_id=release_id)
    return await repository.exceptions_of_release(session, release_id)


async def decide_freeze_exception(
    session: AsyncSession, *, principal: Principal, exception_id: uuid.UUID, approve: bool, note: str
) -> FreezeException:
    exc = await repository.get_exception(session, exception_id)
    visible(principal, exc, f"Freeze exception {exception_id} does not exist.")
    action = "approve" if approve else "reject"
    ensure_role(principal, exc.project_key, EXCEPTION_DECIDERS, action=f"{action} a freeze exception")
    if exc.requested_by == principal.sub:
        raise Forbidden("A freeze exception is decided by someone other than who asked for it.")
    if exc.status != "requested":
        raise InvalidTransition(action, exc.status, [])
    requested = _exception_state(exc)
    exc.status = "approved" if approve else "rejected"
    exc.decided_by = principal.sub
    exc.decided_at = utcnow()
    exc.decision_note = note
    await history.record(
        session,
        principal=principal,
        project_key=exc.project_key,
        resource_type=RELEASE_RESOURCE,
        resource_id=exc.release_id,
        action=f"freeze_exception_{exc.status}",
        after={"freeze_window_id": str(exc.freeze_window_id), "status": exc.status},
        note=note or None,
    )
    await history.record(
        session,
        principal=principal,
        project_key=exc.project_key,
        resource_type=FREEZE_WINDOW,
        resource_id=exc.freeze_window_id,
        action=f"exception_{exc.status}",
        before={"exception": requested},
        after={"exception": _exception_state(exc)},
        note=note or None,
    )
    await session.flush()
    return exc
