"""One Alembic env for all services; `config.attributes` names the service and its models."""

from __future__ import annotations

import asyncio
import importlib

from alembic import context
from sqlalchemy import pool
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine
from sqlmodel import SQLModel

config = context.config
importlib.import_module("tpmhub_shared.models")
importlib.import_module(config.attributes.get("models_module") or config.get_main_option("models_module"))
target_metadata = SQLModel.metadata
# `-x scope=shared` autogenerates the shared branch, anything else the service's own tables.
scope = context.get_x_argument(as_dictionary=True).get("scope", "service")


# `-x modules=pkg.a,pkg.b` limits autogenerate to the tables of those domains (one branch per domain team).
_modules = [m for m in context.get_x_argument(as_dictionary=True).get("modules", "").split(",") if m]
_table_modules = {
    m.local_table.name: m.class_.__module__
    for m in SQLModel._sa_registry.mappers
    if m.local_table is not None
}


def _is_shared(table_name: str) -> bool:
    table = target_metadata.tables.get(table_name)
    return bool(table is not None and table.info.get("shared"))


def include_object(obj, name, type_, reflected, compare_to):  # noqa: ANN001
    if type_ == "table":
        if _modules:
            return any(_table_modules.get(name, "").startswith(m) for m in _modules)
        return _is_shared(name) == (scope == "shared")
    return True


def render_item(type_, obj, autogen_context):  # noqa: ANN001
    """Render our portable column types by name, so migrations stay readable and importable."""
    from sqlalchemy import JSON

    from tpmhub_shared.db import UTCDateTime

    if type_ != "type":
        return False
    if isinstance(obj, UTCDateTime):
        autogen_context.imports.add("import tpmhub_shared.db")
        return "tpmhub_shared.db.UTCDateTime()"
    if isinstance(obj, JSON) and getattr(obj, "_variant_mapping", None):
        autogen_context.imports.add("import tpmhub_shared.db")
        return "tpmhub_shared.db.JSONType"
    return False


def do_run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        include_object=include_object,
        compare_type=True,
        render_item=render_item,
    )
    with context.begin_transaction():
        context.run_migrations()


async def run_async_migrations() -> None:
    engine = create_async_engine(config.get_main_option("sqlalchemy.url"), poolclass=pool.NullPool)
    async with engine.connect() as connection:
        await connection.run_sync(do_run_migrations)
    await engine.dispose()


if context.is_offline_mode():
    context.configure(
        url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata, literal_binds=True
    )
    with context.begin_transaction():
        context.run_migrations()
else:
    asyncio.run(run_async_migrations())
