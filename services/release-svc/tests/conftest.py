from types import SimpleNamespace

import httpx
import pytest
from release_helpers import _client
from release_svc.main import SPEC, create_app
from release_svc.settings import Settings
from requirements_svc.main import SPEC as REQ_SPEC
from requirements_svc.main import create_app as create_requirements_app
from requirements_svc.settings import Settings as RequirementsSettings
from risk_svc.main import SPEC as RISK_SPEC
from risk_svc.main import create_app as create_risk_app
from risk_svc.settings import Settings as RiskSettings
from tpmhub_shared.http import SiblingClient
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


# ---- the real siblings, in-process (the gate asks them) -------------------------------------------------


@pytest.fixture(scope="session")
async def sibling_apps(backend, request, common_settings):
    pg = request.getfixturevalue("pg_server") if backend == "postgresql" else None
    req_settings = await migrated_database(REQ_SPEC, RequirementsSettings, backend, pg, common_settings)
    risk_settings = await migrated_database(RISK_SPEC, RiskSettings, backend, pg, common_settings)
    req_app, risk_app = create_requirements_app(req_settings), create_risk_app(risk_settings)
    async with LifespanClient(req_app) as req, LifespanClient(risk_app) as risk:
        risk_app.state.siblings["requirements"] = _client("requirements", common_settings, app=req_app)
        yield SimpleNamespace(
            req=req,
            risk=risk,
            req_app=req_app,
            risk_app=risk_app,
            urls=[req_settings.database_url, risk_settings.database_url],
        )


@pytest.fixture
async def wired(client, sibling_apps, common_settings, auth):
    """release-svc's sibling clients pointed at the in-process siblings (on clean databases; risk-svc
    knowing the test projects as release-svc does), and risk-svc's release sibling at this release-svc
    (risk links to releases are checked with it)."""
    for url in sibling_apps.urls:
        await truncate_all(url)
    await learn_projects(sibling_apps.risk, auth(service="requirements-svc"))
    release_app = client._transport.app
    siblings = release_app.state.siblings
    saved = dict(siblings)
    siblings["requirements"] = _client("requirements", common_settings, app=sibling_apps.req_app)
    siblings["risk"] = _client("risk", common_settings, app=sibling_apps.risk_app)
    risk_siblings = sibling_apps.risk_app.state.siblings
    saved_release = risk_siblings["release"]
    risk_siblings["release"] = SiblingClient(
        name="release-svc",
        base_url="http://release",
        settings=common_settings,
        caller="risk-svc",
        transport=httpx.ASGITransport(app=release_app),
    )
    sibling_apps.set = lambda name, c: siblings.__setitem__(name, c)
    yield sibling_apps
    for name in ("requirements", "risk"):
        await siblings[name].aclose()
    siblings.clear()
    siblings.update(saved)
    await risk_siblings["release"].aclose()
    risk_siblings["release"] = saved_release
