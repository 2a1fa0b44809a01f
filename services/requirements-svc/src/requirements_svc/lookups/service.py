"""Batch look-up for the other services: many items, their status and acceptance summary, and PRDs, in one
call."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.auth import Principal
from tpmhub_shared.contracts import (
    CriterionRef,
    ItemLookupRequest,
    ItemLookupResponse,
    ItemSummary,
    PrdSummary,
)

from requirements_svc.criteria import repository as criteria_repository
from requirements_svc.criteria.service import acceptance_summaries
from requirements_svc.documents import repository as documents_repository
from requirements_svc.items import summaries as items_summaries

FOUND_IN_LIMIT = 1000


async def subtree_bugs(session: AsyncSession, keys: list[str]) -> list[tuple[Any, list[str]]]:
    """Each open blocking bug under (or among) `keys` once, with its shortest path from a looked-up key."""
    if not keys:
        return []
    out: dict[Any, tuple[Any, list[str]]] = {}
    for row in await items_summaries.subtree_bug_rows(session, keys):
        if row.id not in out:  # rows come shortest path first for each bug
            out[row.id] = (row, row.path.split(items_summaries.PATH_SEPARATOR))
    return list(out.values())


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
        rows = await items_summaries.summary_rows(session, readable)
    found = {i.key: i for i in rows}
    under = await subtree_bugs(session, [r.key for r in rows])
    bugs: list[Any] = [b for b, _ in under]
    paths = {b.id: path for b, path in under}
    projects = sorted({k.rsplit("-", 1)[0] for k in readable})
    if body.found_in is not None and (projects or not keys):
        within: list[str] | None = projects
        if not keys:
            visible = principal.visible_projects()
            within = sorted(visible) if visible is not None else None
        seen = {b.id for b in bugs}
        found_bugs = await items_summaries.blocking_bugs_found_in(
            session, body.found_in, within, FOUND_IN_LIMIT
        )
        bugs += [b for b in found_bugs if b.id not in seen]
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
    return {
        d.id: PrdSummary(
            id=d.id,
            project_key=d.project_key,
            title=d.title,
            status=d.status,
            revision=d.revision,
            approved_revision=d.approved_revision,
        )
        for d in await documents_repository.prd_summary_rows(session, ids)
        if principal.can_read(d.project_key)
    }


async def _lookup_criteria(
    session: AsyncSession, principal: Principal, ids: list[uuid.UUID]
) -> dict[uuid.UUID, CriterionRef]:
    """The readable acceptance criteria among `ids` with their item key, in one query."""
    if not ids:
        return {}
    return {
        c.id: CriterionRef(id=c.id, item_key=c.item_key, project_key=c.project_key, status=c.status)
        for c in await criteria_repository.refs(session, ids)
        if principal.can_read(c.project_key)
    }
