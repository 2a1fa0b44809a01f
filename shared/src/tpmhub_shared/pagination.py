"""Keyset (cursor) pagination: stable order, opaque cursor, the cost of a page independent of table size."""

from __future__ import annotations

import base64
import uuid
from collections.abc import Sequence
from datetime import date, datetime
from typing import Annotated, Any, Generic, TypeVar

import orjson
from fastapi import Query
from pydantic import BaseModel, Field
from sqlalchemy import Select, and_, or_
from sqlalchemy.ext.asyncio import AsyncSession

from tpmhub_shared.problems import UnprocessableEntity, field_error

T = TypeVar("T")

MAX_LIMIT = 200

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size (1–200).")]
Cursor = Annotated[
    str | None, Query(max_length=1024, description="Opaque cursor from the previous page's `next_cursor`.")
]


class Page(BaseModel, Generic[T]):
    """One page of a list; pass `next_cursor` back as `cursor` for the next page (null at the end)."""

    items: list[T]
    next_cursor: str | None = Field(default=None, description="Cursor of the next page, or null.")


def _pack(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"d": value.isoformat()}
    if isinstance(value, date):  # a calendar day (after datetime, which is a date subclass)
        return {"day": value.isoformat()}
    if isinstance(value, uuid.UUID):
        return {"u": str(value)}
    return value


def _unpack(value: Any) -> Any:
    if isinstance(value, dict):
        if "d" in value:
            return datetime.fromisoformat(value["d"])
        if "day" in value:
            return date.fromisoformat(value["day"])
        if "u" in value:
            return uuid.UUID(value["u"])
        raise ValueError("bad cursor value")
    return value


def encode_cursor(sort: str, values: Sequence[Any]) -> str:
    raw = orjson.dumps({"s": sort, "v": [_pack(v) for v in values]})
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str, n_values: int) -> list[Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = orjson.loads(raw)
        if data["s"] != sort or len(data["v"]) != n_values:
            raise ValueError("cursor belongs to another sort")
        return [_unpack(v) for v in data["v"]]
    except (ValueError, KeyError, TypeError, orjson.JSONDecodeError) as exc:
        raise UnprocessableEntity(
            "The cursor is invalid or belongs to another sort order.",
            errors=[field_error("query.cursor", "invalid cursor", "cursor_invalid")],
        ) from exc


def parse_sort(sort: str | None, allowed: dict[str, Any], default: str) -> tuple[str, list[tuple[Any, bool]]]:
    """`sort=-rice,created` → [(column, descending)]; unknown fields are a 422 naming the allowed ones."""
    text = sort or default
    order: list[tuple[Any, bool]] = []
    for part in text.split(","):
        part = part.strip()
        desc = part.startswith("-")
        name = part.lstrip("-+")
        if name not in allowed:
            raise UnprocessableEntity(
                f"Cannot sort by '{name}'; allowed: {', '.join(sorted(allowed))}.",
                errors=[field_error("query.sort", f"unknown sort field '{name}'", "sort_invalid")],
            )
        order.append((allowed[name], desc))
    return text, order


def keyset_condition(order: Sequence[tuple[Any, bool]], values: Sequence[Any]) -> Any:
    """Rows strictly after `values` in `order` (mixed directions allowed)."""
    clauses = []
    for i, (col, desc) in enumerate(order):
        prefix = [order[j][0] == values[j] for j in range(i)]
        step = col < values[i] if desc else col > values[i]
        clauses.append(and_(*prefix, step))
    return or_(*clauses)


async def paginate(
    session: AsyncSession,
    stmt: Select,
    *,
    order: Sequence[tuple[Any, bool]],
    id_column: Any,
    limit: int,
    cursor: str | None,
    sort_key: str = "default",
    plain_rows: bool = False,
) -> tuple[list[Any], str | None]:
    """Run `stmt` as one keyset page; `id_column` breaks ties so the order is total and stable.
    Returns the ORM entities (or scalars), or with `plain_rows` the result rows themselves (a Core
    `select(table)` on a hot read path skips ORM hydration), and the cursor of the next page."""
    full_order = [*order, (id_column, order[-1][1] if order else False)]
    if cursor:
        values = decode_cursor(cursor, sort_key, len(full_order))
        stmt = stmt.where(keyset_condition(full_order, values))
    stmt = stmt.order_by(*[(c.desc() if d else c.asc()) for c, d in full_order]).limit(limit + 1)
    result = await session.execute(stmt)
    rows = list(result.all() if plain_rows else result.scalars().all())
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        last = rows[-1]
        next_cursor = encode_cursor(sort_key, [getattr(last, c.key) for c, _ in full_order])
    return rows, next_cursor
