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


async def risk_etag(client, auth, key="PAY-R1") -> str:
    r = await client.get(f"/v1/risks/{key}", headers=auth())
    assert r.status_code == 200, r.text
    return r.headers["etag"]


async def history(client, auth, key="PAY-R1") -> list[str]:
    r = await client.get(f"/v1/risks/{key}/history", headers=auth())
    return [e["action"] for e in r.json()["items"]]


async def test_risk_patch(client, auth, create):
    await create()
    etag = await risk_etag(client, auth)
    headers = {**auth("tpm", "PAY"), "If-Match": etag}
    winner = one_winner(
        await race(client, "PATCH", "/v1/risks/PAY-R1", headers, [{"title": f"T{i}"} for i in range(N)])
    )
    now = (await client.get("/v1/risks/PAY-R1", headers=auth())).json()
    assert now["title"] == winner.json()["title"]
    assert await risk_etag(client, auth) == winner.headers["etag"]
    assert (await history(client, auth)).count("update") == 1


@pytest.mark.parametrize(
    ("action", "body", "status"),
    [
        ("mitigate", None, "mitigating"),
        ("close", {"reason": "mitigated", "comment": "cap raised"}, "closed"),
        ("occur", {"occurred_at": "2026-01-01T10:00:00Z", "description": "throttled"}, "occurred"),
    ],
)
async def test_risk_action(client, auth, create, action, body, status):
    await create()
    before = await history(client, auth)
    headers = {**auth("tpm", "PAY"), "If-Match": await risk_etag(client, auth)}
    winner = one_winner(await race(client, "POST", f"/v1/risks/PAY-R1/{action}", headers, [body] * N))
    assert (await client.get("/v1/risks/PAY-R1", headers=auth())).json()["status"] == status
    assert await risk_etag(client, auth) == winner.headers["etag"]
    assert len(await history(client, auth)) == len(before) + 1


async def test_reopen(client, auth, create):
    await create()
    close = {"reason": "no_longer_applicable", "comment": "gone"}
    r = await client.post("/v1/risks/PAY-R1/close", json=close, headers=auth("tpm", "PAY"))
    assert r.status_code == 200, r.text
    headers = {**auth("tpm", "PAY"), "If-Match": r.headers["etag"]}
    winner = one_winner(await race(client, "POST", "/v1/risks/PAY-R1/reopen", headers, [None] * N))
    assert (await client.get("/v1/risks/PAY-R1", headers=auth())).json()["status"] != "closed"
    assert await risk_etag(client, auth) == winner.headers["etag"]


async def test_mitigation_action_patch(client, auth, create):
    await create()
    r = await client.post(
        "/v1/risks/PAY-R1/actions",
        json={"title": "Negotiate cap", "owner": "bob", "due_date": "2030-01-01"},
        headers=auth("tpm", "PAY"),
    )
    assert r.status_code == 201, r.text
    action = r.json()
    headers = {**auth("tpm", "PAY"), "If-Match": r.headers["etag"]}
    winner = one_winner(
        await race(
            client,
            "PATCH",
            f"/v1/risk-actions/{action['id']}",
            headers,
            [{"title": f"T{i}"} for i in range(N)],
        )
    )
    (now,) = (await client.get("/v1/risks/PAY-R1/actions", headers=auth())).json()["items"]
    assert now["title"] == winner.json()["title"]


async def test_matrix_put(client, auth):
    url = "/v1/projects/PAY/risk-matrix"
    matrix = (await client.get(url, headers=auth())).json()
    fields = ("probability_labels", "impact_labels", "thresholds", "review_cadence_days")
    body = {k: matrix[k] for k in fields}
    r = await client.put(url, json={**body, "gate_level": "high"}, headers=auth("tpm", "PAY"))
    assert r.status_code == 200, r.text
    headers = {**auth("tpm", "PAY"), "If-Match": r.headers["etag"]}
    levels = ["critical", "medium"] * (N // 2)
    winner = one_winner(await race(client, "PUT", url, headers, [{**body, "gate_level": g} for g in levels]))
    now = await client.get(url, headers=auth())
    assert now.json()["gate_level"] == winner.json()["gate_level"]
    assert now.headers["etag"] == winner.headers["etag"] == '"2"'
