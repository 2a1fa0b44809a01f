"""Events between the three services as real processes on PostgreSQL, CI webhooks reaching the backlog,
and the crash test: kill -9 right after acknowledged writes, restart, and every event arrives exactly once
per subscriber after deduplication."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from standardwebhooks.webhooks import Webhook
from tpmhub_shared.testing.plugin import project_created_event
from tpmhub_shared.testing.processes import ServiceProcess

pytestmark = pytest.mark.e2e


def wait_until(check: Callable[[], Any], timeout: float = 30, what: str = "condition") -> Any:
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        last = check()
        if last:
            return last
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what} (last: {last!r})")


def ok(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, (
        f"{response.request.method} {response.request.url}: {response.text}"
    )
    return response.json() if response.content else None


def new_project(stack, key: str) -> None:
    ok(
        httpx.post(
            f"{stack.url('requirements')}/v1/projects",
            json={"key": key, "name": f"Project {key}"},
            headers=stack.headers(),
        ),
        201,
    )


def new_item(stack, key: str, title: str) -> str:
    body = ok(
        httpx.post(
            f"{stack.url('requirements')}/v1/projects/{key}/items",
            json={"type": "story", "title": title},
            headers=stack.headers(),
        ),
        201,
    )
    return body["key"]


def approved_release(stack, key: str, version: str, scope: list[str]) -> dict:
    rel = stack.url("release")
    release = ok(
        httpx.post(
            f"{rel}/v1/projects/{key}/releases",
            json={"version": version, "scope": scope, "approvers": ["bob"]},
            headers=stack.headers("tpm", key),
        ),
        201,
    )
    ok(httpx.post(f"{rel}/v1/releases/{release['id']}/submit", headers=stack.headers("tpm", key)))
    ok(
        httpx.post(
            f"{rel}/v1/releases/{release['id']}/approvals",
            json={"decision": "approve"},
            headers=stack.headers("engineer", key, sub="bob"),
        ),
        201,
    )
    return release


def release_status(stack, release_id: str) -> str:
    return ok(httpx.get(f"{stack.url('release')}/v1/releases/{release_id}", headers=stack.headers()))[
        "status"
    ]


def test_change_request_approved_creates_the_risk_and_sends_the_release_back_to_review(stack):
    key = "EVCR"
    new_project(stack, key)
    item = new_item(stack, key, "Saved-card checkout")
    release = approved_release(stack, key, "1.0.0", [item])
    assert release_status(stack, release["id"]) == "approved"
    req = stack.url("requirements")
    cr = ok(
        httpx.post(
            f"{req}/v1/projects/{key}/change-requests",
            json={"title": "Wallets in saved-card checkout", "affected_items": [item], "date_delta_days": 7},
            headers=stack.headers(),
        ),
        201,
    )
    # The impact, asked of the real siblings, predicts what approval will do.
    impact = cr["impact"]
    assert impact["complete"] is True, impact["unknown"]
    assert [(t["id"], t["back_to_review"]) for t in impact["releases"]] == [(release["id"], True)]
    predicted = impact["requirement_change_risk"]
    assert predicted["linked_items"] == [item] and predicted["existing_key"] is None
    ok(
        httpx.post(
            f"{req}/v1/change-requests/{cr['key']}/approve", json={"comment": "go"}, headers=stack.headers()
        )
    )

    def risks() -> list[dict]:
        page = ok(
            httpx.get(
                f"{stack.url('risk')}/v1/projects/{key}/risks",
                params={"category": "requirement_change"},
                headers=stack.headers(),
            )
        )
        return page["items"]

    [risk] = wait_until(risks, what="the requirement_change risk in risk-svc")
    assert risk["category"] == "requirement_change"
    assert (risk["probability"], risk["impact"], risk["score"], risk["level"]) == (
        predicted["probability"],
        predicted["impact"],
        predicted["score"],
        predicted["level"],
    )
    assert risk["links"]["items"] == predicted["linked_items"]
    wait_until(lambda: release_status(stack, release["id"]) == "in_review", what="the release back in review")
    # Delivered once to each sibling; nothing left pending or dead.
    deliveries = ok(
        httpx.get(
            f"{req}/v1/event-deliveries",
            params={"event_type": "change_request.approved"},
            headers=stack.headers(),
        )
    )["items"]
    mine = [d for d in deliveries if d["subject"] == cr["key"] or d["project_key"] == key]
    assert sorted(d["target"] for d in mine) == ["sibling:release", "sibling:risk"]
    wait_until(
        lambda: all(
            d["status"] == "delivered"
            for d in ok(
                httpx.get(
                    f"{req}/v1/event-deliveries",
                    params={"event_type": "change_request.approved"},
                    headers=stack.headers(),
                )
            )["items"]
            if d["project_key"] == key
        ),
        what="deliveries marked delivered",
    )
    time.sleep(1)
    assert len(risks()) == 1


def test_release_released_records_the_release_on_its_items(stack):
    key = "EVRL"
    new_project(stack, key)
    items = [new_item(stack, key, "Wallet list"), new_item(stack, key, "Wallet pay")]
    release = approved_release(stack, key, "2.0.0", items)
    rel = stack.url("release")
    for action in ("start-deploy", "start-verification", "mark-released"):
        ok(httpx.post(f"{rel}/v1/releases/{release['id']}/{action}", headers=stack.headers("tpm", key)))

    def shipped() -> bool:
        got = [
            ok(httpx.get(f"{stack.url('requirements')}/v1/items/{k}", headers=stack.headers())) for k in items
        ]
        return all(any(r["version"] == "2.0.0" for r in g["released_in"]) for g in got)

    wait_until(shipped, what="items learning the release that shipped them")


def test_a_failed_verification_fails_its_criteria_in_requirements(stack):
    key = "EVVF"
    new_project(stack, key)
    req, rel = stack.url("requirements"), stack.url("release")
    item = ok(
        httpx.post(
            f"{req}/v1/projects/{key}/items",
            json={"type": "story", "title": "Wallet refund", "criteria": ["refunds in a minute"]},
            headers=stack.headers(),
        ),
        201,
    )["key"]
    [criterion] = ok(httpx.get(f"{req}/v1/items/{item}/criteria", headers=stack.headers()))
    release = approved_release(stack, key, "3.0.0", [item])
    ok(httpx.post(f"{rel}/v1/releases/{release['id']}/start-deploy", headers=stack.headers("tpm", key)))
    unknown = httpx.post(
        f"{rel}/v1/releases/{release['id']}/verifications",
        json={"scenario": "Refund", "result": "failed", "criterion_ids": [str(uuid.uuid4())]},
        headers=stack.headers("qa", key),
    )
    assert unknown.status_code == 422, unknown.text
    verification = ok(
        httpx.post(
            f"{rel}/v1/releases/{release['id']}/verifications",
            json={"scenario": "Refund 0.01", "result": "failed", "criterion_ids": [criterion["id"]]},
            headers=stack.headers("qa", key, sub="qa-lin"),
        ),
        201,
    )
    assert verification["item_keys"] == [item]

    def criterion_now() -> dict:
        return ok(httpx.get(f"{req}/v1/items/{item}/criteria", headers=stack.headers()))[0]

    failed = wait_until(
        lambda: criterion_now()["status"] == "failed" and criterion_now(),
        what="the criterion failed by the verification",
    )
    assert failed["verified_by"] == "qa-lin"
    assert failed["evidence_url"].endswith(f"/v1/verifications/{verification['id']}")


def test_ci_references_link_commits_and_pull_requests_to_items(stack):
    key = "EVCI"
    new_project(stack, key)
    item = new_item(stack, key, "Card capture retries")
    rel = stack.url("release")
    secret = "github-secret-e2e-0123456789"
    ok(
        httpx.post(
            f"{rel}/v1/projects/{key}/ci-sources",
            json={"provider": "github", "repository": "acme/evci", "secret": secret},
            headers=stack.headers("tpm", key),
        ),
        201,
    )
    body = json.dumps(
        {
            "ref": "refs/heads/main",
            "repository": {"full_name": "acme/evci"},
            "commits": [
                {
                    "id": "9fceb02d0ae598e95dc970b74767f19372d61af8",
                    "message": f"{item}: retry card capture",
                    "url": "https://github.com/acme/evci/commit/9fceb02",
                }
            ],
        }
    ).encode()
    signature = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    headers = {
        "X-GitHub-Event": "push",
        "X-GitHub-Delivery": str(uuid.uuid4()),
        "X-Hub-Signature-256": signature,
        "Content-Type": "application/json",
    }
    assert ok(httpx.post(f"{rel}/v1/webhooks/github", content=body, headers=headers))["references"] == 1

    def referenced() -> list[dict]:
        return ok(httpx.get(f"{stack.url('requirements')}/v1/items/{item}", headers=stack.headers()))[
            "references"
        ]

    [ref] = wait_until(referenced, what="the commit linked to the item")
    assert ref["kind"] == "commit" and ref["repository"] == "acme/evci"
    assert ref["ref"] == "9fceb02d0ae598e95dc970b74767f19372d61af8"


# ---- crash test ---------------------------------------------------------------------------------------


class Collector:
    """A subscriber on 127.0.0.1 (threaded HTTP server) that verifies signatures. While `hold` is set it
    keeps requests hanging, so deliveries are in flight when the sender is killed; released, it records
    them (as a receiver that processed them while the sender died would)."""

    def __init__(self) -> None:
        self.received: list[dict[str, Any]] = []
        self.rejected = 0
        self.in_flight = 0
        self.secret = ""
        self.hold = threading.Event()
        self.released = threading.Event()
        self.lock = threading.Lock()
        collector = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                raw = self.rfile.read(int(self.headers.get("content-length", "0")))
                headers = {k.lower(): v for k, v in self.headers.items()}
                if collector.hold.is_set():
                    with collector.lock:
                        collector.in_flight += 1
                    collector.released.wait(timeout=60)
                try:
                    payload = Webhook(collector.secret).verify(raw, headers)
                except Exception:  # counted, and the test asserts there were none
                    with collector.lock:
                        collector.rejected += 1
                    status = 400
                else:
                    with collector.lock:
                        collector.received.append({"webhook_id": headers["webhook-id"], **payload})
                    status = 204
                try:
                    self.send_response(status)
                    self.end_headers()
                except OSError:
                    pass  # the sender is gone (killed); what it sent was still recorded

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def count(self) -> int:
        with self.lock:
            return len(self.received)


@pytest.fixture
def collector() -> Iterator[Collector]:
    c = Collector()
    c.thread.start()
    try:
        yield c
    finally:
        c.released.set()
        c.server.shutdown()


def test_kill_9_after_acknowledged_writes_loses_no_event(pg_server, make_token, collector):
    svc = ServiceProcess(
        name="release", database_url=pg_server.create_database(f"release_crash_{uuid.uuid4().hex[:8]}")
    )
    # A short lease, so that deliveries the killed process had in flight are retried soon after the restart.
    svc.env.update({"TPM_EVENTS_POLL_SECONDS": "0.2", "TPM_EVENTS_LEASE_SECONDS": "3"})
    svc.start()
    try:
        admin = {"Authorization": f"Bearer {make_token('admin')}"}
        sub = ok(
            httpx.post(
                f"{svc.url}/v1/subscriptions",
                json={"url": collector.url, "event_types": ["release.*"]},
                headers=admin,
            ),
            201,
        )
        collector.secret = sub["secret"]
        # release-svc runs alone: it learns project CRASH the way requirements-svc tells it.
        service = {"Authorization": f"Bearer {make_token(service='requirements-svc')}"}
        ok(httpx.post(f"{svc.url}/v1/events", json=project_created_event("CRASH"), headers=service))
        with httpx.Client(headers=admin, timeout=10) as client:
            releases = [
                ok(
                    client.post(
                        f"{svc.url}/v1/projects/CRASH/releases",
                        json={"version": f"1.0.{n}", "approvers": ["bob"]},
                    ),
                    201,
                )
                for n in range(30)
            ]
            collector.hold.set()
            acknowledged = []
            for release in releases:
                ok(client.post(f"{svc.url}/v1/releases/{release['id']}/submit"))
                acknowledged.append(release["id"])
        wait_until(lambda: collector.in_flight > 0, timeout=10, what="deliveries in flight")
        svc.kill()  # SIGKILL right after the last acknowledged write, deliveries in flight
        assert collector.count() == 0
        collector.released.set()  # the in-flight requests complete at the receiver after the sender died
        collector.hold.clear()
        svc.start()
        expected = sorted((r, "release.in_review") for r in acknowledged)

        def all_arrived() -> bool:
            with collector.lock:
                return {(r["subject"], r["type"]) for r in collector.received} >= set(expected)

        wait_until(all_arrived, timeout=60, what="every acknowledged event at the subscriber")
        time.sleep(4)  # past the lease: a redelivery that was going to happen has happened
        with collector.lock:
            received = list(collector.received)
            rejected = collector.rejected
        unique = {r["webhook_id"]: r for r in received}
        assert rejected == 0
        # Exactly once after deduplication by webhook-id: one event per acknowledged change.
        assert sorted((r["subject"], r["type"]) for r in unique.values()) == expected
        assert all(r["id"] == webhook_id for webhook_id, r in unique.items())
        assert len(received) >= len(unique)  # at least once: resends carry the same id
    finally:
        svc.stop()
