"""Queries of release plans and their scope rows; other domains read releases through these."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.auth import Principal, visible

from release_svc.releases.models import Release

# The history resource type of a release.
RESOURCE = "release"


async def get(session: AsyncSession, release_id: uuid.UUID) -> Release | None:
    return await session.get(Release, release_id)


async def get_visible(session: AsyncSession, *, principal: Principal, release_id: uuid.UUID) -> Release:
    """The release if the caller may read its project; else the 404 of a release that does not exist."""
    return visible(principal, await get(session, release_id), f"Release {release_id} does not exist.")
