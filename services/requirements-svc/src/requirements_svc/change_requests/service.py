"""Change request rules: propose and edit (with the impact analysis of `impact.py`), decision by planners
and the approval event. Applying the change is `flows.py`."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import events, history
from tpmhub_shared.auth import CONTRIBUTORS, PLANNERS, Principal, ensure_read, ensure_role, ensure_visible
from tpmhub_shared.concurrency import lock_and_check
from tpmhub_shared.contracts import (
    ChangeRequestApproved,
)
from tpmhub_shared.http import SiblingClient
from tpmhub_shared.ids import utcnow
from tpmhub_shared.problems import InvalidTransition, NotFound, UnprocessableEntity, field_error

from requirements_svc.change_requests import repository
from requirements_svc.change_requests.impact import compute_impact
from requirements_svc.change_requests.models import ChangeRequest
from requirements_svc.change_requests.schemas import (
    ChangeRequestCreate,
    ChangeRequestUpdate,
    Decision,
)
from requirements_svc.items import repository as items_repository
from requirements_svc.items.models import Item
from requirements_svc.items.schemas import ItemUpdate
from requirements_svc.projects import repository as projects_repository
from requirements_svc.projects.repository import get_project_row

RESOURCE = "change_request"
SOURCE = "/tpmhub/requirements-svc"
EVENT_APPROVED = "change_request.approved"
ACTIONS = {"proposed": ["approve", "reject"], "approved": ["apply"], "rejected": [], "applied": []}
KEY_RE = re.compile(r"^([A-Z][A-Z0-9]{1,9})-CR([1-9][0-9]{0,8})$")


async def get_change_request(session: AsyncSession, *, principal: Principal, key: str) -> ChangeRequest:
    match = KEY_RE.match(key)
    if match is None:
        raise NotFound(f"Change request {key} does not exist.")
    ensure_visible(principal, match.group(1), f"Change request {key} does not exist.")
    cr = await repository.find_by_key(session, key)
    if cr is None:
        raise NotFound(f"Change request {key} does not exist.")
    return cr


async def _validate_items(
    session: AsyncSession, project_key: str, affected: list[str], patches: dict[str, Any]
) -> dict[str, Item]:
    wanted = list(dict.fromkeys([*affected, *patches]))
    rows = await items_repository.live_by_keys(session, wanted) if wanted else {}
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


async def _next_number(session: AsyncSession, project_key: str) -> int:
    """Gap-free CR numbers: the project row is locked first, so concurrent proposals queue on it."""
    await projects_repository.lock(session, project_key)
    last = await repository.last_number(session, project_key)
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
    return await repository.list_page(
        session, project_key=project_key, status=status, sort=sort, limit=limit, cursor=cursor
    )
