"""Ranking rules: a move gives the item a key between its new neighbours (one row written); the
rebalancer rewrites a project's keys when they grow long or collide."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import history
from tpmhub_shared.auth import PLANNERS, Principal, ensure_role, ensure_visible
from tpmhub_shared.concurrency import check_if_match
from tpmhub_shared.problems import ServiceUnavailable, UnprocessableEntity, field_error

from requirements_svc.criteria.service import acceptance_summaries
from requirements_svc.items import repository as items_repository
from requirements_svc.items.models import Item
from requirements_svc.items.read_models import rollups, to_public
from requirements_svc.items.schemas import ItemMove, ItemPublic
from requirements_svc.items.service import RESOURCE, get_item_row
from requirements_svc.projects import repository as projects_repository
from requirements_svc.ranking import keys


async def move_item(
    session: AsyncSession, *, principal: Principal, key: str, body: ItemMove, if_match: str | None
) -> tuple[Item, ItemPublic]:
    """Give the item a rank key between its new neighbours: one item row (and its history) written, none
    when the item is already there. Returns the item and its API view.

    Statements, in this order (docs/decisions/performance.md, "Move at 1M"): the project row shared (moves
    run side by side, the rank rebalancer waits for them; it locks the project first, then the items), the
    item (`FOR UPDATE` only with If-Match, checked on the row as it is under the lock), each anchor with
    its neighbour's rank in one statement, the view's acceptance and roll-up reads, then the history row
    and last the item row, so that the moved row is locked only from its UPDATE to the commit."""
    project_key = key.rsplit("-", 1)[0]
    ensure_visible(principal, project_key, f"Item {key} does not exist.")
    await projects_repository.lock(session, project_key, shared=True)
    locked = if_match is not None and items_repository.dialect_of(session) != "sqlite"
    item = await get_item_row(session, key, for_update=locked)
    if item.project_key != project_key:  # never, as keys are made; the lock must be on the item's project
        await projects_repository.lock(session, item.project_key, shared=True)
    ensure_role(principal, item.project_key, PLANNERS, action="rank items")
    # On SQLite the write session holds the database's write lock since its first statement: `item` is
    # current already (as in `lock_and_check`).
    check_if_match(if_match, item.version)
    lo, hi = await _neighbours(session, item, body)
    if lo is not None and hi is not None and lo == hi:
        # Two items share a key (concurrent moves to one gap); the rebalancer separates them.
        raise ServiceUnavailable(
            "The ranks around this spot are being rebalanced; retry shortly.", retry_after=2
        )
    acceptance = (await acceptance_summaries(session, [item.id]))[item.id]
    rollup = (await rollups(session, [item.id]))[item.id]
    if (lo is None or lo < item.rank) and (hi is None or item.rank < hi):
        # Already between its new neighbours (e.g. the same move sent twice): nothing to write.
        return item, to_public(item, acceptance, rollup)
    new_rank = keys.between(lo, hi)
    if len(new_rank) > 120:
        raise ServiceUnavailable(
            "The ranks around this spot are being rebalanced; retry shortly.", retry_after=2
        )
    await history.record(
        session,
        principal=principal,
        project_key=item.project_key,
        resource_type=RESOURCE,
        resource_id=item.key,
        action="move",
        before={"rank": item.rank},
        after={"rank": new_rank},
    )
    await session.flush()  # the history row first: the item row's lock is then held only until commit
    item.rank = new_rank
    await session.flush()
    return item, to_public(item, acceptance, rollup)


async def _neighbours(session: AsyncSession, item: Item, body: ItemMove) -> tuple[str | None, str | None]:
    """The ranks the item goes between (None: an end of the list), from the anchors the body names."""
    if body.before is None and body.after is None:
        raise UnprocessableEntity(
            "Name `before` or `after` (or both).",
            errors=[field_error("body", "before or after is required", "missing")],
        )
    anchors: dict[str, Item] = {}
    far: str | None = None
    for field in ("before", "after"):
        anchor_key = getattr(body, field)
        if anchor_key is None:
            continue
        if anchor_key == item.key:
            raise UnprocessableEntity(
                "An item cannot be moved relative to itself.",
                errors=[field_error(f"body.{field}", "names the moved item", "value_error")],
            )
        # With one anchor, its neighbour on the far side comes in the same statement.
        anchor, far = await items_repository.anchor_and_neighbour(
            session, anchor_key, item.id, above=field == "after"
        )
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
        return low.rank, high.rank
    if "after" in anchors:
        return anchors["after"].rank, far
    return far, anchors["before"].rank


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
