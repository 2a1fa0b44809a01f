import httpx
import pytest
from release_svc.main import SPEC, create_app
from release_svc.settings import Settings
from tpmhub_shared.testing.plugin import LifespanClient, migrated_database, truncate_all


@pytest.fixture(scope="session")
async def release_settings(backend, request, common_settings) -> Settings:
    pg = request.getfixturevalue("pg_server") if backend == "postgresql" else None
    return await migrated_database(SPEC, Settings, backend, pg, common_settings)


@pytest.fixture(scope="session")
async def release_app_client(release_settings):
    async with LifespanClient(create_app(release_settings)) as client:
        yield client


@pytest.fixture
async def client(release_app_client, release_settings) -> httpx.AsyncClient:
    """release-svc in-process on a clean database (each test runs on SQLite and on PostgreSQL)."""
    await truncate_all(release_settings.database_url)
    return release_app_client
