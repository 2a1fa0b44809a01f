"""Queries of the items table for summaries other domains read: the batch look-up (the summary columns of
many items, the open blocking bugs under them in one recursive query, or found in a version) and the open
bugs project health lists. Part of the items repository."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, Select, Text, cast, literal, literal_column, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from tpmhub_shared.db import among, among_param
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
