"""Batch look-up (POST /v1/items/lookup) per contracts.ItemLookupRequest/ItemLookupResponse, and the event
handlers for release.released and ci.item_referenced (called directly with a session)."""

import uuid
from datetime import UTC, datetime

import pytest
from requirements_svc.items.handlers import HANDLERS
from tpmhub_shared.contracts import ItemLookupResponse
from tpmhub_shared.db import Database
from tpmhub_shared.events import CloudEvent


async def seed(client, auth):
    for key in ("PAY", "OPS"):
        assert (
            await client.post("/v1/projects", json={"key": key, "name": key}, headers=auth())
        ).status_code == 201
    rows = [
        {"type": "story", "title": "S", "points": 3, "criteria": ["a", "b", "c"]},
        {"type": "bug", "title": "Crash", "severity": "S1", "found_in": "1.4.0"},
        {"type": "bug", "title": "Typo", "severity": "S4", "found_in": "1.4.0"},
        {"type": "bug", "title": "Slow", "severity": "S2", "found_in": "1.3.0"},
        {"type": "bug", "title": "Fixed crash", "severity": "S2", "found_in": "1.4.0"},
    ]
    assert (
        await client.post("/v1/projects/PAY/items/batch", json={"items": rows}, headers=auth())
    ).status_code == 201
    crit = (await client.get("/v1/items/PAY-1/criteria", headers=auth())).json()
    await client.post(f"/v1/criteria/{crit[0]['id']}/verify", json={"status": "passed"}, headers=auth())
    await client.post(f"/v1/criteria/{crit[1]['id']}/verify", json={"status": "failed"}, headers=auth())
    await client.post("/v1/items/PAY-5/transition", json={"to": "wont_do"}, headers=auth())
    r = await client.post(
        "/v1/projects/OPS/items",
        json={"type": "bug", "title": "Ops crash", "severity": "S1", "found_in": "1.4.0"},
        headers=auth(),
    )
    assert r.status_code == 201


async def test_lookup_summarises_items_and_reports_missing(client, auth, make_token):
    await seed(client, auth)
    token = make_token("admin", service="release-svc")
    r = await client.post(
        "/v1/items/lookup",
        json={"keys": ["PAY-1", "PAY-9", "PAY-3", "PAY-1"]},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert r.status_code == 200, r.text
    body = ItemLookupResponse.model_validate(r.json())
    assert [i.key for i in body.items] == ["PAY-1", "PAY-3"]
    story = body.items[0]
    assert (
        story.type == "story"
        and story.status == "backlog"
        and story.points == 3
        and story.project_key == "PAY"
    )
    assert story.acceptance.model_dump() == {"total": 3, "passed": 1, "failed": 1, "pending": 1}
    assert body.items[1].severity == "S4" and body.items[1].found_in == "1.4.0"
    assert body.missing == ["PAY-9"]
    assert body.open_bugs == []  # PAY-3 is S4


async def test_lookup_found_in_adds_open_blocking_bugs_of_the_same_projects(client, auth):
    await seed(client, auth)
    r = await client.post(
        "/v1/items/lookup", json={"keys": ["PAY-1"], "found_in": "1.4.0"}, headers=auth("viewer", "PAY")
    )
    assert r.status_code == 200, r.text
    bugs = r.json()["open_bugs"]
    # PAY-2 (S1, open, 1.4.0) only: PAY-3 is S4, PAY-4 another version, PAY-5 closed, OPS-1 another project.
    assert [b["key"] for b in bugs] == ["PAY-2"] and bugs[0]["severity"] == "S1"
    r = await client.post("/v1/items/lookup", json={"keys": ["PAY-4"]}, headers=auth())
    assert [b["key"] for b in r.json()["open_bugs"]] == ["PAY-4"]  # an open S2 bug among the keys


async def test_lookup_reports_blocking_bugs_anywhere_under_the_keys_with_their_path(client, auth):
    """epic PAY-1 > feature PAY-2 > story PAY-3 > S1 bug PAY-4; a closed S1 bug and an S3 bug under the same
    story do not block; a second epic's subtree is not walked unless asked."""
    await client.post("/v1/projects", json={"key": "PAY", "name": "P"}, headers=auth())
    rows = [
        {"type": "epic", "title": "Wallets"},
        {"type": "feature", "title": "Apple Pay", "parent": "#0"},
        {"type": "story", "title": "Pay", "parent": "#1"},
        {"type": "bug", "title": "Double charge", "severity": "S1", "parent": "#2"},
        {"type": "bug", "title": "Old crash", "severity": "S1", "parent": "#2"},
        {"type": "bug", "title": "Typo", "severity": "S3", "parent": "#2"},
        {"type": "epic", "title": "Refunds"},
        {"type": "bug", "title": "Refund lost", "severity": "S2", "parent": "#6"},
        {"type": "feature", "title": "Refund", "parent": "#6"},
    ]
    r = await client.post("/v1/projects/PAY/items/batch", json={"items": rows}, headers=auth())
    assert r.status_code == 201, r.text
    await client.post("/v1/items/PAY-5/transition", json={"to": "wont_do"}, headers=auth())

    async def bugs(*keys):
        r = await client.post("/v1/items/lookup", json={"keys": list(keys)}, headers=auth("viewer", "PAY"))
        assert r.status_code == 200, r.text
        return [(b["key"], b["path"]) for b in r.json()["open_bugs"]]

    assert await bugs("PAY-1") == [("PAY-4", ["PAY-1", "PAY-2", "PAY-3", "PAY-4"])]  # depth 3
    assert await bugs("PAY-2") == [("PAY-4", ["PAY-2", "PAY-3", "PAY-4"])]
    assert await bugs("PAY-3") == [("PAY-4", ["PAY-3", "PAY-4"])]
    # The bug itself, and the bug under two keys: listed once, by its shortest path.
    assert await bugs("PAY-1", "PAY-4") == [("PAY-4", ["PAY-4"])]
    assert await bugs("PAY-1", "PAY-3") == [("PAY-4", ["PAY-3", "PAY-4"])]
    assert await bugs("PAY-9", "PAY-7") == [("PAY-8", ["PAY-7", "PAY-8"])]
    assert await bugs("PAY-9") == []  # a sibling feature does not see its epic's bug
    assert await bugs("PAY-1", "PAY-7") == [
        ("PAY-4", ["PAY-1", "PAY-2", "PAY-3", "PAY-4"]),
        ("PAY-8", ["PAY-7", "PAY-8"]),
    ]
    # A bug only found in the version has no path.
    await client.post(
        "/v1/projects/PAY/items",
        json={"type": "bug", "title": "B", "severity": "S1", "found_in": "2.0"},
        headers=auth(),
    )
    r = await client.post("/v1/items/lookup", json={"keys": ["PAY-9"], "found_in": "2.0"}, headers=auth())
    assert [(b["key"], b["path"]) for b in r.json()["open_bugs"]] == [("PAY-10", None)]
    # Fixed: it no longer blocks.
    for to in ("ready", "in_progress", "in_review", "done"):
        await client.post("/v1/items/PAY-4/transition", json={"to": to}, headers=auth())
    assert await bugs("PAY-1") == []


async def test_lookup_hides_unreadable_projects(client, auth):
    await seed(client, auth)
    r = await client.post(
        "/v1/items/lookup",
        json={"keys": ["PAY-1", "OPS-1"], "found_in": "1.4.0"},
        headers=auth("viewer", "OPS"),
    )
    body = r.json()
    assert [i["key"] for i in body["items"]] == ["OPS-1"] and body["missing"] == ["PAY-1"]
    assert [b["key"] for b in body["open_bugs"]] == ["OPS-1"]


@pytest.mark.parametrize(
    "body",
    [
        {"keys": ["pay-1"]},
        {"keys": ["PAY-CR1"]},
        {"keys": "PAY-1"},
        {"keys": ["PAY-1"] * 1001},
        {"keys": ["PAY-1"], "extra": True},
        {"keys": ["PAY-1"], "found_in": "x" * 101},
        {"prd_ids": ["not-a-uuid"]},
        {"prd_ids": "01937c5e-8f3a-7cc2-9d8e-3b1f0a6c2d11"},
        {"prd_ids": [str(uuid.uuid4()) for _ in range(1001)]},
    ],
)
async def test_lookup_bad_input(client, auth, body):
    r = await client.post("/v1/items/lookup", json=body, headers=auth())
    assert r.status_code == 422


async def test_lookup_of_nothing_is_empty(client, auth):
    r = await client.post("/v1/items/lookup", json={}, headers=auth())
    assert r.status_code == 200, r.text
    assert r.json() == {
        "items": [],
        "missing": [],
        "open_bugs": [],
        "prds": [],
        "missing_prds": [],
        "criteria": [],
        "missing_criteria": [],
    }


async def make_document(client, auth, project, plural, title):
    r = await client.post(f"/v1/projects/{project}/{plural}", json={"title": title}, headers=auth())
    assert r.status_code == 201, r.text
    return r.json()["id"]


async def test_lookup_prds_with_items_in_one_call(client, auth):
    await seed(client, auth)
    prd = await make_document(client, auth, "PAY", "prds", "3DS")
    other = await make_document(client, auth, "PAY", "prds", "Wallet")
    design = await make_document(client, auth, "PAY", "designs", "3DS design")
    ops_prd = await make_document(client, auth, "OPS", "prds", "On-call")
    unknown = "01937c5e-8f3a-7cc2-9d8e-3b1f0a6c2d11"
    body = {"keys": ["PAY-1", "PAY-9"], "prd_ids": [other, unknown, prd, design, ops_prd, prd]}
    r = await client.post("/v1/items/lookup", json=body, headers=auth("viewer", "PAY"))
    assert r.status_code == 200, r.text
    answer = ItemLookupResponse.model_validate(r.json())
    assert [i.key for i in answer.items] == ["PAY-1"] and answer.missing == ["PAY-9"]
    # Request order, each id once; a design is not a PRD, OPS is not readable with a PAY token.
    assert [str(p.id) for p in answer.prds] == [other, prd]
    assert [str(p) for p in answer.missing_prds] == [unknown, design, ops_prd]
    first = answer.prds[1]
    assert (first.project_key, first.title, first.status) == ("PAY", "3DS", "draft")
    assert first.revision == 1 and first.approved_revision is None
    # A reader of every project (a sibling service) sees the OPS PRD; PRDs alone need no item keys.
    service = auth(roles={"*": "viewer"}, sub="service:risk-svc", service="risk-svc")
    r = await client.post("/v1/items/lookup", json={"prd_ids": [ops_prd, design]}, headers=service)
    answer = ItemLookupResponse.model_validate(r.json())
    assert [(str(p.id), p.project_key) for p in answer.prds] == [(ops_prd, "OPS")]
    assert [str(p) for p in answer.missing_prds] == [design] and answer.items == answer.missing == []


async def test_lookup_needs_a_token(client):
    assert (await client.post("/v1/items/lookup", json={"keys": []})).status_code == 401


def event(type_, data, id_="e-1"):
    return CloudEvent(
        id=id_, source="/tpmhub/release-svc", type=type_, subject="x", time=datetime.now(UTC), data=data
    )


async def run(settings, ev):
    db = Database(settings.database_url)
    try:
        async with db.session() as session, session.begin():
            await HANDLERS[ev.type](session, ev)
    finally:
        await db.dispose()


async def test_release_released_records_the_release_once(client, auth, req_settings):
    await seed(client, auth)
    data = {
        "release_id": "01937c5e-8f3a-7cc2-9d8e-3b1f0a6c2d11",
        "project_key": "PAY",
        "version": "1.4.1",
        "items": ["PAY-1", "PAY-2", "PAY-77", "OPS-1"],
        "released_at": "2026-11-22T10:00:00Z",
    }
    await run(req_settings, event("release.released", data))
    await run(req_settings, event("release.released", data, id_="e-2"))  # redelivered: no duplicate
    story = (await client.get("/v1/items/PAY-1", headers=auth())).json()
    assert story["released_in"] == [
        {"release_id": data["release_id"], "version": "1.4.1", "released_at": "2026-11-22T10:00:00Z"}
    ]
    bug = (await client.get("/v1/items/PAY-2", headers=auth())).json()
    assert bug["fixed_in"] == "1.4.1" and len(bug["released_in"]) == 1
    assert (await client.get("/v1/items/OPS-1", headers=auth())).json()["released_in"] == []  # other project
    hist = (await client.get("/v1/items/PAY-1/history", headers=auth())).json()["items"]
    assert hist[-1]["action"] == "released" and hist[-1]["actor"] == "release-svc"
    assert sum(h["action"] == "released" for h in hist) == 1


async def test_item_referenced_links_commits_and_prs(client, auth, req_settings):
    await seed(client, auth)
    ref = {
        "project_key": "PAY",
        "item_key": "PAY-1",
        "kind": "pull_request",
        "repository": "acme/pay",
        "ref": "42",
        "title": "PAY-1 saved cards",
        "url": "https://github.com/acme/pay/pull/42",
    }
    await run(req_settings, event("ci.item_referenced", ref))
    await run(req_settings, event("ci.item_referenced", ref, id_="e-2"))
    await run(
        req_settings, event("ci.item_referenced", {**ref, "kind": "commit", "ref": "9f2c1e7", "url": None})
    )
    await run(req_settings, event("ci.item_referenced", {**ref, "item_key": "PAY-404"}))  # unknown: ignored
    refs = (await client.get("/v1/items/PAY-1", headers=auth())).json()["references"]
    assert [(r["kind"], r["ref"]) for r in refs] == [("pull_request", "42"), ("commit", "9f2c1e7")]
    assert refs[0]["url"] == "https://github.com/acme/pay/pull/42" and refs[0]["at"]
    hist = (await client.get("/v1/items/PAY-1/history", headers=auth())).json()["items"]
    assert [h["action"] for h in hist].count("referenced") == 2


async def test_handler_rejects_malformed_data(client, auth, req_settings):
    await seed(client, auth)
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        await run(req_settings, event("release.released", {"project_key": "PAY"}))
