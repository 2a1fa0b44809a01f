"""Database: one async engine per service from one URL (SQLite embedded or PostgreSQL), the per-request
session, the base table model and portable column types."""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import AsyncIterator, Sequence
from datetime import datetime
from typing import Any

import orjson
from fastapi import Request
from sqlalchemy import JSON, Column, ColumnElement, DateTime, Integer, any_, bindparam, event
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import declared_attr
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

from tpmhub_shared.ids import as_utc, new_id, utcnow

# Explicit constraint names so that the same Alembic tree works on SQLite (batch mode) and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
SQLModel.metadata.naming_convention = NAMING_CONVENTION

# JSONB on PostgreSQL (indexable, compact), JSON text on SQLite.
JSONType = JSON().with_variant(JSONB(), "postgresql")


class UTCDateTime(TypeDecorator):
    """Timezone-aware UTC on both backends (SQLite drops the offset)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def __init__(self, timezone: bool = True) -> None:  # Alembic renders the impl's arguments
        super().__init__()

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        value = as_utc(value)
        if value is not None and dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return as_utc(value)


def utc_column(**kw: Any) -> Any:
    return Column(UTCDateTime(), **kw)


def json_column(**kw: Any) -> Any:
    return Column(JSONType, **kw)


class TableBase(SQLModel):
    """Columns every mutable table has. `version` is SQLAlchemy's version counter: an UPDATE whose row
    was changed meanwhile raises StaleDataError (412), so no write is ever lost between check and write."""

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    version: int = Field(default=1, sa_type=Integer, nullable=False)

    @declared_attr
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}


@event.listens_for(TableBase, "before_update", propagate=True)
def _touch_updated_at(_mapper: Any, _connection: Any, target: TableBase) -> None:
    target.updated_at = utcnow()


def _json_loads(text: str | bytes) -> Any:
    """JSON columns are decoded by orjson (several times faster than the standard library, on every row a
    list reads); what only the standard library accepts (NaN, written by its encoder) falls back to it."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def among_param(
    dialect: str, column: Any, name: str | None, values: Sequence[Any] | None = None
) -> ColumnElement[bool]:
    """`column IN (...)` as one parameter: named `name` for a statement built once and executed with the
    list bound to it, or anonymous with `values` bound now. On PostgreSQL an array (`= ANY($1)`): one
    prepared statement whatever the number of values, and no bind rendered per value (a 200-key look-up
    spent more time there than in the query). Elsewhere an expanding IN."""
    value = None if values is None else list(values)
    if dialect == "postgresql":
        return column == any_(bindparam(name, value, type_=ARRAY(column.type)))
    return column.in_(bindparam(name, value, expanding=True))


def among(session: AsyncSession, column: Any, values: Sequence[Any]) -> ColumnElement[bool]:
    """`column IN (values)` in a statement built per call (see `among_param`)."""
    return among_param(session.get_bind().dialect.name, column, None, values)


class Database:
    """Owns the engine and the two session flavours; on SQLite a write session takes the write lock up
    front (`BEGIN IMMEDIATE`) so concurrent writers queue instead of failing mid-transaction."""

    def __init__(self, url: str, *, pool_size: int = 20, max_overflow: int = 0, echo: bool = False):
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        # Statement parameters (webhook secrets among them) never reach a log line or an error message;
        # echo logs through the root handler (its redaction), not through a handler SQLAlchemy would add.
        kwargs: dict[str, Any] = {"hide_parameters": True, "json_deserializer": _json_loads}
        if echo:
            logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)
        if self.is_sqlite:
            kwargs["connect_args"] = {"timeout": 30}
        else:
            kwargs.update(pool_size=pool_size, max_overflow=max_overflow, pool_recycle=1800, pool_timeout=10)
            kwargs["connect_args"] = {"timeout": 5, "command_timeout": 30}
        self.engine: AsyncEngine = create_async_engine(url, **kwargs)
        if self.is_sqlite:
            self._configure_sqlite(self.engine)
        self._write_engine = self.engine.execution_options(tpm_write=True)
        self.read_sessions = async_sessionmaker(self.engine, expire_on_commit=False)
        self.write_sessions = async_sessionmaker(self._write_engine, expire_on_commit=False)

    @staticmethod
    def _configure_sqlite(engine: AsyncEngine) -> None:
        @event.listens_for(engine.sync_engine, "connect")
        def _on_connect(dbapi_connection: Any, _record: Any) -> None:
            # Let SQLAlchemy emit BEGIN itself so that we can choose IMMEDIATE for writes.
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        @event.listens_for(engine.sync_engine, "begin")
        def _on_begin(conn: Any) -> None:
            write = conn.get_execution_options().get("tpm_write", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    def session(self, *, write: bool = True) -> AsyncSession:
        return (self.write_sessions if write else self.read_sessions)()

    async def dispose(self) -> None:
        await self.engine.dispose()


async def write_session(request: Request) -> AsyncIterator[AsyncSession]:
    """The session of a route that writes: committed when the handler returns (before the response is
    sent, so an acknowledged write is durable), rolled back on any error. On SQLite it takes the write lock
    up front, so only routes that write ask for it (`deps.Session`); reads take `read_only_session`."""
    db: Database = request.app.state.db
    session = db.session(write=True)
    try:
        yield session
        if session.in_transaction():
            await session.commit()
    except BaseException:
        await session.rollback()
        raise
    finally:
        await session.close()


async def deferred_write_session(request: Request) -> AsyncIterator[AsyncSession]:
    """The session of a route that reads (and may ask siblings) before it writes a little at the end, such
    as the gate recording its decision: no write lock until the first write (SQLite's deferred BEGIN), so
    readers and other writers are not queued behind its sibling calls; committed when the handler returns."""
    session = request.app.state.db.session(write=False)
    try:
        yield session
        if session.in_transaction():
            await session.commit()
    except BaseException:
        await session.rollback()
        raise
    finally:
        await session.close()


async def read_only_session(request: Request) -> AsyncIterator[AsyncSession]:
    """The session of a route that only reads (every GET, and POSTs that write nothing: batch look-ups,
    batch decisions, the gate query): no write lock, nothing committed. On SQLite a write session takes the
    write lock up front, which would queue reads behind every writer, and a sibling may call them while its
    caller's own write transaction is open."""
    session = request.app.state.db.session(write=False)
    try:
        yield session
    finally:
        await session.close()
