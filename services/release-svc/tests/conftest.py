import httpx
import pytest
from release_svc.main import SPEC, create_app
from release_svc.settings import Settings
from tpmhub_shared.testing.plugin import LifespanClient, learn_projects, migrated_database, truncate_all


@pytest.fixture(scope="session")
async def release_settings(backend, request, common_settings) -> Settings:
    pg = request.getfixturevalue("pg_server") if backend == "postgresql" else None
    return await migrated_database(SPEC, Settings, backend, pg, common_settings)


@pytest.fixture(scope="session")
async def release_app_client(release_settings):
    async with LifespanClient(create_app(release_settings)) as client:
        yield client


@pytest.fixture
async def client(release_app_client, release_settings, auth) -> httpx.AsyncClient:
    """release-svc in-process on a clean database (each test runs on SQLite and on PostgreSQL), knowing
    projects PAY, OPS and NEW from requirements-svc's `project.created` events."""
    await truncate_all(release_settings.database_url)
    await learn_projects(release_app_client, auth(service="requirements-svc"))
    return release_app_client
