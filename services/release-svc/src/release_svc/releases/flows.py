"""What a release orchestrates across domains: creating it seeds its checklist; its transitions (the
state machine checks verifications before `released`); review decisions move it; its state gates
checklist growth. Imports run from here to checklist, approvals and verification, never back."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import events, history
from tpmhub_shared.auth import PLANNERS, Principal, ensure_role
from tpmhub_shared.concurrency import lock_and_check
from tpmhub_shared.http import SiblingClient
from tpmhub_shared.ids import utcnow
from tpmhub_shared.problems import Conflict, InvalidTransition

from release_svc.approvals import service as approvals
from release_svc.checklist import service as checklist
from release_svc.checklist.models import ChecklistItem
from release_svc.checklist.schemas import ChecklistItemCreate
from release_svc.releases import service
from release_svc.releases.models import Release
from release_svc.releases.schemas import ReleaseCreate, ReleaseUpdate
from release_svc.releases.service import ACTION_ROLES, RESOURCE, SOURCE, TRANSITIONS, allowed_actions
from release_svc.verification import repository as verifications

# ---- create / update -------------------------------------------------------------------------------------


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


async def update_release(
    session: AsyncSession,
    *,
    principal: Principal,
    release_id: uuid.UUID,
    patch: ReleaseUpdate,
    if_match: str | None,
    requirements: SiblingClient,
) -> Release:
    """A merge patch; a plan change reopens an approved release's review, or starts a new round of one
    under review."""
    release, plan_change = await service.apply_update(
        session,
        principal=principal,
        release_id=release_id,
        patch=patch,
        if_match=if_match,
        requirements=requirements,
    )
    if plan_change:
        reason = f"plan changed ({', '.join(sorted(plan_change))})"
        if release.status == "approved":
            await transition(
                session, principal=principal, release=release, action="reopen_review", reason=reason
            )
        elif release.status == "in_review":
            # Approvals given so far covered the old plan: a new review round starts.
            release.review_round += 1
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


# ---- state machine ---------------------------------------------------------------------------------------


async def transition(
    session: AsyncSession,
    *,
    principal: Principal,
    release: Release,
    action: str,
    reason: str | None = None,
    data: dict | None = None,
) -> Release:
    """Move a release by one action: 409 listing the allowed actions when the current state forbids it.
    Records history and emits `release.<to_state>` in the caller's transaction."""
    sources, target = TRANSITIONS[action]
    if release.status not in sources:
        raise InvalidTransition(action, release.status, allowed_actions(release.status))
    extra: dict[str, Any] = dict(data or {})
    if action == "submit" and len(release.approvers) < release.required_approvals:
        raise Conflict(
            f"Submitting needs at least {release.required_approvals} approver(s); "
            f"{len(release.approvers)} listed.",
            action=action,
        )
    if action == "mark_released":
        failed = await verifications.failed_ids(session, release.id)
        if failed:
            raise Conflict(
                f"{len(failed)} failed verification(s) block the release.",
                action=action,
                failed_verifications=[str(f) for f in failed],
            )
        extra.update(items=list(release.scope), released_at=utcnow())
    if target == "in_review":
        release.review_round += 1
    before = release.status
    release.status = target
    await history.record(
        session,
        principal=principal,
        project_key=release.project_key,
        resource_type=RESOURCE,
        resource_id=release.id,
        action=action,
        before={"status": before},
        after={"status": target},
        note=reason,
    )
    events.emit(
        session,
        source=SOURCE,
        type=f"release.{target}",
        subject=str(release.id),
        project_key=release.project_key,
        data={
            "release_id": release.id,
            "project_key": release.project_key,
            "version": release.semver,
            "from": before,
            "to": target,
            "action": action,
            "by": principal.sub,
            "reason": reason,
            **extra,
        },
    )
    await session.flush()
    return release


async def act(
    session: AsyncSession,
    *,
    principal: Principal,
    release_id: uuid.UUID,
    action: str,
    reason: str | None,
    if_match: str | None,
) -> Release:
    release = await service.get_release(session, principal=principal, release_id=release_id)
    ensure_role(principal, release.project_key, ACTION_ROLES[action], action=action.replace("_", " "))
    await lock_and_check(session, release, if_match)
    return await transition(session, principal=principal, release=release, action=action, reason=reason)


# ---- review ----------------------------------------------------------------------------------------------


async def decide_approval(
    session: AsyncSession, *, principal: Principal, release_id: uuid.UUID, decision: str, comment: str
) -> Release:
    """A listed approver's decision under review: N of M approvals approve the release, one rejection
    sends it back to draft."""
    release = await service.get_release(session, principal=principal, release_id=release_id)
    approvals.ensure_approver(principal, release)
    action = "approve" if decision == "approve" else "request_changes"
    if release.status != "in_review":
        raise InvalidTransition(action, release.status, allowed_actions(release.status))
    approved = await approvals.record_decision(
        session, principal=principal, release=release, decision=decision, comment=comment
    )
    if decision == "reject":
        await transition(
            session,
            principal=principal,
            release=release,
            action="request_changes",
            reason=comment or "rejected in review",
        )
    elif len(approved & set(release.approvers)) >= release.required_approvals:
        await transition(
            session,
            principal=principal,
            release=release,
            action="approve",
            reason=f"{len(approved)} of {len(release.approvers)} approvers approved",
            data={"approved_by": sorted(approved)},
        )
    else:
        release.updated_at = utcnow()  # bumps the version: the ETag tells clients the approvals changed
    await session.flush()
    return release
