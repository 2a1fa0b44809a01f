import socket

import httpx
import pytest

from tpmhub_shared.http import SiblingClient
from tpmhub_shared.testing.plugin import LifespanClient, migrated_database, truncate_all

from risk_svc.main import SPEC, create_app
from risk_svc.settings import Settings


@pytest.fixture(scope="session")
async def risk_settings(backend, request, common_settings) -> Settings:
    pg = request.getfixturevalue("pg_server") if backend == "postgresql" else None
    return await migrated_database(SPEC, Settings, backend, pg, common_settings)


@pytest.fixture(scope="session")
async def risk_lifespan(risk_settings):
    lifespan = LifespanClient(create_app(risk_settings))
    async with lifespan:
        yield lifespan


@pytest.fixture(scope="session")
async def risk_app_client(risk_lifespan):
    return risk_lifespan.client


@pytest.fixture
async def app(risk_lifespan):
    """The risk-svc app behind `client`; a test may set `app.state.clock` (reset afterwards)."""
    app = risk_lifespan.app
    original = dict(app.state.siblings)
    yield app
    app.state.clock = None
    app.state.siblings.clear()
    app.state.siblings.update(original)


@pytest.fixture
async def client(risk_app_client, risk_settings, app) -> httpx.AsyncClient:
    """risk-svc in-process on a clean database (each test runs on SQLite and on PostgreSQL)."""
    await truncate_all(risk_settings.database_url)
    return risk_app_client


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
async def requirements_down(app, risk_settings):
    """requirements-svc unreachable: the sibling client points at a port nobody listens on."""
    sibling = SiblingClient(name="requirements-svc", base_url=f"http://127.0.0.1:{_closed_port()}",
                            settings=risk_settings.common, caller="risk-svc", timeout=0.5)
    app.state.siblings["requirements"] = sibling
    yield sibling
    await sibling.aclose()
