"""Unknown projects are unknown everywhere: release-svc refuses a project requirements-svc does not know
(404), learns projects by asking the real requirements-svc on a miss, and fails closed (503) when it
cannot ask."""

import pytest
from release_svc.checklist.models import ChecklistTemplate
from release_svc.ci_sources.models import CiSource
from release_svc.deployments.models import Deployment
from release_svc.freezes.models import FreezeWindow
from release_svc.releases.models import Release
from requirements_svc.main import SPEC as REQ_SPEC
from requirements_svc.main import create_app as create_requirements_app
from requirements_svc.settings import Settings as RequirementsSettings
from sqlalchemy import func, select
from tpmhub_shared.events import OutboxEvent
from tpmhub_shared.history import HistoryEntry
from tpmhub_shared.http import SiblingClient
from tpmhub_shared.project_directory import KnownProject
from tpmhub_shared.testing.plugin import ConfirmingWith, LifespanClient, migrated_database, truncate_all
from tpmhub_shared.testing.postgres import free_port

FREEZE = {"name": "Singles Day", "starts_at": "2026-11-10T00:00:00Z", "ends_at": "2026-11-12T00:00:00Z"}
DEPLOYMENT = {"environment": "production", "commit_sha": "9fceb02d0ae598e95dc970b74767f19372d61af8"}
CI_SOURCE = {"provider": "github", "repository": "acme/payments"}


@pytest.fixture(scope="session")
async def requirements_app(backend, request, common_settings):
    pg = request.getfixturevalue("pg_server") if backend == "postgresql" else None
    settings = await migrated_database(REQ_SPEC, RequirementsSettings, backend, pg, common_settings)
    lifespan = LifespanClient(create_requirements_app(settings))
    async with lifespan:
        yield lifespan


@pytest.fixture
async def app(client):
    return client._transport.app


@pytest.fixture
async def req(app, requirements_app):
    """The real requirements-svc in-process (clean database), which release-svc confirms projects with."""
    await truncate_all(requirements_app.app.state.settings.database_url)
    wired = ConfirmingWith(requirements_app.app, app)
    yield requirements_app.client
    await wired.restore()


@pytest.fixture
async def requirements_down(app):
    saved = app.state.siblings["requirements"]
    down = SiblingClient(
        name="requirements-svc",
        base_url=f"http://127.0.0.1:{free_port()}",
        settings=app.state.settings.common,
        caller="release-svc",
        timeout=0.5,
    )
    app.state.siblings["requirements"] = down
    yield down
    await down.aclose()
    app.state.siblings["requirements"] = saved


async def count(app, model, *where) -> int:
    async with app.state.db.session(write=False) as s:
        return (await s.execute(select(func.count()).select_from(model).where(*where))).scalar_one()


async def nothing_written(app, key: str) -> None:
    for model in (Release, FreezeWindow, ChecklistTemplate, Deployment, CiSource, HistoryEntry, OutboxEvent):
        assert await count(app, model, model.project_key == key) == 0, model.__name__
    assert await count(app, KnownProject, KnownProject.key == key) == 0


async def test_a_project_created_in_requirements_is_accepted_at_once(client, auth, app, req):
    r = await req.post("/v1/projects", json={"key": "WAL", "name": "Wallets"}, headers=auth())
    assert r.status_code == 201, r.text
    h = auth("tpm", "WAL")
    r = await client.post("/v1/projects/WAL/releases", json={"version": "1.0.0"}, headers=h)
    assert r.status_code == 201, r.text
    assert (await client.get("/v1/projects/WAL/releases", headers=h)).json()["items"][0]["version"] == "1.0.0"
    known = await count(app, KnownProject, KnownProject.key == "WAL")
    assert known == 1


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/v1/projects/NOPE/releases", {"version": "1.0.0"}),
        ("GET", "/v1/projects/NOPE/releases", None),
        ("POST", "/v1/projects/NOPE/freeze-windows", FREEZE),
        ("GET", "/v1/projects/NOPE/freeze-windows", None),
        ("PUT", "/v1/projects/NOPE/checklist-template", {"items": [{"title": "Pressure test"}]}),
        ("POST", "/v1/projects/NOPE/deployments", DEPLOYMENT),
        ("POST", "/v1/projects/NOPE/ci-sources", CI_SOURCE),
        ("GET", "/v1/projects/NOPE/dora", None),
    ],
)
async def test_unknown_project_is_404_with_nothing_written(client, auth, app, req, method, path, body):
    for headers in (auth("admin", "NOPE"), auth("admin"), auth(service="risk-svc")):
        r = await client.request(method, path, json=body, headers=headers)
        assert r.status_code == 404, r.text
        assert r.headers["content-type"] == "application/problem+json"
        assert r.json()["detail"] == "Project NOPE does not exist."
    await nothing_written(app, "NOPE")


async def test_requirements_down_is_503_for_an_unknown_project_only(client, auth, app, req, requirements_app):
    # PAY is known from its event; SEEN from a look-up made while requirements-svc was up.
    r = await req.post("/v1/projects", json={"key": "SEEN", "name": "Seen"}, headers=auth())
    assert r.status_code == 201, r.text
    assert (await client.get("/v1/projects/SEEN/releases", headers=auth("viewer", "SEEN"))).status_code == 200
    down = SiblingClient(
        name="requirements-svc",
        base_url=f"http://127.0.0.1:{free_port()}",
        settings=app.state.settings.common,
        caller="release-svc",
        timeout=0.5,
    )
    up = app.state.siblings["requirements"]
    app.state.siblings["requirements"] = down
    try:
        r = await client.post(
            "/v1/projects/GONE/releases", json={"version": "1.0.0"}, headers=auth("tpm", "GONE")
        )
        assert r.status_code == 503, r.text
        assert "Cannot confirm that project GONE exists" in r.json()["detail"]
        assert r.headers["retry-after"] == "1"
        await nothing_written(app, "GONE")
        for key in ("PAY", "SEEN"):
            r = await client.post(
                f"/v1/projects/{key}/releases", json={"version": "2.0.0"}, headers=auth("tpm", key)
            )
            assert r.status_code == 201, r.text
    finally:
        app.state.siblings["requirements"] = up
        await down.aclose()
    # Back up: GONE was not remembered as unknown, and requirements-svc does not know it either.
    r = await client.post(
        "/v1/projects/GONE/releases", json={"version": "1.0.0"}, headers=auth("tpm", "GONE")
    )
    assert r.status_code == 404, r.text


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/v1/projects/{key}/releases", {"version": "1.0.0"}),
        ("GET", "/v1/projects/{key}/releases", None),
        ("GET", "/v1/projects/{key}/checklist-template", None),
    ],
)
async def test_no_role_on_the_project_answers_the_same_as_for_an_existing_one(
    client, auth, requirements_down, method, path, body
):
    """NOPE does not exist, OPS does: a caller with a role on PAY only cannot tell them apart (no look-up
    is made for it, so requirements-svc being down changes nothing)."""
    h = auth("tpm", "PAY")
    nope = await client.request(method, path.format(key="NOPE"), json=body, headers=h)
    ops = await client.request(method, path.format(key="OPS"), json=body, headers=h)
    assert nope.status_code == ops.status_code == 403, nope.text
    assert nope.text.replace("NOPE", "OPS") == ops.text


async def test_openapi_documents_404_and_503(app):
    for path, item in app.openapi()["paths"].items():
        if path.startswith("/v1/projects/{key}"):
            for method, op in item.items():
                assert {"404", "503"} <= set(op["responses"]), (method, path)
