"""Release rules and transactions: the plan (scope, DAG of steps, approvers), review and approvals, the
state machine, go/no-go checklist, freeze windows and their exceptions."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import events, history
from tpmhub_shared.auth import PLANNERS, Principal, ensure_read, ensure_role, visible
from tpmhub_shared.concurrency import check_if_match, lock_and_check
from tpmhub_shared.contracts import (
    ReleaseLookupEntry,
    ReleaseLookupResponse,
    ReleaseScopeResult,
    ReleaseTouched,
)
from tpmhub_shared.http import SiblingClient
from tpmhub_shared.ids import utcnow
from tpmhub_shared.pagination import paginate, parse_sort
from tpmhub_shared.patching import merge_patch
from tpmhub_shared.problems import (
    Conflict,
    Forbidden,
    InvalidTransition,
)

from release_svc.releases.models import Release, ReleaseApproval, ReleaseScopeItem
from release_svc.releases.plan import check_approvers, plan_levels, validate_scope
from release_svc.releases.repository import RESOURCE
from release_svc.releases.schemas import PlanStep, ReleaseCreate, ReleaseUpdate

SOURCE = "/tpmhub/release-svc"
_SORTS = {"created": Release.created_at, "target_date": Release.target_date, "version": Release.semver}
# Who may move a release through deployment (CI pipelines included).
DEPLOYERS = frozenset({"admin", "pm", "tpm", "engineer", "ci"})
# Fields whose change after approval means the approval no longer covers the release.
PLAN_FIELDS = frozenset({"scope", "steps", "approvers", "required_approvals"})
EDITABLE_STATES = frozenset({"draft", "in_review", "approved"})


# ---- reads -----------------------------------------------------------------------------------------------


async def get_release(session: AsyncSession, *, principal: Principal, release_id: uuid.UUID) -> Release:
    release = await session.get(Release, release_id)
    return visible(principal, release, f"Release {release_id} does not exist.")


async def lookup_releases(
    session: AsyncSession, *, principal: Principal, ids: Sequence[uuid.UUID]
) -> ReleaseLookupResponse:
    """Many releases in one query (only the columns the answer needs), in the order asked, each once;
    unknown ids and releases of projects the caller may not read are `missing`."""
    wanted = list(dict.fromkeys(ids))
    found: dict[uuid.UUID, ReleaseLookupEntry] = {}
    if wanted:
        columns = (Release.id, Release.project_key, Release.semver, Release.status)
        rows = await session.execute(select(*columns).where(Release.id.in_(wanted)))
        found = {
            r.id: ReleaseLookupEntry(id=r.id, project_key=r.project_key, version=r.semver, status=r.status)
            for r in rows
            if principal.can_read(r.project_key)
        }
    return ReleaseLookupResponse(
        releases=[found[i] for i in wanted if i in found], missing=[i for i in wanted if i not in found]
    )


async def releases_touching(
    session: AsyncSession, *, project_key: str, item_keys: Sequence[str], status: str | None = None
) -> list[tuple[Release, list[str]]]:
    """Releases of the project whose scope holds any of the items, newest first, each with the items it
    holds (sorted): one indexed query. The change-request impact query and the `change_request.approved`
    handler both use it, so the impact predicts what the approval does."""
    keys = sorted(set(item_keys))
    if not keys:
        return []
    stmt = (
        select(Release, ReleaseScopeItem.item_key)
        .join(ReleaseScopeItem, ReleaseScopeItem.release_id == Release.id)
        .where(ReleaseScopeItem.project_key == project_key, ReleaseScopeItem.item_key.in_(keys))
        .order_by(Release.id.desc(), ReleaseScopeItem.item_key)
    )
    if status is not None:
        stmt = stmt.where(Release.status == status)
    touched: dict[uuid.UUID, tuple[Release, list[str]]] = {}
    for release, item_key in await session.execute(stmt):
        touched.setdefault(release.id, (release, []))[1].append(item_key)
    return list(touched.values())


# An approved change request sends approved releases touching its items back to review.
REOPENED_BY_CHANGE = "approved"


async def query_scope(
    session: AsyncSession, *, principal: Principal, project_key: str, item_keys: Sequence[str]
) -> ReleaseScopeResult:
    ensure_read(principal, project_key)
    rows = await releases_touching(session, project_key=project_key, item_keys=item_keys)
    return ReleaseScopeResult(
        releases=[
            ReleaseTouched(
                id=r.id,
                version=r.semver,
                status=r.status,
                items=items,
                back_to_review=r.status == REOPENED_BY_CHANGE,
            )
            for r, items in rows
        ]
    )


async def list_releases(
    session: AsyncSession,
    *,
    principal: Principal,
    project_key: str,
    status: str | None,
    sort: str | None,
    limit: int,
    cursor: str | None,
    version: str | None = None,
) -> tuple[list[Release], str | None]:
    ensure_read(principal, project_key)
    sort_key, order = parse_sort(sort, _SORTS, "-created")
    stmt = select(Release).where(Release.project_key == project_key)
    if status:
        stmt = stmt.where(Release.status == status)
    if version is not None:
        stmt = stmt.where(Release.semver == version)
    return await paginate(
        session, stmt, order=order, id_column=Release.id, limit=limit, cursor=cursor, sort_key=sort_key
    )


async def _replace_scope_rows(session: AsyncSession, release: Release, keys: Sequence[str]) -> None:
    await session.execute(delete(ReleaseScopeItem).where(ReleaseScopeItem.release_id == release.id))
    session.add_all(
        [ReleaseScopeItem(release_id=release.id, project_key=release.project_key, item_key=k) for k in keys]
    )


# ---- create / update -------------------------------------------------------------------------------------


async def add_release(
    session: AsyncSession,
    *,
    principal: Principal,
    project_key: str,
    data: ReleaseCreate,
    requirements: SiblingClient,
) -> Release:
    """A new draft release with its scope rows, its plan checked; the creation is recorded by
    `record_created` once its checklist is seeded (`flows.create_release`)."""
    ensure_role(principal, project_key, PLANNERS, action="create a release")
    plan_levels(data.steps)
    check_approvers(data.approvers)
    # The sibling call comes before the first statement, so no database lock is held while waiting.
    await validate_scope(requirements, data.scope)
    taken = await session.execute(
        select(Release.id).where(Release.project_key == project_key, Release.semver == data.version)
    )
    if taken.first() is not None:
        raise Conflict(f"Release {data.version} already exists in {project_key}.")
    release = Release(
        project_key=project_key,
        created_by=principal.sub,
        semver=data.version,
        **data.model_dump(exclude={"version", "steps"}),
        steps=[s.model_dump(mode="json") for s in data.steps],
    )
    session.add(release)
    await session.flush()
    await _replace_scope_rows(session, release, data.scope)
    return release


async def record_created(session: AsyncSession, *, principal: Principal, release: Release) -> None:
    await history.record(
        session,
        principal=principal,
        project_key=release.project_key,
        resource_type=RESOURCE,
        resource_id=release.id,
        action="create",
        after=history.snapshot(release),
    )


async def update_release(
    session: AsyncSession,
    *,
    principal: Principal,
    release_id: uuid.UUID,
    patch: ReleaseUpdate,
    if_match: str | None,
    requirements: SiblingClient,
) -> Release:
    release = await get_release(session, principal=principal, release_id=release_id)
    ensure_role(principal, release.project_key, PLANNERS, action="edit a release")
    check_if_match(if_match, release.version)
    if patch.steps is not None:
        plan_levels(patch.steps)
    if patch.approvers is not None:
        check_approvers(patch.approvers)
    if patch.scope is not None and patch.scope != release.scope:
        # Who may edit and whether the copy is fresh are settled before asking requirements-svc.
        await validate_scope(requirements, patch.scope)
    # Checked again on the row under the lock, taken only now: no row lock waits on requirements-svc.
    await lock_and_check(session, release, if_match)
    before = history.snapshot(release)
    sent = patch.model_fields_set
    new_values = {
        f: history.jsonable(
            [s.model_dump(mode="json") for s in patch.steps]
            if f == "steps" and patch.steps is not None
            else getattr(patch, f)
        )
        for f in PLAN_FIELDS & sent
    }
    plan_change = {f for f, v in new_values.items() if v != before.get(f)}
    if plan_change and release.status not in EDITABLE_STATES:
        raise Conflict(
            f"The plan of a release in '{release.status}' cannot change ({', '.join(sorted(plan_change))}).",
            state=release.status,
        )
    merge_patch(
        release, patch, required={"name", "description", "scope", "steps", "approvers", "required_approvals"}
    )
    if patch.steps is not None:
        release.steps = [s.model_dump(mode="json") for s in patch.steps]
    if "scope" in plan_change:
        await _replace_scope_rows(session, release, release.scope)
    await history.record(
        session,
        principal=principal,
        project_key=release.project_key,
        resource_type=RESOURCE,
        resource_id=release.id,
        action="update",
        before=before,
        after=history.snapshot(release),
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


def release_plan(release: Release) -> list[list[PlanStep]]:
    return plan_levels([PlanStep.model_validate(s) for s in release.steps])


# ---- state machine ---------------------------------------------------------------------------------------

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


async def failed_verifications(session: AsyncSession, release_id: uuid.UUID) -> list[uuid.UUID]:
    from release_svc.verification.models import Verification

    rows = await session.execute(
        select(Verification.id).where(Verification.release_id == release_id, Verification.result == "failed")
    )
    return [r[0] for r in rows]


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
        failed = await failed_verifications(session, release.id)
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


# Who may take each action through the API (the state machine itself does not check roles).
ACTION_ROLES: dict[str, frozenset[str]] = {
    "submit": PLANNERS,
    "reopen_review": PLANNERS,
    "cancel": PLANNERS,
    "start_deploy": DEPLOYERS,
    "start_verification": DEPLOYERS,
    "roll_back": DEPLOYERS,
    "mark_released": PLANNERS | {"qa"},
}


async def act(
    session: AsyncSession,
    *,
    principal: Principal,
    release_id: uuid.UUID,
    action: str,
    reason: str | None,
    if_match: str | None,
) -> Release:
    release = await get_release(session, principal=principal, release_id=release_id)
    ensure_role(principal, release.project_key, ACTION_ROLES[action], action=action.replace("_", " "))
    await lock_and_check(session, release, if_match)
    return await transition(session, principal=principal, release=release, action=action, reason=reason)


# ---- approvals -------------------------------------------------------------------------------------------


async def round_approvals(session: AsyncSession, release: Release) -> list[ReleaseApproval]:
    rows = await session.execute(
        select(ReleaseApproval)
        .where(
            ReleaseApproval.release_id == release.id,
            ReleaseApproval.review_round == release.review_round,
        )
        .order_by(ReleaseApproval.at, ReleaseApproval.id)
    )
    return list(rows.scalars())


async def decide_approval(
    session: AsyncSession, *, principal: Principal, release_id: uuid.UUID, decision: str, comment: str
) -> Release:
    release = await get_release(session, principal=principal, release_id=release_id)
    if principal.sub not in release.approvers:
        raise Forbidden(
            f"{principal.sub} is not an approver of release {release.semver}.", approvers=release.approvers
        )
    action = "approve" if decision == "approve" else "request_changes"
    if release.status != "in_review":
        raise InvalidTransition(action, release.status, allowed_actions(release.status))
    existing = await round_approvals(session, release)
    if any(a.approver == principal.sub for a in existing):
        raise Conflict(f"{principal.sub} already decided in review round {release.review_round}.")
    approval = ReleaseApproval(
        release_id=release.id,
        project_key=release.project_key,
        review_round=release.review_round,
        approver=principal.sub,
        decision=decision,
        comment=comment,
    )
    session.add(approval)
    await history.record(
        session,
        principal=principal,
        project_key=release.project_key,
        resource_type=RESOURCE,
        resource_id=release.id,
        action=f"review_{decision}",
        after={"review_round": release.review_round, "decision": decision},
        note=comment or None,
    )
    approved = {a.approver for a in existing if a.decision == "approve"} | (
        {principal.sub} if decision == "approve" else set()
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
