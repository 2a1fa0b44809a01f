"""Release rules and transactions: the plan (scope, DAG of steps, approvers), review and approvals, the
state machine, go/no-go checklist, freeze windows and their exceptions."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError
from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import events, history
from tpmhub_shared.auth import CONTRIBUTORS, PLANNERS, Principal, ensure_read, ensure_role, visible
from tpmhub_shared.concurrency import check_if_match, lock_and_check
from tpmhub_shared.contracts import (
    ItemLookupRequest,
    ItemLookupResponse,
    ReleaseLookupEntry,
    ReleaseLookupResponse,
    ReleaseScopeResult,
    ReleaseTouched,
)
from tpmhub_shared.http import SiblingClient, SiblingError
from tpmhub_shared.ids import utcnow
from tpmhub_shared.pagination import paginate, parse_sort
from tpmhub_shared.patching import merge_patch
from tpmhub_shared.problems import (
    Conflict,
    Forbidden,
    InvalidTransition,
    NotFound,
    ServiceUnavailable,
    UnprocessableEntity,
    field_error,
)

from release_svc.releases.models import (
    ChecklistItem,
    ChecklistTemplate,
    Release,
    ReleaseApproval,
    ReleaseScopeItem,
)
from release_svc.releases.schemas import (
    ChecklistItemCreate,
    ChecklistItemUpdate,
    ChecklistTemplateItem,
    PlanStep,
    ReleaseCreate,
    ReleaseUpdate,
)

RESOURCE = "release"
CHECKLIST_ITEM = "checklist_item"
SOURCE = "/tpmhub/release-svc"
_SORTS = {"created": Release.created_at, "target_date": Release.target_date, "version": Release.semver}
# Who may move a release through deployment (CI pipelines included).
DEPLOYERS = frozenset({"admin", "pm", "tpm", "engineer", "ci"})
CHECKLIST_EDITORS = CONTRIBUTORS | {"ci"}
# Fields whose change after approval means the approval no longer covers the release.
PLAN_FIELDS = frozenset({"scope", "steps", "approvers", "required_approvals"})
EDITABLE_STATES = frozenset({"draft", "in_review", "approved"})
MAX_CHECKLIST_ITEMS = 200

DEFAULT_CHECKLIST: list[dict[str, Any]] = [
    {"code": "pressure_test", "title": "Pressure test", "owner": None},
    {"code": "monitoring_alerts", "title": "Monitoring and alerts", "owner": None},
    {"code": "reconciliation", "title": "Reconciliation (对账)", "owner": None},
    {"code": "rollback_rehearsal", "title": "Rollback rehearsal", "owner": None},
    {"code": "data_migration_dry_run", "title": "Data-migration dry run", "owner": None},
    {"code": "online_trial_plan", "title": "Online-trial plan (线上试单)", "owner": None},
]


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


# ---- plan validation -------------------------------------------------------------------------------------


def _duplicates(values: Sequence[str]) -> list[str]:
    seen: set[str] = set()
    dupes: list[str] = []
    for v in values:
        if v in seen and v not in dupes:
            dupes.append(v)
        seen.add(v)
    return dupes


def plan_levels(steps: Sequence[PlanStep]) -> list[list[PlanStep]]:
    """Kahn's algorithm: steps grouped by level (a level depends only on earlier levels), in input order
    within a level. 422 naming duplicate names, unknown dependencies, or a cycle (as a path)."""
    names = [s.name for s in steps]
    dupes = _duplicates(names)
    if dupes:
        raise UnprocessableEntity(
            f"Step names must be unique: {', '.join(dupes)}.",
            duplicate_steps=dupes,
            errors=[field_error("body.steps", f"duplicate step name '{d}'", "step_duplicate") for d in dupes],
        )
    by_name = {s.name: s for s in steps}
    unknown = [(s.name, d) for s in steps for d in s.depends_on if d not in by_name]
    if unknown:
        raise UnprocessableEntity(
            "Unknown dependencies: " + ", ".join(f"{s} → {d}" for s, d in unknown) + ".",
            unknown_dependencies=[{"step": s, "depends_on": d} for s, d in unknown],
            errors=[
                field_error(
                    f"body.steps.{names.index(s)}.depends_on",
                    f"unknown step '{d}'",
                    "step_unknown_dependency",
                )
                for s, d in unknown
            ],
        )
    indegree = {s.name: len(set(s.depends_on)) for s in steps}
    dependents: dict[str, list[str]] = {n: [] for n in names}
    for s in steps:
        for d in set(s.depends_on):
            dependents[d].append(s.name)
    levels: list[list[PlanStep]] = []
    ready = [n for n in names if indegree[n] == 0]
    done = 0
    while ready:
        levels.append([by_name[n] for n in ready])
        done += len(ready)
        nxt: list[str] = []
        for n in ready:
            for m in dependents[n]:
                indegree[m] -= 1
                if indegree[m] == 0:
                    nxt.append(m)
        ready = sorted(nxt, key=names.index)
    if done != len(steps):
        cycle = _find_cycle({n: by_name[n].depends_on for n in names if indegree[n] > 0})
        path = " → ".join([*cycle, cycle[0]])
        raise UnprocessableEntity(
            f"The plan has a dependency cycle: {path}.",
            cycle=cycle,
            errors=[field_error("body.steps", f"dependency cycle {path}", "step_cycle")],
        )
    return levels


def _find_cycle(graph: dict[str, list[str]]) -> list[str]:
    """One cycle among the steps Kahn's algorithm could not order (every one of them is on or behind one)."""
    start = next(iter(graph))
    path: list[str] = []
    seen: dict[str, int] = {}
    node = start
    while node not in seen:
        seen[node] = len(path)
        path.append(node)
        node = next(d for d in graph[node] if d in graph)
    return path[seen[node] :]


async def validate_scope(client: SiblingClient, keys: Sequence[str]) -> None:
    """One batch call to requirements-svc; 422 naming unknown items, 503 when it cannot answer."""
    dupes = _duplicates(keys)
    if dupes:
        raise UnprocessableEntity(
            f"Scope lists items twice: {', '.join(dupes)}.",
            errors=[field_error("body.scope", f"duplicate item '{d}'", "scope_duplicate") for d in dupes],
        )
    if not keys:
        return
    try:
        body = await client.post_json(
            "/v1/items/lookup", ItemLookupRequest(keys=list(keys)).model_dump(mode="json"), idempotent=True
        )
        result = ItemLookupResponse.model_validate(body)
    except SiblingError as exc:
        raise ServiceUnavailable(
            f"Cannot validate the scope: {exc.service} {exc.reason}.", sibling=exc.service
        ) from exc
    except ValidationError as exc:
        raise ServiceUnavailable(
            "Cannot validate the scope: requirements-svc answered an unexpected body.",
            sibling="requirements-svc",
        ) from exc
    if result.missing:
        raise UnprocessableEntity(
            f"Unknown scope items: {', '.join(result.missing)}.",
            unknown_items=result.missing,
            errors=[
                field_error("body.scope", f"item '{k}' does not exist", "scope_unknown_item")
                for k in result.missing
            ],
        )


def _check_approvers(approvers: Sequence[str]) -> None:
    dupes = _duplicates(approvers)
    if dupes:
        raise UnprocessableEntity(
            f"Approvers listed twice: {', '.join(dupes)}.",
            errors=[
                field_error("body.approvers", f"duplicate approver '{d}'", "approver_duplicate")
                for d in dupes
            ],
        )


async def _replace_scope_rows(session: AsyncSession, release: Release, keys: Sequence[str]) -> None:
    await session.execute(delete(ReleaseScopeItem).where(ReleaseScopeItem.release_id == release.id))
    session.add_all(
        [ReleaseScopeItem(release_id=release.id, project_key=release.project_key, item_key=k) for k in keys]
    )


# ---- create / update -------------------------------------------------------------------------------------


async def checklist_template(session: AsyncSession, project_key: str) -> tuple[list[dict[str, Any]], bool]:
    row = (
        await session.execute(select(ChecklistTemplate).where(ChecklistTemplate.project_key == project_key))
    ).scalar_one_or_none()
    if row is None:
        return [dict(i) for i in DEFAULT_CHECKLIST], True
    return list(row.items), False


async def create_release(
    session: AsyncSession,
    *,
    principal: Principal,
    project_key: str,
    data: ReleaseCreate,
    requirements: SiblingClient,
) -> Release:
    ensure_role(principal, project_key, PLANNERS, action="create a release")
    plan_levels(data.steps)
    _check_approvers(data.approvers)
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
    template, is_default = await checklist_template(session, project_key)
    seeded = [
        ChecklistItem(
            release_id=release.id,
            project_key=project_key,
            position=i,
            code=t.get("code"),
            title=t["title"],
            owner=t.get("owner"),
        )
        for i, t in enumerate(template)
    ]
    session.add_all(seeded)
    for item in seeded:
        await history.record(
            session,
            principal=principal,
            project_key=project_key,
            resource_type=CHECKLIST_ITEM,
            resource_id=item.id,
            action="create",
            after=history.snapshot(item),
            note="seeded from the default checklist" if is_default else "seeded from the project's template",
        )
    await history.record(
        session,
        principal=principal,
        project_key=project_key,
        resource_type=RESOURCE,
        resource_id=release.id,
        action="create",
        after=history.snapshot(release),
    )
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
    release = await get_release(session, principal=principal, release_id=release_id)
    ensure_role(principal, release.project_key, PLANNERS, action="edit a release")
    check_if_match(if_match, release.version)
    if patch.steps is not None:
        plan_levels(patch.steps)
    if patch.approvers is not None:
        _check_approvers(patch.approvers)
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


# ---- checklist -------------------------------------------------------------------------------------------


async def get_checklist_template(
    session: AsyncSession, *, principal: Principal, project_key: str
) -> tuple[list[dict[str, Any]], bool]:
    ensure_read(principal, project_key)
    return await checklist_template(session, project_key)


async def put_checklist_template(
    session: AsyncSession, *, principal: Principal, project_key: str, items: list[ChecklistTemplateItem]
) -> list[dict[str, Any]]:
    ensure_role(principal, project_key, PLANNERS, action="edit the checklist template")
    codes = [i.code for i in items if i.code]
    dupes = _duplicates(codes)
    if dupes:
        raise UnprocessableEntity(
            f"Checklist codes must be unique: {', '.join(dupes)}.",
            errors=[field_error("body.items", f"duplicate code '{d}'", "code_duplicate") for d in dupes],
        )
    row = (
        await session.execute(select(ChecklistTemplate).where(ChecklistTemplate.project_key == project_key))
    ).scalar_one_or_none()
    new_items = [i.model_dump(mode="json") for i in items]
    before = {"items": row.items} if row else {"items": DEFAULT_CHECKLIST}
    if row is None:
        row = ChecklistTemplate(project_key=project_key, items=new_items)
        session.add(row)
    else:
        row.items = new_items
    await history.record(
        session,
        principal=principal,
        project_key=project_key,
        resource_type="checklist_template",
        resource_id=project_key,
        action="update",
        before=before,
        after={"items": new_items},
    )
    await session.flush()
    return new_items


async def list_checklist(
    session: AsyncSession, *, principal: Principal, release_id: uuid.UUID
) -> list[ChecklistItem]:
    await get_release(session, principal=principal, release_id=release_id)
    rows = await session.execute(
        select(ChecklistItem)
        .where(ChecklistItem.release_id == release_id)
        .order_by(ChecklistItem.position, ChecklistItem.id)
    )
    return list(rows.scalars())


async def add_checklist_item(
    session: AsyncSession, *, principal: Principal, release_id: uuid.UUID, data: ChecklistItemCreate
) -> ChecklistItem:
    release = await get_release(session, principal=principal, release_id=release_id)
    ensure_role(principal, release.project_key, PLANNERS, action="add checklist items")
    if release.status not in EDITABLE_STATES:
        raise Conflict(f"The checklist of a release in '{release.status}' cannot grow.", state=release.status)
    last, count = (
        await session.execute(
            select(func.max(ChecklistItem.position), func.count()).where(
                ChecklistItem.release_id == release_id
            )
        )
    ).one()
    if count >= MAX_CHECKLIST_ITEMS:
        raise Conflict(f"A release has at most {MAX_CHECKLIST_ITEMS} checklist items.")
    item = ChecklistItem(
        release_id=release.id,
        project_key=release.project_key,
        position=(last if last is not None else -1) + 1,
        **data.model_dump(),
    )
    session.add(item)
    await history.record(
        session,
        principal=principal,
        project_key=release.project_key,
        resource_type=CHECKLIST_ITEM,
        resource_id=item.id,
        action="create",
        after=history.snapshot(item),
    )
    await session.flush()
    return item


def _checklist_action(was: str, now: str) -> str:
    """`tick` (→ done), `untick` (done → pending), else a status name (`fail`, `waive`, `reset`) or
    `update` when only owner, evidence or note changed."""
    if was == now:
        return "update"
    if now == "done":
        return "tick"
    if was == "done" and now == "pending":
        return "untick"
    return {"failed": "fail", "waived": "waive", "pending": "reset"}[now]


async def get_checklist_item(
    session: AsyncSession, *, principal: Principal, release_id: uuid.UUID, item_id: uuid.UUID
) -> ChecklistItem:
    """An item of a release the caller may read; another release's item (or project's) is missing."""
    release = await get_release(session, principal=principal, release_id=release_id)
    item = await session.get(ChecklistItem, item_id)
    if item is None or item.release_id != release.id:
        raise NotFound(f"Checklist item {item_id} does not exist on release {release_id}.")
    return item


async def update_checklist_item(
    session: AsyncSession,
    *,
    principal: Principal,
    release_id: uuid.UUID,
    item_id: uuid.UUID,
    patch: ChecklistItemUpdate,
    if_match: str | None,
) -> ChecklistItem:
    item = await get_checklist_item(session, principal=principal, release_id=release_id, item_id=item_id)
    release = await get_release(session, principal=principal, release_id=release_id)
    allowed = PLANNERS if patch.status == "waived" else CHECKLIST_EDITORS
    ensure_role(
        principal,
        release.project_key,
        allowed,
        action="waive a checklist item" if patch.status == "waived" else "update the checklist",
    )
    await lock_and_check(session, item, if_match)
    if patch.status == "done" and not (patch.evidence_url or item.evidence_url):
        raise UnprocessableEntity(
            "An item is done with evidence: send evidence_url.",
            errors=[field_error("body.evidence_url", "required when status is done", "evidence_required")],
        )
    before = history.snapshot(item)
    was = item.status
    merge_patch(item, patch, required={"status", "note"})
    if item.status == "done" and was != "done":
        item.done_by, item.done_at = principal.sub, utcnow()
    elif item.status != "done":
        # done_by/done_at describe the current tick only; the history keeps who ticked it before.
        item.done_by = item.done_at = None
    await history.record(
        session,
        principal=principal,
        project_key=release.project_key,
        resource_type=CHECKLIST_ITEM,
        resource_id=item.id,
        action=_checklist_action(was, item.status),
        before=before,
        after=history.snapshot(item),
    )
    await session.flush()
    return item
