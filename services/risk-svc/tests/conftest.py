import socket

import httpx
import pytest
from risk_svc.main import SPEC, create_app
from risk_svc.settings import Settings
from tpmhub_shared.http import SiblingClient
from tpmhub_shared.testing.plugin import LifespanClient, migrated_database, truncate_all


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


_RISK = {
    "title": "Card processor rate-limits us during peak",
    "category": "dependency",
    "cause": "The processor caps us at 300 TPS",
    "event": "Peak traffic exceeds the cap",
    "effect": "Payments fail during peak",
    "owner": "bob",
    "probability": 4,
    "impact": 4,
    "response_strategy": "mitigate",
    "contingency_plan": "Fail over to the backup processor",
    "triggers": [{"metric": "payment_error_rate", "comparator": ">", "threshold": 0.01}],
    "residual_probability": 2,
    "residual_impact": 3,
    "cost_impact": 50000,
}


async def _create(client, auth, project="PAY", role="tpm", **fields):
    r = await client.post(
        f"/v1/projects/{project}/risks", json={**_RISK, **fields}, headers=auth(role, project)
    )
    assert r.status_code == 201, r.text
    return r.json()


@pytest.fixture
def risk_body() -> dict:
    """A valid risk body (high: P4 × I4, residual P2 × I3, cost 50,000)."""
    return dict(_RISK)


@pytest.fixture
def create(client, auth):
    """`await create(**fields)` → the created risk (201 asserted)."""

    async def make(project="PAY", role="tpm", **fields):
        return await _create(client, auth, project, role, **fields)

    return make


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
async def requirements_down(app, risk_settings):
    """requirements-svc unreachable: the sibling client points at a port nobody listens on."""
    sibling = SiblingClient(
        name="requirements-svc",
        base_url=f"http://127.0.0.1:{_closed_port()}",
        settings=risk_settings.common,
        caller="risk-svc",
        timeout=0.5,
    )
    app.state.siblings["requirements"] = sibling
    yield sibling
    await sibling.aclose()
