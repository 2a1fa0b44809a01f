"""Unknown projects are unknown everywhere: risk-svc refuses a project requirements-svc does not know (404),
learns projects from `project.created` and by asking requirements-svc on a miss, and fails closed (503)
when it cannot ask."""

import asyncio

import pytest
from risk_svc.matrix.models import RiskMatrix
from risk_svc.risks.models import Risk
from sqlalchemy import func, select
from tpmhub_shared.events import OutboxEvent
from tpmhub_shared.history import HistoryEntry
from tpmhub_shared.http import SiblingClient
from tpmhub_shared.project_directory import KnownProject
from tpmhub_shared.testing.plugin import project_created_event
from tpmhub_shared.testing.postgres import free_port

RISK = {"title": "Processor caps TPS", "category": "dependency", "probability": 4, "impact": 4}


def lookups(transport, key: str) -> int:
    return sum(1 for r in transport.requests if r.method == "GET" and r.url.path == f"/v1/projects/{key}")


async def count(app, model, *where) -> int:
    async with app.state.db.session(write=False) as s:
        return (await s.execute(select(func.count()).select_from(model).where(*where))).scalar_one()


async def nothing_written(app, key: str) -> None:
    assert await count(app, Risk, Risk.project_key == key) == 0
    assert await count(app, RiskMatrix, RiskMatrix.project_key == key) == 0
    assert await count(app, HistoryEntry, HistoryEntry.project_key == key) == 0
    assert await count(app, OutboxEvent, OutboxEvent.project_key == key) == 0
    assert await count(app, KnownProject, KnownProject.key == key) == 0


async def test_a_project_created_in_requirements_is_accepted_at_once(
    client, auth, app, requirements_transport, req_lifespan
):
    r = await req_lifespan.client.post("/v1/projects", json={"key": "WAL", "name": "Wallets"}, headers=auth())
    assert r.status_code == 201, r.text
    h = auth("tpm", "WAL")
    r = await client.post("/v1/projects/WAL/risks", json=RISK, headers=h)
    assert r.status_code == 201, r.text
    assert r.json()["key"] == "WAL-R1"
    assert lookups(requirements_transport, "WAL") == 1
    # Remembered: in the table (for every replica and restart) and in memory; no second look-up.
    assert await count(app, KnownProject, KnownProject.key == "WAL") == 1
    for path in ("/v1/projects/WAL/risks", "/v1/projects/WAL/risk-matrix", "/v1/projects/WAL/risks/heatmap"):
        assert (await client.get(path, headers=h)).status_code == 200, path
    app.state.project_directory.clear()  # another replica: the table answers
    assert (await client.get("/v1/projects/WAL/risks", headers=h)).status_code == 200
    assert lookups(requirements_transport, "WAL") == 1


async def test_unknown_project_is_404_with_nothing_written(client, auth, app, requirements_transport):
    h = auth("admin", "NOPE")
    calls = [
        ("POST", "/v1/projects/NOPE/risks", RISK),
        ("GET", "/v1/projects/NOPE/risks", None),
        ("PUT", "/v1/projects/NOPE/risk-matrix", {"probability_labels": ["a", "b", "c", "d", "e"]}),
        ("GET", "/v1/projects/NOPE/risk-matrix", None),
        ("GET", "/v1/projects/NOPE/risks/heatmap", None),
        ("GET", "/v1/projects/NOPE/risk-summary", None),
    ]
    for method, path, body in calls:
        r = await client.request(method, path, json=body, headers=h)
        assert r.status_code == 404, (path, r.text)
        problem = r.json()
        assert r.headers["content-type"] == "application/problem+json"
        assert problem["detail"] == "Project NOPE does not exist." and problem["status"] == 404
    await nothing_written(app, "NOPE")
    # "Does not exist" is kept a few seconds: a flood of bogus requests is one look-up, not one each.
    assert lookups(requirements_transport, "NOPE") == 1
    # A caller with a wildcard role and a service get the same answer.
    for headers in (auth("admin"), auth(service="release-svc")):
        r = await client.post("/v1/projects/NOPE/risks", json=RISK, headers=headers)
        assert r.status_code == 404, r.text


async def test_project_created_event_beats_the_negative_cache(client, auth, app, requirements_transport):
    h = auth("tpm", "LATE")
    assert (await client.post("/v1/projects/LATE/risks", json=RISK, headers=h)).status_code == 404
    event = project_created_event("LATE", "Late project")
    svc = auth(service="requirements-svc")
    assert (await client.post("/v1/events", json=event, headers=svc)).json()["status"] == "processed"
    assert (await client.post("/v1/events", json=event, headers=svc)).json()["status"] == "duplicate"
    # The same fact under another event id (a re-emitted event) is still one row.
    again = project_created_event("LATE")
    assert (await client.post("/v1/events", json=again, headers=svc)).json()["status"] == "processed"
    assert await count(app, KnownProject, KnownProject.key == "LATE") == 1
    r = await client.post("/v1/projects/LATE/risks", json=RISK, headers=h)
    assert r.status_code == 201, r.text
    assert lookups(requirements_transport, "LATE") == 1  # the one that said 404


async def test_concurrent_misses_share_one_lookup(client, auth, requirements_transport, req_lifespan):
    assert (
        await req_lifespan.client.post("/v1/projects", json={"key": "BUSY", "name": "Busy"}, headers=auth())
    ).status_code == 201
    h = auth("viewer", "BUSY")
    answers = await asyncio.gather(*[client.get("/v1/projects/BUSY/risks", headers=h) for _ in range(8)])
    assert [a.status_code for a in answers] == [200] * 8
    assert lookups(requirements_transport, "BUSY") == 1


async def test_requirements_down_is_503_for_an_unknown_project_only(
    client, auth, app, requirements_transport, req_lifespan, risk_settings
):
    # PAY was learned from its event; SEEN is learned by a look-up, before requirements-svc goes down.
    assert (
        await req_lifespan.client.post("/v1/projects", json={"key": "SEEN", "name": "Seen"}, headers=auth())
    ).status_code == 201
    assert (await client.get("/v1/projects/SEEN/risks", headers=auth("viewer", "SEEN"))).status_code == 200
    down = SiblingClient(
        name="requirements-svc",
        base_url=f"http://127.0.0.1:{free_port()}",
        settings=risk_settings.common,
        caller="risk-svc",
        timeout=0.5,
    )
    app.state.siblings["requirements"] = down
    try:
        r = await client.post("/v1/projects/GONE/risks", json=RISK, headers=auth("tpm", "GONE"))
        assert r.status_code == 503, r.text
        problem = r.json()
        assert problem["status"] == 503 and "Cannot confirm that project GONE exists" in problem["detail"]
        assert r.headers["retry-after"] == "1"
        await nothing_written(app, "GONE")
        # Not remembered as unknown: asked again on the next request, still refused.
        r = await client.get("/v1/projects/GONE/risks", headers=auth("viewer", "GONE"))
        assert r.status_code == 503, r.text
        for key in ("PAY", "SEEN"):
            r = await client.post(f"/v1/projects/{key}/risks", json=RISK, headers=auth("tpm", key))
            assert r.status_code == 201, r.text
        app.state.project_directory.clear()  # known from the table too, not only from memory
        r = await client.post("/v1/projects/SEEN/risks", json=RISK, headers=auth("tpm", "SEEN"))
        assert r.status_code == 201, r.text
    finally:
        await down.aclose()


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/v1/projects/{key}/risks", RISK),
        ("GET", "/v1/projects/{key}/risks", None),
        ("GET", "/v1/projects/{key}/risk-matrix", None),
        ("GET", "/v1/projects/{key}/risks/heatmap", None),
    ],
)
async def test_no_role_on_the_project_answers_the_same_as_for_an_existing_one(
    client, auth, requirements_down, method, path, body
):
    """NOPE does not exist, OPS does; a caller with a role on PAY only cannot tell them apart (and no
    look-up is made for it: requirements-svc being down changes nothing)."""
    h = auth("tpm", "PAY")
    nope = await client.request(method, path.format(key="NOPE"), json=body, headers=h)
    ops = await client.request(method, path.format(key="OPS"), json=body, headers=h)
    assert nope.status_code == ops.status_code == 403, nope.text
    assert nope.text.replace("NOPE", "OPS") == ops.text


async def test_authentication_comes_first_and_bad_keys_are_422(client, auth, requirements_down):
    assert (await client.get("/v1/projects/NOPE/risks")).status_code == 401
    r = await client.get("/v1/projects/nope/risks", headers=auth("admin"))
    assert r.status_code == 422, r.text


async def test_requirements_svc_itself_is_not_asked_back(client, auth, requirements_down):
    """requirements-svc owns projects: its own calls (health, archive) are not confirmed with it."""
    r = await client.get("/v1/projects/ARCH/risks", headers=auth(service="requirements-svc"))
    assert r.status_code == 200, r.text


async def test_openapi_documents_404_and_503(app):
    spec = app.openapi()
    for path, item in spec["paths"].items():
        if path.startswith("/v1/projects/{key}"):
            for method, op in item.items():
                assert {"404", "503"} <= set(op["responses"]), (method, path)
