"""Acceptance criteria rules: first-class children of an item, verified one by one."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import history
from tpmhub_shared.auth import CONTRIBUTORS, Principal, ensure_role, ensure_visible, visible
from tpmhub_shared.concurrency import lock_and_check
from tpmhub_shared.history import HistoryEntry
from tpmhub_shared.ids import utcnow
from tpmhub_shared.problems import Conflict

from requirements_svc.items import done_rule
from requirements_svc.items.models import AcceptanceCriterion, Item
from requirements_svc.items.schemas import CriterionCreate, CriterionUpdate, CriterionVerify
from requirements_svc.items.service import get_item

RESOURCE = "criterion"
MAX_PER_ITEM = 100
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
    return list(
        (
            await session.execute(
                select(AcceptanceCriterion)
                .where(AcceptanceCriterion.item_id == item.id)
                .order_by(AcceptanceCriterion.position, AcceptanceCriterion.id)
            )
        ).scalars()
    )


async def get_criterion(
    session: AsyncSession, *, principal: Principal, criterion_id: uuid.UUID
) -> AcceptanceCriterion:
    criterion = await session.get(AcceptanceCriterion, criterion_id)
    if criterion is not None:  # the criteria of a deleted item went with it
        item = await session.get(Item, criterion.item_id)
        if item is None or item.deleted_at is not None:
            criterion = None
    return visible(principal, criterion, f"Acceptance criterion {criterion_id} does not exist.")


async def ensure_history_readable(
    session: AsyncSession, *, principal: Principal, criterion_id: uuid.UUID
) -> None:
    """A criterion's history outlives the criterion: a deleted one is found through its history rows."""
    criterion = await session.get(AcceptanceCriterion, criterion_id)
    project_key = (
        criterion.project_key
        if criterion is not None
        else (
            await session.execute(
                select(HistoryEntry.project_key)
                .where(HistoryEntry.resource_type == RESOURCE, HistoryEntry.resource_id == str(criterion_id))
                .limit(1)
            )
        ).scalar_one_or_none()
    )
    ensure_visible(principal, project_key, f"Acceptance criterion {criterion_id} does not exist.")


async def add_criterion(
    session: AsyncSession, *, principal: Principal, key: str, data: CriterionCreate
) -> AcceptanceCriterion:
    item = await get_item(session, principal=principal, key=key)
    ensure_role(principal, item.project_key, CONTRIBUTORS, action="add acceptance criteria")
    count, last = (
        await session.execute(
            select(func.count(), func.max(AcceptanceCriterion.position)).where(
                AcceptanceCriterion.item_id == item.id
            )
        )
    ).one()
    if count >= MAX_PER_ITEM:
        raise Conflict(f"{key} already has {MAX_PER_ITEM} acceptance criteria.")
    criterion = AcceptanceCriterion(
        item_id=item.id,
        project_key=item.project_key,
        item_key=item.key,
        position=(last + 1) if last is not None else 0,
        text=data.text,
    )
    session.add(criterion)
    await history.record(
        session,
        principal=principal,
        project_key=item.project_key,
        resource_type=RESOURCE,
        resource_id=criterion.id,
        action="create",
        after=history.snapshot(criterion),
    )
    await session.flush()
    await _keep_done_rule(session, principal, criterion, "added")
    return criterion


def _reset(criterion: AcceptanceCriterion) -> None:
    criterion.status = "pending"
    criterion.verified_by = None
    criterion.verified_at = None
    criterion.evidence_url = None


async def update_criterion(
    session: AsyncSession,
    *,
    principal: Principal,
    criterion_id: uuid.UUID,
    patch: CriterionUpdate,
    if_match: str | None,
) -> AcceptanceCriterion:
    """Changing the text of a verified criterion voids the verification: it goes back to pending."""
    criterion = await get_criterion(session, principal=principal, criterion_id=criterion_id)
    ensure_role(principal, criterion.project_key, CONTRIBUTORS, action="edit acceptance criteria")
    await lock_and_check(session, criterion, if_match)
    before = history.snapshot(criterion)
    if patch.text is not None and patch.text != criterion.text:
        criterion.text = patch.text
        if criterion.status != "pending":
            _reset(criterion)
    await history.record(
        session,
        principal=principal,
        project_key=criterion.project_key,
        resource_type=RESOURCE,
        resource_id=criterion.id,
        action="update",
        before=before,
        after=history.snapshot(criterion),
    )
    await session.flush()
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
    before = history.snapshot(criterion)
    if data.status == "pending":
        _reset(criterion)
    else:
        criterion.status = data.status
        criterion.verified_by = principal.sub
        criterion.verified_at = utcnow()
        criterion.evidence_url = data.evidence_url
    await history.record(
        session,
        principal=principal,
        project_key=criterion.project_key,
        resource_type=RESOURCE,
        resource_id=criterion.id,
        action="verify",
        before=before,
        after=history.snapshot(criterion),
    )
    await session.flush()
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
    await history.record(
        session,
        principal=principal,
        project_key=criterion.project_key,
        resource_type=RESOURCE,
        resource_id=criterion.id,
        action="delete",
        before=history.snapshot(criterion),
    )
    await session.delete(criterion)
    await session.flush()
    # Removing a criterion leaves the others as they were: it cannot reopen anything, but it goes through
    # the same rule as every other criterion write.
    await _keep_done_rule(session, principal, criterion, "deleted")


async def reset_passed(
    session: AsyncSession, *, principal: Principal, item_ids: list[uuid.UUID], note: str
) -> int:
    """Send every passed criterion of these items back to pending (a change voided the verification)."""
    if not item_ids:
        return 0
    rows = (
        (
            await session.execute(
                select(AcceptanceCriterion).where(
                    AcceptanceCriterion.item_id.in_(item_ids), AcceptanceCriterion.status == "passed"
                )
            )
        )
        .scalars()
        .all()
    )
    for criterion in rows:
        before = history.snapshot(criterion)
        _reset(criterion)
        await history.record(
            session,
            principal=principal,
            project_key=criterion.project_key,
            resource_type=RESOURCE,
            resource_id=criterion.id,
            action="reset",
            before=before,
            after=history.snapshot(criterion),
            note=note,
        )
    await session.flush()
    await done_rule.reopen_unless_passing(
        session, principal=principal, item_ids=item_ids, cause=f"{note}: acceptance criteria reset to pending"
    )
    return len(rows)
