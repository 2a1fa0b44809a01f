"""Queries of the items table for summaries other domains read: the batch look-up (the summary columns of
many items, the open blocking bugs under them in one recursive query, or found in a version) and the open
bugs project health lists. Part of the items repository."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, Select, Text, cast, literal, literal_column, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from tpmhub_shared import fast_reads
from tpmhub_shared.db import among, among_param
from tpmhub_shared.fast_reads import Statement
from tpmhub_shared.vocabulary import BLOCKING_SEVERITIES

from requirements_svc.items.models import LIVE, OPEN_STATUSES, Item
from requirements_svc.items.repository import dialect_of

# Only the columns a summary needs: loading whole Item entities cost 3× as much per key (bench/README.md).
SUMMARY_COLUMNS = (
    Item.id,
    Item.key,
    Item.project_key,
    Item.type,
    Item.title,
    Item.status,
    Item.points,
    Item.severity,
    Item.found_in,
    Item.fixed_in,
)
# The hierarchy is at most four levels deep (epic > feature > story > task/bug); the bound only guards the
# recursion should a cycle ever get into the table.
MAX_DEPTH = 16
PATH_SEPARATOR = "/"


def _subtree_bugs_statement(dialect: str) -> Select:
    """Open S1/S2 bugs among the items `:keys` or anywhere under them, with the path of keys from the
    looked-up item down to the bug: one recursive CTE (the same SQL on SQLite and PostgreSQL), whatever the
    number of keys and the depth. Built once per dialect, like the roll-ups."""
    seed = select(
        Item.id.label("node"),
        cast(Item.key, Text).label("path"),
        literal(0).label("depth"),
    ).where(among_param(dialect, Item.key, "keys"), LIVE)
    tree = seed.cte("scope_tree", recursive=True)
    child = aliased(Item)
    tree = tree.union_all(
        select(
            child.id,
            tree.c.path.op("||")(literal_column(f"'{PATH_SEPARATOR}'")).op("||")(child.key),
            tree.c.depth + 1,
        ).where(child.parent_id == tree.c.node, tree.c.depth < MAX_DEPTH, child.deleted_at.is_(None))
    )
    return (
        select(*SUMMARY_COLUMNS, tree.c.path, tree.c.depth)
        .join(tree, tree.c.node == Item.id)
        .where(
            Item.type == "bug",
            Item.severity.in_(BLOCKING_SEVERITIES),
            Item.status.in_(OPEN_STATUSES),
            LIVE,
        )
        .order_by(Item.project_key, Item.number, tree.c.depth, tree.c.path)
    )


_SUBTREE_BUGS = {dialect: _subtree_bugs_statement(dialect) for dialect in ("postgresql", "sqlite")}


async def summary_rows(session: AsyncSession, keys: Sequence[str]) -> list[Row[Any]]:
    """The summary columns of the live items among `keys`."""
    return list(await session.execute(select(*SUMMARY_COLUMNS).where(among(session, Item.key, keys), LIVE)))


async def subtree_bug_rows(session: AsyncSession, keys: Sequence[str]) -> list[Row[Any]]:
    """Open blocking bugs under (or among) `keys`, each row with its `path` and `depth`, shortest first."""
    return list(await session.execute(_SUBTREE_BUGS[dialect_of(session)], {"keys": list(keys)}))


async def blocking_bugs_found_in(
    session: AsyncSession, found_in: str, project_keys: Sequence[str] | None, limit: int
) -> list[Row[Any]]:
    """Open S1/S2 bugs found in `found_in`, within `project_keys` (None: every project)."""
    stmt = select(*SUMMARY_COLUMNS).where(
        Item.type == "bug",
        Item.found_in == found_in,
        Item.severity.in_(BLOCKING_SEVERITIES),
        Item.status.in_(OPEN_STATUSES),
        LIVE,
    )
    if project_keys is not None:
        stmt = stmt.where(Item.project_key.in_(project_keys))
    stmt = stmt.order_by(Item.project_key, Item.number).limit(limit)
    return list(await session.execute(stmt))


async def open_bugs_of_severity(
    session: AsyncSession, project_key: str, severity: str, *, limit: int
) -> list[Row[Any]]:
    """(key, title, status, found_in) of the project's open bugs of `severity`, by number (project health)."""
    stmt = (
        select(Item.key, Item.title, Item.status, Item.found_in)
        .where(
            Item.project_key == project_key,
            Item.type == "bug",
            Item.severity == severity,
            Item.status.in_(OPEN_STATUSES),
            LIVE,
        )
        .order_by(Item.number)
        .limit(limit)
    )
    return list((await session.execute(stmt)).all())


# ---- the same reads on the driver connection (the look-up is a hot read: `tpmhub_shared.fast_reads`) ------
# Rows are driver tuples in SUMMARY_COLUMNS' order (the subtree's with path and depth after them).

_SUMMARY = (
    "items.id, items.key, items.project_key, items.type, items.title, items.status, items.points,"
    " items.severity, items.found_in, items.fixed_in"
)
_SEVERITIES = ", ".join(f"'{s}'" for s in BLOCKING_SEVERITIES)
_OPEN = ", ".join(f"'{s}'" for s in OPEN_STATUSES)
_BLOCKING_OPEN = (
    f"items.type = 'bug' AND items.severity IN ({_SEVERITIES}) AND items.status IN ({_OPEN})"
    " AND items.deleted_at IS NULL"
)
FAST_SUMMARY_ROWS = Statement(
    f"SELECT {_SUMMARY} FROM items WHERE items.key = ANY($1) AND items.deleted_at IS NULL",
    f"SELECT {_SUMMARY} FROM items WHERE items.key IN (SELECT value FROM json_each(?1))"
    " AND items.deleted_at IS NULL",
)
_SUBTREE = (
    "WITH RECURSIVE scope_tree(node, path, depth) AS ("
    " SELECT items.id AS node, CAST(items.key AS TEXT) AS path, 0 AS depth FROM items"
    " WHERE {among} AND items.deleted_at IS NULL"
    f" UNION ALL SELECT items_1.id AS id, (scope_tree.path || '{PATH_SEPARATOR}') || items_1.key,"
    " scope_tree.depth + 1 FROM items AS items_1, scope_tree"
    f" WHERE items_1.parent_id = scope_tree.node AND scope_tree.depth < {MAX_DEPTH}"
    " AND items_1.deleted_at IS NULL)"
    f" SELECT {_SUMMARY}, scope_tree.path, scope_tree.depth"
    f" FROM items JOIN scope_tree ON scope_tree.node = items.id WHERE {_BLOCKING_OPEN}"
    " ORDER BY items.project_key, items.number, scope_tree.depth, scope_tree.path"
)
FAST_SUBTREE_BUGS = Statement(
    _SUBTREE.format(among="items.key = ANY($1)"),
    _SUBTREE.format(among="items.key IN (SELECT value FROM json_each(?1))"),
)
_FOUND_IN = (
    f"SELECT {_SUMMARY} FROM items WHERE items.found_in = $1 AND {_BLOCKING_OPEN}{{within}}"
    " ORDER BY items.project_key, items.number LIMIT $2"
)
FAST_FOUND_IN_ANYWHERE = Statement(_FOUND_IN.format(within=""))
FAST_FOUND_IN_WITHIN = Statement(
    _FOUND_IN.format(within=" AND items.project_key = ANY($3)"),
    _FOUND_IN.format(within=" AND items.project_key IN (SELECT value FROM json_each(?3))").replace("$", "?"),
)


async def fast_summary_rows(session: AsyncSession, keys: Sequence[str]) -> Sequence[Sequence[Any]]:
    """`summary_rows` as driver rows."""
    return await fast_reads.fetch(session, FAST_SUMMARY_ROWS, list(keys))


async def fast_subtree_bug_rows(session: AsyncSession, keys: Sequence[str]) -> Sequence[Sequence[Any]]:
    """`subtree_bug_rows` as driver rows (path and depth last)."""
    if not keys:
        return []
    return await fast_reads.fetch(session, FAST_SUBTREE_BUGS, list(keys))


async def fast_blocking_bugs_found_in(
    session: AsyncSession, found_in: str, project_keys: Sequence[str] | None, limit: int
) -> Sequence[Sequence[Any]]:
    """`blocking_bugs_found_in` as driver rows."""
    if project_keys is None:
        return await fast_reads.fetch(session, FAST_FOUND_IN_ANYWHERE, found_in, limit)
    return await fast_reads.fetch(session, FAST_FOUND_IN_WITHIN, found_in, limit, list(project_keys))
