import httpx
import pytest
from requirements_svc.main import SPEC, create_app
from requirements_svc.settings import Settings
from tpmhub_shared.testing.plugin import LifespanClient, migrated_database, truncate_all


@pytest.fixture(scope="session")
async def req_settings(backend, request, common_settings) -> Settings:
    pg = request.getfixturevalue("pg_server") if backend == "postgresql" else None
    return await migrated_database(SPEC, Settings, backend, pg, common_settings)


@pytest.fixture(scope="session")
async def req_app_client(req_settings):
    async with LifespanClient(create_app(req_settings)) as client:
        yield client


@pytest.fixture
async def client(req_app_client, req_settings) -> httpx.AsyncClient:
    """requirements-svc in-process on a clean database (each test runs on SQLite and on PostgreSQL)."""
    await truncate_all(req_settings.database_url)
    return req_app_client
