"""Iterations: capacity and over-commitment, start/close with unfinished items moving on, burndown replayed
from item history, roles and bad input."""

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

TODAY = datetime.now(UTC).date()


async def setup(client, auth, points=(3, 5, 8)):
    r = await client.post("/v1/projects", json={"key": "PAY", "name": "P"}, headers=auth("admin"))
    assert r.status_code == 201
    rows = [{"type": "story", "title": f"S{i}", "points": p} for i, p in enumerate(points, 1)]
    r = await client.post("/v1/projects/PAY/items/batch", json={"items": rows}, headers=auth())
    assert r.status_code == 201, r.text
    return [i["key"] for i in r.json()["items"]]


async def make_iteration(client, auth, name="Sprint 1", start=TODAY, days=13, capacity=10):
    r = await client.post(
        "/v1/projects/PAY/iterations",
        json={
            "name": name,
            "goal": "Saved cards",
            "start_date": start.isoformat(),
            "end_date": (start + timedelta(days=days)).isoformat(),
            "capacity_points": capacity,
        },
        headers=auth("tpm", "PAY"),
    )
    assert r.status_code == 201, r.text
    return r.json()


async def finish(client, auth, key):
    for to in ("ready", "in_progress", "in_review", "done"):
        r = await client.post(f"/v1/items/{key}/transition", json={"to": to}, headers=auth())
        assert r.status_code == 200, r.text


async def test_create_list_get_and_patch(client, auth):
    await setup(client, auth)
    it = await make_iteration(client, auth)
    assert it["status"] == "planned" and it["capacity_points"] == 10 and it["committed_points"] == 0
    later = await make_iteration(client, auth, "Sprint 2", start=TODAY + timedelta(days=14))
    page = (await client.get("/v1/projects/PAY/iterations", headers=auth("viewer", "PAY"))).json()
    assert [i["name"] for i in page["items"]] == ["Sprint 1", "Sprint 2"]
    page = (
        await client.get("/v1/projects/PAY/iterations", params={"status": "active"}, headers=auth())
    ).json()
    assert page["items"] == []
    r = await client.patch(
        f"/v1/iterations/{later['id']}", json={"capacity_points": 20}, headers={**auth(), "If-Match": '"1"'}
    )
    assert r.status_code == 200 and r.json()["capacity_points"] == 20
    r = await client.patch(
        f"/v1/iterations/{later['id']}", json={"goal": "x"}, headers={**auth(), "If-Match": '"1"'}
    )
    assert r.status_code == 412
    r = await client.patch(f"/v1/iterations/{later['id']}", json={"end_date": "2000-01-01"}, headers=auth())
    assert r.status_code == 422
    got = (await client.get(f"/v1/iterations/{later['id']}", headers=auth())).json()
    assert got["capacity_points"] == 20 and got["end_date"] != "2000-01-01"


@pytest.mark.parametrize(
    "body",
    [
        {"name": "x", "start_date": "2026-12-10", "end_date": "2026-12-01"},
        {"name": "x", "start_date": "2026-12-01", "end_date": "2026-12-10", "capacity_points": -1},
        {"name": "", "start_date": "2026-12-01", "end_date": "2026-12-10"},
        {"name": "x" * 201, "start_date": "2026-12-01", "end_date": "2026-12-10"},
        {"name": "x", "start_date": "not-a-date", "end_date": "2026-12-10"},
        {"name": "x", "start_date": "2026-12-01", "end_date": "2026-12-10", "sprint": 1},
        {"name": "x", "start_date": "0001-01-01", "end_date": "9999-12-31"},
    ],
)
async def test_bad_iterations_are_422(client, auth, body):
    await setup(client, auth)
    r = await client.post("/v1/projects/PAY/iterations", json=body, headers=auth())
    assert r.status_code == 422, r.text
    assert (await client.get("/v1/projects/PAY/iterations", headers=auth())).json()["items"] == []


async def test_roles_and_unknown(client, auth):
    await setup(client, auth)
    r = await client.post(
        "/v1/projects/PAY/iterations",
        json={"name": "x", "start_date": "2026-12-01", "end_date": "2026-12-10"},
        headers=auth("engineer", "PAY"),
    )
    assert r.status_code == 403
    r = await client.post(
        "/v1/projects/NOPE/iterations",
        json={"name": "x", "start_date": "2026-12-01", "end_date": "2026-12-10"},
        headers=auth(),
    )
    assert r.status_code == 404
    assert (
        await client.get("/v1/iterations/01937c5e-8f3a-7cc2-9d8e-3b1f0a6c2d11", headers=auth())
    ).status_code == 404
    it = await make_iteration(client, auth)
    assert (await client.get(f"/v1/iterations/{it['id']}", headers=auth("viewer", "OPS"))).status_code == 404


async def test_commit_reports_over_commitment(client, auth):
    keys = await setup(client, auth)
    it = await make_iteration(client, auth, capacity=10)
    r = await client.post(f"/v1/iterations/{it['id']}/commit", json={"items": keys[:2]}, headers=auth())
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["committed"] == keys[:2] and report["over_committed"] is False
    assert report["iteration"]["committed_points"] == 8 and report["iteration"]["item_count"] == 2
    r = await client.post(f"/v1/iterations/{it['id']}/commit", json={"items": keys}, headers=auth())
    report = r.json()
    assert report["committed"] == [keys[2]]
    assert report["over_committed"] is True and report["over_committed_by"] == 6
    item = (await client.get(f"/v1/items/{keys[2]}", headers=auth())).json()
    assert item["iteration_id"] == it["id"]
    page = (
        await client.get("/v1/projects/PAY/items", params={"iteration_id": it["id"]}, headers=auth())
    ).json()
    assert len(page["items"]) == 3
    hist = (await client.get(f"/v1/items/{keys[2]}/history", headers=auth())).json()["items"]
    assert hist[-1]["changes"] == [{"field": "iteration_id", "before": None, "after": it["id"]}]


async def test_commit_bad_items_commits_nothing(client, auth):
    keys = await setup(client, auth)
    await finish(client, auth, keys[1])
    it = await make_iteration(client, auth)
    r = await client.post(
        f"/v1/iterations/{it['id']}/commit", json={"items": [keys[0], "PAY-99", keys[1]]}, headers=auth()
    )
    assert r.status_code == 422
    assert [e["loc"] for e in r.json()["errors"]] == ["body.items.1", "body.items.2"]
    assert (await client.get(f"/v1/iterations/{it['id']}", headers=auth())).json()["item_count"] == 0
    r = await client.post(f"/v1/iterations/{it['id']}/commit", json={"items": []}, headers=auth())
    assert r.status_code == 422
    r = await client.post(
        f"/v1/iterations/{it['id']}/commit", json={"items": ["PAY-1"] * 501}, headers=auth()
    )
    assert r.status_code == 422


async def test_start_and_close_move_unfinished_to_next(client, auth):
    keys = await setup(client, auth)
    s1 = await make_iteration(client, auth, "Sprint 1")
    s2 = await make_iteration(client, auth, "Sprint 2", start=TODAY + timedelta(days=14))
    await client.post(f"/v1/iterations/{s1['id']}/commit", json={"items": keys}, headers=auth())
    r = await client.post(f"/v1/iterations/{s1['id']}/start", headers=auth())
    assert r.status_code == 200 and r.json()["status"] == "active" and r.json()["started_at"]
    r = await client.post(f"/v1/iterations/{s1['id']}/start", headers=auth())
    assert r.status_code == 409 and r.json()["allowed_actions"] == ["close"]
    r = await client.post(f"/v1/iterations/{s2['id']}/start", headers=auth())
    assert r.status_code == 409 and "still active" in r.json()["detail"]
    await finish(client, auth, keys[0])
    r = await client.post(f"/v1/iterations/{s1['id']}/close", json={}, headers=auth())
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["moved"] == keys[1:] and report["moved_to"] == s2["id"]
    assert report["iteration"]["status"] == "closed" and report["iteration"]["committed_points"] == 3
    assert (await client.get(f"/v1/items/{keys[1]}", headers=auth())).json()["iteration_id"] == s2["id"]
    assert (await client.get(f"/v1/items/{keys[0]}", headers=auth())).json()["iteration_id"] == s1["id"]
    r = await client.post(f"/v1/iterations/{s1['id']}/close", json={}, headers=auth())
    assert r.status_code == 409 and r.json()["allowed_actions"] == []
    r = await client.post(f"/v1/iterations/{s1['id']}/commit", json={"items": [keys[1]]}, headers=auth())
    assert r.status_code == 409
    r = await client.patch(f"/v1/iterations/{s1['id']}", json={"goal": "late"}, headers=auth())
    assert r.status_code == 409
    # Items cannot be put into a closed iteration by PATCH either.
    r = await client.patch(f"/v1/items/{keys[1]}", json={"iteration_id": s1["id"]}, headers=auth())
    assert r.status_code == 409
    r = await client.post(f"/v1/iterations/{s2['id']}/start", headers=auth())
    assert r.status_code == 200
    hist = (await client.get(f"/v1/iterations/{s1['id']}/history", headers=auth())).json()["items"]
    assert [h["action"] for h in hist] == ["create", "start", "close"]


async def test_close_to_backlog_or_to_a_named_iteration(client, auth):
    keys = await setup(client, auth)
    s1 = await make_iteration(client, auth, "Sprint 1")
    s3 = await make_iteration(client, auth, "Sprint 3", start=TODAY + timedelta(days=28))
    await make_iteration(client, auth, "Sprint 2", start=TODAY + timedelta(days=14))
    await client.post(f"/v1/iterations/{s1['id']}/commit", json={"items": keys[:2]}, headers=auth())
    r = await client.post(
        f"/v1/iterations/{s1['id']}/close",
        json={"unfinished": "backlog", "next_iteration_id": s3["id"]},
        headers=auth(),
    )
    assert r.status_code == 422
    r = await client.post(
        f"/v1/iterations/{s1['id']}/close", json={"next_iteration_id": s1["id"]}, headers=auth()
    )
    assert r.status_code == 422
    r = await client.post(
        f"/v1/iterations/{s1['id']}/close", json={"next_iteration_id": s3["id"]}, headers=auth()
    )
    assert r.status_code == 200 and r.json()["moved_to"] == s3["id"] and r.json()["moved"] == keys[:2]
    await client.post(f"/v1/iterations/{s3['id']}/start", headers=auth())
    r = await client.post(f"/v1/iterations/{s3['id']}/close", json={"unfinished": "backlog"}, headers=auth())
    assert r.status_code == 200 and r.json()["moved_to"] is None
    assert (await client.get(f"/v1/items/{keys[0]}", headers=auth())).json()["iteration_id"] is None


async def _backdate(url: str, key: str, action: str, when: date, nth: int = 0) -> None:
    """Move the nth history entry of an item with this action to noon of `when` (simulating elapsed days)."""
    engine = create_async_engine(url)
    try:
        async with engine.begin() as conn:
            ids = [
                r[0]
                for r in await conn.execute(
                    text(
                        "SELECT id FROM history WHERE resource_type='item' AND resource_id=:k "
                        "AND action=:a ORDER BY id"
                    ),
                    {"k": key, "a": action},
                )
            ]
            at = datetime.combine(when, datetime.min.time()).replace(hour=12)
            if not url.startswith("sqlite"):
                at = at.replace(tzinfo=UTC)
            await conn.execute(text("UPDATE history SET at=:at WHERE id=:id"), {"at": at, "id": ids[nth]})
    finally:
        await engine.dispose()


async def test_burndown_is_replayed_from_history(client, auth, req_settings):
    keys = await setup(client, auth)  # 3, 5, 8 points
    start = TODAY - timedelta(days=3)
    it = await make_iteration(client, auth, start=start, days=5, capacity=20)
    await client.post(f"/v1/iterations/{it['id']}/commit", json={"items": keys[:2]}, headers=auth())
    await finish(client, auth, keys[0])
    url = req_settings.database_url
    for k in keys:
        await _backdate(url, k, "create", start - timedelta(days=1))
    # Day 0: PAY-1 and PAY-2 committed (8 points). Day 1: PAY-1 done. Day 2: PAY-3 committed (scope +8).
    for k in keys[:2]:
        await _backdate(url, k, "update", start)
    for n in range(4):
        await _backdate(url, keys[0], "transition", start + timedelta(days=1), nth=n)
    await client.post(f"/v1/iterations/{it['id']}/commit", json={"items": [keys[2]]}, headers=auth())
    await _backdate(url, keys[2], "update", start + timedelta(days=2))
    r = await client.get(f"/v1/iterations/{it['id']}/burndown", headers=auth("viewer", "PAY"))
    assert r.status_code == 200, r.text
    days = r.json()["days"]
    assert [d["date"] for d in days] == [(start + timedelta(days=i)).isoformat() for i in range(4)]
    assert [d["remaining_points"] for d in days] == [8, 5, 13, 13]
    assert [d["scope_points"] for d in days] == [8, 8, 16, 16]
    assert days[0]["ideal_points"] == 8 and days[1]["ideal_points"] == 6.4
    # Closing freezes the burndown; the unfinished items move to the backlog and it stays the same.
    await client.post(f"/v1/iterations/{it['id']}/close", json={"unfinished": "backlog"}, headers=auth())
    frozen = (await client.get(f"/v1/iterations/{it['id']}/burndown", headers=auth())).json()["days"]
    assert [d["remaining_points"] for d in frozen] == [8, 5, 13, 13]
