"""Verification rules: results are recorded while a release is deploying or verifying; a failed one
blocks `released` (enforced by the release state machine)."""

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import history
from tpmhub_shared.auth import CONTRIBUTORS, Principal, ensure_role, visible
from tpmhub_shared.concurrency import lock_and_check
from tpmhub_shared.ids import utcnow
from tpmhub_shared.pagination import paginate
from tpmhub_shared.patching import merge_patch
from tpmhub_shared.problems import Conflict

from release_svc.environments.service import resolve_environment
from release_svc.releases.service import get_release
from release_svc.verification.models import Verification
from release_svc.verification.schemas import VerificationCreate, VerificationUpdate

RESOURCE = "verification"
VERIFIERS = CONTRIBUTORS | {"ci"}
OPEN_STATES = frozenset({"deploying", "verifying"})


async def create_verification(
    session: AsyncSession, *, principal: Principal, release_id: uuid.UUID, data: VerificationCreate
) -> Verification:
    release = await get_release(session, principal=principal, release_id=release_id)
    ensure_role(principal, release.project_key, VERIFIERS, action="record a verification")
    if release.status not in OPEN_STATES:
        raise Conflict(
            f"Verifications are recorded while deploying or verifying; the release is '{release.status}'.",
            state=release.status,
        )
    environment = await resolve_environment(
        session, release.project_key, data.environment, loc="body.environment"
    )
    row = Verification(
        release_id=release.id,
        project_key=release.project_key,
        verified_by=principal.sub,
        **data.model_dump(mode="json", exclude={"environment"}),
        environment=environment,
    )
    session.add(row)
    await history.record(
        session,
        principal=principal,
        project_key=release.project_key,
        resource_type=RESOURCE,
        resource_id=row.id,
        action="create",
        after=history.snapshot(row),
    )
    await session.flush()
    return row


async def update_verification(
    session: AsyncSession,
    *,
    principal: Principal,
    verification_id: uuid.UUID,
    patch: VerificationUpdate,
    if_match: str | None,
) -> Verification:
    row = await get_verification(session, principal=principal, verification_id=verification_id)
    ensure_role(principal, row.project_key, VERIFIERS, action="update a verification")
    release = await get_release(session, principal=principal, release_id=row.release_id)
    if release.status not in OPEN_STATES:
        raise Conflict(
            f"The release is '{release.status}'; its verifications are final.", state=release.status
        )
    await lock_and_check(session, row, if_match)
    before = history.snapshot(row)
    merge_patch(row, patch, required={"result", "evidence"})
    row.verified_by = principal.sub
    row.verified_at = utcnow()
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


async def get_verification(
    session: AsyncSession, *, principal: Principal, verification_id: uuid.UUID
) -> Verification:
    row = await session.get(Verification, verification_id)
    return visible(principal, row, f"Verification {verification_id} does not exist.")


async def list_verifications(
    session: AsyncSession,
    *,
    principal: Principal,
    release_id: uuid.UUID,
    result: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[Verification], str | None]:
    await get_release(session, principal=principal, release_id=release_id)
    stmt = select(Verification).where(Verification.release_id == release_id)
    if result:
        stmt = stmt.where(Verification.result == result)
    return await paginate(
        session, stmt, order=[], id_column=Verification.id, limit=limit, cursor=cursor, sort_key="id"
    )
