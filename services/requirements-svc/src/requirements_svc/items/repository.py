"""Queries of the items table: loading, hierarchy, ranks, roll-ups, lists and search, and the reads other
domains make (`summaries.py` holds those of the batch look-up). Other domains read items through here (or
through the items service), never by their columns."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import (
    Row,
    Select,
    bindparam,
    case,
    exists,
    false,
    func,
    literal_column,
    select,
    type_coerce,
    update,
)
from sqlalchemy import text as sa_text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from tpmhub_shared.db import among_param
from tpmhub_shared.pagination import paginate, parse_sort

from requirements_svc.items.models import CLOSED_STATUSES, LIVE, Item

SORTS = {
    "rank": Item.rank,
    "priority": Item.priority,
    "rice": Item.rice_score,
    "wsjf": Item.wsjf_score,
    "created": Item.created_at,
    "updated": Item.updated_at,
    "key": Item.number,
}


def dialect_of(session: AsyncSession) -> str:
    return session.get_bind().dialect.name


# ---- loading --------------------------------------------------------------------------------------------


def _by_key(*, for_update: bool, include_deleted: bool) -> Select:
    stmt = select(Item).where(Item.key == bindparam("key"))
    if not include_deleted:
        stmt = stmt.where(LIVE)
    return stmt.with_for_update() if for_update else stmt


# Built once per variant: the statement costs more CPU to build than to run.
_BY_KEY = {(u, d): _by_key(for_update=u, include_deleted=d) for u in (False, True) for d in (False, True)}


async def find_by_key(
    session: AsyncSession, key: str, *, for_update: bool = False, include_deleted: bool = False
) -> Item | None:
    stmt = _BY_KEY[for_update, include_deleted]
    return (await session.execute(stmt, {"key": key})).scalar_one_or_none()


_ITEM_BY_KEY = select(Item.__table__).where(Item.key == bindparam("key"), LIVE)


async def read_row(session: AsyncSession, key: str) -> Row[Any] | None:
    """The live item as a plain row, without an ORM instance (the GET hot path)."""
    return (await session.execute(_ITEM_BY_KEY, {"key": key})).first()


async def get_by_id(session: AsyncSession, item_id: uuid.UUID) -> Item | None:
    """The item by id, deleted or not."""
    return await session.get(Item, item_id)


async def is_live(session: AsyncSession, item_id: uuid.UUID) -> bool:
    item = await session.get(Item, item_id)
    return item is not None and item.deleted_at is None


async def live_by_keys(session: AsyncSession, keys: Iterable[str]) -> dict[str, Item]:
    found = (await session.execute(select(Item).where(Item.key.in_(list(keys)), LIVE))).scalars().all()
    return {i.key: i for i in found}


async def live_in_project(session: AsyncSession, project_key: str, keys: Sequence[str]) -> list[Item]:
    """The live items among `keys` of the project, by number."""
    stmt = select(Item).where(Item.key.in_(keys), Item.project_key == project_key, LIVE).order_by(Item.number)
    return list((await session.execute(stmt)).scalars().all())


async def find_in_project(session: AsyncSession, project_key: str, key: str) -> Item | None:
    """The live item `key` if it is in the project."""
    stmt = select(Item).where(Item.key == key, Item.project_key == project_key, LIVE)
    return (await session.execute(stmt)).scalar_one_or_none()


async def lock_by_ids(session: AsyncSession, item_ids: Iterable[uuid.UUID]) -> list[Item]:
    """The items, locked (in id order, so two writers never wait on each other in a cycle) and re-read."""
    ids = sorted(set(item_ids))
    if not ids:
        return []
    stmt = (
        select(Item)
        .where(Item.id.in_(ids))
        .order_by(Item.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return list((await session.execute(stmt)).scalars())


# ---- hierarchy ------------------------------------------------------------------------------------------


async def child_types(session: AsyncSession, item_id: uuid.UUID) -> list[str]:
    stmt = select(Item.type).where(Item.parent_id == item_id, LIVE).distinct()
    return list((await session.execute(stmt)).scalars().all())


async def child_keys(session: AsyncSession, item_id: uuid.UUID, limit: int) -> list[str]:
    rows = await session.execute(
        select(Item.key).where(Item.parent_id == item_id, LIVE).order_by(Item.number).limit(limit)
    )
    return list(rows.scalars())


# ---- ranks ----------------------------------------------------------------------------------------------


async def last_rank(session: AsyncSession, project_key: str) -> str | None:
    return (
        await session.execute(
            select(Item.rank).where(Item.project_key == project_key).order_by(Item.rank.desc()).limit(1)
        )
    ).scalar_one_or_none()


def _anchor_with_neighbour(*, above: bool) -> Select:
    """A move's anchor (live, by `:key`) with the nearest rank of another live item of its project above
    (or below) the anchor's rank, the moved item (`:moved_id`) left out: one probe of
    `ix_items_project_key_rank` next to the anchor's entry. Built once: building this ORM statement cost
    more CPU than running it."""
    other = aliased(Item)
    nearest = select(other.rank).where(
        other.project_key == Item.project_key,
        other.id != bindparam("moved_id"),
        other.deleted_at.is_(None),
    )
    if above:
        nearest = nearest.where(other.rank > Item.rank).order_by(other.rank)
    else:
        nearest = nearest.where(other.rank < Item.rank).order_by(other.rank.desc())
    neighbour = nearest.limit(1).correlate(Item).scalar_subquery().label("neighbour")
    return select(Item, neighbour).where(Item.key == bindparam("key"), LIVE)


_ANCHOR_WITH_NEIGHBOUR = {above: _anchor_with_neighbour(above=above) for above in (True, False)}


async def anchor_and_neighbour(
    session: AsyncSession, key: str, moved_id: uuid.UUID, *, above: bool
) -> tuple[Item | None, str | None]:
    """A move's anchor and the rank of its neighbour on the far side (`above`: the next one up), the
    moved item left out, read in one statement."""
    params = {"key": key, "moved_id": moved_id}
    row = (await session.execute(_ANCHOR_WITH_NEIGHBOUR[above], params)).first()
    return (None, None) if row is None else (row[0], row[1])


async def live_ids_by_rank(session: AsyncSession, project_key: str) -> list[uuid.UUID]:
    stmt = select(Item.id).where(Item.project_key == project_key, LIVE).order_by(Item.rank, Item.id)
    return list((await session.execute(stmt)).scalars().all())


async def set_rank(session: AsyncSession, item_id: uuid.UUID, rank: str) -> None:
    table = Item.__table__
    await session.execute(update(table).where(table.c.id == item_id).values(rank=rank))


async def projects_with_long_or_shared_ranks(
    session: AsyncSession, project_key: str | None, max_length: int
) -> list[str]:
    long_keys = select(Item.project_key).where(func.length(Item.rank) > max_length, LIVE)
    dup = select(Item.project_key).where(LIVE).group_by(Item.project_key, Item.rank).having(func.count() > 1)
    if project_key is not None:
        long_keys, dup = (
            long_keys.where(Item.project_key == project_key),
            dup.where(Item.project_key == project_key),
        )
    found = set((await session.execute(long_keys.distinct())).scalars())
    found |= set((await session.execute(dup.distinct())).scalars())
    return sorted(found)


# ---- roll-ups in batch ----------------------------------------------------------------------------------


def _rollup_statements(dialect: str) -> tuple[Select, Select]:
    """The roll-up queries, built once per dialect: constructing them per request (the recursive CTE over
    an aliased Item in particular) cost more CPU than running them (bench/README.md). `:ids` is the page's
    ids: one array parameter on PostgreSQL (`= ANY`, one prepared statement whatever the page size), an
    expanding IN elsewhere."""

    def among_ids(column: Any) -> Any:
        return among_param(dialect, column, "ids")

    seed = select(Item.id.label("root"), Item.id.label("node")).where(among_ids(Item.id))
    tree = seed.cte("tree", recursive=True)
    child = aliased(Item)
    tree = tree.union_all(
        select(tree.c.root, child.id).where(child.parent_id == tree.c.node, child.deleted_at.is_(None))
    )
    counted = Item.status != "wont_do"
    rollup = (
        select(
            tree.c.root,
            func.count(),
            func.coalesce(func.sum(case((counted, Item.points), else_=0)), 0),
            func.coalesce(func.sum(case((Item.status == "done", Item.points), else_=0)), 0),
        )
        .join(Item, Item.id == tree.c.node)
        .where(tree.c.node != tree.c.root)
        .group_by(tree.c.root)
    )
    children = (
        select(Item.parent_id, Item.status, func.count())
        .where(among_ids(Item.parent_id), LIVE)
        .group_by(Item.parent_id, Item.status)
        .order_by(Item.parent_id, Item.status)
    )
    return rollup, children


_ROLLUPS = {dialect: _rollup_statements(dialect) for dialect in ("postgresql", "sqlite")}


async def descendant_totals(session: AsyncSession, item_ids: Sequence[uuid.UUID]) -> list[Row[Any]]:
    """(root, descendants, points counted, points done) over every descendant, one recursive query."""
    return list(await session.execute(_ROLLUPS[dialect_of(session)][0], {"ids": list(item_ids)}))


async def children_by_status(session: AsyncSession, item_ids: Sequence[uuid.UUID]) -> list[Row[Any]]:
    """(parent, status, count) of the direct children."""
    return list(await session.execute(_ROLLUPS[dialect_of(session)][1], {"ids": list(item_ids)}))


# ---- lists and search -----------------------------------------------------------------------------------


def fts5_query(q: str) -> str | None:
    """Each word as a quoted FTS5 prefix term (`"refund"*`), all required; FTS5 syntax in the input
    is taken literally. None when the text has no word characters."""
    words = re.findall(r"\w+", q)
    return " ".join('"' + w.replace('"', '""') + '"*' for w in words) or None


def search_condition(session: AsyncSession, q: str) -> Any:
    """Every word of `q` must start a word of the title or description. PostgreSQL: full-text match
    (`simple` config, GIN expression index). SQLite: FTS5 (`items_fts`, kept in step by triggers)."""
    words = re.findall(r"\w+", q)
    if not words:
        return false()
    if dialect_of(session) == "postgresql":
        # The same expression as the GIN index ix_items_search, so the planner uses it; every word is a
        # prefix term (`refund:*`), as on SQLite. Words are \w+ only, so no tsquery operator gets in.
        text = Item.title.op("||")(literal_column("' '")).op("||")(Item.description)
        document = func.to_tsvector(literal_column("'simple'"), text)
        query = " & ".join(f"{w}:*" for w in words)
        return document.op("@@")(func.to_tsquery(literal_column("'simple'"), query))
    query = fts5_query(q)
    if query is None:
        return false()
    matches = (
        select(literal_column("rowid"))
        .select_from(sa_text("items_fts"))
        .where(sa_text("items_fts MATCH :fts_query").bindparams(fts_query=query))
    )
    return literal_column("items.rowid").in_(matches)


def label_condition(session: AsyncSession, label: str) -> Any:
    if dialect_of(session) == "postgresql":
        return type_coerce(Item.labels, JSONB).contains([label])
    each = func.json_each(Item.labels).table_valued("value")
    return exists(select(1).select_from(each).where(each.c.value == label))


async def list_page(
    session: AsyncSession,
    *,
    project_key: str,
    filters: dict[str, Any],
    q: str | None,
    sort: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[Row[Any]], str | None]:
    """One keyset page of the project's live items, filtered, searched and sorted."""
    sort_key, order = parse_sort(sort, SORTS, "rank")
    # Plain rows, not entities: a page is only read, and ORM hydration was most of its cost (bench/).
    stmt: Select = select(Item.__table__).where(Item.project_key == project_key, LIVE)
    if filters.get("type"):
        stmt = stmt.where(Item.type.in_(filters["type"]))
    if filters.get("status"):
        stmt = stmt.where(Item.status.in_(filters["status"]))
    if filters.get("priority"):
        stmt = stmt.where(Item.priority.in_(filters["priority"]))
    if filters.get("assignee"):
        stmt = stmt.where(Item.assignee == filters["assignee"])
    if filters.get("label"):
        stmt = stmt.where(label_condition(session, filters["label"]))
    if filters.get("iteration_id"):
        stmt = stmt.where(Item.iteration_id == filters["iteration_id"])
    if filters.get("milestone_id"):
        stmt = stmt.where(Item.milestone_id == filters["milestone_id"])
    if filters.get("parent"):
        stmt = stmt.where(Item.parent_key == filters["parent"])
    if filters.get("severity"):
        stmt = stmt.where(Item.severity.in_(filters["severity"]))
    if q:
        stmt = stmt.where(search_condition(session, q))
    return await paginate(
        session,
        stmt,
        order=order,
        id_column=Item.id,
        limit=limit,
        cursor=cursor,
        sort_key=sort_key,
        plain_rows=True,
    )


async def live_types_by_keys(session: AsyncSession, keys: Sequence[str]) -> dict[str, str]:
    """{key: type} of the live items among `keys`."""
    rows = await session.execute(select(Item.key, Item.type).where(Item.key.in_(list(keys)), LIVE))
    return {key: type_ for key, type_ in rows.all()}


async def live_keys_and_descendants(
    session: AsyncSession, project_key: str, keys: Sequence[str]
) -> list[tuple[uuid.UUID, str]]:
    """(id, key) of the project's live items among `keys` and of all their live descendants, each once, by
    number: one recursive query."""
    seed = select(Item.id.label("node"), Item.key.label("key")).where(
        Item.key.in_(keys), Item.project_key == project_key, LIVE
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
    seen: set[uuid.UUID] = set()
    out = []
    for node, key, _ in rows:
        if node not in seen:
            seen.add(node)
            out.append((node, key))
    return out


async def live_points_by_keys(session: AsyncSession, keys: Sequence[str]) -> dict[str, float | None]:
    rows = await session.execute(select(Item.key, Item.points).where(Item.key.in_(list(keys)), LIVE))
    return dict(rows.all())


async def live_ids_by_keys(session: AsyncSession, keys: Sequence[str]) -> list[uuid.UUID]:
    return list((await session.execute(select(Item.id).where(Item.key.in_(list(keys)), LIVE))).scalars())


def milestone_ids_of(item_ids: Sequence[uuid.UUID]) -> Select:
    """A subquery: the milestones the items are linked to."""
    return select(Item.milestone_id).where(Item.id.in_(item_ids), Item.milestone_id.is_not(None)).distinct()


# ---- iterations -----------------------------------------------------------------------------------------


async def iteration_totals(session: AsyncSession, iteration_ids: Sequence[uuid.UUID]) -> list[Row[Any]]:
    """(iteration id, committed points, done points, item count) per iteration, one aggregate query."""
    return list(
        await session.execute(
            select(
                Item.iteration_id,
                func.coalesce(func.sum(case((Item.status != "wont_do", Item.points), else_=0)), 0),
                func.coalesce(func.sum(case((Item.status == "done", Item.points), else_=0)), 0),
                func.count(),
            )
            .where(Item.iteration_id.in_(list(iteration_ids)), LIVE)
            .group_by(Item.iteration_id)
        )
    )


async def unfinished_in_iteration(session: AsyncSession, iteration_id: uuid.UUID) -> list[Item]:
    """The iteration's live items not done or dropped, by rank."""
    stmt = (
        select(Item)
        .where(Item.iteration_id == iteration_id, Item.status.not_in(CLOSED_STATUSES), LIVE)
        .order_by(Item.rank)
    )
    return list((await session.execute(stmt)).scalars().all())


async def keys_in_iteration(session: AsyncSession, iteration_id: uuid.UUID) -> set[str]:
    return set(
        (await session.execute(select(Item.key).where(Item.iteration_id == iteration_id, LIVE))).scalars()
    )
