"""Acceptance criteria: first-class children, verification, done blocked until all pass, text edits of a
verified criterion reset it, history, roles and bad input."""

import pytest


async def setup_item(client, auth, criteria=("Given A, when B, then C", "Given D, when E, then F")):
    r = await client.post("/v1/projects", json={"key": "PAY", "name": "Payments"}, headers=auth("admin"))
    assert r.status_code == 201
    r = await client.post(
        "/v1/projects/PAY/items",
        json={"type": "story", "title": "S", "criteria": list(criteria)},
        headers=auth("tpm"),
    )
    assert r.status_code == 201, r.text
    return r.json()["key"]


async def to_review(client, auth, key):
    for to in ("ready", "in_progress", "in_review"):
        r = await client.post(f"/v1/items/{key}/transition", json={"to": to}, headers=auth())
        assert r.status_code == 200, r.text


async def test_criteria_are_listed_added_and_verified(client, auth):
    key = await setup_item(client, auth)
    rows = (await client.get(f"/v1/items/{key}/criteria", headers=auth("viewer", "PAY"))).json()
    assert [c["position"] for c in rows] == [0, 1] and {c["status"] for c in rows} == {"pending"}
    r = await client.post(
        f"/v1/items/{key}/criteria", json={"text": "Given G, then H"}, headers=auth("qa", "PAY")
    )
    assert r.status_code == 201 and r.json()["position"] == 2
    assert r.headers["location"] == f"/v1/criteria/{r.json()['id']}"
    cid = rows[0]["id"]
    r = await client.post(
        f"/v1/criteria/{cid}/verify",
        json={"status": "passed", "evidence_url": "https://ci.example.com/runs/1"},
        headers=auth("qa", "PAY", sub="quinn"),
    )
    assert r.status_code == 200
    c = r.json()
    assert c["status"] == "passed" and c["verified_by"] == "quinn" and c["verified_at"]
    assert c["evidence_url"] == "https://ci.example.com/runs/1"
    item = (await client.get(f"/v1/items/{key}", headers=auth())).json()
    assert item["acceptance"] == {"total": 3, "passed": 1, "failed": 0, "pending": 2}


async def test_done_is_blocked_until_every_criterion_passed(client, auth):
    key = await setup_item(client, auth)
    await to_review(client, auth, key)
    rows = (await client.get(f"/v1/items/{key}/criteria", headers=auth())).json()
    await client.post(f"/v1/criteria/{rows[0]['id']}/verify", json={"status": "passed"}, headers=auth())
    await client.post(f"/v1/criteria/{rows[1]['id']}/verify", json={"status": "failed"}, headers=auth())
    r = await client.post(f"/v1/items/{key}/transition", json={"to": "done"}, headers=auth())
    assert r.status_code == 409
    body = r.json()
    assert body["title"] == "Acceptance criteria not passed"
    assert [c["id"] for c in body["unpassed_criteria"]] == [rows[1]["id"]]
    assert body["unpassed_criteria"][0]["status"] == "failed"
    assert (await client.get(f"/v1/items/{key}", headers=auth())).json()["status"] == "in_review"
    await client.post(f"/v1/criteria/{rows[1]['id']}/verify", json={"status": "passed"}, headers=auth())
    r = await client.post(f"/v1/items/{key}/transition", json={"to": "done"}, headers=auth())
    assert r.status_code == 200 and r.json()["status"] == "done"


async def test_a_new_pending_criterion_blocks_done_again(client, auth):
    key = await setup_item(client, auth, criteria=())
    await to_review(client, auth, key)
    await client.post(f"/v1/items/{key}/criteria", json={"text": "late"}, headers=auth())
    r = await client.post(f"/v1/items/{key}/transition", json={"to": "done"}, headers=auth())
    assert r.status_code == 409 and len(r.json()["unpassed_criteria"]) == 1


async def test_editing_a_passed_criterion_resets_it(client, auth):
    key = await setup_item(client, auth)
    cid = (await client.get(f"/v1/items/{key}/criteria", headers=auth())).json()[0]["id"]
    r = await client.post(
        f"/v1/criteria/{cid}/verify",
        json={"status": "passed", "evidence_url": "https://ci.example.com/1"},
        headers=auth(),
    )
    assert r.headers["etag"] == '"2"'
    # Same text: stays passed.
    r = await client.patch(f"/v1/criteria/{cid}", json={"text": "Given A, when B, then C"}, headers=auth())
    assert r.status_code == 200 and r.json()["status"] == "passed"
    r = await client.patch(
        f"/v1/criteria/{cid}", json={"text": "Given A, when B, then C and D"}, headers=auth()
    )
    assert r.status_code == 200
    c = r.json()
    assert c["status"] == "pending" and c["verified_by"] is None and c["verified_at"] is None
    assert c["evidence_url"] is None and c["text"].endswith("and D")
    hist = (await client.get(f"/v1/criteria/{cid}/history", headers=auth())).json()["items"]
    assert [h["action"] for h in hist] == ["create", "verify", "update"]
    changed = {ch["field"]: ch for ch in hist[2]["changes"]}
    assert changed["status"]["before"] == "passed" and changed["status"]["after"] == "pending"
    assert changed["text"]["after"].endswith("and D")


async def test_editing_a_pending_criterion_keeps_it_pending(client, auth):
    key = await setup_item(client, auth)
    cid = (await client.get(f"/v1/items/{key}/criteria", headers=auth())).json()[0]["id"]
    r = await client.patch(f"/v1/criteria/{cid}", json={"text": "new"}, headers=auth())
    assert r.status_code == 200 and r.json()["status"] == "pending" and r.json()["version"] == 2


async def test_delete_and_stale_if_match(client, auth):
    key = await setup_item(client, auth)
    cid = (await client.get(f"/v1/items/{key}/criteria", headers=auth())).json()[0]["id"]
    await client.patch(f"/v1/criteria/{cid}", json={"text": "v2"}, headers=auth())
    r = await client.patch(
        f"/v1/criteria/{cid}", json={"text": "stale"}, headers={**auth(), "If-Match": '"1"'}
    )
    assert r.status_code == 412
    r = await client.delete(f"/v1/criteria/{cid}", headers={**auth(), "If-Match": '"1"'})
    assert r.status_code == 412
    r = await client.delete(f"/v1/criteria/{cid}", headers=auth())
    assert r.status_code == 204
    assert len((await client.get(f"/v1/items/{key}/criteria", headers=auth())).json()) == 1
    assert (await client.get(f"/v1/criteria/{cid}/history", headers=auth())).json()["items"][-1][
        "action"
    ] == "delete"


async def test_roles_on_criteria(client, auth):
    key = await setup_item(client, auth)
    cid = (await client.get(f"/v1/items/{key}/criteria", headers=auth())).json()[0]["id"]
    r = await client.post(
        f"/v1/criteria/{cid}/verify", json={"status": "passed"}, headers=auth("viewer", "PAY")
    )
    assert r.status_code == 403
    r = await client.post(f"/v1/items/{key}/criteria", json={"text": "x"}, headers=auth("ci", "PAY"))
    assert r.status_code == 403
    r = await client.get(f"/v1/criteria/{cid}/history", headers=auth("viewer", "OPS"))
    assert r.status_code == 404
    c = (await client.get(f"/v1/items/{key}/criteria", headers=auth())).json()[0]
    assert c["status"] == "pending"


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("criteria", {"text": ""}),
        ("criteria", {"text": "x" * 4001}),
        ("criteria", {"text": "ok", "status": "passed"}),
        ("verify", {"status": "great"}),
        ("verify", {"status": "passed", "evidence_url": "not a url"}),
        ("verify", {"status": "passed", "evidence_url": "https://x/" + "y" * 2000}),
    ],
)
async def test_bad_criterion_input_is_422(client, auth, path, body):
    key = await setup_item(client, auth)
    cid = (await client.get(f"/v1/items/{key}/criteria", headers=auth())).json()[0]["id"]
    url = f"/v1/items/{key}/criteria" if path == "criteria" else f"/v1/criteria/{cid}/verify"
    r = await client.post(url, json=body, headers=auth())
    assert r.status_code == 422, r.text
    rows = (await client.get(f"/v1/items/{key}/criteria", headers=auth())).json()
    assert len(rows) == 2 and {c["status"] for c in rows} == {"pending"}


async def test_unknown_criterion_and_item(client, auth):
    await setup_item(client, auth)
    assert (
        await client.get("/v1/criteria/01937c5e-8f3a-7cc2-9d8e-3b1f0a6c2d11/history", headers=auth())
    ).status_code == 404
    assert (
        await client.post("/v1/items/PAY-9/criteria", json={"text": "x"}, headers=auth())
    ).status_code == 404
    assert (
        await client.patch("/v1/criteria/not-a-uuid", json={"text": "x"}, headers=auth())
    ).status_code == 422
