"""Ranking rules: a move gives the item a key between its new neighbours (one row written); the
rebalancer rewrites a project's keys when they grow long or collide."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import history
from tpmhub_shared.auth import PLANNERS, Principal, ensure_role
from tpmhub_shared.concurrency import lock_and_check
from tpmhub_shared.problems import ServiceUnavailable, UnprocessableEntity, field_error

from requirements_svc.items import repository as items_repository
from requirements_svc.items.models import Item
from requirements_svc.items.schemas import ItemMove
from requirements_svc.items.service import RESOURCE, get_item
from requirements_svc.projects import repository as projects_repository
from requirements_svc.ranking import keys


async def move_item(
    session: AsyncSession, *, principal: Principal, key: str, body: ItemMove, if_match: str | None
) -> Item:
    """Give the item a rank key between its new neighbours: one item row (and its history) written."""
    item = await get_item(session, principal=principal, key=key)
    ensure_role(principal, item.project_key, PLANNERS, action="rank items")
    # Shared lock on the project row: moves run side by side, the rank rebalancer waits for them. Taken
    # before the item's own lock: the rebalancer locks the project first, then writes the items.
    await projects_repository.lock(session, item.project_key, shared=True)
    await lock_and_check(session, item, if_match)
    if body.before is None and body.after is None:
        raise UnprocessableEntity(
            "Name `before` or `after` (or both).",
            errors=[field_error("body", "before or after is required", "missing")],
        )
    anchors: dict[str, Item] = {}
    for field in ("before", "after"):
        anchor_key = getattr(body, field)
        if anchor_key is None:
            continue
        if anchor_key == key:
            raise UnprocessableEntity(
                "An item cannot be moved relative to itself.",
                errors=[field_error(f"body.{field}", "names the moved item", "value_error")],
            )
        anchor = await items_repository.find_by_key(session, anchor_key)
        if anchor is None or anchor.project_key != item.project_key:
            raise UnprocessableEntity(
                f"Item {anchor_key} does not exist in project {item.project_key}.",
                errors=[field_error(f"body.{field}", "unknown item", "item_missing")],
            )
        anchors[field] = anchor
    if "after" in anchors and "before" in anchors:
        low, high = anchors["after"], anchors["before"]
        if (low.rank, low.id) >= (high.rank, high.id):
            raise UnprocessableEntity(
                f"{low.key} is not ranked above {high.key}.",
                errors=[field_error("body", "after must rank above before", "value_error")],
            )
        lo, hi = low.rank, high.rank
    elif "after" in anchors:
        lo = anchors["after"].rank
        hi = await items_repository.neighbour_rank(session, item, lo, above=True)
    else:
        hi = anchors["before"].rank
        lo = await items_repository.neighbour_rank(session, item, hi, above=False)
    if lo is not None and hi is not None and lo == hi:
        # Two items share a key (concurrent moves to one gap); the rebalancer separates them.
        raise ServiceUnavailable(
            "The ranks around this spot are being rebalanced; retry shortly.", retry_after=2
        )
    new_rank = keys.between(lo, hi)
    if len(new_rank) > 120:
        raise ServiceUnavailable(
            "The ranks around this spot are being rebalanced; retry shortly.", retry_after=2
        )
    before = history.snapshot(item, ["rank"])
    item.rank = new_rank
    await history.record(
        session,
        principal=principal,
        project_key=item.project_key,
        resource_type=RESOURCE,
        resource_id=item.key,
        action="move",
        before=before,
        after=history.snapshot(item, ["rank"]),
    )
    await session.flush()
    return item


async def rebalance_ranks(session: AsyncSession, project_key: str) -> int:
    """Rewrite every rank of a project with short, evenly spaced keys, same order (a background job)."""
    rows = await items_repository.live_ids_by_rank(session, project_key)
    fresh = keys.evenly_spaced(len(rows))
    for item_id, rank in zip(rows, fresh, strict=True):
        await items_repository.set_rank(session, item_id, rank)
    return len(rows)


async def projects_needing_rebalance(
    session: AsyncSession, project_key: str | None = None, max_length: int = keys.REBALANCE_LENGTH
) -> list[str]:
    """Projects with an over-long rank key or two items sharing one."""
    return await items_repository.projects_with_long_or_shared_ranks(session, project_key, max_length)
