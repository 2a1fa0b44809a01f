"""Acceptance criteria rules on the criterion rows themselves: numbering, verification, resets, history.
Finding the item and keeping the done rule is the work of `criteria.flows`."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import history
from tpmhub_shared.auth import Principal
from tpmhub_shared.contracts import AcceptanceSummary
from tpmhub_shared.ids import utcnow
from tpmhub_shared.problems import Conflict

from requirements_svc.criteria import repository
from requirements_svc.criteria.models import AcceptanceCriterion
from requirements_svc.criteria.schemas import CriterionUpdate, CriterionVerify

RESOURCE = "criterion"
MAX_PER_ITEM = 100


async def acceptance_summaries(
    session: AsyncSession, item_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, AcceptanceSummary]:
    """Criteria counts per item and status, one GROUP BY for any number of items."""
    out: dict[uuid.UUID, AcceptanceSummary] = {i: AcceptanceSummary() for i in item_ids}
    if not item_ids:
        return out
    for item_id, status, count in await repository.status_counts(session, item_ids):
        summary = out[item_id]
        setattr(summary, status, count)
        summary.total += count
    return out


async def acceptance_values(
    session: AsyncSession, item_ids: Sequence[object]
) -> dict[object, dict[str, int]]:
    """`acceptance_summaries` as plain dicts in AcceptanceSummary's field order, keyed by the ids as the
    driver gives them (the hot reads encode them straight to JSON)."""
    out = {i: {"total": 0, "passed": 0, "failed": 0, "pending": 0} for i in item_ids}
    if not item_ids:
        return out
    for item_id, status, count in await repository.fast_status_counts(session, list(out)):
        summary = out[item_id]
        summary[status] = count
        summary["total"] += count
    return out


def new_criteria(
    *, item_id: uuid.UUID, project_key: str, item_key: str, texts: Sequence[str]
) -> list[AcceptanceCriterion]:
    """The criteria an item is created with, in the order given."""
    return [
        AcceptanceCriterion(item_id=item_id, project_key=project_key, item_key=item_key, position=i, text=t)
        for i, t in enumerate(texts)
    ]


async def record_created(
    session: AsyncSession,
    principal: Principal,
    criteria: Sequence[AcceptanceCriterion],
    note: str | None = None,
) -> None:
    for c in criteria:
        await history.record(
            session,
            principal=principal,
            project_key=c.project_key,
            resource_type=RESOURCE,
            resource_id=c.id,
            action="create",
            after=history.snapshot(c),
            note=note,
        )


async def add(
    session: AsyncSession,
    *,
    principal: Principal,
    item_id: uuid.UUID,
    project_key: str,
    item_key: str,
    text: str,
) -> AcceptanceCriterion:
    """A new pending criterion at the end of the item's list (at most `MAX_PER_ITEM`)."""
    count, last = await repository.count_and_last_position(session, item_id)
    if count >= MAX_PER_ITEM:
        raise Conflict(f"{item_key} already has {MAX_PER_ITEM} acceptance criteria.")
    criterion = AcceptanceCriterion(
        item_id=item_id,
        project_key=project_key,
        item_key=item_key,
        position=(last + 1) if last is not None else 0,
        text=text,
    )
    session.add(criterion)
    await history.record(
        session,
        principal=principal,
        project_key=project_key,
        resource_type=RESOURCE,
        resource_id=criterion.id,
        action="create",
        after=history.snapshot(criterion),
    )
    await session.flush()
    return criterion


def _reset(criterion: AcceptanceCriterion) -> None:
    criterion.status = "pending"
    criterion.verified_by = None
    criterion.verified_at = None
    criterion.evidence_url = None


async def update(
    session: AsyncSession, *, principal: Principal, criterion: AcceptanceCriterion, patch: CriterionUpdate
) -> None:
    """Changing the text of a verified criterion voids the verification: it goes back to pending."""
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


async def verify(
    session: AsyncSession, *, principal: Principal, criterion: AcceptanceCriterion, data: CriterionVerify
) -> None:
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


async def delete(session: AsyncSession, *, principal: Principal, criterion: AcceptanceCriterion) -> None:
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


async def reset_passed(
    session: AsyncSession, *, principal: Principal, item_ids: list[uuid.UUID], note: str
) -> int:
    """Send every passed criterion of these items back to pending (a change voided the verification)."""
    rows = await repository.passed_for_items(session, item_ids)
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
    return len(rows)
