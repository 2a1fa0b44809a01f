"""The hot reads of items answered as bytes: a page of the backlog and one item, built as plain dicts in
ItemPublic's field order from driver rows (`read_repository`) and encoded by orjson. `read_models.publish`
(ItemPublic models) stays the view of the other routes and the reference the property tests compare with:
tests/test_items_fast_reads.py asserts these bytes equal `documented_bytes(ItemPublic, publish(...))`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.auth import Principal, ensure_read, ensure_visible
from tpmhub_shared.fast_reads import datetime_value, encode, float_value, json_value, uuid_text
from tpmhub_shared.problems import NotFound

from requirements_svc.criteria.service import acceptance_values
from requirements_svc.items import read_repository
from requirements_svc.items.schemas import CodeReference, ReleaseRef
from requirements_svc.projects.repository import fast_ensure_project

# JSON columns of documented objects go through their model (key order, UUID and date-time forms); most
# items have none, and an empty list costs nothing.
_RELEASES = TypeAdapter(list[ReleaseRef])
_REFERENCES = TypeAdapter(list[CodeReference])


def _objects(adapter: TypeAdapter[Any], raw: Any) -> list[Any]:
    value = json_value(raw)
    if not value:
        return []
    return adapter.dump_python(adapter.validate_python(value), mode="json")


async def rollups(session: AsyncSession, ids: Sequence[Any]) -> dict[Any, dict[str, Any]]:
    """RollUp's values per item id (as the driver gives it), in its field order."""
    out: dict[Any, dict[str, Any]] = {
        i: {"points_total": 0.0, "points_done": 0.0, "descendants": 0, "children_by_status": {}} for i in ids
    }
    if not ids:
        return out
    for root, count, total, done in await read_repository.descendant_totals(session, ids):
        r = out[root]
        r["points_total"], r["points_done"], r["descendants"] = float(total or 0), float(done or 0), count
    for parent_id, status, count in await read_repository.children_by_status(session, ids):
        out[parent_id]["children_by_status"][status] = count
    return out


def public(row: Sequence[Any], acceptance: dict[str, int], rollup: dict[str, Any]) -> dict[str, Any]:
    """ItemPublic's values of a driver row, in its field order (`read_models.to_public`'s rules)."""
    (
        id_,
        key,
        project_key,
        type_,
        title,
        description,
        status,
        priority,
        labels,
        assignee,
        points,
        parent_key,
        iteration_id,
        milestone_id,
        prd_section_id,
        rank,
        reach,
        impact,
        confidence,
        effort,
        rice_score,
        business_value,
        time_criticality,
        risk_reduction,
        job_size,
        wsjf_score,
        moscow,
        severity,
        found_in,
        fixed_in,
        released_in,
        references,
        created_by,
        done_at,
        version,
        created_at,
        updated_at,
        _number,
    ) = row
    rice = None if reach is None or impact is None or confidence is None or effort is None else rice_score
    wsjf = (
        None
        if business_value is None or time_criticality is None or risk_reduction is None or job_size is None
        else wsjf_score
    )
    return {
        "id": uuid_text(id_),
        "key": key,
        "project_key": project_key,
        "type": type_,
        "title": title,
        "description": description,
        "status": status,
        "priority": priority,
        "labels": json_value(labels),
        "assignee": assignee,
        "points": float_value(points),
        "parent": parent_key,
        "iteration_id": uuid_text(iteration_id),
        "milestone_id": uuid_text(milestone_id),
        "prd_section_id": prd_section_id,
        "rank": rank,
        "reach": reach,
        "impact": float_value(impact),
        "confidence": confidence,
        "effort": float_value(effort),
        "rice_score": float_value(rice),
        "business_value": business_value,
        "time_criticality": time_criticality,
        "risk_reduction": risk_reduction,
        "job_size": job_size,
        "wsjf_score": float_value(wsjf),
        "moscow": moscow,
        "severity": severity,
        "found_in": found_in,
        "fixed_in": fixed_in,
        "released_in": _objects(_RELEASES, released_in),
        "references": _objects(_REFERENCES, references),
        "acceptance": acceptance,
        "rollup": rollup,
        "created_by": created_by,
        "done_at": datetime_value(done_at),
        "version": version,
        "created_at": datetime_value(created_at),
        "updated_at": datetime_value(updated_at),
    }


async def publish(session: AsyncSession, rows: Sequence[Sequence[Any]]) -> list[dict[str, Any]]:
    """`read_models.publish` of driver rows: ItemPublic values with acceptance and roll-up, two queries (and
    the roll-up's recursive one) whatever the page size."""
    ids = [r[0] for r in rows]
    acceptance = await acceptance_values(session, ids)
    ups = await rollups(session, ids)
    return [public(r, acceptance[r[0]], ups[r[0]]) for r in rows]


async def page_bytes(
    session: AsyncSession,
    *,
    principal: Principal,
    project_key: str,
    filters: dict[str, Any],
    q: str | None,
    sort: str | None,
    limit: int,
    cursor: str | None,
) -> bytes:
    """`Page[ItemPublic]` of the backlog as JSON bytes, with `service.list_items`' checks in its order."""
    ensure_read(principal, project_key)
    await fast_ensure_project(session, project_key)
    rows, next_cursor = await read_repository.list_page(
        session, project_key=project_key, filters=filters, q=q, sort=sort, limit=limit, cursor=cursor
    )
    return encode({"items": await publish(session, rows), "next_cursor": next_cursor})


async def item_bytes(session: AsyncSession, *, principal: Principal, key: str) -> tuple[bytes, int]:
    """`GET /v1/items/{key}`: ItemPublic as JSON bytes and the item's version (its ETag), with
    `service.read_item`'s checks in its order."""
    ensure_visible(principal, key.rsplit("-", 1)[0], f"Item {key} does not exist.")
    row = await read_repository.item_by_key(session, key)
    if row is None:
        raise NotFound(f"Item {key} does not exist.")
    (item,) = await publish(session, [row])
    return encode(item), row[read_repository.INDEX["version"]]
