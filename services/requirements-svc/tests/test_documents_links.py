"""Designs link to the epics and features they design: keys are checked against the backlog."""

import pytest


async def setup_backlog(client, auth):
    r = await client.post("/v1/projects", json={"key": "PAY", "name": "Payments"}, headers=auth("admin"))
    assert r.status_code == 201
    await client.post("/v1/projects", json={"key": "OPS", "name": "Ops"}, headers=auth("admin"))
    keys = {}
    for type_ in ("epic", "feature", "story"):
        r = await client.post(
            "/v1/projects/PAY/items", json={"type": type_, "title": type_}, headers=auth("tpm")
        )
        assert r.status_code == 201, r.text
        keys[type_] = r.json()["key"]
    return keys


async def test_design_links_epics_and_features_and_diff_shows_link_changes(client, auth):
    keys = await setup_backlog(client, auth)
    r = await client.post(
        "/v1/projects/PAY/designs",
        json={"title": "3DS engine", "linked_items": [keys["epic"]]},
        headers=auth("engineer", "PAY"),
    )
    assert r.status_code == 201, r.text
    design = r.json()
    assert design["linked_items"] == [keys["epic"]]
    url = f"/v1/designs/{design['id']}"
    await client.post(
        f"{url}/submit",
        json={"reviewers": [{"reviewer": "bob", "domain": "architecture"}]},
        headers=auth("tpm"),
    )
    r = await client.post(
        f"{url}/decide", json={"decision": "approve"}, headers=auth("engineer", "PAY", sub="bob")
    )
    assert r.json()["status"] == "approved"
    r = await client.patch(url, json={"linked_items": [keys["feature"]]}, headers=auth("engineer", "PAY"))
    assert (
        r.status_code == 200 and r.json()["revision"] == 2 and r.json()["linked_items"] == [keys["feature"]]
    )
    v1 = (await client.get(f"{url}/versions/1", headers=auth())).json()
    assert v1["linked_items"] == [keys["epic"]]
    d = (await client.get(f"{url}/diff", params={"from": 1}, headers=auth())).json()
    assert d["linked_items"] == {"added": [keys["feature"]], "removed": [keys["epic"]]}
    hist = (await client.get(f"{url}/history", headers=auth())).json()["items"]
    assert {"field": "linked_items", "before": [keys["epic"]], "after": [keys["feature"]]} in hist[-1][
        "changes"
    ]
    r = await client.patch(url, json={"linked_items": None}, headers=auth("engineer", "PAY"))
    assert r.status_code == 200 and r.json()["linked_items"] == []


@pytest.mark.parametrize(
    ("links", "loc", "type_"),
    [
        (["story"], "body.linked_items.0", "wrong_type"),
        (["epic", "PAY-999"], "body.linked_items.1", "not_found"),
        (["OPS-1"], "body.linked_items.0", "wrong_project"),
        (["epic", "epic"], "body.linked_items.1", "duplicate"),
        (["pay-1"], "body.linked_items.0", "string_pattern_mismatch"),
        ([f"PAY-{i}" for i in range(1, 102)], "body.linked_items", "too_long"),
    ],
)
async def test_bad_links_are_422_naming_the_key_and_nothing_written(client, auth, links, loc, type_):
    keys = await setup_backlog(client, auth)
    links = [keys.get(k, k) for k in links]
    r = await client.post(
        "/v1/projects/PAY/designs",
        json={"title": "x", "linked_items": links},
        headers=auth("engineer", "PAY"),
    )
    assert r.status_code == 422, r.text
    assert (loc, type_) in [(e["loc"], e["type"]) for e in r.json()["errors"]]
    assert (await client.get("/v1/projects/PAY/designs", headers=auth())).json()["items"] == []


async def test_bad_link_on_update_changes_nothing(client, auth):
    keys = await setup_backlog(client, auth)
    r = await client.post(
        "/v1/projects/PAY/designs",
        json={"title": "x", "linked_items": [keys["epic"]]},
        headers=auth("engineer", "PAY"),
    )
    url = f"/v1/designs/{r.json()['id']}"
    r = await client.patch(url, json={"title": "y", "linked_items": [keys["story"]]}, headers=auth("tpm"))
    assert r.status_code == 422
    got = (await client.get(url, headers=auth())).json()
    assert got["title"] == "x" and got["linked_items"] == [keys["epic"]] and got["version"] == 1


async def test_prds_have_no_item_links(client, auth):
    await setup_backlog(client, auth)
    r = await client.post(
        "/v1/projects/PAY/prds", json={"title": "x", "linked_items": ["PAY-1"]}, headers=auth()
    )
    assert r.status_code == 422 and "body.linked_items" in [e["loc"] for e in r.json()["errors"]]
