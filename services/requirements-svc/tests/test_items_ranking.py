"""Ranking: fractional keys, a move writes one item row, lists sort by rank, the rebalancer."""

import asyncio
import random

import pytest
from requirements_svc.ranking import keys as ranking
from requirements_svc.ranking.workers import rebalance_once
from tpmhub_shared.db import Database


def test_keys_stay_ordered_under_random_inserts():
    rng = random.Random(7)
    keys = [ranking.FIRST]
    for _ in range(5000):
        j = rng.randint(0, len(keys))
        a = keys[j - 1] if j else None
        b = keys[j] if j < len(keys) else None
        k = ranking.between(a, b)
        assert (a is None or a < k) and (b is None or k < b)
        keys.insert(j, k)
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert all(set(k) <= set(ranking.ALPHABET) for k in keys)


def test_appends_keep_keys_short():
    keys = ranking.sequence(None, 100_000)
    assert keys == sorted(keys) and max(len(k) for k in keys) == ranking.HEAD_WIDTH


def test_between_refuses_unordered_neighbours():
    with pytest.raises(ValueError):
        ranking.between("i00002", "i00001")


async def _setup(client, auth, n=5):
    r = await client.post("/v1/projects", json={"key": "PAY", "name": "P"}, headers=auth("admin"))
    assert r.status_code == 201
    r = await client.post(
        "/v1/projects/PAY/items/batch",
        json={"items": [{"type": "task", "title": f"T{i}"} for i in range(1, n + 1)]},
        headers=auth("tpm"),
    )
    assert r.status_code == 201, r.text


async def order(client, auth, sort="rank"):
    page = (await client.get("/v1/projects/PAY/items", params={"sort": sort}, headers=auth())).json()
    return [i["key"] for i in page["items"]]


async def test_moves_reorder_and_write_one_row(client, auth):
    await _setup(client, auth)
    assert await order(client, auth) == ["PAY-1", "PAY-2", "PAY-3", "PAY-4", "PAY-5"]
    before_versions = {
        i["key"]: i["version"]
        for i in (await client.get("/v1/projects/PAY/items", headers=auth())).json()["items"]
    }
    r = await client.post("/v1/items/PAY-5/move", json={"before": "PAY-2"}, headers=auth("pm", "PAY"))
    assert r.status_code == 200, r.text
    assert await order(client, auth) == ["PAY-1", "PAY-5", "PAY-2", "PAY-3", "PAY-4"]
    r = await client.post("/v1/items/PAY-1/move", json={"after": "PAY-4"}, headers=auth())
    assert await order(client, auth) == ["PAY-5", "PAY-2", "PAY-3", "PAY-4", "PAY-1"]
    r = await client.post("/v1/items/PAY-3/move", json={"before": "PAY-5"}, headers=auth())
    assert await order(client, auth) == ["PAY-3", "PAY-5", "PAY-2", "PAY-4", "PAY-1"]
    r = await client.post("/v1/items/PAY-4/move", json={"after": "PAY-3", "before": "PAY-5"}, headers=auth())
    assert r.status_code == 200
    assert await order(client, auth) == ["PAY-3", "PAY-4", "PAY-5", "PAY-2", "PAY-1"]
    assert await order(client, auth, "-rank") == ["PAY-1", "PAY-2", "PAY-5", "PAY-4", "PAY-3"]
    # Only moved items changed version: one row written per move.
    after = {
        i["key"]: i["version"]
        for i in (await client.get("/v1/projects/PAY/items", headers=auth())).json()["items"]
    }
    assert after["PAY-2"] == before_versions["PAY-2"]
    assert all(after[k] == before_versions[k] + 1 for k in ("PAY-5", "PAY-1", "PAY-3", "PAY-4"))
    hist = (await client.get("/v1/items/PAY-5/history", headers=auth())).json()["items"]
    assert hist[-1]["action"] == "move" and hist[-1]["changes"][0]["field"] == "rank"


async def test_many_moves_into_one_gap_keep_order(client, auth):
    await _setup(client, auth, 3)
    # Repeatedly put the last item right after PAY-1: ranks get longer, never collide.
    for _ in range(30):
        r = await client.post("/v1/items/PAY-3/move", json={"after": "PAY-1"}, headers=auth())
        assert r.status_code == 200
        r = await client.post("/v1/items/PAY-2/move", json={"after": "PAY-1"}, headers=auth())
        assert r.status_code == 200
    assert await order(client, auth) == ["PAY-1", "PAY-2", "PAY-3"]


@pytest.mark.parametrize(
    ("body", "loc"),
    [
        ({}, "body"),
        ({"before": "PAY-2", "after": "PAY-4"}, "body"),
        ({"before": "PAY-99"}, "body.before"),
        ({"after": "PAY-3"}, "body.after"),
        ({"before": "nope"}, "body.before"),
        ({"after": "PAY-1", "extra": 1}, "body.extra"),
    ],
)
async def test_bad_moves_are_422_and_nothing_moves(client, auth, body, loc):
    await _setup(client, auth)
    r = await client.post("/v1/items/PAY-3/move", json=body, headers=auth())
    assert r.status_code == 422, r.text
    assert loc in [e["loc"] for e in r.json()["errors"]]
    assert await order(client, auth) == ["PAY-1", "PAY-2", "PAY-3", "PAY-4", "PAY-5"]


async def test_move_needs_a_planner_and_same_project(client, auth):
    await _setup(client, auth)
    r = await client.post("/v1/items/PAY-3/move", json={"before": "PAY-1"}, headers=auth("engineer", "PAY"))
    assert r.status_code == 403
    await client.post("/v1/projects", json={"key": "OPS", "name": "O"}, headers=auth())
    await client.post("/v1/projects/OPS/items", json={"type": "task", "title": "o"}, headers=auth())
    r = await client.post("/v1/items/PAY-3/move", json={"before": "OPS-1"}, headers=auth())
    assert r.status_code == 422
    r = await client.post(
        "/v1/items/PAY-3/move", json={"before": "PAY-1"}, headers={**auth(), "If-Match": '"9"'}
    )
    assert r.status_code == 412
    assert await order(client, auth) == ["PAY-1", "PAY-2", "PAY-3", "PAY-4", "PAY-5"]


async def test_rebalancer_rewrites_long_keys_keeping_order(client, auth, req_settings):
    await _setup(client, auth, 4)
    for _ in range(20):
        await client.post("/v1/items/PAY-4/move", json={"after": "PAY-1"}, headers=auth())
        await client.post("/v1/items/PAY-3/move", json={"after": "PAY-1"}, headers=auth())
    expected = await order(client, auth)
    longest = max(
        len(i["rank"]) for i in (await client.get("/v1/projects/PAY/items", headers=auth())).json()["items"]
    )
    assert longest > 12
    db = Database(req_settings.database_url)
    try:
        assert await rebalance_once(db, max_length=12) == ["PAY"]
        assert await rebalance_once(db, max_length=12) == []
    finally:
        await db.dispose()
    items = (await client.get("/v1/projects/PAY/items", headers=auth())).json()["items"]
    assert [i["key"] for i in items] == expected
    assert max(len(i["rank"]) for i in items) == ranking.HEAD_WIDTH


async def _item(client, auth, key):
    r = await client.get(f"/v1/items/{key}", headers=auth())
    assert r.status_code == 200, r.text
    return r


async def _moves(client, auth, key):
    hist = (await client.get(f"/v1/items/{key}/history", headers=auth())).json()["items"]
    return [h for h in hist if h["action"] == "move"]


async def test_a_move_to_where_the_item_already_is_writes_nothing(client, auth):
    await _setup(client, auth)
    first = await client.post("/v1/items/PAY-5/move", json={"before": "PAY-2"}, headers=auth())
    assert first.status_code == 200, first.text
    again = await client.post("/v1/items/PAY-5/move", json={"before": "PAY-2"}, headers=auth())
    assert again.status_code == 200, again.text
    assert again.headers["etag"] == first.headers["etag"]
    assert again.json() == first.json() == (await _item(client, auth, "PAY-5")).json()
    assert len(await _moves(client, auth, "PAY-5")) == 1
    # The same place named the other way, and by both neighbours: still nothing to write.
    for body in ({"after": "PAY-1"}, {"after": "PAY-1", "before": "PAY-2"}):
        r = await client.post("/v1/items/PAY-5/move", json=body, headers=auth())
        assert r.status_code == 200 and r.headers["etag"] == first.headers["etag"], r.text
    # An item never moved, already directly before its anchor (and the top of the list before PAY-1's
    # successor): its version and history stay as they were.
    r = await client.post("/v1/items/PAY-3/move", json={"before": "PAY-4"}, headers=auth())
    assert r.status_code == 200 and r.json()["version"] == 1
    r = await client.post("/v1/items/PAY-1/move", json={"before": "PAY-5"}, headers=auth())
    assert r.status_code == 200 and r.json()["version"] == 1
    assert await _moves(client, auth, "PAY-3") == await _moves(client, auth, "PAY-1") == []
    assert await order(client, auth) == ["PAY-1", "PAY-5", "PAY-2", "PAY-3", "PAY-4"]
    # A stale If-Match is refused before anything else, even where the move would write nothing.
    r = await client.post(
        "/v1/items/PAY-3/move", json={"before": "PAY-4"}, headers={**auth(), "If-Match": '"7"'}
    )
    assert r.status_code == 412 and r.json()["current_version"] == 1, r.text
    r = await client.post(
        "/v1/items/PAY-3/move", json={"before": "PAY-1"}, headers={**auth(), "If-Match": '"1"'}
    )
    assert r.status_code == 200 and r.headers["etag"] == '"2"', r.text
    assert await order(client, auth) == ["PAY-3", "PAY-1", "PAY-5", "PAY-2", "PAY-4"]


async def test_move_answers_404_before_403_and_checks_the_role_on_the_item(client, auth):
    await _setup(client, auth)
    r = await client.post("/v1/items/PAY-99/move", json={"before": "PAY-1"}, headers=auth("engineer", "PAY"))
    assert r.status_code == 404, r.text
    r = await client.post("/v1/items/OPS-1/move", json={"before": "PAY-1"}, headers=auth("pm", "PAY"))
    assert r.status_code == 404, r.text
    r = await client.post("/v1/items/PAY-2/move", json={"before": "PAY-1"}, headers=auth("engineer", "PAY"))
    assert r.status_code == 403, r.text


async def test_concurrent_moves_into_one_gap_keep_every_item_once_in_one_order(client, auth, req_settings):
    await _setup(client, auth, 8)
    moved = [f"PAY-{n}" for n in range(3, 9)]
    answers = await asyncio.gather(
        *(client.post(f"/v1/items/{k}/move", json={"after": "PAY-1"}, headers=auth()) for k in moved)
    )
    assert {r.status_code for r in answers} <= {200, 503}, [r.text for r in answers]
    done = [k for k, r in zip(moved, answers, strict=True) if r.status_code == 200]
    assert done
    now = await order(client, auth)
    assert sorted(now) == sorted(f"PAY-{n}" for n in range(1, 9))  # every item exactly once
    assert now[0] == "PAY-1" and set(now[1 : 1 + len(done)]) == set(done)
    items = (await client.get("/v1/projects/PAY/items", headers=auth())).json()["items"]
    assert [i["key"] for i in items] == now == await order(client, auth)  # one order, read twice
    db = Database(req_settings.database_url)
    try:
        await rebalance_once(db)
    finally:
        await db.dispose()
    items = (await client.get("/v1/projects/PAY/items", headers=auth())).json()["items"]
    assert [i["key"] for i in items] == now
    assert len({i["rank"] for i in items}) == len(items)  # distinct keys once rebalanced


async def test_the_same_move_from_many_clients_at_once_writes_once(client, auth):
    """Without If-Match: each answer is the move (200) or a lost race (412); one row and one history entry
    are written, whoever wins."""
    await _setup(client, auth, 6)
    answers = await asyncio.gather(
        *(client.post("/v1/items/PAY-6/move", json={"before": "PAY-2"}, headers=auth()) for _ in range(8))
    )
    codes = [r.status_code for r in answers]
    assert set(codes) <= {200, 412} and 200 in codes, [r.text for r in answers]
    for r in answers:
        if r.status_code == 412:
            assert r.json()["type"].endswith("precondition-failed"), r.text
        else:
            assert r.json()["version"] == 2, r.text
    assert (await _item(client, auth, "PAY-6")).json()["version"] == 2
    assert len(await _moves(client, auth, "PAY-6")) == 1
    assert await order(client, auth) == ["PAY-1", "PAY-6", "PAY-2", "PAY-3", "PAY-4", "PAY-5"]
