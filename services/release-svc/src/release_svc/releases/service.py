"""Release rules and transactions."""

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tpmhub_shared import history
from tpmhub_shared.auth import PLANNERS, Principal, ensure_read, ensure_role
from tpmhub_shared.pagination import paginate, parse_sort
from tpmhub_shared.problems import Conflict, NotFound

from release_svc.releases.models import Release
from release_svc.releases.schemas import ReleaseCreate

RESOURCE = "release"
_SORTS = {"created": Release.created_at, "target_date": Release.target_date, "version": Release.semver}


async def get_release(session: AsyncSession, *, principal: Principal, release_id: uuid.UUID) -> Release:
    release = await session.get(Release, release_id)
    if release is None or not principal.can_read(release.project_key):
        raise NotFound(f"Release {release_id} does not exist.")
    return release


async def create_release(session: AsyncSession, *, principal: Principal, project_key: str,
                         data: ReleaseCreate) -> Release:
    ensure_role(principal, project_key, PLANNERS, action="create a release")
    taken = await session.execute(
        select(Release.id).where(Release.project_key == project_key, Release.semver == data.version)
    )
    if taken.first() is not None:
        raise Conflict(f"Release {data.version} already exists in {project_key}.")
    release = Release(project_key=project_key, created_by=principal.sub, semver=data.version,
                      **data.model_dump(exclude={"version"}))
    session.add(release)
    await history.record(session, principal=principal, project_key=project_key, resource_type=RESOURCE,
                         resource_id=release.id, action="create", after=history.snapshot(release))
    await session.flush()
    return release


async def list_releases(session: AsyncSession, *, principal: Principal, project_key: str, status: str | None,
                        sort: str | None, limit: int, cursor: str | None) -> tuple[list[Release], str | None]:
    ensure_read(principal, project_key)
    sort_key, order = parse_sort(sort, _SORTS, "-created")
    stmt = select(Release).where(Release.project_key == project_key)
    if status:
        stmt = stmt.where(Release.status == status)
    return await paginate(session, stmt, order=order, id_column=Release.id, limit=limit, cursor=cursor,
                          sort_key=sort_key)


# The release state machine: action → (states it is allowed from, state it leads to).
TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "submit": (frozenset({"draft"}), "in_review"),
    "request_changes": (frozenset({"in_review"}), "draft"),
    "approve": (frozenset({"in_review"}), "approved"),
    "reopen_review": (frozenset({"approved"}), "in_review"),
    "start_deploy": (frozenset({"approved"}), "deploying"),
    "start_verification": (frozenset({"deploying"}), "verifying"),
    "mark_released": (frozenset({"verifying"}), "released"),
    "roll_back": (frozenset({"deploying", "verifying"}), "rolled_back"),
    "cancel": (frozenset({"draft", "in_review", "approved"}), "cancelled"),
}


def allowed_actions(status: str) -> list[str]:
    return sorted(a for a, (sources, _) in TRANSITIONS.items() if status in sources)


async def transition(session: AsyncSession, *, principal: Principal, release: Release, action: str,
                     reason: str | None = None, data: dict | None = None) -> Release:
    """Move a release by one action: 409 listing the allowed actions when the current state forbids it.
    Records history and emits `release.<to_state>` in the caller's transaction."""
    from tpmhub_shared import events
    from tpmhub_shared.problems import InvalidTransition

    sources, target = TRANSITIONS[action]
    if release.status not in sources:
        raise InvalidTransition(action, release.status, allowed_actions(release.status))
    before = release.status
    release.status = target
    await history.record(session, principal=principal, project_key=release.project_key, resource_type=RESOURCE,
                         resource_id=release.id, action=action, before={"status": before},
                         after={"status": target}, note=reason)
    events.emit(session, source="/tpmhub/release-svc", type=f"release.{target}", subject=str(release.id),
                project_key=release.project_key,
                data={"release_id": release.id, "project_key": release.project_key, "version": release.semver,
                      "from": before, "to": target, "action": action, "by": principal.sub, "reason": reason,
                      **(data or {})})
    await session.flush()
    return release
