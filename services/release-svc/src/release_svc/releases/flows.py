"""What a release orchestrates across domains: creating it seeds its checklist; the release's state
gates changes to its checklist. The other domains never import the releases service: imports run from
here to them."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.auth import PLANNERS, Principal, ensure_role
from tpmhub_shared.http import SiblingClient
from tpmhub_shared.problems import Conflict

from release_svc.checklist import service as checklist
from release_svc.checklist.models import ChecklistItem
from release_svc.checklist.schemas import ChecklistItemCreate
from release_svc.releases import service
from release_svc.releases.models import Release
from release_svc.releases.schemas import ReleaseCreate


async def create_release(
    session: AsyncSession,
    *,
    principal: Principal,
    project_key: str,
    data: ReleaseCreate,
    requirements: SiblingClient,
) -> Release:
    """A draft release, its checklist seeded from the project's template."""
    release = await service.add_release(
        session, principal=principal, project_key=project_key, data=data, requirements=requirements
    )
    await checklist.seed_checklist(
        session, principal=principal, release_id=release.id, project_key=project_key
    )
    await service.record_created(session, principal=principal, release=release)
    await session.flush()
    return release


async def add_checklist_item(
    session: AsyncSession, *, principal: Principal, release_id: uuid.UUID, data: ChecklistItemCreate
) -> ChecklistItem:
    """An extra checklist item, while the release's plan may still change."""
    release = await service.get_release(session, principal=principal, release_id=release_id)
    ensure_role(principal, release.project_key, PLANNERS, action="add checklist items")
    if release.status not in service.EDITABLE_STATES:
        raise Conflict(f"The checklist of a release in '{release.status}' cannot grow.", state=release.status)
    return await checklist.add_item(session, principal=principal, release=release, data=data)
