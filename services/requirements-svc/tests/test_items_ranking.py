"""Ranking: fractional keys, a move writes one item row, lists sort by rank, the rebalancer."""

import random

import pytest
from requirements_svc.ranking import keys as ranking


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
    from requirements_svc.ranking.workers import rebalance_once
    from tpmhub_shared.db import Database

    db = Database(req_settings.database_url)
    try:
        assert await rebalance_once(db, max_length=12) == ["PAY"]
        assert await rebalance_once(db, max_length=12) == []
    finally:
        await db.dispose()
    items = (await client.get("/v1/projects/PAY/items", headers=auth())).json()["items"]
    assert [i["key"] for i in items] == expected
    assert max(len(i["rank"]) for i in items) == ranking.HEAD_WIDTH
