"""Lists and search: filters, `q` text search, sort options, keyset pagination, and batch create (≤500,
all-or-nothing, per-row errors)."""

import pytest


async def seed(client, auth):
    assert (
        await client.post("/v1/projects", json={"key": "PAY", "name": "P"}, headers=auth())
    ).status_code == 201
    it = await client.post(
        "/v1/projects/PAY/iterations",
        json={"name": "S1", "start_date": "2026-12-01", "end_date": "2026-12-14"},
        headers=auth(),
    )
    rows = [
        {"type": "epic", "title": "Wallet payments", "priority": "P1"},
        {
            "type": "feature",
            "title": "Apple Pay",
            "parent": "#0",
            "priority": "P0",
            "labels": ["ios", "wallet"],
            "reach": 1000,
            "impact": 2,
            "confidence": 50,
            "effort": 1,
        },
        {
            "type": "story",
            "title": "Show saved cards",
            "parent": "#1",
            "assignee": "bob",
            "labels": ["web"],
            "description": "The checkout lists every saved card",
            "reach": 100,
            "impact": 1,
            "confidence": 100,
            "effort": 1,
            "iteration_id": it.json()["id"],
        },
        {
            "type": "bug",
            "title": "Crash on refund",
            "parent": "#0",
            "severity": "S1",
            "labels": ["ios"],
            "business_value": 10,
            "time_criticality": 10,
            "risk_reduction": 10,
            "job_size": 1,
            "priority": "P0",
        },
        {
            "type": "task",
            "title": "Refund ledger export",
            "parent": "#2",
            "assignee": "bob",
            "priority": "P3",
        },
    ]
    r = await client.post("/v1/projects/PAY/items/batch", json={"items": rows}, headers=auth())
    assert r.status_code == 201, r.text
    return it.json()["id"]


async def keys(client, auth, **params):
    r = await client.get("/v1/projects/PAY/items", params=params, headers=auth("viewer", "PAY"))
    assert r.status_code == 200, r.text
    return [i["key"] for i in r.json()["items"]]


async def test_filters(client, auth):
    iteration = await seed(client, auth)
    assert await keys(client, auth, type="bug") == ["PAY-4"]
    assert await keys(client, auth, type=["story", "task"]) == ["PAY-3", "PAY-5"]
    assert await keys(client, auth, status="backlog") == ["PAY-1", "PAY-2", "PAY-3", "PAY-4", "PAY-5"]
    assert await keys(client, auth, status="done") == []
    assert await keys(client, auth, assignee="bob") == ["PAY-3", "PAY-5"]
    assert await keys(client, auth, label="ios") == ["PAY-2", "PAY-4"]
    assert await keys(client, auth, label="io") == []
    assert await keys(client, auth, iteration_id=iteration) == ["PAY-3"]
    assert await keys(client, auth, parent="PAY-1") == ["PAY-2", "PAY-4"]
    assert await keys(client, auth, priority=["P0"]) == ["PAY-2", "PAY-4"]
    assert await keys(client, auth, severity="S1") == ["PAY-4"]
    assert await keys(client, auth, type="bug", label="ios", priority="P0") == ["PAY-4"]


async def test_text_search(client, auth):
    await seed(client, auth)
    assert await keys(client, auth, q="refund") == ["PAY-4", "PAY-5"]
    assert await keys(client, auth, q="saved") == ["PAY-3"]
    assert await keys(client, auth, q="checkout") == ["PAY-3"]  # description
    assert await keys(client, auth, q="Refund", type="task") == ["PAY-5"]
    assert await keys(client, auth, q="nothing-like-this") == []
    assert await keys(client, auth, q="100%") == []  # LIKE wildcards are literal
    r = await client.get("/v1/projects/PAY/items", params={"q": "x" * 201}, headers=auth())
    assert r.status_code == 422


async def test_sorts(client, auth):
    await seed(client, auth)
    assert await keys(client, auth) == ["PAY-1", "PAY-2", "PAY-3", "PAY-4", "PAY-5"]  # rank
    assert await keys(client, auth, sort="priority") == ["PAY-2", "PAY-4", "PAY-1", "PAY-3", "PAY-5"]
    assert (await keys(client, auth, sort="-rice"))[:2] == ["PAY-2", "PAY-3"]
    assert (await keys(client, auth, sort="-wsjf"))[0] == "PAY-4"
    assert await keys(client, auth, sort="-key") == ["PAY-5", "PAY-4", "PAY-3", "PAY-2", "PAY-1"]
    assert await keys(client, auth, sort="created") == ["PAY-1", "PAY-2", "PAY-3", "PAY-4", "PAY-5"]
    await client.patch("/v1/items/PAY-2", json={"title": "Apple Pay and Google Pay"}, headers=auth())
    assert (await keys(client, auth, sort="-updated"))[0] == "PAY-2"
    r = await client.get("/v1/projects/PAY/items", params={"sort": "secret"}, headers=auth())
    assert r.status_code == 422 and r.json()["errors"][0]["loc"] == "query.sort"


@pytest.mark.parametrize("sort", ["rank", "-priority", "rice", "-created", "key"])
async def test_keyset_pages_are_complete_and_stable(client, auth, sort):
    assert (
        await client.post("/v1/projects", json={"key": "PAY", "name": "P"}, headers=auth())
    ).status_code == 201
    rows = [
        {
            "type": "task",
            "title": f"T{i}",
            "priority": f"P{i % 4}",
            "reach": i,
            "impact": 1,
            "confidence": 100,
            "effort": 1,
        }
        for i in range(23)
    ]
    assert (
        await client.post("/v1/projects/PAY/items/batch", json={"items": rows}, headers=auth())
    ).status_code == 201
    everything = await keys(client, auth, sort=sort, limit=200)
    seen, cursor = [], None
    while True:
        params = {"limit": 5, "sort": sort}
        if cursor:
            params["cursor"] = cursor
        page = (await client.get("/v1/projects/PAY/items", params=params, headers=auth())).json()
        seen += [i["key"] for i in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == everything and len(set(seen)) == 23
    r = await client.get("/v1/projects/PAY/items", params={"cursor": "garbage!"}, headers=auth())
    assert r.status_code == 400 and r.json()["errors"][0]["loc"] == "query.cursor"


async def test_bad_filters_are_422(client, auth):
    await seed(client, auth)
    for params in (
        {"type": "saga"},
        {"status": "closed"},
        {"priority": "P7"},
        {"iteration_id": "x"},
        {"parent": "nope"},
        {"limit": 0},
        {"limit": 201},
    ):
        r = await client.get("/v1/projects/PAY/items", params=params, headers=auth())
        assert r.status_code == 422, params


async def test_batch_create_all_or_nothing_with_row_errors(client, auth):
    assert (
        await client.post("/v1/projects", json={"key": "PAY", "name": "P"}, headers=auth())
    ).status_code == 201
    rows = [
        {"type": "epic", "title": "E"},
        {"type": "story", "title": "wrong parent type", "parent": "#0"},
        {"type": "task", "title": "unknown parent", "parent": "PAY-77"},
        {"type": "story", "title": "forward ref", "parent": "#5"},
        {"type": "story", "title": "bug field", "severity": "S1"},
        {"type": "feature", "title": "fine", "parent": "#0"},
    ]
    r = await client.post("/v1/projects/PAY/items/batch", json={"items": rows}, headers=auth())
    assert r.status_code == 422
    problem = r.json()
    assert [e["loc"] for e in problem["errors"]] == [
        "body.items.1.parent",
        "body.items.2.parent",
        "body.items.3.parent",
        "body.items.4.severity",
    ]
    assert problem["detail"].startswith("4 row(s)")
    assert await keys(client, auth) == []
    # Schema errors name their row too.
    r = await client.post(
        "/v1/projects/PAY/items/batch",
        json={"items": [{"type": "story", "title": "ok"}, {"type": "story", "title": "x" * 301}]},
        headers=auth(),
    )
    assert r.status_code == 422 and r.json()["errors"][0]["loc"].startswith("body.items.1.title")
    # After the failures, keys start at 1: nothing was burnt.
    r = await client.post("/v1/projects/PAY/items/batch", json={"items": [rows[0], rows[5]]}, headers=auth())
    assert r.status_code == 201
    assert [(i["key"], i["parent"]) for i in r.json()["items"]] == [("PAY-1", None), ("PAY-2", "PAY-1")]


async def test_batch_limits(client, auth):
    assert (
        await client.post("/v1/projects", json={"key": "PAY", "name": "P"}, headers=auth())
    ).status_code == 201
    r = await client.post("/v1/projects/PAY/items/batch", json={"items": []}, headers=auth())
    assert r.status_code == 422
    r = await client.post(
        "/v1/projects/PAY/items/batch", json={"items": [{"type": "task", "title": "t"}] * 501}, headers=auth()
    )
    assert r.status_code == 422 and r.json()["errors"][0]["loc"] == "body.items"
    r = await client.post(
        "/v1/projects/PAY/items/batch",
        json={"items": [{"type": "task", "title": f"t{i}"} for i in range(500)]},
        headers=auth(),
    )
    assert r.status_code == 201 and len(r.json()["items"]) == 500
    assert r.json()["items"][-1]["key"] == "PAY-500"
    r = await client.post(
        "/v1/projects/PAY/items/batch",
        json={"items": [{"type": "task", "title": "t"}]},
        headers=auth("viewer", "PAY"),
    )
    assert r.status_code == 403


async def test_search_matches_word_prefixes_and_takes_query_syntax_literally(client, auth):
    await client.post("/v1/projects", json={"key": "FTS", "name": "Search"}, headers=auth())
    for title in ("Refunds for wallets", "Saved cards", 'Quote "this" AND (that)'):
        r = await client.post(
            "/v1/projects/FTS/items", json={"type": "story", "title": title}, headers=auth()
        )
        assert r.status_code == 201, r.text

    async def found(q):
        r = await client.get("/v1/projects/FTS/items", params={"q": q}, headers=auth())
        assert r.status_code == 200, r.text
        return [i["title"] for i in r.json()["items"]]

    assert await found("refund wallet") == ["Refunds for wallets"]
    assert await found('"this" AND (that') == ['Quote "this" AND (that)']
    assert await found("NEAR(") == []
    assert await found("***") == []
    # Editing the title moves the item in and out of the index.
    r = await client.get("/v1/projects/FTS/items", params={"q": "saved"}, headers=auth())
    key = r.json()["items"][0]["key"]
    await client.patch(f"/v1/items/{key}", json={"title": "Stored cards"}, headers=auth())
    assert await found("saved") == [] and await found("stored") == ["Stored cards"]
