"""Fault injection with real processes (issue 10 item 3), on a PostgreSQL server of this module's own (it
is stopped and started here, so no other test shares it):
- a sibling killed (SIGKILL) → the release gate denies, naming the failed check, within its timeout; the
  sibling restarted → the gate allows again;
- a sibling frozen (SIGSTOP) → the same, bounded by the sibling timeout; thawed (SIGCONT) → allowed;
- kill -9 of release-svc while it ingests signed GitHub webhooks → after the restart (and the sender's
  redeliveries) every delivery that got a 2xx is in the database, none twice;
- PostgreSQL stopped under load → the services answer 503 problems (never a 500, never a dropped
  connection) and /readyz 503 while it is down, and recover by themselves when it is back.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import signal
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from tpmhub_shared.testing.postgres import PostgresServer
from tpmhub_shared.testing.processes import SERVICES, ServiceProcess

pytestmark = pytest.mark.e2e

PROJECT = "FAULT"
SIBLING_TIMEOUT = 1.5  # TPM_SIBLING_TIMEOUT_SECONDS (the default)
SLACK = 1.5  # scheduling slack on a busy 2-core machine


def wait_until(check: Callable[[], Any], timeout: float, what: str) -> Any:
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            last = check()
        except httpx.HTTPError as exc:
            last = exc
        else:
            if last:
                return last
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout}s waiting for {what} (last: {last!r})")


def ok(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, (
        f"{response.request.method} {response.request.url}: {response.text}"
    )
    return response.json() if response.content else None


@dataclass
class FaultStack:
    pg: PostgresServer
    services: dict[str, ServiceProcess]
    dbs: dict[str, str]
    make_token: Callable[..., str]

    def url(self, name: str) -> str:
        return self.services[name].url

    def headers(self, role: str = "admin", project: str = "*", sub: str = "alice") -> dict[str, str]:
        return {"Authorization": f"Bearer {self.make_token(role, project, sub=sub)}"}

    def sql(self, name: str, query: str) -> list[list[str]]:
        return [line.split("|") for line in self.pg.psql(query, db=self.dbs[name]).splitlines() if line]


@pytest.fixture(scope="module")
def faults(make_token: Callable[..., str]) -> Iterator[FaultStack]:
    pg = PostgresServer().start()
    dbs = {name: f"{name}_faults" for name in SERVICES}
    services = {
        name: ServiceProcess(name=name, database_url=pg.create_database(dbs[name])) for name in SERVICES
    }
    wiring = {f"TPM_{name.upper()}_URL": p.url for name, p in services.items()}
    started: list[ServiceProcess] = []
    try:
        for p in services.values():
            p.env.update(wiring)
            p.env.update({"TPM_EVENTS_POLL_SECONDS": "0.2"})
            started.append(p.start(timeout=120))
        yield FaultStack(pg=pg, services=services, dbs=dbs, make_token=make_token)
    finally:
        for p in services.values():
            p.stop()
        pg.stop()


@pytest.fixture(scope="module")
def project(faults: FaultStack) -> str:
    """Project FAULT, created in requirements-svc (risk-svc and release-svc refuse projects it does not
    know)."""
    ok(
        httpx.post(
            f"{faults.url('requirements')}/v1/projects",
            json={"key": PROJECT, "name": "Faults"},
            headers=faults.headers(),
        ),
        201,
    )
    return PROJECT


@pytest.fixture(scope="module")
def ready_release(faults: FaultStack, project: str) -> str:
    """A release the gate allows while everything is up: one finished item in scope, approved, checklist
    done."""
    req, rel = faults.url("requirements"), faults.url("release")
    admin = faults.headers()
    item = ok(
        httpx.post(
            f"{req}/v1/projects/{PROJECT}/items", json={"type": "story", "title": "Done story"}, headers=admin
        ),
        201,
    )["key"]
    criterion = ok(
        httpx.post(f"{req}/v1/items/{item}/criteria", json={"text": "it works"}, headers=admin), 201
    )
    ok(
        httpx.post(
            f"{req}/v1/criteria/{criterion['id']}/verify",
            headers=admin,
            json={"status": "passed", "evidence_url": "https://ci.example.com/1"},
        )
    )
    for to in ("ready", "in_progress", "in_review", "done"):
        ok(httpx.post(f"{req}/v1/items/{item}/transition", json={"to": to}, headers=admin))
    tpm = faults.headers("tpm", PROJECT, sub="tina")
    release = ok(
        httpx.post(
            f"{rel}/v1/projects/{PROJECT}/releases",
            headers=tpm,
            json={"version": "1.0.0", "scope": [item], "approvers": ["carol"]},
        ),
        201,
    )
    ok(httpx.post(f"{rel}/v1/releases/{release['id']}/submit", headers=tpm))
    ok(
        httpx.post(
            f"{rel}/v1/releases/{release['id']}/approvals",
            json={"decision": "approve"},
            headers=faults.headers("engineer", PROJECT, sub="carol"),
        ),
        201,
    )
    for check in ok(httpx.get(f"{rel}/v1/releases/{release['id']}/checklist", headers=tpm)):
        ok(
            httpx.patch(
                f"{rel}/v1/releases/{release['id']}/checklist/{check['id']}",
                headers=tpm,
                json={"status": "done", "evidence_url": "https://wiki.example.com/go"},
            )
        )
    result, _ = ask_gate(faults, release["id"])
    assert result["allowed"] is True, result
    return release["id"]


def ask_gate(faults: FaultStack, release_id: str) -> tuple[dict, float]:
    started = time.monotonic()
    r = httpx.get(
        f"{faults.url('release')}/v1/releases/{release_id}/gate",
        params={"environment": "production"},
        headers=faults.headers("ci", PROJECT, sub="ci:pipeline"),
        timeout=30,
    )
    elapsed = time.monotonic() - started
    assert r.status_code == 200, r.text
    return r.json(), elapsed


def checks(result: dict) -> dict[str, dict]:
    return {c["name"]: c for c in result["checks"]}


def test_sibling_killed_gate_denies_in_time_and_recovers(faults: FaultStack, ready_release: str):
    risk = faults.services["risk"]
    risk.kill()  # SIGKILL: nothing listens on its port any more
    try:
        result, elapsed = ask_gate(faults, ready_release)
        c = checks(result)
        assert result["allowed"] is False
        assert c["risks"]["passed"] is False and "fail closed" in c["risks"]["reason"], c["risks"]
        assert "risk-svc" in c["risks"]["reason"]
        assert c["scope"]["passed"] is True, c["scope"]
        assert elapsed < SIBLING_TIMEOUT + SLACK, elapsed
    finally:
        risk.start(timeout=120)
    result, _ = ask_gate(faults, ready_release)
    assert result["allowed"] is True, result


def test_sibling_frozen_gate_denies_within_the_timeout_and_recovers(faults: FaultStack, ready_release: str):
    requirements = faults.services["requirements"]
    requirements.send_signal(signal.SIGSTOP)  # alive, accepts connections (kernel backlog), never answers
    try:
        result, elapsed = ask_gate(faults, ready_release)
        c = checks(result)
        assert result["allowed"] is False
        assert c["scope"]["passed"] is False and "timed out" in c["scope"]["reason"], c["scope"]
        assert c["risks"]["passed"] is True, c["risks"]
        assert SIBLING_TIMEOUT * 0.9 <= elapsed < SIBLING_TIMEOUT + SLACK, elapsed
    finally:
        requirements.send_signal(signal.SIGCONT)
    result, _ = ask_gate(faults, ready_release)
    assert result["allowed"] is True, result


def github_delivery(secret: str, n: int) -> tuple[str, bytes, dict[str, str]]:
    delivery_id = str(uuid.uuid4())
    body = json.dumps(
        {
            "action": "completed",
            "repository": {"full_name": "acme/faults"},
            "workflow_run": {
                "id": 900000 + n,
                "name": "ci",
                "status": "completed",
                "conclusion": "success",
                "head_branch": "release/2.0.0",
                "head_sha": f"{n:040x}",
                "html_url": f"https://github.com/acme/faults/actions/runs/{900000 + n}",
                "run_started_at": "2026-11-22T05:00:00Z",
                "updated_at": "2026-11-22T05:05:00Z",
            },
        }
    ).encode()
    signature = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    headers = {
        "X-GitHub-Event": "workflow_run",
        "X-GitHub-Delivery": delivery_id,
        "X-Hub-Signature-256": signature,
        "Content-Type": "application/json",
    }
    return delivery_id, body, headers


def test_kill_9_while_ingesting_webhooks_loses_and_doubles_nothing(faults: FaultStack, project: str):
    rel = faults.url("release")
    tpm = faults.headers("tpm", PROJECT, sub="tina")
    secret = "github-secret-faults-0123456789"
    ok(
        httpx.post(
            f"{rel}/v1/projects/{PROJECT}/ci-sources",
            headers=tpm,
            json={"provider": "github", "repository": "acme/faults", "secret": secret},
        ),
        201,
    )
    release = ok(
        httpx.post(f"{rel}/v1/projects/{PROJECT}/releases", headers=tpm, json={"version": "2.0.0"}), 201
    )
    deliveries = [github_delivery(secret, n) for n in range(100)]
    answers: dict[str, int | str] = {}
    lock = threading.Lock()
    killed = threading.Event()

    def send(delivery: tuple[str, bytes, dict[str, str]]) -> None:
        delivery_id, body, headers = delivery
        try:
            result: int | str = httpx.post(
                f"{rel}/v1/webhooks/github", content=body, headers=headers, timeout=10
            ).status_code
        except httpx.HTTPError as exc:
            result = type(exc).__name__
        with lock:
            answers[delivery_id] = result

    release_svc = faults.services["release"]

    def killer() -> None:
        wait_until(lambda: len(answers) >= 30, timeout=60, what="webhooks being ingested")
        release_svc.kill()  # SIGKILL in the middle of the stream
        killed.set()

    threading.Thread(target=killer, daemon=True).start()
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(send, deliveries))
    assert killed.wait(timeout=30)
    first = dict(answers)
    acknowledged = {d for d, s in first.items() if isinstance(s, int) and 200 <= s < 300}
    assert 30 <= len(acknowledged) < len(deliveries), first  # some made it, the kill cut the stream
    assert all(s in (200,) or isinstance(s, str) for s in first.values()), first

    release_svc.start(timeout=120)
    # The sender redelivers what did not get a 2xx (same delivery id, same body), as GitHub does.
    retry = [d for d in deliveries if d[0] not in acknowledged]
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(send, retry))
    assert all(answers[d[0]] == 200 for d in deliveries), {d[0]: answers[d[0]] for d in retry}

    rows = faults.sql(
        "release",
        "SELECT delivery_id, count(*) FROM ci_deliveries WHERE provider = 'github' GROUP BY delivery_id",
    )
    counts = {delivery_id: int(n) for delivery_id, n in rows}
    assert set(counts) == {d[0] for d in deliveries}  # every delivery, the first-time 2xx ones included
    assert set(counts.values()) == {1}  # none twice
    runs = faults.sql(
        "release",
        "SELECT count(*), count(DISTINCT external_id) FROM pipeline_runs "
        f"WHERE release_id = '{release['id']}'",
    )
    assert runs == [[str(len(deliveries)), str(len(deliveries))]], runs


def test_postgres_restart_under_load_gives_503_problems_and_recovers(faults: FaultStack, project: str):
    pg = faults.pg
    admin = faults.headers()
    pids = {name: p.proc.pid for name, p in faults.services.items() if p.proc is not None}
    results: list[tuple[float, str, str, int | str, str]] = []
    lock = threading.Lock()
    stop = threading.Event()
    created: list[str] = []

    def load(worker: int) -> None:
        n = 0
        with httpx.Client(headers=admin, timeout=15) as client:
            while not stop.is_set():
                n += 1
                calls = [
                    (
                        "requirements",
                        "POST",
                        f"/v1/projects/{PROJECT}/items",
                        {"type": "task", "title": f"load {worker}-{n}"},
                    ),
                    ("risk", "GET", f"/v1/projects/{PROJECT}/risks", None),
                    ("release", "GET", f"/v1/projects/{PROJECT}/releases", None),
                ]
                name, method, path, body = calls[n % 3]
                extra = {"Idempotency-Key": f"load-{worker}-{n}"} if method == "POST" and worker % 2 else {}
                try:
                    r = client.request(method, faults.url(name) + path, json=body, headers=extra)
                    status: int | str = r.status_code
                    kind = r.headers.get("content-type", "")
                    if r.status_code == 201:
                        with lock:
                            created.append(r.json()["key"])
                except httpx.HTTPError as exc:
                    status, kind = type(exc).__name__, ""
                with lock:
                    results.append((time.monotonic(), name, path, status, kind))
                time.sleep(0.05)

    pool = ThreadPoolExecutor(max_workers=6)
    futures = [pool.submit(load, w) for w in range(6)]
    try:
        wait_until(lambda: len(results) >= 30, timeout=30, what="load before the outage")
        pg.stop_server()  # returns once the server is down (`pg_ctl -w`)
        down_at = time.monotonic()

        def all_unready() -> bool:
            return all(httpx.get(f"{faults.url(n)}/readyz", timeout=5).status_code == 503 for n in SERVICES)

        wait_until(all_unready, timeout=20, what="/readyz 503 on every service while PostgreSQL is down")
        time.sleep(2)  # load keeps running against the outage
        up_at = time.monotonic()
        pg.start_server()

        def all_ready() -> bool:
            return all(httpx.get(f"{faults.url(n)}/readyz", timeout=5).status_code == 200 for n in SERVICES)

        wait_until(all_ready, timeout=30, what="/readyz 200 on every service after PostgreSQL is back")
        recovered_at = time.monotonic()
        time.sleep(3)  # load after recovery
    finally:
        stop.set()
        for f in futures:
            f.result(timeout=60)
        pool.shutdown(wait=True)

    # The services were never restarted, and never dropped a connection or answered a 500.
    assert {name: p.proc.pid for name, p in faults.services.items() if p.proc is not None} == pids
    assert all(p.proc is not None and p.proc.poll() is None for p in faults.services.values())
    statuses = Counter(status for _, _, _, status, _ in results)
    assert set(statuses) <= {200, 201, 503}, statuses
    during = [r for r in results if down_at + 0.5 <= r[0] <= up_at]
    assert during and all(r[3] == 503 for r in during), during[:10]
    assert all(r[4].startswith("application/problem+json") for r in results if r[3] == 503)
    # Recovered by themselves: after readiness came back, every request succeeds (pools reconnected).
    after = [r for r in results if r[0] >= recovered_at + 1]
    assert after and all(r[3] in (200, 201) for r in after), [r for r in after if r[3] not in (200, 201)][:10]
    # Every acknowledged create is durable.
    assert created
    for key in created[-5:] + created[:5]:
        ok(httpx.get(f"{faults.url('requirements')}/v1/items/{key}", headers=admin))
    rows = faults.sql("requirements", f"SELECT key FROM items WHERE project_key = '{PROJECT}'")
    keys = {row[0] for row in rows}
    assert set(created) <= keys
