"""Milestones: CRUD with merge patch, ETag/If-Match, history, filters and keyset pages, and progress derived
from the linked backlog items (done points / total points)."""

from datetime import date, timedelta

import pytest
from tpmhub_shared.ids import utcnow

M1 = {"name": "Beta in EU", "description": "10% of EU buyers.", "target_date": "2026-12-15"}


async def make_project(client, auth, key="PAY"):
    r = await client.post("/v1/projects", json={"key": key, "name": key}, headers=auth("admin"))
    assert r.status_code == 201, r.text


async def make_milestone(client, auth, key="PAY", **fields):
    r = await client.post(f"/v1/projects/{key}/milestones", json={**M1, **fields}, headers=auth("tpm"))
    assert r.status_code == 201, r.text
    return r.json()


async def test_create_get_patch_and_history(client, auth):
    await make_project(client, auth)
    r = await client.post("/v1/projects/PAY/milestones", json=M1, headers=auth("pm", "PAY"))
    assert r.status_code == 201, r.text
    m = r.json()
    assert r.headers["location"] == f"/v1/milestones/{m['id']}" and r.headers["etag"] == '"1"'
    assert m["status"] == "planned" and m["target_date"] == "2026-12-15" and m["project_key"] == "PAY"
    assert m["progress"] == {
        "items_total": 0,
        "items_done": 0,
        "open_items": 0,
        "points_total": 0,
        "points_done": 0,
        "points_remaining": 0,
        "percent": 0,
    }
    assert m["forecast"] is None  # nothing to forecast, not "early"
    url = f"/v1/milestones/{m['id']}"
    r = await client.patch(url, json={"status": "in_progress"}, headers={**auth("tpm"), "If-Match": '"1"'})
    assert r.status_code == 200 and r.headers["etag"] == '"2"'
    assert r.json()["status"] == "in_progress" and r.json()["name"] == "Beta in EU"
    r = await client.patch(
        url, json={"target_date": "2027-01-10"}, headers={**auth("tpm"), "If-Match": '"1"'}
    )
    assert r.status_code == 412
    got = await client.get(url, headers=auth("viewer", "PAY"))
    assert got.json()["target_date"] == "2026-12-15" and got.headers["etag"] == '"2"'
    hist = (await client.get(f"{url}/history", headers=auth())).json()["items"]
    assert [h["action"] for h in hist] == ["create", "update"]
    assert hist[1]["changes"] == [{"field": "status", "before": "planned", "after": "in_progress"}]


@pytest.mark.parametrize(
    ("payload", "loc"),
    [
        ({**M1, "name": "x" * 201}, "body.name"),
        ({**M1, "name": ""}, "body.name"),
        ({**M1, "description": "x" * 20001}, "body.description"),
        ({**M1, "target_date": "someday"}, "body.target_date"),
        ({**M1, "status": "abandoned"}, "body.status"),
        ({**M1, "items": ["PAY-1"]}, "body.items"),
        ({"name": "No date"}, "body.target_date"),
    ],
)
async def test_bad_milestones_are_422_and_nothing_written(client, auth, payload, loc):
    await make_project(client, auth)
    r = await client.post("/v1/projects/PAY/milestones", json=payload, headers=auth("tpm"))
    assert r.status_code == 422, r.text
    assert loc in [e["loc"] for e in r.json()["errors"]]
    assert (await client.get("/v1/projects/PAY/milestones", headers=auth())).json()["items"] == []


async def test_bad_patches_are_422(client, auth):
    await make_project(client, auth)
    m = await make_milestone(client, auth)
    for payload, loc in [
        ({"name": None}, "body.name"),
        ({"target_date": None}, "body.target_date"),
        ({"status": "late"}, "body.status"),
        ({"project_key": "OPS"}, "body.project_key"),
    ]:
        r = await client.patch(f"/v1/milestones/{m['id']}", json=payload, headers=auth("tpm"))
        assert r.status_code == 422, payload
        assert loc in [e["loc"] for e in r.json()["errors"]]
    assert (await client.get(f"/v1/milestones/{m['id']}", headers=auth())).json()["version"] == 1


async def test_unknown_project_and_milestone_are_404(client, auth):
    r = await client.post("/v1/projects/NOPE/milestones", json=M1, headers=auth("admin"))
    assert r.status_code == 404 and "NOPE" in r.json()["detail"]
    assert (await client.get("/v1/projects/NOPE/milestones", headers=auth())).status_code == 404
    missing = "01937c5e-8f3a-7cc2-9d8e-3b1f0a6c2d11"
    assert (await client.get(f"/v1/milestones/{missing}", headers=auth())).status_code == 404
    assert (
        await client.patch(f"/v1/milestones/{missing}", json={"name": "x"}, headers=auth())
    ).status_code == 404


async def test_roles(client, auth):
    await make_project(client, auth)
    for role in ("engineer", "viewer", "qa", "ci"):
        r = await client.post("/v1/projects/PAY/milestones", json=M1, headers=auth(role, "PAY"))
        assert r.status_code == 403, role
    m = await make_milestone(client, auth)
    r = await client.patch(f"/v1/milestones/{m['id']}", json={"name": "x"}, headers=auth("engineer", "PAY"))
    assert r.status_code == 403
    assert (await client.get(f"/v1/milestones/{m['id']}", headers=auth("viewer", "OPS"))).status_code == 404
    assert (await client.get("/v1/projects/PAY/milestones", headers=auth("viewer", "OPS"))).status_code == 403
    assert (await client.get(f"/v1/milestones/{m['id']}")).status_code == 401


async def test_list_by_date_filters_and_pages(client, auth):
    await make_project(client, auth)
    await make_project(client, auth, "OPS")
    dates = ["2027-03-01", "2026-12-01", "2027-01-15", "2027-02-01", "2026-11-30"]
    for i, d in enumerate(dates):
        await make_milestone(
            client, auth, name=f"M{i}", target_date=d, status="done" if i == 0 else "planned"
        )
    await make_milestone(client, auth, key="OPS")
    seen, cursor = [], None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = (await client.get("/v1/projects/PAY/milestones", params=params, headers=auth())).json()
        seen += [m["target_date"] for m in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == sorted(dates)
    r = await client.get("/v1/projects/PAY/milestones", params={"status": "done"}, headers=auth())
    assert [m["name"] for m in r.json()["items"]] == ["M0"]
    r = await client.get(
        "/v1/projects/PAY/milestones",
        params={"due_after": "2026-12-01", "due_before": "2027-02-01", "sort": "-target_date"},
        headers=auth(),
    )
    assert [m["target_date"] for m in r.json()["items"]] == ["2027-02-01", "2027-01-15", "2026-12-01"]
    assert (
        await client.get("/v1/projects/PAY/milestones", params={"sort": "x"}, headers=auth())
    ).status_code == 422


async def _item(client, auth, milestone_id, points, status=None, type_="story"):
    r = await client.post(
        "/v1/projects/PAY/items",
        json={
            "type": type_,
            "title": f"{points} points",
            "points": points,
            "milestone_id": milestone_id,
        },
        headers=auth("tpm"),
    )
    assert r.status_code == 201, r.text
    key = r.json()["key"]
    path = {
        "done": ["ready", "in_progress", "in_review", "done"],
        "wont_do": ["wont_do"],
        "in_progress": ["ready", "in_progress"],
        None: [],
    }[status]
    for step in path:
        t = await client.post(f"/v1/items/{key}/transition", json={"to": step}, headers=auth("tpm"))
        assert t.status_code == 200, t.text
    return key


async def test_progress_is_done_points_over_total_points_of_linked_items(client, auth):
    await make_project(client, auth)
    beta = await make_milestone(client, auth, name="Beta")
    ga = await make_milestone(client, auth, name="GA", target_date="2027-03-01")
    await _item(client, auth, beta["id"], 5, "done")
    await _item(client, auth, beta["id"], 3, "done")
    await _item(client, auth, beta["id"], 8, "in_progress")
    await _item(client, auth, beta["id"], 4)
    await _item(client, auth, beta["id"], 13, "wont_do")  # dropped scope does not count
    await _item(client, auth, ga["id"], 2)
    await _item(client, auth, None, 100, "done")  # not linked to any milestone
    got = (await client.get(f"/v1/milestones/{beta['id']}", headers=auth())).json()
    assert got["progress"] == {
        "items_total": 4,
        "items_done": 2,
        "open_items": 2,
        "points_total": 20,
        "points_done": 8,
        "points_remaining": 12,
        "percent": 40.0,
    }
    # Velocity: 108 points done today over the 28-day window → 12 remaining take ceil(12 / 3.857) = 4 days.
    today = utcnow().date()
    assert got["forecast"] == {
        "projected_finish": (today + timedelta(days=4)).isoformat(),
        "slip_days": (today + timedelta(days=4) - date(2026, 12, 15)).days,
        "velocity_points_per_day": round(108 / 28, 3),
    }
    page = (await client.get("/v1/projects/PAY/milestones", headers=auth())).json()["items"]
    assert [(m["name"], m["progress"]["percent"], m["progress"]["points_total"]) for m in page] == [
        ("Beta", 40.0, 20),
        ("GA", 0.0, 2),
    ]
