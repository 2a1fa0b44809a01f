"""The batch look-up answers acceptance criteria by id (with their item), in the same call as items."""

import uuid


async def test_criteria_by_id_with_their_item(client, auth):
    for key in ("PAY", "OPS"):
        r = await client.post("/v1/projects", json={"key": key, "name": key}, headers=auth("admin"))
        assert r.status_code == 201
    ids = {}
    for project in ("PAY", "OPS"):
        r = await client.post(
            f"/v1/projects/{project}/items",
            json={"type": "story", "title": "S", "criteria": ["a", "b"]},
            headers=auth("admin"),
        )
        key = r.json()["key"]
        rows = (await client.get(f"/v1/items/{key}/criteria", headers=auth())).json()
        ids[project] = [c["id"] for c in rows]
    ghost = str(uuid.uuid4())
    wanted = [ids["PAY"][1], ghost, ids["OPS"][0], ids["PAY"][0], ids["PAY"][1]]
    r = await client.post(
        "/v1/items/lookup", json={"keys": ["PAY-1"], "criterion_ids": wanted}, headers=auth("viewer", "PAY")
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert [c["id"] for c in body["criteria"]] == [ids["PAY"][1], ids["PAY"][0]]
    assert body["criteria"][0] == {
        "id": ids["PAY"][1],
        "item_key": "PAY-1",
        "project_key": "PAY",
        "status": "pending",
    }
    # Unknown ids and criteria of a project the caller may not read are missing alike.
    assert body["missing_criteria"] == [ghost, ids["OPS"][0]]
    assert [i["key"] for i in body["items"]] == ["PAY-1"]
    bad = await client.post("/v1/items/lookup", json={"criterion_ids": ["nope"]}, headers=auth())
    assert bad.status_code == 422
