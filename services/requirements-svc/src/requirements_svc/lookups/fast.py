"""The batch look-up as a fast read: the answer of `service.lookup_items` (the reference, with the
documented ItemLookupResponse models) built as plain dicts in the models' field order from driver rows and
encoded by orjson. tests/test_items_fast_reads.py holds the two to the same bytes."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.auth import Principal
from tpmhub_shared.contracts import ItemLookupRequest
from tpmhub_shared.fast_reads import encode, float_value, uuid_text

from requirements_svc.criteria import repository as criteria_repository
from requirements_svc.criteria.service import acceptance_values
from requirements_svc.documents import repository as documents_repository
from requirements_svc.items import summaries as items_summaries
from requirements_svc.lookups.service import FOUND_IN_LIMIT

# Where `path` sits in a subtree row (after the summary columns).
_PATH = len(items_summaries.SUMMARY_COLUMNS)


def _summary(row: Any, acceptance: dict[str, int], path: list[str] | None) -> dict[str, Any]:
    """ItemSummary's values, in its field order."""
    _, key, project_key, type_, title, status, points, severity, found_in, fixed_in = row[:_PATH]
    return {
        "key": key,
        "project_key": project_key,
        "type": type_,
        "title": title,
        "status": status,
        "points": float_value(points),
        "severity": severity,
        "found_in": found_in,
        "fixed_in": fixed_in,
        "acceptance": acceptance,
        "path": path,
    }


async def lookup_bytes(session: AsyncSession, *, principal: Principal, body: ItemLookupRequest) -> bytes:
    """`service.lookup_items` as ItemLookupResponse's JSON bytes: the same reads, rules and order."""
    keys = list(dict.fromkeys(body.keys))
    readable = [k for k in keys if principal.can_read(k.rsplit("-", 1)[0])]
    rows = await items_summaries.fast_summary_rows(session, readable) if readable else []
    found = {r[1]: r for r in rows}
    # Each bug once, with its shortest path (rows come shortest first for each bug).
    under: dict[Any, tuple[Any, list[str]]] = {}
    for row in await items_summaries.fast_subtree_bug_rows(session, [r[1] for r in rows]):
        if row[0] not in under:
            under[row[0]] = (row, row[_PATH].split(items_summaries.PATH_SEPARATOR))
    bugs = [b for b, _ in under.values()]
    projects = sorted({k.rsplit("-", 1)[0] for k in readable})
    if body.found_in is not None and (projects or not keys):
        within: list[str] | None = projects
        if not keys:
            visible = principal.visible_projects()
            within = sorted(visible) if visible is not None else None
        found_bugs = await items_summaries.fast_blocking_bugs_found_in(
            session, body.found_in, within, FOUND_IN_LIMIT
        )
        bugs += [b for b in found_bugs if b[0] not in under]
    acceptance = await acceptance_values(session, list({r[0]: None for r in [*rows, *bugs]}))
    prd_ids = list(dict.fromkeys(body.prd_ids))
    prds = await _prds(session, principal, prd_ids)
    criterion_ids = list(dict.fromkeys(body.criterion_ids))
    criteria = await _criteria(session, principal, criterion_ids)
    return encode(
        {
            "items": [_summary(found[k], acceptance[found[k][0]], None) for k in keys if k in found],
            "missing": [k for k in keys if k not in found],
            "open_bugs": [
                _summary(b, acceptance[b[0]], under[b[0]][1] if b[0] in under else None) for b in bugs
            ],
            "prds": [prds[p] for p in prd_ids if p in prds],
            "missing_prds": [str(p) for p in prd_ids if p not in prds],
            "criteria": [criteria[c] for c in criterion_ids if c in criteria],
            "missing_criteria": [str(c) for c in criterion_ids if c not in criteria],
        }
    )


async def _prds(session: AsyncSession, principal: Principal, ids: list[Any]) -> dict[Any, dict[str, Any]]:
    """PrdSummary's values of the readable PRDs among `ids` (the ordinary query: few ids, rarely asked)."""
    if not ids:
        return {}
    return {
        d.id: {
            "id": uuid_text(d.id),
            "project_key": d.project_key,
            "title": d.title,
            "status": d.status,
            "revision": d.revision,
            "approved_revision": d.approved_revision,
        }
        for d in await documents_repository.prd_summary_rows(session, ids)
        if principal.can_read(d.project_key)
    }


async def _criteria(session: AsyncSession, principal: Principal, ids: list[Any]) -> dict[Any, dict[str, Any]]:
    """CriterionRef's values of the readable criteria among `ids`."""
    if not ids:
        return {}
    return {
        c.id: {
            "id": uuid_text(c.id),
            "item_key": c.item_key,
            "project_key": c.project_key,
            "status": c.status,
        }
        for c in await criteria_repository.refs(session, ids)
        if principal.can_read(c.project_key)
    }
