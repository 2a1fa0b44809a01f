"""Change requests: computed impact (descendants, points delta, milestones at risk, criteria to re-verify),
proposed → approved/rejected → applied by planners, the approval event in the same transaction, gap-free
keys, history and bad input."""

import asyncio
import json

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine
from tpmhub_shared.contracts import ChangeRequestApproved


async def setup(client, auth):
    """PAY-1 epic > PAY-2 feature (milestone Beta) > PAY-3 story (3 pts, 2 passed criteria), PAY-4 (5)."""
    assert (
        await client.post("/v1/projects", json={"key": "PAY", "name": "P"}, headers=auth())
    ).status_code == 201
    ms = await client.post(
        "/v1/projects/PAY/milestones", json={"name": "Beta", "target_date": "2026-12-15"}, headers=auth()
    )
    assert ms.status_code == 201, ms.text
    rows = [
        {"type": "epic", "title": "Wallets"},
        {"type": "feature", "title": "Saved cards", "parent": "#0", "milestone_id": ms.json()["id"]},
        {"type": "story", "title": "List cards", "parent": "#1", "points": 3, "criteria": ["a", "b"]},
        {"type": "story", "title": "Delete card", "parent": "#1", "points": 5, "criteria": ["c"]},
    ]
    r = await client.post("/v1/projects/PAY/items/batch", json={"items": rows}, headers=auth())
    assert r.status_code == 201, r.text
    for c in (await client.get("/v1/items/PAY-3/criteria", headers=auth())).json():
        await client.post(f"/v1/criteria/{c['id']}/verify", json={"status": "passed"}, headers=auth())
    return ms.json()


CR = {
    "title": "Support wallets",
    "reason": "Wallet share passed 30%",
    "proposed_change": "Add Apple Pay",
    "affected_items": ["PAY-2"],
    "affected_prd_sections": ["functional_requirements"],
    "item_patches": {"PAY-4": {"points": 8, "title": "Delete card or wallet"}},
    "effort_delta_points": 2,
    "date_delta_days": 5,
}


async def outbox(url):
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            rows = await conn.execute(
                text("SELECT type, subject, project_key, data FROM outbox_events ORDER BY id")
            )
            return [(t, s, p, json.loads(d) if isinstance(d, str) else d) for t, s, p, d in rows]
    finally:
        await engine.dispose()


async def test_create_computes_impact(client, auth):
    ms = await setup(client, auth)
    r = await client.post(
        "/v1/projects/PAY/change-requests", json=CR, headers=auth("engineer", "PAY", sub="carol")
    )
    assert r.status_code == 201, r.text
    cr = r.json()
    assert cr["key"] == "PAY-CR1" and r.headers["location"] == "/v1/change-requests/PAY-CR1"
    assert cr["status"] == "proposed" and cr["requester"] == "carol"
    assert cr["affected_items"] == ["PAY-2", "PAY-4"]
    impact = cr["impact"]
    assert impact["affected_items"] == ["PAY-2", "PAY-3", "PAY-4"]
    assert impact["points_delta"] == 5  # 8 - 5 on PAY-4, plus 2 of new work
    assert impact["date_delta_days"] == 5
    assert [m["id"] for m in impact["milestones_at_risk"]] == [ms["id"]]
    assert impact["milestones_at_risk"][0]["name"] == "Beta"
    assert impact["criteria_to_reverify"] == 2
    got = await client.get("/v1/change-requests/PAY-CR1", headers=auth("viewer", "PAY"))
    assert got.status_code == 200 and got.headers["etag"] == '"1"'


async def test_no_growth_means_no_milestone_at_risk(client, auth):
    await setup(client, auth)
    body = {"title": "Trim", "affected_items": ["PAY-4"], "item_patches": {"PAY-4": {"points": 2}}}
    cr = (await client.post("/v1/projects/PAY/change-requests", json=body, headers=auth())).json()
    assert cr["impact"]["points_delta"] == -3 and cr["impact"]["milestones_at_risk"] == []
    assert cr["impact"]["affected_items"] == ["PAY-4"] and cr["impact"]["criteria_to_reverify"] == 0


async def test_approve_emits_the_event_in_the_same_transaction(client, auth, req_settings):
    await setup(client, auth)
    await client.post("/v1/projects/PAY/change-requests", json=CR, headers=auth())
    r = await client.post(
        "/v1/change-requests/PAY-CR1/approve", json={"comment": "Go"}, headers=auth("pm", "PAY", sub="paula")
    )
    assert r.status_code == 200, r.text
    cr = r.json()
    assert cr["status"] == "approved" and cr["decided_by"] == "paula" and cr["decision_comment"] == "Go"
    events = [e for e in await outbox(req_settings.database_url) if e[0] == "change_request.approved"]
    assert len(events) == 1
    _, subject, project, data = events[0]
    assert subject == "PAY-CR1" and project == "PAY"
    parsed = ChangeRequestApproved.model_validate(data)
    assert parsed.key == "PAY-CR1" and parsed.affected_items == ["PAY-2", "PAY-3", "PAY-4"]
    assert parsed.points_delta == 5 and parsed.date_delta_days == 5 and parsed.criteria_to_reverify == 2
    assert parsed.approved_by == "paula" and len(parsed.affected_milestones) == 1
    assert str(parsed.change_request_id) == cr["id"]


async def test_a_refused_approval_emits_nothing(client, auth, req_settings):
    await setup(client, auth)
    await client.post("/v1/projects/PAY/change-requests", json=CR, headers=auth())
    r = await client.post("/v1/change-requests/PAY-CR1/approve", json={}, headers=auth("engineer", "PAY"))
    assert r.status_code == 403
    r = await client.post(
        "/v1/change-requests/PAY-CR1/approve", json={}, headers={**auth(), "If-Match": '"7"'}
    )
    assert r.status_code == 412
    r = await client.post("/v1/change-requests/PAY-CR1/approve", json={"comment": "x" * 4001}, headers=auth())
    assert r.status_code == 422
    assert [e for e in await outbox(req_settings.database_url) if e[0] == "change_request.approved"] == []
    assert (await client.get("/v1/change-requests/PAY-CR1", headers=auth())).json()["status"] == "proposed"


@pytest.mark.parametrize("role", ["pm", "tpm", "admin"])
async def test_planners_decide(client, auth, role):
    await setup(client, auth)
    await client.post("/v1/projects/PAY/change-requests", json=CR, headers=auth())
    r = await client.post(
        "/v1/change-requests/PAY-CR1/reject", json={"comment": "Not now"}, headers=auth(role, "PAY")
    )
    assert r.status_code == 200 and r.json()["status"] == "rejected"


@pytest.mark.parametrize("role", ["engineer", "qa", "viewer", "ci"])
async def test_others_may_not_decide(client, auth, role):
    await setup(client, auth)
    await client.post("/v1/projects/PAY/change-requests", json=CR, headers=auth())
    for action in ("approve", "reject"):
        r = await client.post(f"/v1/change-requests/PAY-CR1/{action}", json={}, headers=auth(role, "PAY"))
        assert r.status_code == 403
    assert (await client.get("/v1/change-requests/PAY-CR1", headers=auth())).json()["status"] == "proposed"


async def test_state_machine(client, auth):
    await setup(client, auth)
    await client.post("/v1/projects/PAY/change-requests", json=CR, headers=auth())
    r = await client.post("/v1/change-requests/PAY-CR1/apply", headers=auth())
    assert r.status_code == 409 and r.json()["allowed_actions"] == ["approve", "reject"]
    await client.post("/v1/change-requests/PAY-CR1/approve", json={}, headers=auth())
    for action in ("approve", "reject"):
        r = await client.post(f"/v1/change-requests/PAY-CR1/{action}", json={}, headers=auth())
        assert (
            r.status_code == 409
            and r.json()["allowed_actions"] == ["apply"]
            and r.json()["state"] == "approved"
        )
    r = await client.patch("/v1/change-requests/PAY-CR1", json={"title": "late"}, headers=auth())
    assert r.status_code == 409
    await client.post("/v1/projects/PAY/change-requests", json=CR, headers=auth())
    await client.post("/v1/change-requests/PAY-CR2/reject", json={}, headers=auth())
    r = await client.post("/v1/change-requests/PAY-CR2/apply", headers=auth())
    assert r.status_code == 409 and r.json()["allowed_actions"] == []


async def test_apply_patches_items_and_resets_passed_criteria(client, auth):
    await setup(client, auth)
    await client.post("/v1/projects/PAY/change-requests", json=CR, headers=auth())
    await client.post("/v1/change-requests/PAY-CR1/approve", json={}, headers=auth())
    r = await client.post("/v1/change-requests/PAY-CR1/apply", headers=auth("tpm", "PAY", sub="tom"))
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "applied" and r.json()["applied_by"] == "tom"
    item = (await client.get("/v1/items/PAY-4", headers=auth())).json()
    assert item["points"] == 8 and item["title"] == "Delete card or wallet"
    hist = (await client.get("/v1/items/PAY-4/history", headers=auth())).json()["items"]
    assert hist[-1]["note"] == "change request PAY-CR1" and hist[-1]["actor"] == "tom"
    assert {c["status"] for c in (await client.get("/v1/items/PAY-3/criteria", headers=auth())).json()} == {
        "pending"
    }
    r = await client.post("/v1/change-requests/PAY-CR1/apply", headers=auth())
    assert r.status_code == 409
    hist = (await client.get("/v1/change-requests/PAY-CR1/history", headers=auth())).json()["items"]
    assert [h["action"] for h in hist] == ["create", "approve", "apply"]
    assert {"field": "status", "before": "proposed", "after": "approved"} in hist[1]["changes"]


async def test_apply_that_breaks_a_rule_changes_nothing(client, auth):
    await setup(client, auth)
    body = {
        "title": "Move",
        "affected_items": ["PAY-3"],
        "item_patches": {"PAY-3": {"points": 1}, "PAY-4": {"parent": "PAY-1"}},
    }
    await client.post("/v1/projects/PAY/change-requests", json=body, headers=auth())
    await client.post("/v1/change-requests/PAY-CR1/approve", json={}, headers=auth())
    r = await client.post("/v1/change-requests/PAY-CR1/apply", headers=auth())
    assert r.status_code == 422  # a story cannot sit under an epic
    assert (await client.get("/v1/items/PAY-3", headers=auth())).json()["points"] == 3
    assert (await client.get("/v1/change-requests/PAY-CR1", headers=auth())).json()["status"] == "approved"


async def test_edit_while_proposed_recomputes_impact(client, auth):
    await setup(client, auth)
    await client.post("/v1/projects/PAY/change-requests", json=CR, headers=auth(sub="carol"))
    r = await client.patch(
        "/v1/change-requests/PAY-CR1",
        json={"affected_items": ["PAY-3"], "item_patches": {}, "effort_delta_points": 0},
        headers={**auth("engineer", "PAY", sub="carol"), "If-Match": '"1"'},
    )
    assert r.status_code == 200, r.text
    assert r.json()["impact"]["affected_items"] == ["PAY-3"] and r.json()["impact"]["points_delta"] == 0
    r = await client.patch(
        "/v1/change-requests/PAY-CR1", json={"title": "x"}, headers={**auth(), "If-Match": '"1"'}
    )
    assert r.status_code == 412
    r = await client.patch(
        "/v1/change-requests/PAY-CR1", json={"title": "mine now"}, headers=auth("engineer", "PAY", sub="dave")
    )
    assert r.status_code == 403
    r = await client.patch("/v1/change-requests/PAY-CR1", json={"title": None}, headers=auth())
    assert r.status_code == 422


@pytest.mark.parametrize(
    ("body", "loc"),
    [
        ({**CR, "affected_items": ["PAY-99"]}, "body.affected_items.0"),
        ({**CR, "item_patches": {"PAY-98": {"points": 1}}}, "body.item_patches.PAY-98"),
        ({**CR, "item_patches": {"PAY-4": {"points": -1}}}, "body.item_patches.PAY-4.points"),
        ({**CR, "item_patches": {"PAY-4": {"status": "done"}}}, "body.item_patches.PAY-4.status"),
        ({**CR, "title": "x" * 301}, "body.title"),
        ({**CR, "reason": "x" * 10001}, "body.reason"),
        ({**CR, "affected_items": ["pay-1"]}, "body.affected_items.0"),
        (
            {**CR, "affected_items": [], "item_patches": {}, "affected_prd_sections": []},
            "body.affected_items",
        ),
        ({**CR, "date_delta_days": 99999}, "body.date_delta_days"),
        ({**CR, "status": "approved"}, "body.status"),
    ],
)
async def test_bad_change_requests_are_422_and_nothing_saved(client, auth, body, loc):
    await setup(client, auth)
    r = await client.post("/v1/projects/PAY/change-requests", json=body, headers=auth())
    assert r.status_code == 422, r.text
    assert loc in [e["loc"] for e in r.json()["errors"]]
    assert (await client.get("/v1/projects/PAY/change-requests", headers=auth())).json()["items"] == []


async def test_unknown_project_and_roles(client, auth):
    await setup(client, auth)
    r = await client.post("/v1/projects/NOPE/change-requests", json=CR, headers=auth())
    assert r.status_code == 404
    assert (await client.get("/v1/change-requests/PAY-CR9", headers=auth())).status_code == 404
    assert (await client.get("/v1/change-requests/PAY-9", headers=auth())).status_code == 422
    r = await client.post("/v1/projects/PAY/change-requests", json=CR, headers=auth("viewer", "PAY"))
    assert r.status_code == 403
    await client.post("/v1/projects/PAY/change-requests", json=CR, headers=auth())
    assert (await client.get("/v1/change-requests/PAY-CR1", headers=auth("viewer", "OPS"))).status_code == 404


async def test_keys_gap_free_under_concurrency_and_list(client, auth):
    await setup(client, auth)
    results = await asyncio.gather(
        *[
            client.post("/v1/projects/PAY/change-requests", json={**CR, "title": f"C{i}"}, headers=auth())
            for i in range(8)
        ]
    )
    ok = sorted(int(r.json()["key"].split("CR")[1]) for r in results if r.status_code == 201)
    assert {r.status_code for r in results} <= {201, 503}
    assert ok == list(range(1, len(ok) + 1))
    await client.post("/v1/change-requests/PAY-CR1/reject", json={}, headers=auth())
    page = (
        await client.get("/v1/projects/PAY/change-requests", params={"status": "rejected"}, headers=auth())
    ).json()
    assert [c["key"] for c in page["items"]] == ["PAY-CR1"]
    keys, cursor = [], None
    while True:
        params = {"limit": 3, "sort": "-created"}
        if cursor:
            params["cursor"] = cursor
        page = (await client.get("/v1/projects/PAY/change-requests", params=params, headers=auth())).json()
        keys += [c["key"] for c in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert keys == [f"PAY-CR{n}" for n in reversed(ok)]
