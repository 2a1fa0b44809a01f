"""Batch look-up for the other services: many items, their status and acceptance summary, and PRDs, in one
call."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Select, Text, cast, literal, literal_column, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from tpmhub_shared.auth import Principal
from tpmhub_shared.contracts import (
    CriterionRef,
    ItemLookupRequest,
    ItemLookupResponse,
    ItemSummary,
    PrdSummary,
)
from tpmhub_shared.db import among, among_param
from tpmhub_shared.vocabulary import BLOCKING_SEVERITIES

from requirements_svc.documents.models import Document
from requirements_svc.items.models import LIVE, OPEN_STATUSES, AcceptanceCriterion, Item
from requirements_svc.items.service import acceptance_summaries

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
    number of keys and the depth. Built once per dialect, like the item read models."""
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


async def subtree_bugs(session: AsyncSession, keys: list[str]) -> list[tuple[Any, list[str]]]:
    """Each open blocking bug under (or among) `keys` once, with its shortest path from a looked-up key."""
    if not keys:
        return []
    statement = _SUBTREE_BUGS[session.get_bind().dialect.name]
    out: dict[Any, tuple[Any, list[str]]] = {}
    for row in await session.execute(statement, {"keys": keys}):
        if row.id not in out:  # rows come shortest path first for each bug
            out[row.id] = (row, row.path.split(PATH_SEPARATOR))
    return list(out.values())


PRD_COLUMNS = (
    Document.id,
    Document.project_key,
    Document.title,
    Document.status,
    Document.revision,
    Document.approved_revision,
)


async def lookup_items(
    session: AsyncSession, *, principal: Principal, body: ItemLookupRequest
) -> ItemLookupResponse:
    """Items of projects the caller may read (others count as missing), plus open S1/S2 bugs among the keys
    or anywhere under them (with their path), or found in `found_in` within the projects of the keys (every
    readable project when no key is given), plus the PRDs asked by id (designs and PRDs of unreadable
    projects count as missing)."""
    keys = list(dict.fromkeys(body.keys))
    readable = [k for k in keys if principal.can_read(k.rsplit("-", 1)[0])]
    rows: list[Any] = []
    if readable:
        rows = list(
            await session.execute(select(*SUMMARY_COLUMNS).where(among(session, Item.key, readable), LIVE))
        )
    found = {i.key: i for i in rows}
    under = await subtree_bugs(session, [r.key for r in rows])
    bugs: list[Any] = [b for b, _ in under]
    paths = {b.id: path for b, path in under}
    projects = sorted({k.rsplit("-", 1)[0] for k in readable})
    if body.found_in is not None and (projects or not keys):
        stmt = select(*SUMMARY_COLUMNS).where(
            Item.type == "bug",
            Item.found_in == body.found_in,
            Item.severity.in_(BLOCKING_SEVERITIES),
            Item.status.in_(OPEN_STATUSES),
            LIVE,
        )
        if keys:
            stmt = stmt.where(Item.project_key.in_(projects))
        else:
            visible = principal.visible_projects()
            if visible is not None:
                stmt = stmt.where(Item.project_key.in_(sorted(visible)))
        seen = {b.id for b in bugs}
        stmt = stmt.order_by(Item.project_key, Item.number).limit(1000)
        bugs += [b for b in await session.execute(stmt) if b.id not in seen]
    acceptance = await acceptance_summaries(session, list({i.id for i in [*rows, *bugs]}))

    def summary(i: Any, path: list[str] | None = None) -> ItemSummary:
        # Built without validation: every value is a typed column read back from the database (building
        # 200 validated summaries was a fifth of the look-up's time).
        return ItemSummary.model_construct(
            key=i.key,
            project_key=i.project_key,
            type=i.type,
            title=i.title,
            status=i.status,
            points=i.points,
            severity=i.severity,
            found_in=i.found_in,
            fixed_in=i.fixed_in,
            acceptance=acceptance[i.id],
            path=path,
        )

    prd_ids = list(dict.fromkeys(body.prd_ids))
    prds = await _lookup_prds(session, principal, prd_ids)
    criterion_ids = list(dict.fromkeys(body.criterion_ids))
    criteria = await _lookup_criteria(session, principal, criterion_ids)
    return ItemLookupResponse(
        items=[summary(found[k]) for k in keys if k in found],
        missing=[k for k in keys if k not in found],
        open_bugs=[summary(b, paths.get(b.id)) for b in bugs],
        prds=[prds[p] for p in prd_ids if p in prds],
        missing_prds=[p for p in prd_ids if p not in prds],
        criteria=[criteria[c] for c in criterion_ids if c in criteria],
        missing_criteria=[c for c in criterion_ids if c not in criteria],
    )


async def _lookup_prds(
    session: AsyncSession, principal: Principal, ids: list[uuid.UUID]
) -> dict[uuid.UUID, PrdSummary]:
    """The readable PRDs among `ids`, in one query of the columns a summary needs."""
    if not ids:
        return {}
    stmt = select(*PRD_COLUMNS).where(among(session, Document.id, ids), Document.kind == "prd")
    return {
        d.id: PrdSummary(
            id=d.id,
            project_key=d.project_key,
            title=d.title,
            status=d.status,
            revision=d.revision,
            approved_revision=d.approved_revision,
        )
        for d in await session.execute(stmt)
        if principal.can_read(d.project_key)
    }


async def _lookup_criteria(
    session: AsyncSession, principal: Principal, ids: list[uuid.UUID]
) -> dict[uuid.UUID, CriterionRef]:
    """The readable acceptance criteria among `ids` with their item key, in one query."""
    if not ids:
        return {}
    stmt = select(
        AcceptanceCriterion.id,
        AcceptanceCriterion.item_key,
        AcceptanceCriterion.project_key,
        AcceptanceCriterion.status,
    ).where(among(session, AcceptanceCriterion.id, ids))
    return {
        c.id: CriterionRef(id=c.id, item_key=c.item_key, project_key=c.project_key, status=c.status)
        for c in await session.execute(stmt)
        if principal.can_read(c.project_key)
    }
