"""The done rule: an item is `done` only while every one of its acceptance criteria has passed.

Moving to done is refused while a criterion has not passed (`ensure_may_be_done`). Afterwards, every write
that can make a criterion of a done item not passed (a criterion added, failed, reset to pending, its text
changed, a change request applied, an import) calls `reopen_unless_passing` in its own transaction: the
item goes back to `in_review`, with a history entry by the actor naming the cause and an `item.reopened`
event through the outbox. Both take the item row's lock before reading the criteria, so a criterion write
and a move to done that race serialize on the item: the later one sees the other's result."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import events, history
from tpmhub_shared.auth import Principal
from tpmhub_shared.contracts import ItemReopened
from tpmhub_shared.ids import utcnow
from tpmhub_shared.problems import Conflict

from requirements_svc.criteria import repository as criteria_repository
from requirements_svc.criteria.models import AcceptanceCriterion
from requirements_svc.items import repository
from requirements_svc.items.models import Item

REOPENED_STATUS = "in_review"
EVENT_REOPENED = "item.reopened"
SOURCE = "/tpmhub/requirements-svc"


async def unpassed_criteria(session: AsyncSession, item_id: uuid.UUID) -> list[AcceptanceCriterion]:
    return await criteria_repository.unpassed_for_item(session, item_id)


async def ensure_may_be_done(session: AsyncSession, item: Item) -> None:
    """409 listing the criteria that have not passed; taken under the item's row lock."""
    await repository.lock_by_ids(session, [item.id])
    blocking = await unpassed_criteria(session, item.id)
    if blocking:
        raise Conflict(
            f"{item.key} has {len(blocking)} acceptance criteria not passed; all must pass before done.",
            title="Acceptance criteria not passed",
            unpassed_criteria=[{"id": str(c.id), "text": c.text, "status": c.status} for c in blocking],
        )


async def reopen_unless_passing(
    session: AsyncSession, *, principal: Principal, item_ids: Iterable[uuid.UUID], cause: str
) -> list[Item]:
    """Every done item among `item_ids` with a criterion that has not passed goes back to in_review (history
    by `principal` with `cause` as the note, and an `item.reopened` event). Returns the reopened items."""
    items = [i for i in await repository.lock_by_ids(session, item_ids) if i.status == "done"]
    if not items:
        return []
    counts = await criteria_repository.unpassed_counts(session, [i.id for i in items])
    reopened = [i for i in items if counts.get(i.id)]
    now = utcnow()
    for item in reopened:
        before = history.snapshot(item, ["status", "done_at"])
        item.status, item.done_at = REOPENED_STATUS, None
        await history.record(
            session,
            principal=principal,
            project_key=item.project_key,
            resource_type="item",
            resource_id=item.key,
            action="reopen",
            before=before,
            after=history.snapshot(item, ["status", "done_at"]),
            note=cause,
        )
        events.emit(
            session,
            source=SOURCE,
            type=EVENT_REOPENED,
            subject=item.key,
            project_key=item.project_key,
            data=ItemReopened(
                key=item.key,
                project_key=item.project_key,
                title=item.title,
                type=item.type,
                to=REOPENED_STATUS,
                cause=cause,
                criteria_not_passed=int(counts[item.id]),
                by=principal.sub,
                at=now,
            ).model_dump(mode="json", by_alias=True),
        )
    if reopened:
        await session.flush()
    return reopened
