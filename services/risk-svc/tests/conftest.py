import httpx
import pytest

from tpmhub_shared.testing.plugin import LifespanClient, migrated_database, truncate_all

from risk_svc.main import SPEC, create_app
from risk_svc.settings import Settings


@pytest.fixture(scope="session")
async def risk_settings(backend, request, common_settings) -> Settings:
    pg = request.getfixturevalue("pg_server") if backend == "postgresql" else None
    return await migrated_database(SPEC, Settings, backend, pg, common_settings)


@pytest.fixture(scope="session")
async def risk_app_client(risk_settings):
    async with LifespanClient(create_app(risk_settings)) as client:
        yield client


@pytest.fixture
async def client(risk_app_client, risk_settings) -> httpx.AsyncClient:
    """risk-svc in-process on a clean database (each test runs on SQLite and on PostgreSQL)."""
    await truncate_all(risk_settings.database_url)
    return risk_app_client
