"""Criteria writes as the API and the other domains ask for them: find the item (or the criterion and its
live item) with the caller's rights, write the criterion, then keep the item's done rule."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.auth import CONTRIBUTORS, Principal, ensure_role, ensure_visible, visible
from tpmhub_shared.concurrency import lock_and_check

from requirements_svc.criteria import repository, service
from requirements_svc.criteria.models import AcceptanceCriterion
from requirements_svc.criteria.schemas import CriterionCreate, CriterionUpdate, CriterionVerify
from requirements_svc.items import done_rule
from requirements_svc.items import repository as items_repository
from requirements_svc.items.service import get_item

_CAUSE_TEXT = 120


def _cause(what: str, criterion: AcceptanceCriterion) -> str:
    text = criterion.text if len(criterion.text) <= _CAUSE_TEXT else criterion.text[: _CAUSE_TEXT - 1] + "…"
    return f"acceptance criterion {what}: {text}"


async def _keep_done_rule(
    session: AsyncSession, principal: Principal, criterion: AcceptanceCriterion, what: str
) -> None:
    """Every criterion write ends here: a done item whose criteria no longer all pass goes back to review."""
    await done_rule.reopen_unless_passing(
        session, principal=principal, item_ids=[criterion.item_id], cause=_cause(what, criterion)
    )


async def list_criteria(
    session: AsyncSession, *, principal: Principal, key: str
) -> list[AcceptanceCriterion]:
    item = await get_item(session, principal=principal, key=key)
    return await repository.list_for_item(session, item.id)


async def get_criterion(
    session: AsyncSession, *, principal: Principal, criterion_id: uuid.UUID
) -> AcceptanceCriterion:
    criterion = await repository.get(session, criterion_id)
    if criterion is not None and not await items_repository.is_live(session, criterion.item_id):
        criterion = None  # the criteria of a deleted item went with it
    return visible(principal, criterion, f"Acceptance criterion {criterion_id} does not exist.")


async def ensure_history_readable(
    session: AsyncSession, *, principal: Principal, criterion_id: uuid.UUID
) -> None:
    """A criterion's history outlives the criterion: a deleted one is found through its history rows."""
    criterion = await repository.get(session, criterion_id)
    project_key = (
        criterion.project_key
        if criterion is not None
        else await repository.project_key_from_history(session, service.RESOURCE, criterion_id)
    )
    ensure_visible(principal, project_key, f"Acceptance criterion {criterion_id} does not exist.")


async def add_criterion(
    session: AsyncSession, *, principal: Principal, key: str, data: CriterionCreate
) -> AcceptanceCriterion:
    item = await get_item(session, principal=principal, key=key)
    ensure_role(principal, item.project_key, CONTRIBUTORS, action="add acceptance criteria")
    criterion = await service.add(
        session,
        principal=principal,
        item_id=item.id,
        project_key=item.project_key,
        item_key=item.key,
        text=data.text,
    )
    await _keep_done_rule(session, principal, criterion, "added")
    return criterion


async def update_criterion(
    session: AsyncSession,
    *,
    principal: Principal,
    criterion_id: uuid.UUID,
    patch: CriterionUpdate,
    if_match: str | None,
) -> AcceptanceCriterion:
    criterion = await get_criterion(session, principal=principal, criterion_id=criterion_id)
    ensure_role(principal, criterion.project_key, CONTRIBUTORS, action="edit acceptance criteria")
    await lock_and_check(session, criterion, if_match)
    await service.update(session, principal=principal, criterion=criterion, patch=patch)
    await _keep_done_rule(session, principal, criterion, "edited, verification voided")
    return criterion


async def verify_criterion(
    session: AsyncSession,
    *,
    principal: Principal,
    criterion_id: uuid.UUID,
    data: CriterionVerify,
    if_match: str | None,
) -> AcceptanceCriterion:
    criterion = await get_criterion(session, principal=principal, criterion_id=criterion_id)
    ensure_role(principal, criterion.project_key, CONTRIBUTORS, action="verify acceptance criteria")
    await lock_and_check(session, criterion, if_match)
    await service.verify(session, principal=principal, criterion=criterion, data=data)
    await _keep_done_rule(
        session, principal, criterion, "failed" if criterion.status == "failed" else "reset to pending"
    )
    return criterion


async def delete_criterion(
    session: AsyncSession, *, principal: Principal, criterion_id: uuid.UUID, if_match: str | None
) -> None:
    criterion = await get_criterion(session, principal=principal, criterion_id=criterion_id)
    ensure_role(principal, criterion.project_key, CONTRIBUTORS, action="delete acceptance criteria")
    await lock_and_check(session, criterion, if_match)
    await service.delete(session, principal=principal, criterion=criterion)
    # Removing a criterion leaves the others as they were: it cannot reopen anything, but it goes through
    # the same rule as every other criterion write.
    await _keep_done_rule(session, principal, criterion, "deleted")


async def reset_passed(
    session: AsyncSession, *, principal: Principal, item_ids: list[uuid.UUID], note: str
) -> int:
    """Send every passed criterion of these items back to pending, then reopen the done ones among them."""
    if not item_ids:
        return 0
    count = await service.reset_passed(session, principal=principal, item_ids=item_ids, note=note)
    await done_rule.reopen_unless_passing(
        session, principal=principal, item_ids=item_ids, cause=f"{note}: acceptance criteria reset to pending"
    )
    return count
