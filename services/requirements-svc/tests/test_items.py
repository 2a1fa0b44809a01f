"""Backlog items: gap-free keys, hierarchy rules, workflow, scores, bug fields, roll-ups, references to
iterations and milestones, ETag/If-Match, roles, history and bad input (nothing written on failure)."""

import asyncio

import pytest


async def make_project(client, auth, key="PAY"):
    r = await client.post("/v1/projects", json={"key": key, "name": key}, headers=auth("admin"))
    assert r.status_code == 201, r.text


async def make_item(client, auth, project="PAY", role="tpm", **fields):
    body = {"type": "story", "title": "Pay with a saved card", **fields}
    r = await client.post(f"/v1/projects/{project}/items", json=body, headers=auth(role))
    assert r.status_code == 201, r.text
    return r.json()


async def count_items(client, auth, project="PAY"):
    return len(
        (await client.get(f"/v1/projects/{project}/items", params={"limit": 200}, headers=auth())).json()[
            "items"
        ]
    )


async def test_create_get_etag_and_defaults(client, auth):
    await make_project(client, auth)
    r = await client.post(
        "/v1/projects/PAY/items",
        json={
            "type": "story",
            "title": "Saved cards",
            "labels": ["checkout"],
            "points": 5,
            "assignee": "bob",
            "prd_section_id": "functional_requirements",
            "criteria": ["Given a card, when I pay, then it works"],
        },
        headers=auth("engineer", "PAY"),
    )
    assert r.status_code == 201, r.text
    item = r.json()
    assert (
        item["key"] == "PAY-1" and r.headers["location"] == "/v1/items/PAY-1" and r.headers["etag"] == '"1"'
    )
    assert item["status"] == "backlog" and item["priority"] == "P2" and item["labels"] == ["checkout"]
    assert item["prd_section_id"] == "functional_requirements" and item["created_by"] == "alice"
    assert item["acceptance"] == {"total": 1, "passed": 0, "failed": 0, "pending": 1}
    assert item["rice_score"] is None and item["wsjf_score"] is None
    got = await client.get("/v1/items/PAY-1", headers=auth("viewer", "PAY"))
    assert got.status_code == 200 and got.json()["title"] == "Saved cards" and got.headers["etag"] == '"1"'


async def test_unknown_project_item_and_bad_keys(client, auth):
    r = await client.post("/v1/projects/NOPE/items", json={"type": "story", "title": "x"}, headers=auth())
    assert r.status_code == 404 and r.json()["type"].endswith("/not-found")
    assert (await client.get("/v1/items/PAY-99", headers=auth())).status_code == 404
    assert (await client.get("/v1/items/pay-1", headers=auth())).status_code == 422
    assert (await client.get("/v1/projects/NOPE/items", headers=auth())).status_code == 404


async def test_keys_are_gap_free_under_concurrent_creates(client, auth):
    await make_project(client, auth)
    results = await asyncio.gather(
        *[
            client.post(
                "/v1/projects/PAY/items", json={"type": "task", "title": f"T{i}"}, headers=auth("tpm")
            )
            for i in range(20)
        ]
    )
    ok = [r for r in results if r.status_code == 201]
    assert {r.status_code for r in results} <= {201, 503}
    keys = sorted(int(r.json()["key"].split("-")[1]) for r in ok)
    assert keys == list(range(1, len(ok) + 1))
    # A failed create (bad parent) does not burn a number.
    r = await client.post(
        "/v1/projects/PAY/items",
        json={"type": "task", "title": "x", "parent": "PAY-999"},
        headers=auth("tpm"),
    )
    assert r.status_code == 422
    nxt = await make_item(client, auth)
    assert nxt["key"] == f"PAY-{len(ok) + 1}"


async def test_keys_are_per_project(client, auth):
    await make_project(client, auth)
    await make_project(client, auth, "OPS")
    assert (await make_item(client, auth))["key"] == "PAY-1"
    assert (await make_item(client, auth, project="OPS"))["key"] == "OPS-1"
    assert (await make_item(client, auth))["key"] == "PAY-2"


@pytest.mark.parametrize(
    ("child", "parent", "ok"),
    [
        ("feature", "epic", True),
        ("story", "feature", True),
        ("task", "story", True),
        ("bug", "epic", True),
        ("bug", "feature", True),
        ("spike", "story", True),
        ("story", "epic", False),
        ("task", "feature", False),
        ("epic", "epic", False),
        ("feature", "story", False),
        ("bug", "task", False),
        ("task", "bug", False),
    ],
)
async def test_parent_type_rules(client, auth, child, parent, ok):
    await make_project(client, auth)
    p = await make_item(client, auth, type=parent, title="parent")
    r = await client.post(
        "/v1/projects/PAY/items", json={"type": child, "title": "child", "parent": p["key"]}, headers=auth()
    )
    if ok:
        assert r.status_code == 201, r.text
        assert r.json()["parent"] == p["key"]
    else:
        assert r.status_code == 422, r.text
        assert r.json()["errors"][0]["loc"] == "body.parent"
        assert r.json()["errors"][0]["type"] == "parent_type"
        assert await count_items(client, auth) == 1


async def test_hierarchy_never_has_a_cycle(client, auth):
    await make_project(client, auth)
    epic = await make_item(client, auth, type="epic", title="E")
    feature = await make_item(client, auth, type="feature", title="F", parent=epic["key"])
    story = await make_item(client, auth, type="story", title="S", parent=feature["key"])
    # Itself as parent.
    r = await client.patch(f"/v1/items/{story['key']}", json={"parent": story["key"]}, headers=auth())
    assert r.status_code == 422 and r.json()["errors"][0]["type"] == "parent_cycle"
    # A descendant as parent (turning the epic into a task under its own story).
    r = await client.patch(
        f"/v1/items/{epic['key']}", json={"type": "task", "parent": story["key"]}, headers=auth()
    )
    assert r.status_code == 422 and r.json()["errors"][0]["type"] in ("parent_cycle", "parent_type")
    r = await client.patch(
        f"/v1/items/{feature['key']}", json={"type": "bug", "parent": story["key"]}, headers=auth()
    )
    assert r.status_code == 422 and r.json()["errors"][0]["type"] in ("parent_cycle", "parent_type")
    got = (await client.get(f"/v1/items/{epic['key']}", headers=auth())).json()
    assert got["type"] == "epic" and got["parent"] is None and got["version"] == 1


async def test_type_change_must_keep_children_valid(client, auth):
    await make_project(client, auth)
    epic = await make_item(client, auth, type="epic", title="E")
    await make_item(client, auth, type="feature", title="F", parent=epic["key"])
    r = await client.patch(f"/v1/items/{epic['key']}", json={"type": "story"}, headers=auth())
    assert r.status_code == 422 and r.json()["errors"][0]["loc"] == "body.type"


async def test_parent_from_another_project_or_unknown(client, auth):
    await make_project(client, auth)
    await make_project(client, auth, "OPS")
    other = await make_item(client, auth, project="OPS", type="epic", title="ops epic")
    r = await client.post(
        "/v1/projects/PAY/items",
        json={"type": "feature", "title": "x", "parent": other["key"]},
        headers=auth(),
    )
    assert r.status_code == 422 and r.json()["errors"][0]["type"] == "parent_project"
    r = await client.post(
        "/v1/projects/PAY/items", json={"type": "feature", "title": "x", "parent": "PAY-77"}, headers=auth()
    )
    assert r.status_code == 422 and r.json()["errors"][0]["type"] == "parent_missing"
    assert await count_items(client, auth) == 0


async def test_reparent_and_clear_parent(client, auth):
    await make_project(client, auth)
    e1 = await make_item(client, auth, type="epic", title="E1")
    e2 = await make_item(client, auth, type="epic", title="E2")
    f = await make_item(client, auth, type="feature", title="F", parent=e1["key"])
    r = await client.patch(f"/v1/items/{f['key']}", json={"parent": e2["key"]}, headers=auth())
    assert r.status_code == 200 and r.json()["parent"] == e2["key"]
    r = await client.patch(f"/v1/items/{f['key']}", json={"parent": None}, headers=auth())
    assert r.status_code == 200 and r.json()["parent"] is None


WORKFLOW = [("ready", 200), ("in_progress", 200), ("in_review", 200), ("done", 200)]


async def test_status_workflow_and_illegal_transitions(client, auth):
    await make_project(client, auth)
    item = await make_item(client, auth)
    url = f"/v1/items/{item['key']}/transition"
    r = await client.post(url, json={"to": "done"}, headers=auth("engineer", "PAY"))
    assert r.status_code == 409
    problem = r.json()
    assert problem["type"].endswith("/invalid-transition") and problem["state"] == "backlog"
    assert problem["allowed_actions"] == ["ready", "wont_do"]
    for to, code in WORKFLOW:
        r = await client.post(url, json={"to": to}, headers=auth("engineer", "PAY"))
        assert r.status_code == code, (to, r.text)
        assert r.json()["status"] == to
    assert r.json()["done_at"] is not None
    r = await client.post(url, json={"to": "in_progress"}, headers=auth())
    assert r.status_code == 409 and r.json()["allowed_actions"] == ["backlog", "ready", "wont_do"]
    # Reopen from done, and wont_do from anywhere, reopen from wont_do.
    r = await client.post(url, json={"to": "ready"}, headers=auth())
    assert r.status_code == 200 and r.json()["done_at"] is None
    r = await client.post(url, json={"to": "wont_do"}, headers=auth())
    assert r.status_code == 200
    r = await client.post(url, json={"to": "in_review"}, headers=auth())
    assert r.status_code == 409 and r.json()["allowed_actions"] == ["backlog", "ready"]
    r = await client.post(url, json={"to": "backlog"}, headers=auth())
    assert r.status_code == 200 and r.json()["status"] == "backlog"
    hist = (await client.get(f"/v1/items/{item['key']}/history", headers=auth())).json()["items"]
    assert [h["action"] for h in hist] == ["create"] + ["transition"] * 7
    assert hist[1]["changes"] == [{"field": "status", "before": "backlog", "after": "ready"}]


async def test_status_is_not_patchable_and_viewers_cannot_transition(client, auth):
    await make_project(client, auth)
    item = await make_item(client, auth)
    r = await client.patch(f"/v1/items/{item['key']}", json={"status": "done"}, headers=auth())
    assert r.status_code == 422 and r.json()["errors"][0]["loc"] == "body.status"
    r = await client.post(
        f"/v1/items/{item['key']}/transition", json={"to": "ready"}, headers=auth("viewer", "PAY")
    )
    assert r.status_code == 403
    r = await client.post(f"/v1/items/{item['key']}/transition", json={"to": "finished"}, headers=auth())
    assert r.status_code == 422


async def test_scores_are_computed(client, auth):
    await make_project(client, auth)
    item = await make_item(
        client,
        auth,
        reach=2000,
        impact=2,
        confidence=80,
        effort=4,
        business_value=8,
        time_criticality=5,
        risk_reduction=3,
        job_size=4,
        moscow="must",
    )
    assert item["rice_score"] == 800.0  # 2000 × 2 × 0.8 ÷ 4
    assert item["wsjf_score"] == 4.0  # (8 + 5 + 3) ÷ 4
    r = await client.patch(f"/v1/items/{item['key']}", json={"effort": 8, "job_size": None}, headers=auth())
    assert r.status_code == 200
    assert r.json()["rice_score"] == 400.0 and r.json()["wsjf_score"] is None


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("reach", -1),
        ("impact", 5),
        ("impact", 0.3),
        ("confidence", 101),
        ("confidence", -5),
        ("effort", 0),
        ("business_value", 0),
        ("time_criticality", 101),
        ("risk_reduction", -1),
        ("job_size", 0),
        ("moscow", "maybe"),
        ("priority", "P9"),
        ("points", -1),
        ("title", "x" * 301),
        ("description", "x" * 20001),
        ("labels", ["has space"]),
        ("labels", ["x"] * 21),
        ("assignee", "x" * 201),
        ("type", "saga"),
        ("prd_section_id", "x" * 65),
        ("surprise", 1),
    ],
)
async def test_bad_input_is_422_and_nothing_written(client, auth, field, value):
    await make_project(client, auth)
    r = await client.post(
        "/v1/projects/PAY/items", json={"type": "story", "title": "ok", field: value}, headers=auth()
    )
    assert r.status_code == 422, r.text
    assert any(e["loc"].startswith(f"body.{field}") for e in r.json()["errors"])
    assert await count_items(client, auth) == 0


async def test_bad_patch_changes_nothing(client, auth):
    await make_project(client, auth)
    item = await make_item(client, auth, reach=10, impact=1, confidence=50, effort=1)
    r = await client.patch(
        f"/v1/items/{item['key']}", json={"confidence": 500, "title": "new"}, headers=auth()
    )
    assert r.status_code == 422
    r = await client.patch(f"/v1/items/{item['key']}", json={"title": None}, headers=auth())
    assert r.status_code == 422
    got = (await client.get(f"/v1/items/{item['key']}", headers=auth())).json()
    assert got["title"] == item["title"] and got["confidence"] == 50 and got["version"] == 1


async def test_bug_fields(client, auth):
    await make_project(client, auth)
    bug = await make_item(client, auth, type="bug", title="Crash on pay", found_in="1.4.0")
    assert bug["severity"] == "S3" and bug["found_in"] == "1.4.0" and bug["fixed_in"] is None
    r = await client.patch(
        f"/v1/items/{bug['key']}", json={"severity": "S1", "fixed_in": "1.4.1"}, headers=auth()
    )
    assert r.status_code == 200 and r.json()["severity"] == "S1" and r.json()["fixed_in"] == "1.4.1"
    r = await client.post(
        "/v1/projects/PAY/items", json={"type": "story", "title": "x", "severity": "S1"}, headers=auth()
    )
    assert r.status_code == 422 and r.json()["errors"][0]["type"] == "bug_only"
    r = await client.post(
        "/v1/projects/PAY/items", json={"type": "bug", "title": "x", "severity": "S5"}, headers=auth()
    )
    assert r.status_code == 422
    story = await make_item(client, auth)
    r = await client.patch(f"/v1/items/{story['key']}", json={"found_in": "1.0"}, headers=auth())
    assert r.status_code == 422
    # A bug turned into a task sheds its bug fields.
    r = await client.patch(f"/v1/items/{bug['key']}", json={"type": "spike"}, headers=auth())
    assert r.status_code == 200 and r.json()["severity"] is None and r.json()["found_in"] is None


async def test_rollups_over_descendants(client, auth):
    await make_project(client, auth)
    epic = await make_item(client, auth, type="epic", title="E")
    f = await make_item(client, auth, type="feature", title="F", parent=epic["key"], points=1)
    s1 = await make_item(client, auth, type="story", title="S1", parent=f["key"], points=3)
    s2 = await make_item(client, auth, type="story", title="S2", parent=f["key"], points=5)
    await make_item(client, auth, type="task", title="T", parent=s1["key"], points=2)
    await make_item(client, auth, type="bug", title="B", parent=f["key"], points=8)
    for to in ("ready", "in_progress", "in_review", "done"):
        assert (
            await client.post(f"/v1/items/{s2['key']}/transition", json={"to": to}, headers=auth())
        ).status_code == 200
    got = (await client.get(f"/v1/items/{epic['key']}", headers=auth())).json()
    assert got["rollup"] == {
        "points_total": 19.0,
        "points_done": 5.0,
        "descendants": 5,
        "children_by_status": {"backlog": 1},
    }
    got = (await client.get(f"/v1/items/{f['key']}", headers=auth())).json()
    assert got["rollup"]["points_total"] == 18.0 and got["rollup"]["descendants"] == 4
    assert got["rollup"]["children_by_status"] == {"backlog": 2, "done": 1}
    # Lists carry the same roll-ups (batch-loaded).
    page = (await client.get("/v1/projects/PAY/items", params={"type": "epic"}, headers=auth())).json()
    assert page["items"][0]["rollup"]["points_total"] == 19.0


async def test_iteration_and_milestone_must_exist_in_the_project(client, auth):
    await make_project(client, auth)
    await make_project(client, auth, "OPS")
    ms = await client.post(
        "/v1/projects/OPS/milestones", json={"name": "M", "target_date": "2026-12-01"}, headers=auth()
    )
    assert ms.status_code == 201, ms.text
    r = await client.post(
        "/v1/projects/PAY/items",
        json={"type": "story", "title": "x", "milestone_id": ms.json()["id"]},
        headers=auth(),
    )
    assert r.status_code == 422 and r.json()["errors"][0]["loc"] == "body.milestone_id"
    r = await client.post(
        "/v1/projects/PAY/items",
        json={"type": "story", "title": "x", "iteration_id": "01937c5e-8f3a-7cc2-9d8e-3b1f0a6c2d11"},
        headers=auth(),
    )
    assert r.status_code == 422 and r.json()["errors"][0]["loc"] == "body.iteration_id"
    mine = await client.post(
        "/v1/projects/PAY/milestones", json={"name": "M", "target_date": "2026-12-01"}, headers=auth()
    )
    item = await make_item(client, auth, milestone_id=mine.json()["id"], points=3)
    assert item["milestone_id"] == mine.json()["id"]
    assert await count_items(client, auth) == 1


async def test_stale_if_match_is_412_and_nothing_changes(client, auth):
    await make_project(client, auth)
    item = await make_item(client, auth)
    url = f"/v1/items/{item['key']}"
    r = await client.patch(url, json={"title": "v2"}, headers={**auth(), "If-Match": '"1"'})
    assert r.status_code == 200 and r.headers["etag"] == '"2"'
    r = await client.patch(url, json={"title": "stale"}, headers={**auth(), "If-Match": '"1"'})
    assert r.status_code == 412
    r = await client.post(f"{url}/transition", json={"to": "ready"}, headers={**auth(), "If-Match": '"1"'})
    assert r.status_code == 412
    got = (await client.get(url, headers=auth())).json()
    assert got["title"] == "v2" and got["status"] == "backlog"


async def test_roles(client, auth):
    await make_project(client, auth)
    r = await client.post(
        "/v1/projects/PAY/items", json={"type": "story", "title": "x"}, headers=auth("viewer", "PAY")
    )
    assert r.status_code == 403
    r = await client.post(
        "/v1/projects/PAY/items", json={"type": "story", "title": "x"}, headers=auth("ci", "PAY")
    )
    assert r.status_code == 403
    r = await client.post(
        "/v1/projects/PAY/items", json={"type": "story", "title": "x"}, headers=auth("admin", "OPS")
    )
    assert r.status_code == 403
    item = await make_item(client, auth, role="qa")
    assert (await client.get(f"/v1/items/{item['key']}", headers=auth("viewer", "OPS"))).status_code == 404
    assert (await client.get("/v1/projects/PAY/items", headers=auth("viewer", "OPS"))).status_code == 403
    r = await client.patch(f"/v1/items/{item['key']}", json={"title": "y"}, headers=auth("viewer", "PAY"))
    assert r.status_code == 403
    assert (await client.get(f"/v1/items/{item['key']}")).status_code == 401


async def test_history_records_field_changes(client, auth):
    await make_project(client, auth)
    item = await make_item(client, auth, points=3)
    await client.patch(
        f"/v1/items/{item['key']}", json={"points": 5, "labels": ["a"]}, headers=auth(sub="bob")
    )
    hist = (await client.get(f"/v1/items/{item['key']}/history", headers=auth())).json()["items"]
    assert [h["action"] for h in hist] == ["create", "update"]
    assert hist[1]["actor"] == "bob"
    assert {"field": "points", "before": 3.0, "after": 5.0} in hist[1]["changes"]
    assert {"field": "labels", "before": [], "after": ["a"]} in hist[1]["changes"]
    # An empty patch records nothing.
    await client.patch(f"/v1/items/{item['key']}", json={}, headers=auth())
    assert len((await client.get(f"/v1/items/{item['key']}/history", headers=auth())).json()["items"]) == 2
