"""Change request rules: impact analysis, decision by planners, the approval event, applying the change."""

from __future__ import annotations

import asyncio
import re
from typing import Any

from pydantic import ValidationError
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from tpmhub_shared import events, history
from tpmhub_shared.auth import CONTRIBUTORS, PLANNERS, Principal, ensure_read, ensure_role, ensure_visible
from tpmhub_shared.concurrency import lock_and_check
from tpmhub_shared.contracts import (
    ChangeRequestApproved,
    ReleaseScopeQuery,
    ReleaseScopeResult,
    RiskImpactQuery,
    RiskImpactResult,
)
from tpmhub_shared.http import SiblingClient, SiblingError
from tpmhub_shared.ids import utcnow
from tpmhub_shared.pagination import paginate, parse_sort
from tpmhub_shared.problems import InvalidTransition, NotFound, UnprocessableEntity, field_error

from requirements_svc.change_requests.models import ChangeRequest
from requirements_svc.change_requests.schemas import (
    ChangeRequestCreate,
    ChangeRequestUpdate,
    Decision,
    Impact,
    ImpactUnknown,
)
from requirements_svc.criteria import flows as criteria_flows
from requirements_svc.criteria import repository as criteria_repository
from requirements_svc.items.models import LIVE, Item
from requirements_svc.items.schemas import ItemUpdate
from requirements_svc.items.service import apply_patch
from requirements_svc.milestones.models import Milestone
from requirements_svc.projects.models import Project
from requirements_svc.projects.repository import get_project_row

RESOURCE = "change_request"
SOURCE = "/tpmhub/requirements-svc"
EVENT_APPROVED = "change_request.approved"
ACTIONS = {"proposed": ["approve", "reject"], "approved": ["apply"], "rejected": [], "applied": []}
KEY_RE = re.compile(r"^([A-Z][A-Z0-9]{1,9})-CR([1-9][0-9]{0,8})$")
_SORTS = {"created": ChangeRequest.number, "updated": ChangeRequest.updated_at}


async def get_change_request(session: AsyncSession, *, principal: Principal, key: str) -> ChangeRequest:
    match = KEY_RE.match(key)
    if match is None:
        raise NotFound(f"Change request {key} does not exist.")
    ensure_visible(principal, match.group(1), f"Change request {key} does not exist.")
    cr = (await session.execute(select(ChangeRequest).where(ChangeRequest.key == key))).scalar_one_or_none()
    if cr is None:
        raise NotFound(f"Change request {key} does not exist.")
    return cr


async def _validate_items(
    session: AsyncSession, project_key: str, affected: list[str], patches: dict[str, Any]
) -> dict[str, Item]:
    wanted = list(dict.fromkeys([*affected, *patches]))
    rows = (
        {i.key: i for i in (await session.execute(select(Item).where(Item.key.in_(wanted), LIVE))).scalars()}
        if wanted
        else {}
    )
    errors = [
        field_error(
            f"body.affected_items.{n}", f"item {k} does not exist in project {project_key}", "item_missing"
        )
        for n, k in enumerate(affected)
        if k not in rows or rows[k].project_key != project_key
    ]
    errors += [
        field_error(
            f"body.item_patches.{k}", f"item {k} does not exist in project {project_key}", "item_missing"
        )
        for k in patches
        if k not in rows or rows[k].project_key != project_key
    ]
    if errors:
        raise UnprocessableEntity("The change request names unknown items; nothing was saved.", errors=errors)
    return rows


async def local_impact(session: AsyncSession, cr: ChangeRequest) -> Impact:
    """Affected items with all descendants (one recursive query), the points delta, open milestones of those
    items and the passed criteria that would need re-verification (aggregates in SQL)."""
    roots = list(dict.fromkeys([*cr.affected_items, *cr.item_patches]))
    keys: list[str] = []
    ids: list[Any] = []
    if roots:
        seed = select(Item.id.label("node"), Item.key.label("key")).where(
            Item.key.in_(roots), Item.project_key == cr.project_key, LIVE
        )
        tree = seed.cte("impact_tree", recursive=True)
        child = aliased(Item)
        tree = tree.union_all(
            select(child.id, child.key).where(child.parent_id == tree.c.node, child.deleted_at.is_(None))
        )
        rows = (
            await session.execute(
                select(tree.c.node, tree.c.key, Item.number)
                .join(Item, Item.id == tree.c.node)
                .order_by(Item.number)
            )
        ).all()
        seen = set()
        for node, key, _ in rows:
            if node not in seen:
                seen.add(node)
                ids.append(node)
                keys.append(key)
    points_delta = float(cr.effort_delta_points)
    if cr.item_patches:
        current = dict(
            (
                await session.execute(
                    select(Item.key, Item.points).where(Item.key.in_(list(cr.item_patches)), LIVE)
                )
            ).all()
        )
        for key, patch in cr.item_patches.items():
            if "points" in patch:
                points_delta += float(patch["points"] or 0) - float(current.get(key) or 0)
    milestones = []
    reverify = 0
    if ids:
        ms_ids = select(Item.milestone_id).where(Item.id.in_(ids), Item.milestone_id.is_not(None)).distinct()
        milestones = (
            (
                await session.execute(
                    select(Milestone)
                    .where(Milestone.id.in_(ms_ids), Milestone.status.not_in(("done", "missed")))
                    .order_by(Milestone.target_date, Milestone.id)
                )
            )
            .scalars()
            .all()
        )
        reverify = await criteria_repository.count_passed(session, ids)
    at_risk = points_delta > 0 or cr.date_delta_days > 0
    return Impact(
        affected_items=keys,
        points_delta=round(points_delta, 4),
        date_delta_days=cr.date_delta_days,
        milestones_at_risk=[
            {"id": m.id, "name": m.name, "target_date": m.target_date, "status": m.status} for m in milestones
        ]
        if at_risk
        else [],
        criteria_to_reverify=int(reverify),
        unknown=[],
    )


async def compute_impact(
    session: AsyncSession, cr: ChangeRequest, *, releases: SiblingClient, risks: SiblingClient
) -> Impact:
    """The local impact, then release-svc and risk-svc asked concurrently, one call each: the releases
    whose scope holds affected items (and which go back to review), the risks linked to them and the
    requirement_change risk the approval creates. The siblings answer with the same rules their
    `change_request.approved` handlers apply, so the impact predicts what approval does. A sibling that
    does not answer leaves its part `unknown` (the impact is then not `complete`); nothing fails."""
    impact = await local_impact(session, cr)

    async def ask_releases() -> ReleaseScopeResult:
        if not impact.affected_items:
            return ReleaseScopeResult(releases=[])
        query = ReleaseScopeQuery(project_key=cr.project_key, item_keys=impact.affected_items)
        return await releases.post_model(
            "/v1/releases/scope-query", query, ReleaseScopeResult, idempotent=True
        )

    async def ask_risks() -> RiskImpactResult:
        query = RiskImpactQuery(
            project_key=cr.project_key,
            change_request_id=cr.id,
            item_keys=impact.affected_items,
            points_delta=impact.points_delta,
            date_delta_days=impact.date_delta_days,
            affected_milestones=[str(m.id) for m in impact.milestones_at_risk],
            criteria_to_reverify=impact.criteria_to_reverify,
        )
        return await risks.post_model("/v1/risks/impact-query", query, RiskImpactResult, idempotent=True)

    release_answer, risk_answer = await asyncio.gather(ask_releases(), ask_risks(), return_exceptions=True)
    unknown: list[ImpactUnknown] = []
    for part, client, answer in (("releases", releases, release_answer), ("risks", risks, risk_answer)):
        if isinstance(answer, SiblingError):
            detail = f" ({answer.body.get('detail')})" if isinstance(answer.body, dict) else ""
            unknown.append(ImpactUnknown(part=part, reason=f"{answer.service} {answer.reason}{detail}"[:500]))
        elif isinstance(answer, ValidationError):
            unknown.append(ImpactUnknown(part=part, reason=f"{client.name} answered an unexpected body"))
        elif isinstance(answer, BaseException):
            raise answer
    if isinstance(release_answer, ReleaseScopeResult):
        impact.releases = release_answer.releases
    if isinstance(risk_answer, RiskImpactResult):
        impact.risks = risk_answer.linked
        impact.requirement_change_risk = risk_answer.requirement_change_risk
    impact.unknown = unknown
    impact.complete = not unknown
    return impact


async def _next_number(session: AsyncSession, project_key: str) -> int:
    """Gap-free CR numbers: the project row is locked first, so concurrent proposals queue on it."""
    await session.execute(select(Project.id).where(Project.key == project_key).with_for_update())
    last = (
        await session.execute(
            select(func.max(ChangeRequest.number)).where(ChangeRequest.project_key == project_key)
        )
    ).scalar_one()
    return (last or 0) + 1


def _patches_json(patches: dict[str, ItemUpdate]) -> dict[str, dict[str, Any]]:
    return {k: v.model_dump(mode="json", exclude_unset=True) for k, v in patches.items()}


async def create_change_request(
    session: AsyncSession,
    *,
    principal: Principal,
    project_key: str,
    data: ChangeRequestCreate,
    releases: SiblingClient,
    risks: SiblingClient,
) -> ChangeRequest:
    ensure_role(principal, project_key, CONTRIBUTORS, action="propose changes")
    await get_project_row(session, project_key)
    if not data.affected_items and not data.item_patches and not data.affected_prd_sections:
        raise UnprocessableEntity(
            "Name the affected items or PRD sections.",
            errors=[field_error("body.affected_items", "nothing is affected", "missing")],
        )
    await _validate_items(session, project_key, data.affected_items, data.item_patches)
    cr = ChangeRequest(
        project_key=project_key,
        key="",
        number=0,
        title=data.title,
        reason=data.reason,
        requester=principal.sub,
        proposed_change=data.proposed_change,
        affected_items=list(dict.fromkeys([*data.affected_items, *data.item_patches])),
        affected_prd_sections=list(dict.fromkeys(data.affected_prd_sections)),
        item_patches=_patches_json(data.item_patches),
        effort_delta_points=data.effort_delta_points,
        date_delta_days=data.date_delta_days,
    )
    # The siblings are asked before the project row is locked for the number: no lock waits on them.
    cr.impact = (await compute_impact(session, cr, releases=releases, risks=risks)).model_dump(mode="json")
    cr.number = await _next_number(session, project_key)
    cr.key = f"{project_key}-CR{cr.number}"
    session.add(cr)
    await history.record(
        session,
        principal=principal,
        project_key=project_key,
        resource_type=RESOURCE,
        resource_id=cr.key,
        action="create",
        after=history.snapshot(cr),
    )
    await session.flush()
    return cr


async def update_change_request(
    session: AsyncSession,
    *,
    principal: Principal,
    key: str,
    patch: ChangeRequestUpdate,
    if_match: str | None,
    releases: SiblingClient,
    risks: SiblingClient,
) -> ChangeRequest:
    cr = await get_change_request(session, principal=principal, key=key)
    if principal.sub != cr.requester:
        ensure_role(principal, cr.project_key, PLANNERS, action="edit another person's change request")
    else:
        ensure_role(principal, cr.project_key, CONTRIBUTORS, action="edit change requests")
    await lock_and_check(session, cr, if_match)
    if cr.status != "proposed":
        raise InvalidTransition(
            "edit",
            cr.status,
            ACTIONS[cr.status],
            detail=f"{key} is {cr.status}; only a proposed change request can be edited.",
        )
    values = patch.model_dump(exclude_unset=True)
    nulls = [k for k, v in values.items() if v is None]
    if nulls:
        raise UnprocessableEntity(
            f"These fields cannot be null: {', '.join(nulls)}.",
            errors=[field_error(f"body.{n}", "may not be null", "null_not_allowed") for n in nulls],
        )
    affected = values.get("affected_items", cr.affected_items)
    patches = (
        patch.item_patches
        if patch.item_patches is not None
        else {k: ItemUpdate.model_validate(v) for k, v in cr.item_patches.items()}
    )
    await _validate_items(session, cr.project_key, affected, patches)
    before = history.snapshot(cr)
    for name in ("title", "reason", "proposed_change", "effort_delta_points", "date_delta_days"):
        if name in values:
            setattr(cr, name, values[name])
    if "affected_prd_sections" in values:
        cr.affected_prd_sections = list(dict.fromkeys(values["affected_prd_sections"]))
    cr.item_patches = _patches_json(patches)
    cr.affected_items = list(dict.fromkeys([*affected, *patches]))
    cr.impact = (await compute_impact(session, cr, releases=releases, risks=risks)).model_dump(mode="json")
    await history.record(
        session,
        principal=principal,
        project_key=cr.project_key,
        resource_type=RESOURCE,
        resource_id=cr.key,
        action="update",
        before=before,
        after=history.snapshot(cr),
    )
    await session.flush()
    return cr


async def _decide(
    session: AsyncSession,
    *,
    principal: Principal,
    key: str,
    action: str,
    target: str,
    decision: Decision,
    if_match: str | None,
) -> tuple[ChangeRequest, dict[str, Any]]:
    cr = await get_change_request(session, principal=principal, key=key)
    ensure_role(principal, cr.project_key, PLANNERS, action=f"{action} change requests")
    await lock_and_check(session, cr, if_match)
    if action not in ACTIONS[cr.status]:
        raise InvalidTransition(action, cr.status, ACTIONS[cr.status])
    before = history.snapshot(cr)
    cr.status = target
    cr.decided_by, cr.decided_at, cr.decision_comment = principal.sub, utcnow(), decision.comment
    return cr, before


async def approve_change_request(
    session: AsyncSession,
    *,
    principal: Principal,
    key: str,
    decision: Decision,
    if_match: str | None,
    releases: SiblingClient,
    risks: SiblingClient,
) -> ChangeRequest:
    """Approve, with the impact recomputed now (the releases and risks included: what the approval is
    about to do), and queue `change_request.approved` in the same transaction: the event exists if and
    only if the approval commits. A sibling that does not answer does not stop the approval; the stored
    impact then says which part is unknown (docs/decisions/change-requests.md)."""
    cr, before = await _decide(
        session,
        principal=principal,
        key=key,
        action="approve",
        target="approved",
        decision=decision,
        if_match=if_match,
    )
    impact = await compute_impact(session, cr, releases=releases, risks=risks)
    cr.impact = impact.model_dump(mode="json")
    data = ChangeRequestApproved(
        change_request_id=cr.id,
        key=cr.key,
        project_key=cr.project_key,
        title=cr.title,
        reason=cr.reason,
        affected_items=impact.affected_items,
        points_delta=impact.points_delta,
        date_delta_days=impact.date_delta_days,
        affected_milestones=[str(m.id) for m in impact.milestones_at_risk],
        criteria_to_reverify=impact.criteria_to_reverify,
        approved_by=principal.sub,
        approved_at=cr.decided_at,
    )
    events.emit(
        session,
        source=SOURCE,
        type=EVENT_APPROVED,
        subject=cr.key,
        project_key=cr.project_key,
        data=data.model_dump(mode="json"),
    )
    await history.record(
        session,
        principal=principal,
        project_key=cr.project_key,
        resource_type=RESOURCE,
        resource_id=cr.key,
        action="approve",
        before=before,
        after=history.snapshot(cr),
        note=decision.comment,
    )
    await session.flush()
    return cr


async def reject_change_request(
    session: AsyncSession, *, principal: Principal, key: str, decision: Decision, if_match: str | None
) -> ChangeRequest:
    cr, before = await _decide(
        session,
        principal=principal,
        key=key,
        action="reject",
        target="rejected",
        decision=decision,
        if_match=if_match,
    )
    await history.record(
        session,
        principal=principal,
        project_key=cr.project_key,
        resource_type=RESOURCE,
        resource_id=cr.key,
        action="reject",
        before=before,
        after=history.snapshot(cr),
        note=decision.comment,
    )
    await session.flush()
    return cr


async def apply_change_request(
    session: AsyncSession, *, principal: Principal, key: str, if_match: str | None
) -> ChangeRequest:
    """Apply the item patches (each recorded in the item's history with the CR key) and send the passed
    criteria of the affected items back to pending; all in one transaction."""
    cr = await get_change_request(session, principal=principal, key=key)
    ensure_role(principal, cr.project_key, PLANNERS, action="apply change requests")
    await lock_and_check(session, cr, if_match)
    if "apply" not in ACTIONS[cr.status]:
        raise InvalidTransition("apply", cr.status, ACTIONS[cr.status])
    before = history.snapshot(cr)
    impact = await local_impact(session, cr)
    note = f"change request {cr.key}"
    if cr.item_patches:
        items = {
            i.key: i
            for i in (
                await session.execute(select(Item).where(Item.key.in_(list(cr.item_patches)), LIVE))
            ).scalars()
        }
        for item_key, values in cr.item_patches.items():
            item = items.get(item_key)
            if item is None:
                raise UnprocessableEntity(
                    f"Item {item_key} no longer exists; the change cannot be applied.",
                    errors=[field_error(f"item_patches.{item_key}", "item missing", "item_missing")],
                )
            await apply_patch(
                session, principal=principal, item=item, patch=ItemUpdate.model_validate(values), note=note
            )
    if impact.affected_items:
        ids = list(
            (
                await session.execute(select(Item.id).where(Item.key.in_(impact.affected_items), LIVE))
            ).scalars()
        )
        await criteria_flows.reset_passed(session, principal=principal, item_ids=ids, note=note)
    cr.status, cr.applied_by, cr.applied_at = "applied", principal.sub, utcnow()
    await history.record(
        session,
        principal=principal,
        project_key=cr.project_key,
        resource_type=RESOURCE,
        resource_id=cr.key,
        action="apply",
        before=before,
        after=history.snapshot(cr),
    )
    await session.flush()
    return cr


async def list_change_requests(
    session: AsyncSession,
    *,
    principal: Principal,
    project_key: str,
    status: str | None,
    sort: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[ChangeRequest], str | None]:
    ensure_read(principal, project_key)
    await get_project_row(session, project_key)
    sort_key, order = parse_sort(sort, _SORTS, "created")
    stmt = select(ChangeRequest).where(ChangeRequest.project_key == project_key)
    if status:
        stmt = stmt.where(ChangeRequest.status == status)
    return await paginate(
        session, stmt, order=order, id_column=ChangeRequest.id, limit=limit, cursor=cursor, sort_key=sort_key
    )
