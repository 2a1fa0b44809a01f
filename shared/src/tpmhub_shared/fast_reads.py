"""Hot reads on the driver connection, answered as bytes.

The hot reads (list and get items, the look-ups, the gate query, the heatmap) are CPU-bound in one Python
process: most of their time went to SQLAlchemy's result machinery and to building a pydantic model per row
that FastAPI then validates again and dumps. Here a read runs its SQL straight on the pooled connection's
driver (asyncpg on PostgreSQL, aiosqlite on SQLite; the pool and the session's transaction stay
SQLAlchemy's) and the answer is encoded by orjson from plain values.

The documented response models stay the OpenAPI schema; every fast read has a property test asserting that
its bytes equal `documented_bytes(model, ...)` (what FastAPI sends for the model) for generated rows, on
both backends. The decoders below turn each backend's raw values into the documented ones: SQLite keeps
UUIDs as 32 hex digits, date-times as naive text and JSON as text; asyncpg gives UUIDs, aware date-times
and JSON text. A JSON column holding objects of a documented model is rebuilt in the model's field order
(PostgreSQL's jsonb orders keys by length, then bytes).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from functools import cache
from typing import Any

import orjson
from pydantic import TypeAdapter
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.responses import Response

_PG_PARAM = re.compile(r"\$(\d+)")


class Statement:
    """One read written once: PostgreSQL's text (`$1` parameters, `= ANY($1)` for a list) and SQLite's
    (`?1` parameters, `IN (SELECT value FROM json_each(?1))` for a list); SQLite's defaults to
    PostgreSQL's with `$n` written `?n` when the SQL is otherwise the same."""

    __slots__ = ("postgresql", "sqlite")

    def __init__(self, postgresql: str, sqlite: str | None = None) -> None:
        self.postgresql = postgresql
        self.sqlite = sqlite if sqlite is not None else _PG_PARAM.sub(r"?\1", postgresql)


def _sqlite_param(value: Any) -> Any:
    """A parameter as SQLite holds it (what SQLAlchemy's types write there)."""
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, datetime):
        # SQLAlchemy's SQLite format (microseconds always written): text compares as time does.
        naive = (value.astimezone(UTC) if value.tzinfo else value).replace(tzinfo=None)
        return naive.isoformat(" ", timespec="microseconds")
    if isinstance(value, list | tuple):  # read by json_each(?n)
        return orjson.dumps([_sqlite_param(v) for v in value]).decode()
    return value


def dialect_of(session: AsyncSession) -> str:
    """`postgresql` or `sqlite`."""
    bind = session.get_bind()
    return bind.dialect.name


async def fetch(session: AsyncSession, statement: Statement, *args: Any) -> Sequence[Sequence[Any]]:
    """The rows of `statement` as tuples of the driver's values, run on the session's own connection (and so
    inside its transaction, when it has one)."""
    connection = await session.connection()
    driver = (await connection.get_raw_connection()).driver_connection
    if connection.dialect.name == "postgresql":
        return await driver.fetch(statement.postgresql, *args)  # type: ignore[union-attr]
    params = tuple(_sqlite_param(a) for a in args)
    async with driver.execute(statement.sqlite, params) as cursor:  # type: ignore[union-attr]
        return await cursor.fetchall()


async def fetch_one(session: AsyncSession, statement: Statement, *args: Any) -> Sequence[Any] | None:
    rows = await fetch(session, statement, *args)
    return rows[0] if rows else None


# ---- values: what each backend's driver gives → what the documented models hold ------------------------


def uuid_value(value: Any) -> uuid.UUID | None:
    """A UUID to pass on as a parameter (asyncpg's own UUID type is one)."""
    if value is None or isinstance(value, uuid.UUID):
        return value
    return uuid.UUID(hex=value)


def uuid_text(value: Any) -> str | None:
    """A UUID as the answer writes it (orjson refuses asyncpg's UUID type)."""
    if value is None:
        return None
    if isinstance(value, str):  # SQLite: 32 hex digits
        return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"
    return str(value)


def datetime_value(value: Any) -> datetime | None:
    """Aware UTC, as the `UTCDateTime` column type reads it."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def json_value(value: Any) -> Any:
    """A JSON column's value (text on both drivers as SQLAlchemy's pool sets them up)."""
    if isinstance(value, str | bytes):
        return orjson.loads(value)
    return value


def float_value(value: Any) -> float | None:
    """NUMERIC and REAL columns as the models' floats (asyncpg gives NUMERIC as Decimal)."""
    return None if value is None else float(value)


# ---- bytes ----------------------------------------------------------------------------------------------

# UTC as `Z` and no key sorting: pydantic's JSON of the same values.
_OPTIONS = orjson.OPT_UTC_Z


def encode(value: Any) -> bytes:
    return orjson.dumps(value, option=_OPTIONS)


def json_bytes(body: bytes, *, status_code: int = 200, headers: dict[str, str] | None = None) -> Response:
    """The response of a fast read: FastAPI sends a returned `Response` as it is (the route's
    `response_model` still documents it)."""
    return Response(content=body, status_code=status_code, headers=headers, media_type="application/json")


@cache
def _adapter(model: Any) -> TypeAdapter[Any]:
    return TypeAdapter(model)


def documented_bytes(model: Any, value: Any) -> bytes:
    """What FastAPI sends for `value` under `response_model=model` (validate, then pydantic's JSON by
    alias): the reference every fast read's bytes are tested against."""
    adapter = _adapter(model)
    return adapter.dump_json(adapter.validate_python(value), by_alias=True)
