"""The risk matrix's history: every save with each field before and after, readable per project."""

from datetime import UTC, datetime, timedelta

import pytest
from risk_svc.matrix.schemas import DEFAULT_THRESHOLDS
from test_matrix import MATRIX


def at(entry: dict) -> datetime:
    return datetime.fromisoformat(entry["at"].replace("Z", "+00:00"))


async def history(client, auth, project="PAY", **params) -> list[dict]:
    entries, cursor = [], None
    while True:
        query = {"limit": 1, **params, **({"cursor": cursor} if cursor else {})}
        r = await client.get(
            f"/v1/projects/{project}/risk-matrix/history", params=query, headers=auth("viewer", project)
        )
        assert r.status_code == 200, r.text
        entries += r.json()["items"]
        cursor = r.json()["next_cursor"]
        if cursor is None:
            return entries


def changed(entry: dict) -> dict[str, tuple]:
    return {c["field"]: (c["before"], c["after"]) for c in entry["changes"]}


async def test_every_save_is_in_the_matrix_history(client, auth):
    since = datetime.now(UTC) - timedelta(seconds=5)
    assert await history(client, auth) == []  # the defaults have no history
    r = await client.put("/v1/projects/PAY/risk-matrix", json=MATRIX, headers=auth("tpm", "PAY", sub="tess"))
    assert r.status_code == 200, r.text
    r = await client.put(
        "/v1/projects/PAY/risk-matrix",
        json={**MATRIX, "gate_level": "high"},
        headers={**auth("pm", "PAY", sub="pam"), "If-Match": r.headers["etag"]},
    )
    assert r.status_code == 200, r.text
    # A save that changes nothing, a refused save and a stale one write nothing.
    assert (
        await client.put(
            "/v1/projects/PAY/risk-matrix", json={**MATRIX, "gate_level": "high"}, headers=auth("tpm", "PAY")
        )
    ).status_code == 200
    assert (
        await client.put(
            "/v1/projects/PAY/risk-matrix",
            json={**MATRIX, "gate_level": "severe"},
            headers=auth("tpm", "PAY"),
        )
    ).status_code == 422
    assert (
        await client.put(
            "/v1/projects/PAY/risk-matrix", json=MATRIX, headers={**auth("tpm", "PAY"), "If-Match": '"1"'}
        )
    ).status_code == 412
    assert (
        await client.put("/v1/projects/PAY/risk-matrix", json=MATRIX, headers=auth("engineer", "PAY"))
    ).status_code == 403

    create, update = await history(client, auth)
    for entry, action, actor in ((create, "create", "tess"), (update, "update", "pam")):
        assert entry["resource_type"] == "risk_matrix" and entry["resource_id"] == "PAY"
        assert entry["action"] == action and entry["actor"] == actor
        assert since <= at(entry) <= datetime.now(UTC) + timedelta(seconds=5)
    # The first save against the defaults: only what differs from them.
    defaults = [t.model_dump() for t in DEFAULT_THRESHOLDS]
    assert changed(create) == {
        "gate_level": ("high", "critical"),
        "thresholds": (defaults, MATRIX["thresholds"]),
    }
    assert changed(update) == {"gate_level": ("critical", "high")}
    assert at(update) >= at(create)
    # Another project's matrix has its own (empty) history.
    assert await history(client, auth, project="OPS") == []


async def test_matrix_history_auth_and_bad_input(client, auth):
    url = "/v1/projects/PAY/risk-matrix/history"
    r = await client.get(url)
    assert r.status_code == 401 and r.headers["content-type"].startswith("application/problem+json")
    # Under /projects/{key} the caller names the project: no role on it is a 403 (as the matrix itself).
    r = await client.get(url, headers=auth("admin", "OPS"))
    assert r.status_code == 403 and r.headers["content-type"].startswith("application/problem+json")
    for bad, params, status in (
        ("/v1/projects/pay/risk-matrix/history", {}, 422),
        (url, {"limit": 0}, 422),
        (url, {"cursor": "junk"}, 400),  # a cursor the service did not issue
    ):
        r = await client.get(bad, params=params, headers=auth())
        assert r.status_code == status and r.headers["content-type"].startswith("application/problem+json")


@pytest.mark.parametrize("path", ["/v1/projects/{key}/risk-matrix/history"])
async def test_matrix_history_is_documented(client, path):
    op = (await client.get("/openapi.json")).json()["paths"][path]["get"]
    assert op["operationId"] == "list_risk_matrix_history"
    assert {"401", "403", "422"} <= set(op["responses"])
    assert {p["name"] for p in op["parameters"]} >= {"key", "limit", "cursor"}
