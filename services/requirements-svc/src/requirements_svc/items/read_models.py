"""The API view of items: each item with its acceptance summary and its roll-up, built in batch."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Row
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.contracts import AcceptanceSummary

from requirements_svc.criteria.service import acceptance_summaries
from requirements_svc.items import repository
from requirements_svc.items.models import Item
from requirements_svc.items.rules import RICE_INPUTS, WSJF_INPUTS
from requirements_svc.items.schemas import ItemPublic, RollUp


async def rollups(session: AsyncSession, item_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, RollUp]:
    """Points and counts over every descendant, one recursive query for any number of items."""
    out: dict[uuid.UUID, RollUp] = {i: RollUp() for i in item_ids}
    if not item_ids:
        return out
    for root, count, total, done in await repository.descendant_totals(session, item_ids):
        r = out[root]
        r.descendants, r.points_total, r.points_done = count, float(total or 0), float(done or 0)
    for parent_id, status, count in await repository.children_by_status(session, item_ids):
        out[parent_id].children_by_status[status] = count
    return out


# Public fields that are plain columns are read straight from a result row, or from an instance's loaded
# state (no attribute instrumentation per field): this is the list endpoint's hot path.
_COLUMN_FIELDS = tuple(n for n in ItemPublic.model_fields if n in sa_inspect(Item).column_attrs.keys())
_READ_COLUMNS = (*_COLUMN_FIELDS, "parent_key")


def _values(item: Item | Row[Any]) -> Mapping[str, Any]:
    if isinstance(item, Row):
        return item._mapping
    state = item.__dict__
    return {name: state[name] if name in state else getattr(item, name) for name in _READ_COLUMNS}


def to_public(item: Item | Row[Any], acceptance: AcceptanceSummary, rollup: RollUp) -> ItemPublic:
    """The API view of an item, from an ORM instance or a `select(items)` row."""
    values = _values(item)
    data = {name: values[name] for name in _COLUMN_FIELDS}
    data["parent"] = values["parent_key"]
    if any(values[f] is None for f in RICE_INPUTS):
        data["rice_score"] = None
    if any(values[f] is None for f in WSJF_INPUTS):
        data["wsjf_score"] = None
    data["acceptance"] = acceptance
    data["rollup"] = rollup
    return ItemPublic.model_validate(data)


async def publish(session: AsyncSession, items: Sequence[Item | Row[Any]]) -> list[ItemPublic]:
    """Items with their acceptance summary and roll-up: two queries whatever the page size."""
    ids = [i.id for i in items]
    acc = await acceptance_summaries(session, ids)
    ups = await rollups(session, ids)
    return [to_public(i, acc[i.id], ups[i.id]) for i in items]
