import socket

import httpx
import pytest
from risk_svc.main import SPEC, create_app
from risk_svc.settings import Settings
from tpmhub_shared.http import SiblingClient
from tpmhub_shared.testing.plugin import LifespanClient, learn_projects, migrated_database, truncate_all


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
async def client(risk_app_client, risk_settings, app, auth) -> httpx.AsyncClient:
    """risk-svc in-process on a clean database (each test runs on SQLite and on PostgreSQL), knowing
    projects PAY, OPS and NEW from requirements-svc's `project.created` events."""
    await truncate_all(risk_settings.database_url)
    await learn_projects(risk_app_client, auth(service="requirements-svc"))
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


def _unreachable(name: str, risk_settings) -> SiblingClient:  # noqa: ANN001
    return SiblingClient(
        name=f"{name}-svc",
        base_url=f"http://127.0.0.1:{_closed_port()}",
        settings=risk_settings.common,
        caller="risk-svc",
        timeout=0.5,
    )


@pytest.fixture
async def requirements_down(app, risk_settings):
    """requirements-svc unreachable: the sibling client points at a port nobody listens on."""
    sibling = _unreachable("requirements", risk_settings)
    app.state.siblings["requirements"] = sibling
    yield sibling
    await sibling.aclose()


@pytest.fixture
async def release_down(app, risk_settings):
    """release-svc unreachable: the sibling client points at a port nobody listens on."""
    sibling = _unreachable("release", risk_settings)
    app.state.siblings["release"] = sibling
    yield sibling
    await sibling.aclose()


class CountingTransport(httpx.AsyncBaseTransport):
    """An in-process app behind a sibling client, remembering every request that reaches it."""

    def __init__(self, app) -> None:  # noqa: ANN001
        self.inner = httpx.ASGITransport(app=app)
        self.requests: list[httpx.Request] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return await self.inner.handle_async_request(request)


@pytest.fixture(scope="session")
async def release_settings(backend, request, common_settings):
    from release_svc.main import SPEC
    from release_svc.settings import Settings

    pg = request.getfixturevalue("pg_server") if backend == "postgresql" else None
    return await migrated_database(SPEC, Settings, backend, pg, common_settings)


@pytest.fixture(scope="session")
async def release_lifespan(release_settings):
    from release_svc.main import create_app

    lifespan = LifespanClient(create_app(release_settings))
    async with lifespan:
        yield lifespan


@pytest.fixture
async def release_transport(app, release_lifespan, release_settings, auth):
    """The real release-svc in-process on a clean database (knowing PAY, OPS and NEW), wired as risk-svc's
    `release` sibling; its `requests` are the calls risk-svc made to it."""
    await truncate_all(release_settings.database_url)
    await learn_projects(release_lifespan.client, auth(service="requirements-svc"))
    transport = CountingTransport(release_lifespan.app)
    sibling = SiblingClient(
        name="release-svc",
        base_url="http://release",
        settings=release_settings.common,
        caller="risk-svc",
        transport=transport,
    )
    app.state.siblings["release"] = sibling
    yield transport
    await sibling.aclose()


@pytest.fixture
def make_release(release_transport, release_lifespan, auth):
    """`await make_release("PAY", "1.4.0")` → the id of a new draft release in the real release-svc."""

    async def make(project: str = "PAY", version: str = "1.4.0") -> str:
        assert release_lifespan.client is not None
        r = await release_lifespan.client.post(
            f"/v1/projects/{project}/releases", json={"version": version}, headers=auth()
        )
        assert r.status_code == 201, r.text
        return r.json()["id"]

    return make


@pytest.fixture(scope="session")
async def req_settings(backend, request, common_settings):
    from requirements_svc.main import SPEC
    from requirements_svc.settings import Settings

    pg = request.getfixturevalue("pg_server") if backend == "postgresql" else None
    return await migrated_database(SPEC, Settings, backend, pg, common_settings)


@pytest.fixture(scope="session")
async def req_lifespan(req_settings):
    from requirements_svc.main import create_app

    lifespan = LifespanClient(create_app(req_settings))
    async with lifespan:
        yield lifespan


@pytest.fixture
async def requirements_transport(app, req_lifespan, req_settings):
    """The real requirements-svc in-process on a clean database, wired as risk-svc's `requirements`
    sibling; its `requests` are the calls risk-svc made to it."""
    await truncate_all(req_settings.database_url)
    transport = CountingTransport(req_lifespan.app)
    sibling = SiblingClient(
        name="requirements-svc",
        base_url="http://requirements",
        settings=req_settings.common,
        caller="risk-svc",
        transport=transport,
    )
    app.state.siblings["requirements"] = sibling
    yield transport
    await sibling.aclose()


@pytest.fixture
async def requirements(requirements_transport, client, req_lifespan, auth):
    """The requirements-svc client of `requirements_transport`, with project PAY and items PAY-1..3."""
    req = req_lifespan.client
    assert (
        await req.post("/v1/projects", json={"key": "PAY", "name": "Payments"}, headers=auth())
    ).status_code == 201
    for n in range(3):
        r = await req.post(
            "/v1/projects/PAY/items", json={"type": "story", "title": f"Story {n}"}, headers=auth()
        )
        assert r.status_code == 201, r.text
    return req
