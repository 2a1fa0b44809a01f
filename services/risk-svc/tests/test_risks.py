"""The register: keys, fields and scoring, edits, lifecycle, roles, If-Match."""

import asyncio

import pytest


async def test_create_computes_key_score_level_emv_and_review(client, auth, create):
    body = await create()
    assert body["key"] == "PAY-R1" and body["status"] == "identified"
    assert body["score"] == 16 and body["level"] == "high"
    assert body["residual_score"] == 6 and body["residual_level"] == "medium"
    assert body["emv"] == 35000.0  # P4 → 0.7 × 50,000
    assert body["triggers"][0]["threshold"] == 0.01
    assert body["next_review_at"] is not None
    assert body["attention"] == {
        "flagged": True,
        "reasons": ["no_open_action"],
        "open_actions": 0,
        "overdue_actions": 0,
    }
    second = await create(
        probability=1, impact=2, residual_probability=None, residual_impact=None, probability_share=0.25
    )
    assert second["key"] == "PAY-R2" and second["level"] == "low" and second["emv"] == 12500.0
    assert second["attention"]["flagged"] is False
    other = await create(project="OPS")
    assert other["key"] == "OPS-R1"
    r = await client.get("/v1/risks/PAY-R1", headers=auth("viewer", "PAY"))
    assert r.status_code == 200 and r.headers["etag"] == '"1"'


async def test_keys_are_gap_free_under_concurrency_and_after_failures(client, auth, risk_body):
    bad = await client.post(
        "/v1/projects/PAY/risks", json={**risk_body, "probability": 9}, headers=auth("tpm", "PAY")
    )
    assert bad.status_code == 422
    results = await asyncio.gather(
        *[
            client.post(
                "/v1/projects/PAY/risks", json={**risk_body, "title": f"R{i}"}, headers=auth("tpm", "PAY")
            )
            for i in range(12)
        ]
    )
    assert all(r.status_code == 201 for r in results), [r.text for r in results if r.status_code != 201]
    keys = sorted(int(r.json()["key"].split("-R")[1]) for r in results)
    assert keys == list(range(1, 13))


@pytest.mark.parametrize(
    ("change", "loc"),
    [
        ({"probability": 6}, "body.probability"),
        ({"impact": 0}, "body.impact"),
        ({"residual_probability": 7}, "body.residual_probability"),
        ({"category": "weather"}, "body.category"),
        ({"response_strategy": "pray"}, "body.response_strategy"),
        ({"response_strategy": "exploit"}, "body"),
        ({"kind": "opportunity", "response_strategy": "avoid"}, "body"),
        ({"residual_probability": 5, "residual_impact": 5}, "body"),
        ({"residual_impact": None}, "body"),
        ({"title": "x" * 201}, "body.title"),
        ({"cost_impact": -1}, "body.cost_impact"),
        ({"surprise": 1}, "body.surprise"),
        ({"triggers": [{"metric": "x", "comparator": "~", "threshold": 1}]}, "body.triggers.0.comparator"),
        ({"links": {"items": ["not a key"]}}, "body.links.items.0"),
    ],
)
async def test_bad_risks_are_422_and_write_nothing(client, auth, change, loc, risk_body, create):
    r = await client.post("/v1/projects/PAY/risks", json={**risk_body, **change}, headers=auth("tpm", "PAY"))
    assert r.status_code == 422, r.text
    assert loc in [e["loc"] for e in r.json()["errors"]]
    page = (await client.get("/v1/projects/PAY/risks", headers=auth("viewer", "PAY"))).json()
    assert page["items"] == []
    # The counter did not move either: the next risk is R1.
    assert (await create())["key"] == "PAY-R1"


async def test_opportunity_strategies(client, auth, create):
    body = await create(kind="opportunity", response_strategy="exploit", title="Bulk discount")
    assert body["kind"] == "opportunity"
    r = await client.patch(
        f"/v1/risks/{body['key']}", json={"response_strategy": "mitigate"}, headers=auth("tpm", "PAY")
    )
    assert r.status_code == 422 and "opportunity" in r.text
    r = await client.patch(f"/v1/risks/{body['key']}", json={"kind": "threat"}, headers=auth("tpm", "PAY"))
    assert r.status_code == 422 and r.json()["errors"][0]["loc"] == "body.response_strategy"
    assert (await client.get(f"/v1/risks/{body['key']}", headers=auth())).json()["kind"] == "opportunity"


async def test_roles_owner_and_planners_edit_viewers_read(client, auth, risk_body, create):
    await create()
    assert (
        await client.post("/v1/projects/PAY/risks", json=risk_body, headers=auth("viewer", "PAY"))
    ).status_code == 403
    assert (
        await client.post("/v1/projects/PAY/risks", json=risk_body, headers=auth("engineer", "PAY"))
    ).status_code == 201
    # An engineer who is not the owner may not edit; the owner (bob) may; a pm may.
    r = await client.patch(
        "/v1/risks/PAY-R1", json={"title": "X"}, headers=auth("engineer", "PAY", sub="carol")
    )
    assert r.status_code == 403
    r = await client.patch(
        "/v1/risks/PAY-R1", json={"title": "By owner"}, headers=auth("engineer", "PAY", sub="bob")
    )
    assert r.status_code == 200 and r.json()["title"] == "By owner"
    r = await client.patch("/v1/risks/PAY-R1", json={"title": "By pm"}, headers=auth("pm", "PAY", sub="dan"))
    assert r.status_code == 200
    # The owner with only a viewer role reads but does not edit.
    r = await client.patch("/v1/risks/PAY-R1", json={"title": "Y"}, headers=auth("viewer", "PAY", sub="bob"))
    assert r.status_code == 403
    assert (await client.get("/v1/risks/PAY-R1", headers=auth("viewer", "PAY"))).status_code == 200
    # Another project's admin: the risk is as missing as one that does not exist.
    r = await client.get("/v1/risks/PAY-R1", headers=auth("admin", "OPS"))
    assert r.status_code == 404 and r.json()["detail"] == "Risk PAY-R1 does not exist."
    assert (await client.get("/v1/risks/PAY-R1")).status_code == 401
    assert (await client.get("/v1/risks/PAY-R99", headers=auth())).status_code == 404
    assert (await client.get("/v1/risks/pay-r1", headers=auth())).status_code == 422


async def test_patch_rescoring_assessment_history_and_if_match(client, auth, risk_body, create):
    await create()
    r = await client.patch(
        "/v1/risks/PAY-R1",
        json={"impact": 5, "note": "new peak forecast"},
        headers={**auth("tpm", "PAY"), "If-Match": '"1"'},
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["score"] == 20 and body["level"] == "critical" and body["version"] >= 2
    etag = r.headers["etag"]
    r = await client.patch(
        "/v1/risks/PAY-R1", json={"title": "stale"}, headers={**auth("tpm", "PAY"), "If-Match": '"1"'}
    )
    assert r.status_code == 412
    assert (await client.get("/v1/risks/PAY-R1", headers=auth())).json()["title"] == risk_body["title"]
    r = await client.patch(
        "/v1/risks/PAY-R1", json={"title": "fresh"}, headers={**auth("tpm", "PAY"), "If-Match": etag}
    )
    assert r.status_code == 200
    trend = (await client.get("/v1/risks/PAY-R1/assessments", headers=auth())).json()["items"]
    assert [(a["score"], a["note"]) for a in trend] == [(16, "identified"), (20, "new peak forecast")]
    # Title-only changes add no assessment.
    r = await client.patch("/v1/risks/PAY-R1", json={"probability": 1}, headers=auth("tpm", "PAY"))
    assert r.status_code == 422  # residual 6 would exceed inherent 5
    r = await client.patch("/v1/risks/PAY-R1", json={"title": None}, headers=auth("tpm", "PAY"))
    assert r.status_code == 422
    hist = (await client.get("/v1/risks/PAY-R1/history", headers=auth())).json()["items"]
    actions = [h["action"] for h in hist]
    assert actions[0] == "create" and actions.count("update") == 2 and "escalate" in actions
    first_update = hist[actions.index("update")]
    assert {"field": "impact", "before": 4, "after": 5} in first_update["changes"]


async def test_lifecycle_and_illegal_transitions(client, auth, create):
    await create()
    h = auth("tpm", "PAY")
    r = await client.post("/v1/risks/PAY-R1/monitor", headers=h)
    assert r.status_code == 409
    problem = r.json()
    assert problem["state"] == "identified" and problem["action"] == "monitor"
    assert problem["allowed_actions"] == ["assess", "close", "mitigate", "occur"]
    r = await client.post(
        "/v1/risks/PAY-R1/assessments", json={"probability": 3, "impact": 4, "note": "workshop"}, headers=h
    )
    assert r.status_code == 201 and r.json()["score"] == 12
    assert (await client.get("/v1/risks/PAY-R1", headers=h)).json()["status"] == "assessed"
    assert (await client.post("/v1/risks/PAY-R1/mitigate", headers=h)).json()["status"] == "mitigating"
    assert (await client.post("/v1/risks/PAY-R1/monitor", headers=h)).json()["status"] == "monitoring"
    assert (await client.post("/v1/risks/PAY-R1/reopen", headers=h)).status_code == 409
    close = {"reason": "mitigated", "comment": "cap raised"}
    r = await client.post("/v1/risks/PAY-R1/close", json=close, headers=h)
    assert r.status_code == 200 and r.json()["status"] == "closed" and r.json()["closed_at"]
    assert (r.json()["close_reason"], r.json()["close_comment"]) == ("mitigated", "cap raised")
    for action in ("mitigate", "monitor", "close"):
        body = close if action == "close" else None
        r = await client.post(f"/v1/risks/PAY-R1/{action}", json=body, headers=h)
        assert r.status_code == 409 and r.json()["allowed_actions"] == ["reopen"]
    r = await client.patch("/v1/risks/PAY-R1", json={"title": "x"}, headers=h)
    assert r.status_code == 409
    r = await client.post("/v1/risks/PAY-R1/assessments", json={"probability": 1, "impact": 1}, headers=h)
    assert r.status_code == 409
    r = await client.post("/v1/risks/PAY-R1/reopen", json={"note": "cap lowered again"}, headers=h)
    reopened = r.json()
    assert r.status_code == 200 and reopened["status"] == "identified" and reopened["closed_at"] is None
    assert reopened["close_reason"] is None and reopened["close_comment"] is None
    entries = (await client.get("/v1/risks/PAY-R1/history", headers=h)).json()["items"]
    assert [e["action"] for e in entries] == ["create", "assess", "mitigate", "monitor", "close", "reopen"]
    closing = entries[4]
    assert closing["note"] == "mitigated: cap raised"
    changed = {c["field"]: c["after"] for c in closing["changes"]}
    assert changed["close_reason"] == "mitigated" and changed["close_comment"] == "cap raised"


@pytest.mark.parametrize(
    "body",
    [
        None,
        {},
        {"comment": "cap raised"},
        {"reason": "mitigated"},
        {"reason": "fixed", "comment": "cap raised"},
        {"reason": "mitigated", "comment": "   "},
        {"reason": "mitigated", "comment": ""},
        {"reason": "mitigated", "comment": "x" * 2001},
        {"reason": 1, "comment": "cap raised"},
        {"reason": "mitigated", "comment": 42},
        {"reason": ["mitigated"], "comment": "cap raised"},
        {"reason": "mitigated", "comment": "cap raised", "note": "extra"},
        ["mitigated", "cap raised"],
    ],
)
async def test_close_needs_a_reason_and_a_comment(client, auth, create, body):
    await create()
    h = auth("tpm", "PAY")
    before = (await client.get("/v1/risks/PAY-R1", headers=h)).json()
    r = await client.post("/v1/risks/PAY-R1/close", json=body, headers=h)
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json") and r.json()["errors"]
    assert (await client.get("/v1/risks/PAY-R1", headers=h)).json() == before
    entries = (await client.get("/v1/risks/PAY-R1/history", headers=h)).json()["items"]
    assert [e["action"] for e in entries] == ["create"]


async def test_occurred_becomes_issue_and_keeps_links(client, auth, make_release, create):
    release = await make_release()
    await create(links={"releases": [release]})
    h = auth("tpm", "PAY")
    r = await client.post(
        "/v1/risks/PAY-R1/occur",
        json={"occurred_at": "2099-01-01T00:00:00Z", "description": "throttled"},
        headers=h,
    )
    assert r.status_code == 422 and r.json()["errors"][0]["loc"] == "body.occurred_at"
    r = await client.post("/v1/risks/PAY-R1/occur", json={"occurred_at": "2026-01-01T10:00:00Z"}, headers=h)
    assert r.status_code == 422
    r = await client.post(
        "/v1/risks/PAY-R1/occur",
        json={"occurred_at": "2026-01-01T10:00:00Z", "description": "throttled for 20 min"},
        headers=h,
    )
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "occurred" and body["occurrence"] == "throttled for 20 min"
    assert body["occurred_at"] == "2026-01-01T10:00:00Z"
    assert body["links"]["releases"] == [release]
    r = await client.post("/v1/risks/PAY-R1/mitigate", headers=h)
    assert r.status_code == 409 and r.json()["allowed_actions"] == ["assess", "close"]


async def test_close_with_open_actions_needs_force_by_tpm_with_reason(client, auth, create):
    await create()
    r = await client.post(
        "/v1/risks/PAY-R1/actions",
        json={"title": "Negotiate cap", "owner": "bob", "due_date": "2030-01-01"},
        headers=auth("tpm", "PAY"),
    )
    assert r.status_code == 201
    action_id = r.json()["id"]
    accepted = {"reason": "accepted", "comment": "risk accepted by VP"}
    r = await client.post("/v1/risks/PAY-R1/close", json=accepted, headers=auth("pm", "PAY"))
    assert r.status_code == 409 and r.json()["open_actions"] == [action_id]
    forced = {**accepted, "force": True}
    r = await client.post("/v1/risks/PAY-R1/close", json=forced, headers=auth("pm", "PAY"))
    assert r.status_code == 403
    r = await client.post("/v1/risks/PAY-R1/close", json={"force": True}, headers=auth("tpm", "PAY"))
    assert r.status_code == 422
    assert (await client.get("/v1/risks/PAY-R1", headers=auth())).json()["status"] == "identified"
    r = await client.post("/v1/risks/PAY-R1/close", json=forced, headers=auth("tpm", "PAY"))
    assert r.status_code == 200 and r.json()["close_reason"] == "accepted"
    assert r.json()["close_comment"] == "risk accepted by VP"
    actions = (await client.get("/v1/risks/PAY-R1/actions", headers=auth())).json()["items"]
    assert actions[0]["status"] == "cancelled"
    # Without open actions a pm closes normally.
    await create()
    r = await client.post(
        "/v1/risks/PAY-R2/close",
        json={"reason": "no_longer_applicable", "comment": "Scope cut"},
        headers=auth("pm", "PAY"),
    )
    assert r.status_code == 200


async def test_list_filters_sort_and_pagination(client, auth, create):
    for p, i, cat in [(1, 1, "technical"), (5, 5, "security"), (3, 3, "technical"), (4, 4, "schedule")]:
        await create(probability=p, impact=i, category=cat, residual_probability=None, residual_impact=None)
    h = auth("viewer", "PAY")
    page = (
        await client.get("/v1/projects/PAY/risks", params={"sort": "-score", "limit": 2}, headers=h)
    ).json()
    assert [r["score"] for r in page["items"]] == [25, 16]
    page2 = (
        await client.get(
            "/v1/projects/PAY/risks",
            params={"sort": "-score", "limit": 2, "cursor": page["next_cursor"]},
            headers=h,
        )
    ).json()
    assert [r["score"] for r in page2["items"]] == [9, 1] and page2["next_cursor"] is None
    r = await client.get("/v1/projects/PAY/risks", params={"category": "technical"}, headers=h)
    assert [x["key"] for x in r.json()["items"]] == ["PAY-R1", "PAY-R3"]
    r = await client.get(
        "/v1/projects/PAY/risks", params=[("level", "high"), ("level", "critical")], headers=h
    )
    assert [x["key"] for x in r.json()["items"]] == ["PAY-R2", "PAY-R4"]
    r = await client.get("/v1/projects/PAY/risks", params={"escalated": "true"}, headers=h)
    assert [x["key"] for x in r.json()["items"]] == ["PAY-R2"]  # critical → escalated at once
    for bad in ({"sort": "secret"}, {"category": "weather"}, {"status": "open"}, {"limit": 0}):
        assert (await client.get("/v1/projects/PAY/risks", params=bad, headers=h)).status_code == 422
