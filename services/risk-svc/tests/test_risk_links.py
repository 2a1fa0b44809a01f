"""Links validated against requirements-svc and release-svc (the real apps, in-process): one call per
sibling, unknown and foreign targets, the sibling-down paths, and the gate query."""

import json

CLOSE = {"reason": "mitigated", "comment": "Mitigation done"}

UNKNOWN = "01937c5e-8f3a-7cc2-9d8e-3b1f0a6c2d11"


async def make_document(requirements, auth, plural="prds", title="3DS", project="PAY"):
    r = await requirements.post(f"/v1/projects/{project}/{plural}", json={"title": title}, headers=auth())
    assert r.status_code == 201, r.text
    return r.json()["id"]


async def risk_count(client, auth):
    return len((await client.get("/v1/projects/PAY/risks", headers=auth())).json()["items"])


async def test_links_to_known_items_and_prds(client, auth, requirements, make_release, create):
    prd = await make_document(requirements, auth)
    release = await make_release()
    body = await create(links={"items": ["PAY-1", "PAY-2"], "prds": [prd], "releases": [release]})
    assert body["links"] == {"items": ["PAY-1", "PAY-2"], "prds": [prd], "releases": [release]}
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


async def test_items_and_prds_in_one_call_releases_in_one_call(
    client, auth, requirements, requirements_transport, release_transport, make_release, create
):
    prds = [await make_document(requirements, auth, title=t) for t in ("3DS", "Wallet")]
    releases = [await make_release(version=v) for v in ("1.4.0", "1.5.0")]
    requirements_transport.requests.clear()
    release_transport.requests.clear()
    links = {"items": ["PAY-3", "PAY-1", "PAY-2"], "prds": prds, "releases": releases}
    assert (await create(links=links))["links"] == {**links, "items": ["PAY-1", "PAY-2", "PAY-3"]}
    [asked] = requirements_transport.requests
    assert (asked.method, asked.url.path) == ("POST", "/v1/items/lookup")
    assert json.loads(asked.content) == {
        "keys": ["PAY-1", "PAY-2", "PAY-3"],
        "prd_ids": prds,
        "found_in": None,
        "criterion_ids": [],
    }
    [asked] = release_transport.requests
    assert (asked.method, asked.url.path) == ("POST", "/v1/releases/lookup")
    assert json.loads(asked.content) == {"ids": releases}
    # Only the sibling that has something to answer is asked.
    requirements_transport.requests.clear()
    release_transport.requests.clear()
    r = await client.post("/v1/risks/PAY-R1/links", json={"prds": prds[:1]}, headers=auth("tpm", "PAY"))
    assert r.status_code == 200, r.text
    assert len(requirements_transport.requests) == 1 and release_transport.requests == []
    r = await client.post("/v1/risks/PAY-R1/links", json={"releases": releases}, headers=auth("tpm", "PAY"))
    assert r.status_code == 200, r.text
    assert len(requirements_transport.requests) == 1 and len(release_transport.requests) == 1


async def test_unknown_or_foreign_targets_of_both_siblings_are_one_422(
    client, auth, requirements, make_release, risk_body, create
):
    design = await make_document(requirements, auth, plural="designs", title="3DS design")
    r = await requirements.post("/v1/projects", json={"key": "OPS", "name": "Ops"}, headers=auth())
    assert r.status_code == 201, r.text
    ops_prd = await make_document(requirements, auth, project="OPS", title="On-call")
    prd = await make_document(requirements, auth)
    release = await make_release()
    ops_release = await make_release("OPS", "1.4.0")
    links = {
        "items": ["PAY-1", "PAY-9"],
        "prds": [prd, design, ops_prd],
        "releases": [release, UNKNOWN, ops_release],
    }
    r = await client.post(
        "/v1/projects/PAY/risks", json={**risk_body, "links": links}, headers=auth("tpm", "PAY")
    )
    assert r.status_code == 422, r.text
    problem = r.json()
    assert problem["missing"] == ["PAY-9", design, ops_prd, UNKNOWN, ops_release]
    assert [(e["loc"], e["type"]) for e in problem["errors"]] == [
        ("body.links.items", "link_unknown"),
        ("body.links.prds", "link_unknown"),
        ("body.links.prds", "link_unknown"),
        ("body.links.releases", "link_unknown"),
        ("body.links.releases", "link_unknown"),
    ]
    assert all(t in problem["detail"] for t in problem["missing"])
    assert await risk_count(client, auth) == 0
    # The same on linking: a design given as a PRD, a release of another project; nothing is linked.
    await create(links={"prds": [prd], "releases": [release]})
    for body, loc, target in (
        ({"prds": [design]}, "body.prds", design),
        ({"releases": [ops_release]}, "body.releases", ops_release),
        ({"releases": [UNKNOWN], "items": ["PAY-2"]}, "body.releases", UNKNOWN),
    ):
        r = await client.post("/v1/risks/PAY-R1/links", json=body, headers=auth("tpm", "PAY"))
        assert r.status_code == 422, r.text
        assert r.json()["missing"] == [target] and r.json()["errors"][0]["loc"] == loc
    risk = (await client.get("/v1/risks/PAY-R1", headers=auth())).json()
    assert risk["links"] == {"items": [], "prds": [prd], "releases": [release]}


async def test_release_down_is_503_and_nothing_written(
    client, auth, requirements, requirements_transport, release_down, risk_body, create
):
    requirements_transport.requests.clear()
    r = await client.post(
        "/v1/projects/PAY/risks",
        json={**risk_body, "links": {"items": ["PAY-1"], "releases": [UNKNOWN]}},
        headers=auth("tpm", "PAY"),
    )
    assert r.status_code == 503, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["sibling"] == "release-svc"
    assert len(requirements_transport.requests) == 1  # asked concurrently, answered, still nothing written
    assert await risk_count(client, auth) == 0
    # Items alone do not need release-svc; linking a release later is refused the same way.
    assert (await create(links={"items": ["PAY-1"]}))["key"] == "PAY-R1"
    r = await client.post("/v1/risks/PAY-R1/links", json={"releases": [UNKNOWN]}, headers=auth("tpm", "PAY"))
    assert r.status_code == 503 and r.json()["sibling"] == "release-svc"
    assert (await client.get("/v1/risks/PAY-R1", headers=auth())).json()["links"]["releases"] == []


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


async def test_gate_query(client, auth, requirements, make_release, make_token, create):
    release = await make_release()
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
    r = await client.post("/v1/risks/PAY-R5/close", json=CLOSE, headers=auth("tpm", "PAY"))
    assert r.status_code == 200
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
