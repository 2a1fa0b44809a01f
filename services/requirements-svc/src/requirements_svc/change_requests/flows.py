"""Applying an approved change request: the item patches through the items service (each recorded in the
item's history with the CR key), then the passed criteria of the affected items back to pending."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import history
from tpmhub_shared.auth import PLANNERS, Principal, ensure_role
from tpmhub_shared.concurrency import lock_and_check
from tpmhub_shared.ids import utcnow
from tpmhub_shared.problems import InvalidTransition, UnprocessableEntity, field_error

from requirements_svc.change_requests.impact import local_impact
from requirements_svc.change_requests.models import ChangeRequest
from requirements_svc.change_requests.service import ACTIONS, RESOURCE, get_change_request
from requirements_svc.criteria import flows as criteria_flows
from requirements_svc.items import repository as items_repository
from requirements_svc.items.schemas import ItemUpdate
from requirements_svc.items.service import apply_patch


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
        items = await items_repository.live_by_keys(session, list(cr.item_patches))
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
        ids = await items_repository.live_ids_by_keys(session, impact.affected_items)
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
