"""Many writers sending the same If-Match at once: exactly one wins, every other one gets 412 and the
resource moves exactly one step. Real concurrency: each request has its own database connection
(PostgreSQL row locks; on SQLite the write transactions queue, which must give the same answers)."""

import asyncio

import pytest

N = 12


async def race(client, method, url, headers, bodies):
    """The same request with the same If-Match from N writers at once (`bodies[i]` for writer i)."""
    return await asyncio.gather(*(client.request(method, url, json=body, headers=headers) for body in bodies))


def one_winner(answers):
    """The single 200; the others are 412 problems naming the version the winner made."""
    codes = sorted(r.status_code for r in answers)
    assert codes == [200] + [412] * (len(answers) - 1), [(r.status_code, r.text) for r in answers]
    (winner,) = [r for r in answers if r.status_code == 200]
    made = int(winner.headers["etag"].strip('"'))
    for r in answers:
        if r.status_code == 412:
            # Checked on the row read under the lock, after the winner committed: not a failed write.
            assert r.json()["type"].endswith("precondition-failed")
            assert r.json()["current_version"] == made, r.text
    return winner


async def current(client, auth, url: str):
    r = await client.get(url, headers=auth())
    assert r.status_code == 200, r.text
    return r


async def patch_race(client, auth, url: str, field: str):
    """N PATCHes of `field` (each writer its own value) with the ETag just read; the value and the ETag
    afterwards are the winner's."""
    etag = (await current(client, auth, url)).headers["etag"]
    answers = await race(
        client,
        "PATCH",
        url,
        {**auth("tpm", "PAY"), "If-Match": etag},
        [{field: f"Value {i}"} for i in range(N)],
    )
    winner = one_winner(answers)
    after = await current(client, auth, url)
    assert after.json()[field] == winner.json()[field]
    assert after.headers["etag"] == winner.headers["etag"] != etag
    return winner


async def action_race(client, auth, url: str, action: str, body=None):
    etag = (await current(client, auth, url)).headers["etag"]
    answers = await race(
        client, "POST", f"{url}/{action}", {**auth("tpm", "PAY"), "If-Match": etag}, [body] * N
    )
    winner = one_winner(answers)
    after = await current(client, auth, url)
    assert after.headers["etag"] == winner.headers["etag"] != etag
    return after.json()


@pytest.fixture
async def project(client, auth):
    r = await client.post("/v1/projects", json={"key": "PAY", "name": "Payments"}, headers=auth("admin"))
    assert r.status_code == 201, r.text


async def make_item(client, auth, title="Pay with a saved card"):
    r = await client.post(
        "/v1/projects/PAY/items",
        json={"type": "story", "title": title, "criteria": ["Works"]},
        headers=auth("tpm"),
    )
    assert r.status_code == 201, r.text
    return r.json()


async def history(client, auth, url: str) -> list[str]:
    r = await client.get(f"{url}/history", headers=auth())
    assert r.status_code == 200, r.text
    return [h["action"] for h in r.json()["items"]]


async def test_project_patch(client, auth, project):
    await patch_race(client, auth, "/v1/projects/PAY", "name")
    assert await history(client, auth, "/v1/projects/PAY") == ["create", "update"]


async def test_milestone_patch(client, auth, project):
    r = await client.post(
        "/v1/projects/PAY/milestones", json={"name": "Beta", "target_date": "2026-12-15"}, headers=auth()
    )
    assert r.status_code == 201, r.text
    await patch_race(client, auth, f"/v1/milestones/{r.json()['id']}", "name")


async def test_item_patch_transition_and_move(client, auth, project):
    item = await make_item(client, auth)
    other = await make_item(client, auth, "Another")
    url = f"/v1/items/{item['key']}"
    await patch_race(client, auth, url, "title")
    after = await action_race(client, auth, url, "transition", {"to": "ready"})
    assert after["status"] == "ready"
    after = await action_race(client, auth, url, "move", {"after": other["key"]})
    keys = [i["key"] for i in (await client.get("/v1/projects/PAY/items", headers=auth())).json()["items"]]
    assert keys == [other["key"], item["key"]]
    assert await history(client, auth, url) == ["create", "update", "transition", "move"]


async def test_criterion_patch_and_verify(client, auth, project):
    item = await make_item(client, auth)
    (criterion,) = (await client.get(f"/v1/items/{item['key']}/criteria", headers=auth())).json()
    url = f"/v1/criteria/{criterion['id']}"

    async def fresh():
        rows = (await client.get(f"/v1/items/{item['key']}/criteria", headers=auth())).json()
        return rows[0]

    headers = {**auth("tpm", "PAY"), "If-Match": f'"{criterion["version"]}"'}
    winner = one_winner(await race(client, "PATCH", url, headers, [{"text": f"T{i}"} for i in range(N)]))
    assert (await fresh())["text"] == winner.json()["text"]
    headers["If-Match"] = winner.headers["etag"]
    one_winner(await race(client, "POST", f"{url}/verify", headers, [{"status": "passed"}] * N))
    now = await fresh()
    assert now["status"] == "passed" and now["version"] == criterion["version"] + 2


@pytest.mark.parametrize("plural", ["prds", "designs"])
async def test_document_patch_and_submit(client, auth, project, plural):
    body = {"title": "Frictionless 3DS", "sections": {"goals" if plural == "prds" else "proposal": "First."}}
    r = await client.post(f"/v1/projects/PAY/{plural}", json=body, headers=auth("tpm"))
    assert r.status_code == 201, r.text
    url = f"/v1/{plural}/{r.json()['id']}"
    await patch_race(client, auth, url, "title")
    reviewer = {"reviewer": "rita"} if plural == "prds" else {"reviewer": "rita", "domain": "architecture"}
    after = await action_race(client, auth, url, "submit", {"reviewers": [reviewer]})
    assert after["status"] == "in_review"


async def test_iteration_patch_and_start(client, auth, project):
    r = await client.post(
        "/v1/projects/PAY/iterations",
        json={
            "name": "Sprint 1",
            "start_date": "2026-12-01",
            "end_date": "2026-12-14",
            "capacity_points": 10,
        },
        headers=auth("tpm", "PAY"),
    )
    assert r.status_code == 201, r.text
    url = f"/v1/iterations/{r.json()['id']}"
    await patch_race(client, auth, url, "goal")
    after = await action_race(client, auth, url, "start")
    assert after["status"] == "active"


async def test_change_request_patch_and_approve(client, auth, project):
    await make_item(client, auth)
    cr = {
        "title": "Support wallets",
        "reason": "Share",
        "proposed_change": "Add Apple Pay",
        "affected_items": ["PAY-1"],
    }
    r = await client.post("/v1/projects/PAY/change-requests", json=cr, headers=auth("tpm", "PAY"))
    assert r.status_code == 201, r.text
    url = f"/v1/change-requests/{r.json()['key']}"
    await patch_race(client, auth, url, "title")
    after = await action_race(client, auth, url, "approve", {"comment": "Go"})
    assert after["status"] == "approved"
