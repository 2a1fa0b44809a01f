"""Keyset (cursor) pagination: stable order, opaque cursor, the cost of a page independent of table size.

A cursor is input like any other, so it is checked twice before it reaches SQL:
- it is signed (HMAC-SHA256 with a key derived from the deployment secret and the service's name), so a
  list accepts only cursors its own service issued, for the same table and sort;
- each value is checked against the type of its sort column (defence in depth: even a signed cursor with
  a value the column cannot compare with is refused).
Anything else is a 400 `invalid-cursor` problem naming `query.cursor`, never a database error."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import math
import secrets
import uuid
from collections.abc import Sequence
from contextvars import ContextVar
from datetime import UTC, date, datetime
from typing import Annotated, Any, Generic, TypeVar

import orjson
import sqlalchemy as sa
from fastapi import Query
from pydantic import BaseModel, Field
from sqlalchemy import Select, and_, false, or_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.types import TypeDecorator
from starlette.types import ASGIApp, Receive, Scope, Send

from tpmhub_shared.problems import BadRequest, UnprocessableEntity, field_error

T = TypeVar("T")

MAX_LIMIT = 200
MAX_CURSOR_LENGTH = 2048

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size (1–200).")]
Cursor = Annotated[
    str | None,
    Query(
        max_length=MAX_CURSOR_LENGTH,
        description="Opaque cursor from the previous page's `next_cursor`; "
        "one this list did not issue is a 400.",
    ),
]


class Page(BaseModel, Generic[T]):
    """One page of a list; pass `next_cursor` back as `cursor` for the next page (null at the end)."""

    items: list[T]
    next_cursor: str | None = Field(default=None, description="Cursor of the next page, or null.")


class InvalidCursor(BadRequest):
    slug, title = "invalid-cursor", "Invalid cursor"

    def __init__(self) -> None:
        super().__init__(
            "The cursor was not issued by this list for this sort order; start again without a cursor.",
            errors=[field_error("query.cursor", "invalid cursor", "cursor_invalid")],
        )


# ---- the signing key ---------------------------------------------------------------------------------
# Set per request by CursorKeyMiddleware (each app has its own, so several apps can share one process).
# Outside a request, a key of this process only: such cursors verify nowhere else.
_PROCESS_KEY = secrets.token_bytes(32)
_KEY: ContextVar[bytes] = ContextVar("tpmhub_cursor_key", default=_PROCESS_KEY)
_TAG_BYTES = 16


def cursor_key(secret: str, service: str) -> bytes:
    """The cursor signing key of one service, derived from the deployment secret (domain-separated, so a
    cursor is never a valid signature of anything else, and one service's cursors fail at another)."""
    return hmac.new(secret.encode(), b"tpmhub-cursor\x00" + service.encode(), hashlib.sha256).digest()


class CursorKeyMiddleware:
    """Makes the app's cursor key the current one while it serves a request."""

    def __init__(self, app: ASGIApp, key: bytes) -> None:
        self.app = app
        self.key = key

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        token = _KEY.set(self.key)
        try:
            await self.app(scope, receive, send)
        finally:
            _KEY.reset(token)


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _tag(key: bytes, body: str) -> str:
    return _b64(hmac.new(key, body.encode(), hashlib.sha256).digest()[:_TAG_BYTES])


# ---- values ------------------------------------------------------------------------------------------


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
        if len(value) != 1:
            raise ValueError("bad cursor value")
        if "d" in value:
            return datetime.fromisoformat(value["d"])
        if "day" in value:
            return date.fromisoformat(value["day"])
        if "u" in value:
            return uuid.UUID(value["u"])
        raise ValueError("bad cursor value")
    return value


_INT_BITS = ((sa.SmallInteger, 16), (sa.BigInteger, 64), (sa.Integer, 32))


def _column(col: Any) -> Any:
    return col.__clause_element__() if hasattr(col, "__clause_element__") else col


def _conform(value: Any, col: Any) -> Any:
    """`value` as the column compares with it; ValueError when it cannot be one of the column's values."""
    column = _column(col)
    if value is None:
        if getattr(column, "nullable", False):
            return None
        raise ValueError("null in a not-null column")
    kind = column.type
    if isinstance(kind, TypeDecorator):
        kind = sa.types.to_instance(kind.impl)
    if isinstance(kind, sa.Boolean):
        ok = isinstance(value, bool)
    elif isinstance(kind, sa.Enum):
        ok = isinstance(value, str) and value in kind.enums
    elif isinstance(kind, sa.String):
        ok = isinstance(value, str) and "\x00" not in value
    elif isinstance(kind, sa.Integer):
        bits = next(b for t, b in _INT_BITS if isinstance(kind, t))
        ok = type(value) is int and -(2 ** (bits - 1)) <= value < 2 ** (bits - 1)
    elif isinstance(kind, (sa.Float, sa.Numeric)):
        ok = type(value) in (int, float) and math.isfinite(value)
        value = float(value) if ok else value
    elif isinstance(kind, sa.DateTime):
        ok = isinstance(value, datetime) and value.tzinfo is not None
        if ok:
            try:
                value = value.astimezone(UTC)
            except OverflowError as exc:
                raise ValueError("out of range in UTC") from exc
    elif isinstance(kind, sa.Date):
        ok = type(value) is date
    elif isinstance(kind, sa.Uuid):
        ok = isinstance(value, uuid.UUID)
    else:  # a column type a cursor has never carried: refuse rather than guess
        ok = False
    if not ok:
        raise ValueError(f"cursor value does not fit column {getattr(column, 'key', column)}")
    return value


# ---- cursors -----------------------------------------------------------------------------------------


def encode_cursor(sort: str, values: Sequence[Any], *, scope: str = "", key: bytes | None = None) -> str:
    """A signed cursor: `<payload>.<tag>`, the payload naming the sort, the list's table and the values."""
    body = _b64(orjson.dumps({"s": sort, "t": scope, "v": [_pack(v) for v in values]}))
    return f"{body}.{_tag(key or _KEY.get(), body)}"


def decode_cursor(
    cursor: str, sort: str, columns: Sequence[Any], *, scope: str = "", key: bytes | None = None
) -> list[Any]:
    """The values of a cursor this service issued for `scope` and `sort`, each fit for its column in
    `columns`; any other string raises InvalidCursor (400)."""
    try:
        body, _, tag = cursor.partition(".")
        expected = _tag(key or _KEY.get(), body)
        if not hmac.compare_digest(expected.encode(), tag.encode("utf-8", "replace")):
            raise ValueError("bad signature")
        data = orjson.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
        if not isinstance(data, dict) or data.get("s") != sort or data.get("t") != scope:
            raise ValueError("cursor belongs to another list or sort")
        raw = data.get("v")
        if not isinstance(raw, list) or len(raw) != len(columns):
            raise ValueError("cursor does not fit the sort")
        return [_conform(_unpack(v), c) for v, c in zip(raw, columns, strict=True)]
    except (ValueError, KeyError, TypeError, AttributeError, binascii.Error, orjson.JSONDecodeError) as exc:
        raise InvalidCursor() from exc


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


def _nullable(col: Any) -> bool:
    return bool(getattr(_column(col), "nullable", False))


def order_clause(col: Any, desc: bool) -> Any:
    """NULL sorts as the largest value on both backends (PostgreSQL's default; SQLite is told)."""
    if not _nullable(col):
        return col.desc() if desc else col.asc()
    return col.desc().nulls_first() if desc else col.asc().nulls_last()


def keyset_condition(order: Sequence[tuple[Any, bool]], values: Sequence[Any]) -> Any:
    """Rows strictly after `values` in `order` (mixed directions allowed; NULL the largest value, as in
    `order_clause`)."""
    clauses = []
    for i, (col, desc) in enumerate(order):
        prefix = [order[j][0].is_(None) if values[j] is None else order[j][0] == values[j] for j in range(i)]
        value = values[i]
        if value is None:  # after NULL come the smaller values when descending, nothing when ascending
            step = col.is_not(None) if desc else false()
        elif desc:
            step = col < value
        else:
            step = or_(col > value, col.is_(None)) if _nullable(col) else col > value
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
    columns = [c for c, _ in full_order]
    scope = getattr(getattr(_column(id_column), "table", None), "name", "") or ""
    if cursor:
        values = decode_cursor(cursor, sort_key, columns, scope=scope)
        stmt = stmt.where(keyset_condition(full_order, values))
    stmt = stmt.order_by(*[order_clause(c, d) for c, d in full_order]).limit(limit + 1)
    result = await session.execute(stmt)
    rows = list(result.all() if plain_rows else result.scalars().all())
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        last = rows[-1]
        next_cursor = encode_cursor(sort_key, [getattr(last, c.key) for c in columns], scope=scope)
    return rows, next_cursor
