"""The migration that adds who ticked a checklist item and when: up on a populated database (ticks taken
back from the history) and down again, on SQLite and PostgreSQL."""

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import command
from release_svc.main import SPEC
from release_svc.settings import Settings
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine
from tpmhub_shared.app import migration_config
from tpmhub_shared.db import JSONType, UTCDateTime
from tpmhub_shared.ids import new_id
from tpmhub_shared.testing.plugin import new_database_url

BEFORE, AFTER = "27e11c1392e9", "5c1d0e7a9b42"
T0 = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


async def _columns(engine) -> set[str]:
    async with engine.connect() as conn:
        return await conn.run_sync(
            lambda c: {col["name"] for col in sa.inspect(c).get_columns("release_checklist_items")}
        )


async def test_done_by_done_at_migration_up_and_down(backend, request, common_settings):
    pg = request.getfixturevalue("pg_server") if backend == "postgresql" else None
    url = await new_database_url(backend, pg, "release_checklist_done")
    cfg = migration_config(SPEC, Settings(database_url=url, common=common_settings, background_enabled=False))
    engine = create_async_engine(url)
    releases = sa.table(
        "releases",
        sa.column("id", sa.Uuid()),
        sa.column("created_at", UTCDateTime()),
        sa.column("updated_at", UTCDateTime()),
        *(
            sa.column(c)
            for c in ("version", "project_key", "semver", "name", "description", "status", "created_by")
        ),
    )
    items = sa.table(
        "release_checklist_items",
        sa.column("id", sa.Uuid()),
        sa.column("release_id", sa.Uuid()),
        sa.column("created_at", UTCDateTime()),
        sa.column("updated_at", UTCDateTime()),
        *(sa.column(c) for c in ("version", "project_key", "position", "title", "status", "note")),
    )
    history = sa.table(
        "history",
        sa.column("id", sa.Uuid()),
        sa.column("at", UTCDateTime()),
        sa.column("changes", JSONType),
        *(
            sa.column(c)
            for c in ("project_key", "resource_type", "resource_id", "action", "actor", "actor_name")
        ),
    )
    try:
        await asyncio.to_thread(command.upgrade, cfg, "shared@head")
        await asyncio.to_thread(command.upgrade, cfg, BEFORE)
        assert "done_by" not in await _columns(engine)
        rid = uuid.uuid4()
        ticked, untracked, pending = new_id(), new_id(), new_id()

        def entry(item, actor, at, status_after):
            return {
                "id": new_id(),
                "at": at,
                "project_key": "PAY",
                "resource_type": "checklist_item",
                "resource_id": str(item),
                "action": "update",
                "actor": actor,
                "actor_name": "",
                "changes": [{"field": "status", "before": "pending", "after": status_after}],
            }

        async with engine.begin() as conn:
            await conn.execute(
                sa.insert(releases).values(
                    id=rid,
                    created_at=T0,
                    updated_at=T0,
                    version=1,
                    project_key="PAY",
                    semver="1.0.0",
                    name="",
                    description="",
                    status="approved",
                    created_by="alice",
                )
            )
            for position, (item, status) in enumerate(
                ((ticked, "done"), (untracked, "done"), (pending, "pending"))
            ):
                await conn.execute(
                    sa.insert(items).values(
                        id=item,
                        release_id=rid,
                        created_at=T0,
                        updated_at=T0,
                        version=2,
                        project_key="PAY",
                        position=position,
                        title=f"item {position}",
                        status=status,
                        note="",
                    )
                )
            # Ticked by bob, unticked, ticked again by ci; the latest tick wins.
            await conn.execute(
                sa.insert(history),
                [
                    entry(ticked, "bob", T0 + timedelta(minutes=1), "done"),
                    entry(ticked, "bob", T0 + timedelta(minutes=2), "pending"),
                    entry(ticked, "ci:github:acme/pay", T0 + timedelta(minutes=3), "done"),
                    entry(pending, "bob", T0, "done"),
                ],
            )

        await asyncio.to_thread(command.upgrade, cfg, "heads")
        async with engine.connect() as conn:
            versions = {r[0] for r in await conn.execute(text("SELECT version_num FROM alembic_version"))}
            rows = {
                r.id: r
                for r in await conn.execute(
                    sa.select(
                        sa.column("id", sa.Uuid()), sa.column("done_by"), sa.column("done_at", UTCDateTime())
                    ).select_from(sa.table("release_checklist_items"))
                )
            }
        assert AFTER in versions
        assert rows[ticked].done_by == "ci:github:acme/pay" and rows[ticked].done_at == T0 + timedelta(
            minutes=3
        )
        # Done before anyone recorded it: unknown. Not done: nothing, whatever the history says.
        assert rows[untracked].done_by is None and rows[untracked].done_at is None
        assert rows[pending].done_by is None and rows[pending].done_at is None

        await asyncio.to_thread(command.downgrade, cfg, f"{AFTER}-1")
        assert "done_by" not in await _columns(engine) and "done_at" not in await _columns(engine)
        await asyncio.to_thread(command.upgrade, cfg, "heads")
        assert {"done_by", "done_at"} <= await _columns(engine)
    finally:
        await engine.dispose()
