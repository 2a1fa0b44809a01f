"""Links validated against requirements-svc (the real app, in-process), the sibling-down path, and the gate
query."""

import httpx
import pytest
from tpmhub_shared.http import SiblingClient
from tpmhub_shared.testing.plugin import LifespanClient, migrated_database, truncate_all


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
async def requirements(app, client, req_lifespan, req_settings, auth):
    """The real requirements-svc in-process, wired as risk-svc's sibling; project PAY with items PAY-1..3."""
    await truncate_all(req_settings.database_url)
    sibling = SiblingClient(
        name="requirements-svc",
        base_url="http://requirements",
        settings=req_settings.common,
        caller="risk-svc",
        transport=httpx.ASGITransport(app=req_lifespan.app),
    )
    app.state.siblings["requirements"] = sibling
    req = req_lifespan.client
    assert (
        await req.post("/v1/projects", json={"key": "PAY", "name": "Payments"}, headers=auth())
    ).status_code == 201
    for n in range(3):
        r = await req.post(
            "/v1/projects/PAY/items", json={"type": "story", "title": f"Story {n}"}, headers=auth()
        )
        assert r.status_code == 201, r.text
    yield req
    await sibling.aclose()


async def test_links_to_known_items_and_prds(client, auth, requirements, create):
    r = await requirements.post("/v1/projects/PAY/prds", json={"title": "3DS"}, headers=auth())
    assert r.status_code == 201, r.text
    prd = r.json()["id"]
    body = await create(links={"items": ["PAY-1", "PAY-2"], "prds": [prd]})
    assert body["links"] == {"items": ["PAY-1", "PAY-2"], "prds": [prd], "releases": []}
    r = await client.post(
        "/v1/risks/PAY-R1/links", json={"items": ["PAY-3", "PAY-1"]}, headers=auth("tpm", "PAY")
    )
    assert r.status_code == 200 and r.json()["links"]["items"] == ["PAY-1", "PAY-2", "PAY-3"]
    r = await client.get("/v1/projects/PAY/risks", params={"item": "PAY-3"}, headers=auth("viewer", "PAY"))
    assert [x["key"] for x in r.json()["items"]] == ["PAY-R1"]
    r = await client.delete("/v1/risks/PAY-R1/links/item/PAY-3", headers=auth("tpm", "PAY"))
    assert r.status_code == 204
    assert (
        await client.delete("/v1/risks/PAY-R1/links/item/PAY-3", headers=auth("tpm", "PAY"))
    ).status_code == 404
    assert (await client.get("/v1/risks/PAY-R1", headers=auth())).json()["links"]["items"] == [
        "PAY-1",
        "PAY-2",
    ]


async def test_unknown_items_and_prds_are_422_naming_them_and_write_nothing(
    client, auth, requirements, risk_body, create
):
    r = await client.post(
        "/v1/projects/PAY/risks",
        json={
            **risk_body,
            "links": {
                "items": ["PAY-1", "PAY-77", "PAY-78"],
                "prds": ["01937c5e-8f3a-7cc2-9d8e-3b1f0a6c2d11"],
            },
        },
        headers=auth("tpm", "PAY"),
    )
    assert r.status_code == 422, r.text
    problem = r.json()
    assert problem["missing"] == ["PAY-77", "PAY-78", "01937c5e-8f3a-7cc2-9d8e-3b1f0a6c2d11"]
    assert "PAY-77" in problem["detail"] and {e["loc"] for e in problem["errors"]} == {
        "body.links.items",
        "body.links.prds",
    }
    assert (await client.get("/v1/projects/PAY/risks", headers=auth())).json()["items"] == []
    await create()
    r = await client.post("/v1/risks/PAY-R1/links", json={"items": ["PAY-99"]}, headers=auth("tpm", "PAY"))
    assert r.status_code == 422 and "PAY-99" in r.text
    r = await client.post("/v1/risks/PAY-R1/links", json={"items": ["OPS-1"]}, headers=auth("tpm", "PAY"))
    assert r.status_code == 422 and "own project" in r.text
    assert (await client.get("/v1/risks/PAY-R1", headers=auth())).json()["links"]["items"] == []


async def test_requirements_down_is_503_and_nothing_written(
    client, auth, requirements_down, risk_body, create
):
    r = await client.post(
        "/v1/projects/PAY/risks",
        json={**risk_body, "links": {"items": ["PAY-1"]}},
        headers=auth("tpm", "PAY"),
    )
    assert r.status_code == 503, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["sibling"] == "requirements-svc"
    assert (await client.get("/v1/projects/PAY/risks", headers=auth())).json()["items"] == []
    # A risk without links does not need requirements-svc; linking one later is refused the same way.
    assert (await create())["key"] == "PAY-R1"
    r = await client.post("/v1/risks/PAY-R1/links", json={"items": ["PAY-1"]}, headers=auth("tpm", "PAY"))
    assert r.status_code == 503
    assert (await client.get("/v1/risks/PAY-R1", headers=auth())).json()["links"]["items"] == []
    # A viewer is refused before requirements-svc is asked.
    r = await client.post("/v1/risks/PAY-R1/links", json={"items": ["PAY-1"]}, headers=auth("viewer", "PAY"))
    assert r.status_code == 403


async def test_gate_query(client, auth, requirements, make_token, create):
    release = "01937c5e-8f3a-7cc2-9d8e-3b1f0a6c2d11"
    await create(title="high on item", links={"items": ["PAY-1"]})  # R1 high 16
    await create(
        title="low on item",
        probability=1,
        impact=2,
        residual_probability=None,
        residual_impact=None,
        links={"items": ["PAY-2"]},
    )  # R2 low
    await create(
        title="low but blocks",
        probability=1,
        impact=2,
        residual_probability=None,
        residual_impact=None,
        blocks_release=True,
        links={"releases": [release]},
    )  # R3
    await create(title="high unlinked")  # R4
    await create(title="critical closed", probability=5, impact=5, links={"items": ["PAY-3"]})
    assert (await client.post("/v1/risks/PAY-R5/close", headers=auth("tpm", "PAY"))).status_code == 200
    token = make_token(roles={"*": "viewer"}, sub="service:release-svc", service="release-svc")
    service = {"Authorization": f"Bearer {token}"}
    query = {"project_key": "PAY", "release_id": release, "item_keys": ["PAY-1", "PAY-2", "PAY-3"]}
    r = await client.post("/v1/risks/gate-query", json=query, headers=service)
    assert r.status_code == 200, r.text
    result = r.json()
    assert result["gate_level"] == "high"
    assert [(b["key"], b["linked_items"]) for b in result["blocking"]] == [
        ("PAY-R1", ["PAY-1"]),
        ("PAY-R3", []),
    ]
    assert "gate level high" in result["blocking"][0]["reason"]
    assert "blocks_release" in result["blocking"][1]["reason"]
    r = await client.post(
        "/v1/risks/gate-query", json={"project_key": "PAY", "item_keys": ["PAY-2"]}, headers=auth("ci", "PAY")
    )
    assert r.status_code == 200 and r.json()["blocking"] == []
    r = await client.post("/v1/risks/gate-query", json={"project_key": "PAY"}, headers=service)
    assert r.json()["blocking"] == []
    for bad in (
        {"project_key": "pay"},
        {"project_key": "PAY", "item_keys": ["nope"]},
        {"project_key": "PAY", "release_id": "x"},
        {"project_key": "PAY", "extra": 1},
    ):
        assert (await client.post("/v1/risks/gate-query", json=bad, headers=service)).status_code == 422
    assert (
        await client.post("/v1/risks/gate-query", json=query, headers=auth("admin", "OPS"))
    ).status_code == 403
    assert (await client.post("/v1/risks/gate-query", json=query)).status_code == 401
