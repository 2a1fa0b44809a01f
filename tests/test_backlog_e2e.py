"""The backlog over real HTTP: requirements-svc as a real process on PostgreSQL, concurrent creates from
many clients keep keys gap-free, the workflow with acceptance criteria, ranking, search, CSV import, the
batch look-up with a service token, and an approved change request reaching risk-svc."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.e2e


def ok(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, (
        f"{response.request.method} {response.request.url}: {response.text}"
    )
    return response.json() if response.content else None


def wait_until(check: Callable[[], Any], timeout: float = 30, what: str = "condition") -> Any:
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        last = check()
        if last:
            return last
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what} (last: {last!r})")


def project(stack, key: str) -> str:
    req = stack.url("requirements")
    ok(httpx.post(f"{req}/v1/projects", json={"key": key, "name": key}, headers=stack.headers()), 201)
    return req


async def test_concurrent_creates_over_http_keep_keys_gap_free(stack):
    req = project(stack, "BKA")
    headers = stack.headers("tpm", "BKA")
    async with httpx.AsyncClient(base_url=req, headers=headers, timeout=30) as client:
        results = await asyncio.gather(
            *[
                client.post("/v1/projects/BKA/items", json={"type": "task", "title": f"T{i}"})
                for i in range(60)
            ]
        )
    assert {r.status_code for r in results} == {201}, [r.text for r in results if r.status_code != 201][:3]
    numbers = sorted(int(r.json()["key"].split("-")[1]) for r in results)
    assert numbers == list(range(1, 61))
    async with httpx.AsyncClient(base_url=req, headers=headers, timeout=30) as client:
        page = ok(await client.get("/v1/projects/BKA/items", params={"limit": 200, "sort": "key"}))
    assert [i["key"] for i in page["items"]] == [f"BKA-{n}" for n in range(1, 61)]
    # Ranks follow creation order and are distinct.
    ranks = [i["rank"] for i in page["items"]]
    assert len(set(ranks)) == 60


def test_workflow_criteria_ranking_search_and_history(stack):
    req = project(stack, "BKB")
    h = stack.headers("tpm", "BKB")
    batch = ok(
        httpx.post(
            f"{req}/v1/projects/BKB/items/batch",
            headers=h,
            json={
                "items": [
                    {"type": "epic", "title": "Wallet payments"},
                    {"type": "feature", "title": "Apple Pay", "parent": "#0", "points": 3},
                    {
                        "type": "story",
                        "title": "Refund to wallet",
                        "parent": "#1",
                        "points": 5,
                        "description": "Refunds go back to the wallet",
                        "criteria": ["Given a wallet payment, refund returns it"],
                    },
                ]
            },
        ),
        201,
    )
    keys = [i["key"] for i in batch["items"]]
    story = keys[2]
    for to in ("ready", "in_progress", "in_review"):
        ok(httpx.post(f"{req}/v1/items/{story}/transition", json={"to": to}, headers=h))
    blocked = httpx.post(f"{req}/v1/items/{story}/transition", json={"to": "done"}, headers=h)
    assert blocked.status_code == 409 and len(blocked.json()["unpassed_criteria"]) == 1
    [criterion] = ok(httpx.get(f"{req}/v1/items/{story}/criteria", headers=h))
    ok(
        httpx.post(
            f"{req}/v1/criteria/{criterion['id']}/verify",
            headers=stack.headers("qa", "BKB", sub="quinn"),
            json={"status": "passed", "evidence_url": "https://ci.example.com/runs/7"},
        )
    )
    done = ok(httpx.post(f"{req}/v1/items/{story}/transition", json={"to": "done"}, headers=h))
    assert done["status"] == "done" and done["acceptance"]["passed"] == 1
    epic = ok(httpx.get(f"{req}/v1/items/{keys[0]}", headers=h))
    assert epic["rollup"]["points_total"] == 8 and epic["rollup"]["points_done"] == 5
    # Ranking: the story to the top; only its row changes.
    moved = ok(httpx.post(f"{req}/v1/items/{story}/move", json={"before": keys[0]}, headers=h))
    page = ok(httpx.get(f"{req}/v1/projects/BKB/items", headers=h))
    assert [i["key"] for i in page["items"]] == [story, keys[0], keys[1]]
    assert moved["version"] == done["version"] + 1
    # PostgreSQL full-text search over title and description.
    found = ok(httpx.get(f"{req}/v1/projects/BKB/items", params={"q": "refunds"}, headers=h))
    assert [i["key"] for i in found["items"]] == [story]
    hist = ok(httpx.get(f"{req}/v1/items/{story}/history", headers=h))["items"]
    assert [e["action"] for e in hist] == [
        "create",
        "transition",
        "transition",
        "transition",
        "transition",
        "move",
    ]


def test_csv_import_and_lookup_with_a_service_token(stack):
    req = project(stack, "BKC")
    csv = (
        "Summary,Issue key,Issue Type,Status,Priority,Story Points,Found In\n"
        "Checkout,J-1,Story,Done,High,5,\n"
        "Crash on pay,J-2,Bug,Open,Highest,,\n"
    )
    imported = ok(
        httpx.post(
            f"{req}/v1/projects/BKC/items/import",
            content=csv.encode(),
            headers={**stack.headers("tpm", "BKC"), "Content-Type": "text/csv"},
        ),
        201,
    )
    assert imported["keys"] == ["BKC-1", "BKC-2"]
    ok(
        httpx.patch(
            f"{req}/v1/items/BKC-2",
            json={"severity": "S1", "found_in": "2.0.0"},
            headers=stack.headers("tpm", "BKC"),
        )
    )
    service = stack.headers("admin", service="release-svc")
    body = ok(
        httpx.post(
            f"{req}/v1/items/lookup", json={"keys": ["BKC-1", "BKC-9"], "found_in": "2.0.0"}, headers=service
        )
    )
    assert [(i["key"], i["status"], i["points"]) for i in body["items"]] == [("BKC-1", "done", 5.0)]
    assert body["missing"] == ["BKC-9"]
    assert [b["key"] for b in body["open_bugs"]] == ["BKC-2"]
    bad = httpx.post(
        f"{req}/v1/projects/BKC/items/import",
        content=b"Summary,Issue Type\nX,Saga\n",
        headers={**stack.headers("tpm", "BKC"), "Content-Type": "text/csv"},
    )
    assert bad.status_code == 422 and bad.json()["errors"][0]["loc"] == "line 2.Issue Type"


def test_approved_change_request_reaches_risk_svc(stack):
    req = project(stack, "BKD")
    h = stack.headers("tpm", "BKD")
    ok(
        httpx.post(
            f"{req}/v1/projects/BKD/items",
            json={"type": "story", "title": "Saved cards", "points": 3},
            headers=h,
        ),
        201,
    )
    cr = ok(
        httpx.post(
            f"{req}/v1/projects/BKD/change-requests",
            headers=stack.headers("engineer", "BKD"),
            json={
                "title": "Add wallets",
                "reason": "Demand",
                "affected_items": ["BKD-1"],
                "item_patches": {"BKD-1": {"points": 8}},
                "date_delta_days": 3,
            },
        ),
        201,
    )
    assert cr["key"] == "BKD-CR1" and cr["impact"]["points_delta"] == 5
    ok(httpx.post(f"{req}/v1/change-requests/BKD-CR1/approve", json={"comment": "ok"}, headers=h))

    def risks() -> list[dict]:
        r = httpx.get(
            f"{stack.url('risk')}/v1/projects/BKD/risks",
            params={"category": "requirement_change"},
            headers=stack.headers(),
        )
        return r.json().get("items", []) if r.status_code == 200 else []

    [risk] = wait_until(risks, what="the requirement_change risk created from BKD-CR1")
    assert risk["category"] == "requirement_change"
    applied = ok(httpx.post(f"{req}/v1/change-requests/BKD-CR1/apply", headers=h))
    assert applied["status"] == "applied"
    assert ok(httpx.get(f"{req}/v1/items/BKD-1", headers=h))["points"] == 8
