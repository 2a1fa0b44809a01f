"""The migration that gives a closed risk a reason code and a comment, both ways, on real rows."""

import asyncio

from alembic import command
from risk_svc.main import SPEC, create_app
from risk_svc.settings import Settings
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine
from tpmhub_shared.app import migration_config
from tpmhub_shared.testing.plugin import LifespanClient, learn_projects, migrated_database

REVISION, BEFORE = "5c1d0a7e93b2", "2f140a44ff6d"


async def _closed(url: str, *, comment: bool = True) -> list[tuple]:
    columns = "key, close_reason, close_comment" if comment else "key, close_reason"
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            return [tuple(r) for r in await conn.execute(text(f"SELECT {columns} FROM risks ORDER BY seq"))]
    finally:
        await engine.dispose()


async def test_close_reason_migration_up_and_down(backend, request, common_settings, auth):
    pg = request.getfixturevalue("pg_server") if backend == "postgresql" else None
    settings = await migrated_database(SPEC, Settings, backend, pg, common_settings)
    async with LifespanClient(create_app(settings)) as client:
        await learn_projects(client, auth(service="requirements-svc"), "PAY")
        h = auth("tpm", "PAY")
        for title in ("closed", "open"):
            r = await client.post(
                "/v1/projects/PAY/risks",
                json={"title": title, "category": "technical", "probability": 2, "impact": 2},
                headers=h,
            )
            assert r.status_code == 201, r.text
        r = await client.post(
            "/v1/risks/PAY-R1/close", json={"reason": "accepted", "comment": "VP signed"}, headers=h
        )
        assert r.status_code == 200, r.text
    url = settings.database_url
    assert await _closed(url) == [("PAY-R1", "accepted", "VP signed"), ("PAY-R2", None, None)]
    cfg = migration_config(SPEC, settings)
    await asyncio.to_thread(command.downgrade, cfg, BEFORE)
    # Before codes, the reason was free text: the code and the comment together.
    assert await _closed(url, comment=False) == [("PAY-R1", "accepted: VP signed"), ("PAY-R2", None)]
    await asyncio.to_thread(command.upgrade, cfg, "heads")
    # A free-text reason from before becomes the comment; no code is guessed.
    assert await _closed(url) == [("PAY-R1", None, "accepted: VP signed"), ("PAY-R2", None, None)]
