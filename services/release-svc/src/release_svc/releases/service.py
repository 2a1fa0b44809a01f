"""Release rules and transactions: reads, the plan (scope, DAG of steps, approvers), create and update,
and the state machine's table. Changes that reach other domains (the checklist seeded on create, the
transitions, review decisions) are in `flows`."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import history
from tpmhub_shared.auth import PLANNERS, Principal, ensure_read, ensure_role
from tpmhub_shared.concurrency import check_if_match, lock_and_check
from tpmhub_shared.contracts import (
    ReleaseScopeResult,
    ReleaseTouched,
)
from tpmhub_shared.fast_reads import encode, uuid_text, uuid_value
from tpmhub_shared.http import SiblingClient
from tpmhub_shared.patching import merge_patch
from tpmhub_shared.problems import Conflict

from release_svc.releases import repository
from release_svc.releases.models import Release
from release_svc.releases.plan import check_approvers, plan_levels, validate_scope
from release_svc.releases.repository import RESOURCE
from release_svc.releases.schemas import PlanStep, ReleaseCreate, ReleaseUpdate

SOURCE = "/tpmhub/release-svc"
# Who may move a release through deployment (CI pipelines included).
DEPLOYERS = frozenset({"admin", "pm", "tpm", "engineer", "ci"})
# Fields whose change after approval means the approval no longer covers the release.
PLAN_FIELDS = frozenset({"scope", "steps", "approvers", "required_approvals"})
EDITABLE_STATES = frozenset({"draft", "in_review", "approved"})


# ---- reads -----------------------------------------------------------------------------------------------


async def get_release(session: AsyncSession, *, principal: Principal, release_id: uuid.UUID) -> Release:
    return await repository.get_visible(session, principal=principal, release_id=release_id)


async def lookup_releases(session: AsyncSession, *, principal: Principal, ids: Sequence[uuid.UUID]) -> bytes:
    """Many releases in one fast read, answered as `ReleaseLookupResponse`'s bytes: in the order asked,
    each once; unknown ids and releases of projects the caller may not read are `missing`."""
    wanted = list(dict.fromkeys(ids))
    found: dict[uuid.UUID, dict[str, str]] = {}
    if wanted:
        for rid, project_key, semver, status in await repository.lookup_rows(session, wanted):
            if principal.can_read(project_key):
                found[uuid_value(rid)] = {
                    "id": uuid_text(rid),
                    "project_key": project_key,
                    "version": semver,
                    "status": status,
                }
    return encode(
        {
            "releases": [found[i] for i in wanted if i in found],
            "missing": [str(i) for i in wanted if i not in found],
        }
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
    return await repository.touching(session, project_key=project_key, item_keys=keys, status=status)


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
    return await repository.page_of_project(
        session,
        project_key=project_key,
        status=status,
        version=version,
        sort=sort,
        limit=limit,
        cursor=cursor,
    )


def release_plan(release: Release) -> list[list[PlanStep]]:
    return plan_levels([PlanStep.model_validate(s) for s in release.steps])


async def _replace_scope_rows(session: AsyncSession, release: Release, keys: Sequence[str]) -> None:
    await repository.replace_scope_rows(session, release, keys)


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
    if await repository.version_taken(session, project_key=project_key, semver=data.version):
        raise Conflict(f"Release {data.version} already exists in {project_key}.")
    release = await repository.add(
        session,
        project_key=project_key,
        created_by=principal.sub,
        semver=data.version,
        **data.model_dump(exclude={"version", "steps"}),
        steps=[s.model_dump(mode="json") for s in data.steps],
    )
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


async def apply_update(
    session: AsyncSession,
    *,
    principal: Principal,
    release_id: uuid.UUID,
    patch: ReleaseUpdate,
    if_match: str | None,
    requirements: SiblingClient,
) -> tuple[Release, set[str]]:
    """The patched release and the plan fields it changed; what a plan change does to the review is
    `flows.update_release`."""
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
    return release, plan_change


# ---- the state machine's table ---------------------------------------------------------------------------

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
