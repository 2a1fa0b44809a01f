"""Mitigation actions and their overdue flags, reviews and the overdue list, re-levelling on a matrix
change."""

from datetime import UTC, datetime, timedelta

from risk_svc.matrix.schemas import DEFAULT_CADENCE, DEFAULT_IMPACT, DEFAULT_PROBABILITY

CLOSE = {"reason": "mitigated", "comment": "Mitigation done"}

MATRIX = {
    "probability_labels": DEFAULT_PROBABILITY,
    "impact_labels": DEFAULT_IMPACT,
    "thresholds": [
        {"level": "low", "min_score": 1, "max_score": 3},
        {"level": "medium", "min_score": 4, "max_score": 7},
        {"level": "high", "min_score": 8, "max_score": 14},
        {"level": "critical", "min_score": 15, "max_score": 25},
    ],
    "review_cadence_days": DEFAULT_CADENCE,
    "gate_level": "high",
}


async def test_actions_overdue_flags_and_attention(client, auth, create):
    await create()
    h = auth("tpm", "PAY")
    r = await client.post(
        "/v1/risks/PAY-R1/actions",
        json={"title": "Raise cap", "owner": "bob", "due_date": "2020-01-01"},
        headers=h,
    )
    assert r.status_code == 201 and r.json()["overdue"] is True and r.headers["etag"] == '"1"'
    overdue_id = r.json()["id"]
    r = await client.post(
        "/v1/risks/PAY-R1/actions",
        json={"title": "Backup processor", "owner": "carol", "due_date": "2099-01-01"},
        headers=h,
    )
    assert r.json()["overdue"] is False
    risk = (await client.get("/v1/risks/PAY-R1", headers=h)).json()
    assert risk["attention"] == {
        "flagged": True,
        "reasons": ["overdue_action"],
        "open_actions": 2,
        "overdue_actions": 1,
    }
    listed = (await client.get("/v1/projects/PAY/risks", headers=h)).json()["items"][0]
    assert listed["attention"]["reasons"] == ["overdue_action"]
    await create(title="high without actions")  # R2: flagged (no open action)
    await create(title="low", probability=1, impact=1, residual_probability=None, residual_impact=None)  # R3
    r = await client.get("/v1/projects/PAY/risks", params={"flagged": "true"}, headers=h)
    assert [x["key"] for x in r.json()["items"]] == ["PAY-R1", "PAY-R2"]
    r = await client.get("/v1/projects/PAY/risks", params={"flagged": "false"}, headers=h)
    assert [x["key"] for x in r.json()["items"]] == ["PAY-R3"]
    overdue = (await client.get("/v1/projects/PAY/risk-actions/overdue", headers=h)).json()["items"]
    assert [(a["risk_key"], a["title"]) for a in overdue] == [("PAY-R1", "Raise cap")]
    assert overdue[0]["days_overdue"] > 300
    # The action's owner (an engineer) may complete it; a stranger may not; stale If-Match is 412.
    r = await client.patch(
        f"/v1/risk-actions/{overdue_id}", json={"status": "done"}, headers=auth("engineer", "PAY", sub="eve")
    )
    assert r.status_code == 403
    r = await client.patch(
        f"/v1/risk-actions/{overdue_id}",
        json={"status": "done"},
        headers={**auth("engineer", "PAY", sub="bob"), "If-Match": '"7"'},
    )
    assert r.status_code == 412
    r = await client.patch(
        f"/v1/risk-actions/{overdue_id}",
        json={"status": "done"},
        headers={**auth("engineer", "PAY", sub="bob"), "If-Match": '"1"'},
    )
    assert r.status_code == 200 and r.json()["overdue"] is False and r.json()["completed_at"]
    risk = (await client.get("/v1/risks/PAY-R1", headers=h)).json()
    assert risk["attention"]["flagged"] is False
    r = await client.get("/v1/projects/PAY/risks", params={"flagged": "true"}, headers=h)
    assert [x["key"] for x in r.json()["items"]] == ["PAY-R2"]
    assert (await client.get("/v1/projects/PAY/risk-actions/overdue", headers=h)).json()["items"] == []
    for bad in (
        {"title": "x", "owner": "bob", "due_date": "someday"},
        {"title": "x", "due_date": "2030-01-01"},
        {"title": "", "owner": "bob", "due_date": "2030-01-01"},
    ):
        assert (await client.post("/v1/risks/PAY-R1/actions", json=bad, headers=h)).status_code == 422
    r = await client.patch(f"/v1/risk-actions/{overdue_id}", json={"status": "maybe"}, headers=h)
    assert r.status_code == 422
    assert len((await client.get("/v1/risks/PAY-R1/actions", headers=h)).json()["items"]) == 2
    hist = (await client.get(f"/v1/risk-actions/{overdue_id}/history", headers=auth("viewer", "PAY"))).json()
    assert [e["action"] for e in hist["items"]] == ["create", "update"]
    assert {"field": "status", "before": "open", "after": "done"} in hist["items"][1]["changes"]
    r = await client.get(f"/v1/risk-actions/{overdue_id}/history", headers=auth("admin", "OPS"))
    assert r.status_code == 404


async def test_reviews_set_next_review_from_cadence_and_overdue_list(client, auth, app, create):
    high = await create()  # high: 14 days
    low = await create(
        probability=1, impact=2, residual_probability=None, residual_impact=None
    )  # low: 90 days
    created = datetime.fromisoformat(high["next_review_at"]) - timedelta(days=14)
    assert abs((datetime.fromisoformat(low["next_review_at"]) - created) - timedelta(days=90)) < timedelta(
        seconds=5
    )
    h = auth("viewer", "PAY")
    in_20_days = (datetime.now(UTC) + timedelta(days=20)).isoformat()
    r = await client.get("/v1/projects/PAY/reviews/overdue", params={"as_of": in_20_days}, headers=h)
    assert [(x["key"], x["days_overdue"]) for x in r.json()["items"]] == [("PAY-R1", 6)]
    assert (await client.get("/v1/projects/PAY/reviews/overdue", headers=h)).json()["items"] == []
    # Twenty days later the review happens: next review 14 days from then.
    later = datetime.now(UTC) + timedelta(days=20)
    app.state.clock = lambda: later
    r = await client.get("/v1/projects/PAY/reviews/overdue", headers=h)
    assert [x["key"] for x in r.json()["items"]] == ["PAY-R1"]
    r = await client.get("/v1/projects/PAY/risks", params={"review_overdue": "true"}, headers=h)
    assert [x["key"] for x in r.json()["items"]] == ["PAY-R1"]
    r = await client.post(
        "/v1/risks/PAY-R1/reviews",
        json={"outcome": "unchanged", "notes": "on track"},
        headers=auth("viewer", "PAY"),
    )
    assert r.status_code == 403
    r = await client.post("/v1/risks/PAY-R1/reviews", json={"outcome": "maybe"}, headers=auth("tpm", "PAY"))
    assert r.status_code == 422
    r = await client.post(
        "/v1/risks/PAY-R1/reviews",
        json={"outcome": "unchanged", "notes": "on track"},
        headers=auth("tpm", "PAY"),
    )
    assert r.status_code == 201
    assert datetime.fromisoformat(r.json()["next_review_at"]) == later + timedelta(days=14)
    assert (await client.get("/v1/projects/PAY/reviews/overdue", headers=h)).json()["items"] == []
    risk = (await client.get("/v1/risks/PAY-R1", headers=h)).json()
    assert datetime.fromisoformat(risk["last_reviewed_at"]) == later
    reviews = (await client.get("/v1/risks/PAY-R1/reviews", headers=h)).json()["items"]
    assert [(x["outcome"], x["level"]) for x in reviews] == [("unchanged", "high")]
    # A review that decides to escalate escalates, with its notes as the reason.
    r = await client.post(
        "/v1/risks/PAY-R2/reviews",
        json={"outcome": "escalate", "notes": "vendor silent"},
        headers=auth("tpm", "PAY"),
    )
    assert r.status_code == 201
    escalations = (await client.get("/v1/risks/PAY-R2/escalations", headers=h)).json()["items"]
    assert [(x["trigger"], x["reason"]) for x in escalations] == [("manual", "vendor silent")]


async def test_matrix_change_relevels_open_risks_in_history(client, auth, create):
    await create(probability=2, impact=4, residual_probability=1, residual_impact=3)  # 8 medium → high
    await create(
        probability=3, impact=5, residual_probability=None, residual_impact=None
    )  # 15 high → critical
    await create(probability=2, impact=4, residual_probability=None, residual_impact=None)  # closed: stays
    h = auth("tpm", "PAY")
    assert (await client.post("/v1/risks/PAY-R3/close", json=CLOSE, headers=h)).status_code == 200
    r = await client.put("/v1/projects/PAY/risk-matrix", json=MATRIX, headers=h)
    assert r.status_code == 200, r.text
    r1, r2, r3 = [(await client.get(f"/v1/risks/PAY-R{n}", headers=h)).json() for n in (1, 2, 3)]
    assert (r1["level"], r1["residual_level"]) == ("high", "low")
    assert r2["level"] == "critical" and r2["escalated"] is True
    assert r3["level"] == "medium"
    hist = (await client.get("/v1/risks/PAY-R1/history", headers=h)).json()["items"]
    relevel = [e for e in hist if e["action"] == "relevel"]
    assert len(relevel) == 1 and relevel[0]["note"] == "risk matrix changed"
    assert {"field": "level", "before": "medium", "after": "high"} in relevel[0]["changes"]
    # A bad matrix changes no risk.
    bad = {**MATRIX, "thresholds": [{**MATRIX["thresholds"][0], "max_score": 9}, *MATRIX["thresholds"][1:]]}
    assert (await client.put("/v1/projects/PAY/risk-matrix", json=bad, headers=h)).status_code == 422
    assert (await client.get("/v1/risks/PAY-R1", headers=h)).json()["level"] == "high"
    # Saving the same matrix again re-levels nothing more.
    assert (await client.put("/v1/projects/PAY/risk-matrix", json=MATRIX, headers=h)).status_code == 200
    hist = (await client.get("/v1/risks/PAY-R1/history", headers=h)).json()["items"]
    assert [e["action"] for e in hist].count("relevel") == 1
