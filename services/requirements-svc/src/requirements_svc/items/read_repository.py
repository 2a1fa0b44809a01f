"""The hot reads of items as driver SQL (`tpmhub_shared.fast_reads`): one item by key, one keyset page of a
project's backlog, and the roll-ups of a page. Part of the items repository; the same queries as
`repository.py`'s (`read_row`, `list_page`, `descendant_totals`, `children_by_status`), which stay the
reference the property tests compare with (tests/test_items_fast_reads.py).

A page's SQL depends only on its shape (which filters are set, the sort, whether there is a cursor), never
on the values, which are parameters: each shape's text is written once and kept (a bounded cache)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import orjson
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import fast_reads
from tpmhub_shared.fast_reads import Statement
from tpmhub_shared.pagination import decode_cursor, encode_cursor, parse_sort

from requirements_svc.items.models import Item
from requirements_svc.items.repository import SORTS, fts5_query

# Every column ItemPublic shows, in its field order (`parent_key` is `parent`), then `number` (the `key`
# sort's column, for the cursor).
COLUMNS = (
    "id",
    "key",
    "project_key",
    "type",
    "title",
    "description",
    "status",
    "priority",
    "labels",
    "assignee",
    "points",
    "parent_key",
    "iteration_id",
    "milestone_id",
    "prd_section_id",
    "rank",
    "reach",
    "impact",
    "confidence",
    "effort",
    "rice_score",
    "business_value",
    "time_criticality",
    "risk_reduction",
    "job_size",
    "wsjf_score",
    "moscow",
    "severity",
    "found_in",
    "fixed_in",
    "released_in",
    "references",
    "created_by",
    "done_at",
    "version",
    "created_at",
    "updated_at",
    "number",
)
INDEX = {name: i for i, name in enumerate(COLUMNS)}
_SELECT = "SELECT " + ", ".join(f'items."{c}"' for c in COLUMNS) + " FROM items"
_LIVE = "items.deleted_at IS NULL"

ITEM_BY_KEY = Statement(f"{_SELECT} WHERE items.key = $1 AND {_LIVE}")


async def item_by_key(session: AsyncSession, key: str) -> Sequence[Any] | None:
    """The live item as a driver row (`COLUMNS`), or None."""
    return await fast_reads.fetch_one(session, ITEM_BY_KEY, key)


# ---- roll-ups -------------------------------------------------------------------------------------------

DESCENDANT_TOTALS = Statement(
    "WITH RECURSIVE tree(root, node) AS ("
    " SELECT items.id AS root, items.id AS node FROM items WHERE items.id = ANY($1)"
    " UNION ALL SELECT tree.root AS root, items_1.id AS id FROM items AS items_1, tree"
    " WHERE items_1.parent_id = tree.node AND items_1.deleted_at IS NULL)"
    " SELECT tree.root, count(*),"
    " coalesce(sum(CASE WHEN (items.status != 'wont_do') THEN items.points ELSE 0 END), 0),"
    " coalesce(sum(CASE WHEN (items.status = 'done') THEN items.points ELSE 0 END), 0)"
    " FROM tree JOIN items ON items.id = tree.node WHERE tree.node != tree.root GROUP BY tree.root",
    "WITH RECURSIVE tree(root, node) AS ("
    " SELECT items.id AS root, items.id AS node FROM items"
    " WHERE items.id IN (SELECT value FROM json_each(?1))"
    " UNION ALL SELECT tree.root AS root, items_1.id AS id FROM items AS items_1, tree"
    " WHERE items_1.parent_id = tree.node AND items_1.deleted_at IS NULL)"
    " SELECT tree.root, count(*),"
    " coalesce(sum(CASE WHEN (items.status != 'wont_do') THEN items.points ELSE 0 END), 0),"
    " coalesce(sum(CASE WHEN (items.status = 'done') THEN items.points ELSE 0 END), 0)"
    " FROM tree JOIN items ON items.id = tree.node WHERE tree.node != tree.root GROUP BY tree.root",
)
# Ordered as `repository.children_by_status` is: `children_by_status` keeps the statuses in this order.
CHILDREN_BY_STATUS = Statement(
    "SELECT items.parent_id, items.status, count(*) FROM items"
    f" WHERE items.parent_id = ANY($1) AND {_LIVE}"
    " GROUP BY items.parent_id, items.status ORDER BY items.parent_id, items.status",
    "SELECT items.parent_id, items.status, count(*) FROM items"
    f" WHERE items.parent_id IN (SELECT value FROM json_each(?1)) AND {_LIVE}"
    " GROUP BY items.parent_id, items.status ORDER BY items.parent_id, items.status",
)


async def descendant_totals(session: AsyncSession, ids: Sequence[Any]) -> Sequence[Sequence[Any]]:
    """(root, descendants, points counted, points done), ids as the driver gives them."""
    return await fast_reads.fetch(session, DESCENDANT_TOTALS, list(ids))


async def children_by_status(session: AsyncSession, ids: Sequence[Any]) -> Sequence[Sequence[Any]]:
    """(parent, status, count) of the direct children, by parent and status."""
    return await fast_reads.fetch(session, CHILDREN_BY_STATUS, list(ids))


# ---- one keyset page ------------------------------------------------------------------------------------

_SORT_COLUMNS = {name: column.key for name, column in SORTS.items()}
# The keyset below is written for sort columns that are never NULL (the general rule is
# `pagination.keyset_condition`); a nullable sort column would need it.
assert not any(Item.__table__.c[c].nullable for c in (*_SORT_COLUMNS.values(), "id")), "a NULL sort column"

# Filters in the order `repository.list_page` applies them, and how each is written (`{p}` the parameter).
_LISTS = ("type", "status", "priority", "severity")
_FILTERS = ("type", "status", "priority", "assignee", "label", "iteration_id", "milestone_id", "parent")
_PG = {
    "list": "items.{column} = ANY({p})",
    "label": "items.labels @> {p}::jsonb",
    "search": "to_tsvector('simple', (items.title || ' ') || items.description) @@ to_tsquery('simple', {p})",
}
_SQLITE = {
    "list": "items.{column} IN (SELECT value FROM json_each({p}))",
    "label": "EXISTS (SELECT 1 FROM json_each(items.labels) WHERE value = {p})",
    "search": "items.rowid IN (SELECT rowid FROM items_fts WHERE items_fts MATCH {p})",
}
_COLUMN_OF = {"parent": "parent_key"}


def _texts(shape: tuple[Any, ...], dialect_words: dict[str, str], mark: str) -> str:
    filters, search, order, with_cursor = shape
    where = ["items.project_key = {p1}", _LIVE]
    n = 1
    for name in filters:
        n += 1
        column = _COLUMN_OF.get(name, name)
        if name in _LISTS:
            where.append(dialect_words["list"].format(column=column, p=f"{{p{n}}}"))
        elif name == "label":
            where.append(dialect_words["label"].format(p=f"{{p{n}}}"))
        else:
            where.append(f"items.{column} = {{p{n}}}")
    if search == "none":
        where.append("1 = 0")
    elif search == "words":
        n += 1
        where.append(dialect_words["search"].format(p=f"{{p{n}}}"))
    full = [*order, ("id", order[-1][1])]
    if with_cursor:
        first = n + 1
        clauses = []
        for i, (column, desc) in enumerate(full):
            prefix = [f"items.{full[j][0]} = {{p{first + j}}}" for j in range(i)]
            step = f"items.{column} {'<' if desc else '>'} {{p{first + i}}}"
            clauses.append("(" + " AND ".join([*prefix, step]) + ")")
        where.append("(" + " OR ".join(clauses) + ")")
        n += len(full)
    n += 1
    order_by = ", ".join(f"items.{c} {'DESC' if d else 'ASC'}" for c, d in full)
    text = f"{_SELECT} WHERE {' AND '.join(where)} ORDER BY {order_by} LIMIT {{p{n}}}"
    return text.format(**{f"p{i}": f"{mark}{i}" for i in range(1, n + 1)})


_WORDS = re.compile(r"\w+")


@lru_cache(maxsize=512)
def _page_statement(shape: tuple[Any, ...]) -> Statement:
    return Statement(_texts(shape, _PG, "$"), _texts(shape, _SQLITE, "?"))


def _search_text(dialect: str, q: str) -> str | None:
    """The search parameter as `repository.search_condition` builds it; None when `q` has no word."""
    if dialect == "postgresql":
        words = _WORDS.findall(q)
        return " & ".join(f"{w}:*" for w in words) if words else None
    return fts5_query(q)


def _cursor_value(row: Sequence[Any], column: str) -> Any:
    value = row[INDEX[column]]
    if column in ("created_at", "updated_at"):
        return fast_reads.datetime_value(value)
    if column == "id":
        return fast_reads.uuid_value(value)
    if column in ("rice_score", "wsjf_score"):
        return fast_reads.float_value(value)
    return value


async def list_page(
    session: AsyncSession,
    *,
    project_key: str,
    filters: dict[str, Any],
    q: str | None,
    sort: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[Sequence[Sequence[Any]], str | None]:
    """One keyset page of the project's live items as driver rows (`COLUMNS`), and the next cursor: the
    filters, search, sorts and cursors of `repository.list_page`, with the same SQL conditions."""
    sort_key, order = parse_sort(sort, SORTS, "rank")
    names = [_SORT_COLUMNS[part.strip().lstrip("-+")] for part in sort_key.split(",")]
    order_columns = tuple((name, desc) for name, (_, desc) in zip(names, order, strict=True))
    dialect = fast_reads.dialect_of(session)
    args: list[Any] = [project_key]
    present = []
    for name in (*_FILTERS, "severity"):
        value = filters.get(name)
        if not value:
            continue
        present.append(name)
        if name == "label":
            value = orjson.dumps([value]).decode() if dialect == "postgresql" else value
        elif name in _LISTS:
            value = list(value)
        args.append(value)
    search = "off"
    if q:
        text = _search_text(dialect, q)
        search = "none" if text is None else "words"
        if text is not None:
            args.append(text)
    full = [*order, (Item.id, order[-1][1])]
    if cursor:
        args += decode_cursor(cursor, sort_key, [c for c, _ in full], scope="items")
    args.append(limit + 1)
    statement = _page_statement((tuple(present), search, order_columns, bool(cursor)))
    rows = await fast_reads.fetch(session, statement, *args)
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        last = rows[-1]
        values = [_cursor_value(last, c) for c, _ in (*order_columns, ("id", False))]
        next_cursor = encode_cursor(sort_key, values, scope="items")
    return rows, next_cursor
