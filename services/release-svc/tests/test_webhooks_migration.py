"""The migration that deduplicates CI deliveries per source, up and down, on SQLite and PostgreSQL."""

import asyncio
from datetime import timedelta

import pytest
from alembic import command
from release_svc.ci_sources.models import CiSource
from release_svc.main import SPEC
from release_svc.settings import Settings
from release_svc.webhooks.models import CiDelivery
from sqlalchemy import insert, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine
from tpmhub_shared.app import migration_config
from tpmhub_shared.ids import utcnow
from tpmhub_shared.testing.plugin import new_database_url

BEFORE, AFTER = "ed74bd95b2ed", "e1d20b626745"


def _source(project: str) -> CiSource:
    return CiSource(
        project_key=project, provider="github", repository="acme/payments", secret="s" * 20, created_by="t"
    )


def _delivery(source: CiSource, delivery_id: str, **kw) -> CiDelivery:
    return CiDelivery(
        provider="github",
        delivery_id=delivery_id,
        source_id=source.id,
        project_key=source.project_key,
        event="push",
        status="processed",
        **kw,
    )


_OLD_SOURCE_COLUMNS = [
    "id",
    "created_at",
    "updated_at",
    "version",
    "project_key",
    "provider",
    "name",
    "repository",
    "secret",
    "version_patterns",
    "checklist_rules",
    "production_environments",
    "active",
    "created_by",
]


async def _add(engine, *rows) -> None:
    """Sources with the columns these revisions have (later migrations add more), deliveries as rows."""
    async with AsyncSession(engine, expire_on_commit=False) as session:
        for row in rows:
            if isinstance(row, CiSource):
                table = CiSource.__table__
                await session.execute(insert(table).values({c: getattr(row, c) for c in _OLD_SOURCE_COLUMNS}))
            else:
                session.add(row)
        await session.commit()


async def test_deliveries_per_source_migration_up_and_down(backend, request, common_settings):
    pg = request.getfixturevalue("pg_server") if backend == "postgresql" else None
    url = await new_database_url(backend, pg, "release_migration")
    cfg = migration_config(SPEC, Settings(database_url=url, common=common_settings, background_enabled=False))
    engine = create_async_engine(url)
    try:
        await asyncio.to_thread(command.upgrade, cfg, BEFORE)
        pay, ops = _source("PAY"), _source("OPS")
        await _add(engine, pay, ops)
        await _add(engine, _delivery(pay, "d-1"))
        with pytest.raises(IntegrityError):  # before: one id per provider, whichever project sent it first
            await _add(engine, _delivery(ops, "d-1"))

        await asyncio.to_thread(command.upgrade, cfg, AFTER)
        async with engine.connect() as conn:
            versions = {r[0] for r in await conn.execute(text("SELECT version_num FROM alembic_version"))}
        assert AFTER in versions
        later = _delivery(ops, "d-1", received_at=utcnow() + timedelta(seconds=1))
        await _add(engine, later)  # now: one id per source
        with pytest.raises(IntegrityError):
            await _add(engine, _delivery(pay, "d-1"))

        # Down again: the old key cannot hold both, so the earliest record of the id is kept.
        await asyncio.to_thread(command.downgrade, cfg, "release_webhooks@-1")
        async with engine.connect() as conn:
            versions = {r[0] for r in await conn.execute(text("SELECT version_num FROM alembic_version"))}
            kept = (await conn.execute(select(CiDelivery.source_id))).scalars().all()
        assert BEFORE in versions and AFTER not in versions
        assert kept == [pay.id]
        with pytest.raises(IntegrityError):
            await _add(engine, _delivery(ops, "d-1"))
        await asyncio.to_thread(command.upgrade, cfg, "heads")
        await _add(engine, _delivery(ops, "d-1"))
    finally:
        await engine.dispose()
