"""Which release a CI event is about: by its explicit version, by its ref through the source's version
patterns, else the project's one open release of the repository (for a deployment, the one being deployed).
Reads the releases table directly (the releases domain has no repository yet)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from release_svc.ci_sources.models import CiSource
from release_svc.ci_sources.patterns import version_from_name
from release_svc.releases import repository as releases
from release_svc.releases.models import Release
from release_svc.webhooks.providers.facts import strip_ref

ACTIVE_RELEASE_STATES = ("approved", "deploying")
CLOSED_RELEASE_STATES = ("released", "rolled_back", "cancelled")


def version_from_ref(patterns: list[str], ref: str | None) -> str | None:
    """`release/{version}` + `release/1.4.0` → `1.4.0`; `*` matches anything; first pattern wins. Linear
    time in the ref's length (no backtracking); refs over 255 characters match nothing."""
    return version_from_name(patterns, strip_ref(ref))


async def match_release(
    session: AsyncSession, source: CiSource, *, ref: str | None, version: str | None, deploying: bool = False
) -> Release | None:
    """By explicit version; else by the ref through the source's patterns; else the project's one open
    release of this repository; for a deployment, else the project's one release being deployed."""
    release = await releases.by_version(session, source.project_key, version)
    release = release or await releases.by_version(
        session, source.project_key, version_from_ref(source.version_patterns, ref)
    )
    if release is None:
        release = await releases.the_only_one(
            session, source.project_key, repository=source.repository, not_in=CLOSED_RELEASE_STATES
        )
    if release is None and deploying:
        release = await releases.the_only_one(session, source.project_key, status_in=ACTIVE_RELEASE_STATES)
    return release
