"""Queries of release plans and their scope rows; other domains read releases through these."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.auth import Principal, visible
from tpmhub_shared.fast_reads import Statement, fetch
from tpmhub_shared.pagination import paginate, parse_sort

from release_svc.releases.models import Release, ReleaseScopeItem

# The history resource type of a release.
RESOURCE = "release"
_SORTS = {"created": Release.created_at, "target_date": Release.target_date, "version": Release.semver}


async def get(session: AsyncSession, release_id: uuid.UUID) -> Release | None:
    return await session.get(Release, release_id)


async def get_visible(session: AsyncSession, *, principal: Principal, release_id: uuid.UUID) -> Release:
    """The release if the caller may read its project; else the 404 of a release that does not exist."""
    return visible(principal, await get(session, release_id), f"Release {release_id} does not exist.")


# The release look-up (POST /v1/releases/lookup): a fast read of the columns its answer needs.
LOOKUP = Statement(
    "SELECT id, project_key, semver, status FROM releases WHERE id = ANY($1)",
    "SELECT id, project_key, semver, status FROM releases WHERE id IN (SELECT value FROM json_each(?1))",
)


async def lookup_rows(session: AsyncSession, ids: Sequence[uuid.UUID]) -> Sequence[Sequence[Any]]:
    """(id, project_key, semver, status) of the releases among `ids`, as the driver gives them."""
    return await fetch(session, LOOKUP, list(ids))


async def touching(
    session: AsyncSession, *, project_key: str, item_keys: Sequence[str], status: str | None
) -> list[tuple[Release, list[str]]]:
    """Releases of the project whose scope holds any of the (sorted, distinct) items, newest first, each
    with the items it holds: one indexed query."""
    stmt = (
        select(Release, ReleaseScopeItem.item_key)
        .join(ReleaseScopeItem, ReleaseScopeItem.release_id == Release.id)
        .where(ReleaseScopeItem.project_key == project_key, ReleaseScopeItem.item_key.in_(item_keys))
        .order_by(Release.id.desc(), ReleaseScopeItem.item_key)
    )
    if status is not None:
        stmt = stmt.where(Release.status == status)
    touched: dict[uuid.UUID, tuple[Release, list[str]]] = {}
    for release, item_key in await session.execute(stmt):
        touched.setdefault(release.id, (release, []))[1].append(item_key)
    return list(touched.values())


async def page_of_project(
    session: AsyncSession,
    *,
    project_key: str,
    status: str | None,
    version: str | None,
    sort: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[Release], str | None]:
    sort_key, order = parse_sort(sort, _SORTS, "-created")
    stmt = select(Release).where(Release.project_key == project_key)
    if status:
        stmt = stmt.where(Release.status == status)
    if version is not None:
        stmt = stmt.where(Release.semver == version)
    return await paginate(
        session, stmt, order=order, id_column=Release.id, limit=limit, cursor=cursor, sort_key=sort_key
    )


async def version_taken(session: AsyncSession, *, project_key: str, semver: str) -> bool:
    taken = await session.execute(
        select(Release.id).where(Release.project_key == project_key, Release.semver == semver)
    )
    return taken.first() is not None


async def add(session: AsyncSession, **fields: Any) -> Release:
    release = Release(**fields)
    session.add(release)
    await session.flush()
    return release


async def replace_scope_rows(session: AsyncSession, release: Release, keys: Sequence[str]) -> None:
    """The release's look-up rows by item, one per scope key."""
    await session.execute(delete(ReleaseScopeItem).where(ReleaseScopeItem.release_id == release.id))
    session.add_all(
        [ReleaseScopeItem(release_id=release.id, project_key=release.project_key, item_key=k) for k in keys]
    )


async def by_version(session: AsyncSession, project_key: str, version: str | None) -> Release | None:
    """The project's release with this version (none for no version)."""
    if not version:
        return None
    stmt = select(Release).where(Release.project_key == project_key, Release.semver == version)
    return (await session.execute(stmt)).scalar_one_or_none()


async def the_only_one(
    session: AsyncSession,
    project_key: str,
    *,
    repository: str | None = None,
    status_in: Sequence[str] = (),
    not_in: Sequence[str] = (),
) -> Release | None:
    """The project's one release that matches (of this repository, in or not in these states); none when
    there are none or several."""
    stmt = select(Release).where(Release.project_key == project_key)
    if repository is not None:
        stmt = stmt.where(Release.repository == repository)
    if status_in:
        stmt = stmt.where(Release.status.in_(status_in))
    if not_in:
        stmt = stmt.where(Release.status.not_in(not_in))
    rows = list((await session.execute(stmt.order_by(Release.id).limit(2))).scalars().all())
    return rows[0] if len(rows) == 1 else None


async def release_facts(session: AsyncSession, release_ids: set[uuid.UUID]) -> list[dict[str, Any]]:
    """What the gate's siblings are asked about each release: project, version, scope."""
    rows = await session.execute(
        select(Release.id, Release.project_key, Release.semver, Release.scope).where(
            Release.id.in_(release_ids)
        )
    )
    return [
        {"release_id": r.id, "project_key": r.project_key, "version": r.semver, "scope": list(r.scope)}
        for r in rows
    ]


async def release_versions(session: AsyncSession, release_ids: set[uuid.UUID]) -> dict[uuid.UUID, str]:
    return dict(
        (await session.execute(select(Release.id, Release.semver).where(Release.id.in_(release_ids)))).all()
    )


async def release_for_update(session: AsyncSession, release_id: uuid.UUID) -> Release:
    """The release, locked for the rest of the transaction (a rollout's move changes it)."""
    stmt = select(Release).where(Release.id == release_id).with_for_update()
    return (await session.execute(stmt.execution_options(populate_existing=True))).scalar_one()
