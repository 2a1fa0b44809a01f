"""Two replicas of each service on one PostgreSQL (issue 9 item 3): six real processes, requests spread
over both replicas of a service, background work (outbox dispatcher, rollout scheduler, escalation check)
running in every replica at once. What must hold:
- concurrent item creates through both replicas give unique, gap-free keys;
- every outbox event reaches each subscriber (an outbound subscription, and the sibling services through
  their inbox) once after deduplication — and in a healthy run, exactly once on the wire;
- a rollout's automatic advance and a risk's automatic escalation happen once, not once per replica.
Sibling URLs point at replica `a` of each service; both replicas of a service share its database.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from standardwebhooks.webhooks import Webhook
from tpmhub_shared.testing.postgres import PostgresServer
from tpmhub_shared.testing.processes import SERVICES, ServiceProcess

pytestmark = pytest.mark.e2e

PROJECT = "REPL"


def wait_until(check: Callable[[], Any], timeout: float, what: str) -> Any:
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        last = check()
        if last:
            return last
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout}s waiting for {what} (last: {last!r})")


def ok(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, (
        f"{response.request.method} {response.request.url}: {response.text}"
    )
    return response.json() if response.content else None


class Receiver:
    """An outbound-subscription target on 127.0.0.1 that verifies Standard Webhooks signatures and keeps
    every delivery it acknowledged (duplicates included)."""

    def __init__(self) -> None:
        self.secret = ""
        self.lock = threading.Lock()
        self.received: list[dict[str, Any]] = []
        self.rejected = 0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                raw = self.rfile.read(int(self.headers.get("content-length", "0")))
                headers = {k.lower(): v for k, v in self.headers.items()}
                try:
                    payload = Webhook(receiver.secret).verify(raw, headers)
                except Exception:  # counted; the test asserts there were none
                    with receiver.lock:
                        receiver.rejected += 1
                    self.send_response(400)
                    self.end_headers()
                    return
                with receiver.lock:
                    receiver.received.append({"webhook_id": headers["webhook-id"], **payload})
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def ids(self) -> list[str]:
        with self.lock:
            return [r["webhook_id"] for r in self.received]

    def of_type(self, event_type: str) -> list[dict[str, Any]]:
        with self.lock:
            return [r for r in self.received if r["type"] == event_type]


@dataclass
class Replicas:
    pg: PostgresServer
    procs: dict[str, list[ServiceProcess]]
    dbs: dict[str, str]
    receivers: dict[str, Receiver]
    make_token: Callable[..., str]

    def urls(self, name: str) -> list[str]:
        return [p.url for p in self.procs[name]]

    def pick(self, name: str, n: int) -> str:
        """Replica a or b, alternating with n: load spread over both."""
        return self.procs[name][n % 2].url

    def headers(self, role: str = "admin", project: str = "*", sub: str = "alice") -> dict[str, str]:
        return {"Authorization": f"Bearer {self.make_token(role, project, sub=sub)}"}

    def sql(self, name: str, query: str) -> list[list[str]]:
        return [line.split("|") for line in self.pg.psql(query, db=self.dbs[name]).splitlines() if line]


@pytest.fixture(scope="module")
def replicas(pg_server: PostgresServer, make_token: Callable[..., str]) -> Iterator[Replicas]:
    tag = uuid.uuid4().hex[:6]
    dbs = {name: f"{name}_replicas_{tag}" for name in SERVICES}
    procs: dict[str, list[ServiceProcess]] = {}
    for name in SERVICES:
        url = pg_server.create_database(dbs[name])
        procs[name] = [ServiceProcess(name=name, database_url=url) for _ in range(2)]
    wiring = {f"TPM_{name.upper()}_URL": ps[0].url for name, ps in procs.items()}
    for ps in procs.values():
        for p in ps:
            p.env.update(wiring)
            p.env.update({"TPM_EVENTS_POLL_SECONDS": "0.2", "RISK_ESCALATION_INTERVAL_SECONDS": "0.3"})
    started: list[ServiceProcess] = []
    receivers = {name: Receiver() for name in SERVICES}
    try:
        for ps in procs.values():
            for p in ps:  # one after the other: the first migrates, the second finds the schema at head
                started.append(p.start(timeout=120))
        r = Replicas(pg=pg_server, procs=procs, dbs=dbs, receivers=receivers, make_token=make_token)
        for name, receiver in receivers.items():
            sub = ok(
                httpx.post(
                    f"{r.pick(name, 1)}/v1/subscriptions",
                    json={"url": receiver.url, "event_types": ["*"]},
                    headers=r.headers(),
                ),
                201,
            )
            receiver.secret = sub["secret"]
        ok(
            httpx.post(
                f"{r.pick('requirements', 0)}/v1/projects",
                json={"key": PROJECT, "name": "Replicas"},
                headers=r.headers(),
            ),
            201,
        )
        yield r
    finally:
        for p in started:
            p.stop()
        for receiver in receivers.values():
            receiver.server.shutdown()


def create_items(r: Replicas, count: int, prefix: str) -> list[str]:
    def create(n: int) -> str:
        body = ok(
            httpx.post(
                f"{r.pick('requirements', n)}/v1/projects/{PROJECT}/items",
                json={"type": "story", "title": f"{prefix} {n}"},
                headers=r.headers(),
                timeout=30,
            ),
            201,
        )
        return body["key"]

    with ThreadPoolExecutor(max_workers=12) as pool:
        return list(pool.map(create, range(count)))


def test_concurrent_creates_on_both_replicas_give_gap_free_unique_keys(replicas: Replicas):
    rows = replicas.sql("requirements", f"SELECT count(*) FROM items WHERE project_key = '{PROJECT}'")
    before = int(rows[0][0])
    keys = create_items(replicas, 60, "Concurrent story")
    numbers = sorted(int(k.rsplit("-", 1)[1]) for k in keys)
    assert len(set(keys)) == len(keys) == 60
    assert numbers == list(range(before + 1, before + 61)), numbers
    # Both replicas read the same rows.
    listed = [
        ok(httpx.get(f"{url}/v1/projects/{PROJECT}/items", params={"limit": 200}, headers=replicas.headers()))
        for url in replicas.urls("requirements")
    ]
    assert {x["key"] for x in listed[0]["items"]} == {x["key"] for x in listed[1]["items"]} >= set(keys)
    # And both replicas did serve creates (the load really was spread).
    for url in replicas.urls("requirements"):
        metrics = httpx.get(f"{url}/metrics").text
        assert 'route="/v1/projects/{key}/items",status="201"' in metrics


def approved_release(r: Replicas, n: int, version: str, scope: list[str] | None = None) -> str:
    tpm = r.headers("tpm", PROJECT, sub="tina")
    release = ok(
        httpx.post(
            f"{r.pick('release', n)}/v1/projects/{PROJECT}/releases",
            headers=tpm,
            timeout=30,
            json={"version": version, "scope": scope or [], "approvers": ["carol"], "required_approvals": 1},
        ),
        201,
    )
    ok(httpx.post(f"{r.pick('release', n + 1)}/v1/releases/{release['id']}/submit", headers=tpm, timeout=30))
    approved = ok(
        httpx.post(
            f"{r.pick('release', n)}/v1/releases/{release['id']}/approvals",
            timeout=30,
            json={"decision": "approve"},
            headers=r.headers("engineer", PROJECT, sub="carol"),
        ),
        201,
    )
    assert approved["status"] == "approved"
    # Go/no-go checklist done, so the gate lets a rollout of it start.
    checklist = f"{r.pick('release', n)}/v1/releases/{release['id']}/checklist"
    for item in ok(httpx.get(checklist, headers=tpm, timeout=30)):
        ok(
            httpx.patch(
                f"{checklist}/{item['id']}",
                timeout=30,
                headers=tpm,
                json={"status": "done", "evidence_url": "https://wiki.example.com/go"},
            )
        )
    return release["id"]


def test_events_reach_every_subscriber_once(replicas: Replicas):
    r = replicas
    [item] = create_items(r, 1, "Changed story")
    pm = r.headers("pm", PROJECT, sub="paula")

    # change_request.approved: to risk-svc and release-svc (siblings) and to the requirements subscriber.
    def change(n: int) -> str:
        cr = ok(
            httpx.post(
                f"{r.pick('requirements', n)}/v1/projects/{PROJECT}/change-requests",
                timeout=30,
                json={
                    "title": f"Change {n}",
                    "reason": "scope moved",
                    "affected_items": [item],
                    "date_delta_days": 1,
                },
                headers=pm,
            ),
            201,
        )
        ok(
            httpx.post(
                f"{r.pick('requirements', n + 1)}/v1/change-requests/{cr['key']}/approve",
                json={},
                headers=pm,
                timeout=30,
            )
        )
        return cr["id"]

    # release.* events: to the release subscriber.
    with ThreadPoolExecutor(max_workers=6) as pool:
        crs = list(pool.map(change, range(6)))
        releases = list(pool.map(lambda n: approved_release(r, n, f"3.0.{n}"), range(6)))
    assert len(set(crs)) == 6 and len(set(releases)) == 6

    def settled(name: str) -> bool:
        rows = r.sql(name, "SELECT count(*) FILTER (WHERE NOT routed) FROM outbox_events")
        pending = r.sql(name, "SELECT count(*) FROM event_deliveries WHERE status <> 'delivered'")
        return rows == [["0"]] and pending == [["0"]]

    for name in ("requirements", "release"):
        wait_until(lambda name=name: settled(name), timeout=60, what=f"{name} deliveries settled")

    # Exactly one delivery row per (event, target), all delivered.
    for name in ("requirements", "release"):
        assert (
            r.sql(name, "SELECT event_id, target FROM event_deliveries GROUP BY 1, 2 HAVING count(*) > 1")
            == []
        )

    # The subscribers: every event once (by webhook-id), and no event sent twice on the wire.
    for name in ("requirements", "release"):
        events = {row[0] for row in r.sql(name, "SELECT id FROM outbox_events")}
        got = r.receivers[name].ids()
        assert r.receivers[name].rejected == 0
        assert set(got) == events, name
        duplicates = [k for k, c in Counter(got).items() if c > 1]
        assert duplicates == [], f"{name}: sent twice by two replicas: {duplicates}"
    approved = r.receivers["requirements"].of_type("change_request.approved")
    assert len(approved) == len({e["subject"] for e in approved}) == 6
    in_review = {e["subject"] for e in r.receivers["release"].of_type("release.in_review")}
    assert in_review >= set(releases)

    # The siblings: each approved change handled once (inbox), one requirement_change risk per change.
    for sibling in ("risk", "release"):
        rows = r.sql(
            sibling,
            "SELECT count(*), count(DISTINCT event_id) FROM inbox_events "
            "WHERE type = 'change_request.approved'",
        )
        assert rows == [["6", "6"]], (sibling, rows)

    def risks() -> list[dict]:
        page = ok(
            httpx.get(
                f"{r.pick('risk', 1)}/v1/projects/{PROJECT}/risks",
                params={"category": "requirement_change", "limit": 100},
                headers=r.headers(),
            )
        )
        return page["items"]

    wait_until(lambda: len(risks()) >= 6, timeout=30, what="one requirement_change risk per approved change")
    time.sleep(1)
    assert sorted(x["change_request_id"] for x in risks()) == sorted(crs)


def test_rollout_advance_and_risk_escalation_fire_once(replicas: Replicas):
    r = replicas
    tpm = r.headers("tpm", PROJECT, sub="tina")

    # Rollouts whose first stage auto-advances after a 2 s hold: both replicas' schedulers see them due.
    rollouts = []
    for n in range(4):
        rid = approved_release(r, n, f"4.0.{n}")
        body = {
            "stages": [
                {"percent": 10, "min_hold_seconds": 2, "operator": "bob", "auto_advance": True},
                {"percent": 100, "operator": "bob"},
            ]
        }
        rollout = ok(
            httpx.post(
                f"{r.pick('release', n)}/v1/releases/{rid}/rollouts", json=body, headers=tpm, timeout=30
            ),
            201,
        )
        ok(
            httpx.post(
                f"{r.pick('release', n + 1)}/v1/rollouts/{rollout['id']}/start", headers=tpm, timeout=30
            )
        )
        rollouts.append(rollout["id"])

    # Critical risks: both replicas' escalation checks (every 0.3 s) see them as candidates.
    risk_keys = []
    for n in range(6):
        risk = ok(
            httpx.post(
                f"{r.pick('risk', n)}/v1/projects/{PROJECT}/risks",
                headers=tpm,
                timeout=30,
                json={"title": f"Ledger lock {n}", "category": "technical", "probability": 5, "impact": 5},
            ),
            201,
        )
        assert risk["level"] == "critical", risk
        risk_keys.append(risk["key"])

    def percent(rollout_id: str, n: int) -> int:
        rollout = ok(httpx.get(f"{r.pick('release', n)}/v1/rollouts/{rollout_id}", headers=tpm))
        return rollout["current_percent"]

    def escalated(key: str, n: int) -> bool:
        return ok(httpx.get(f"{r.pick('risk', n)}/v1/risks/{key}", headers=tpm))["escalated"]

    wait_until(
        lambda: all(percent(x, n) == 100 for n, x in enumerate(rollouts)),
        timeout=45,
        what="every rollout advanced by the scheduler",
    )
    wait_until(
        lambda: all(escalated(k, n) for n, k in enumerate(risk_keys)),
        timeout=30,
        what="every critical risk escalated",
    )
    time.sleep(2.5)  # several more passes of both replicas' schedulers and checks

    for n, rollout_id in enumerate(rollouts):
        history = ok(httpx.get(f"{r.pick('release', n)}/v1/rollouts/{rollout_id}/history", headers=tpm))[
            "items"
        ]
        automatic = [h for h in history if h["action"] == "advance" and h["actor"] == "tpmhub:rollouts"]
        assert len(automatic) == 1, history
        assert percent(rollout_id, n + 1) == 100
    changed = r.sql(
        "release",
        "SELECT subject, count(*) FROM outbox_events WHERE type = 'rollout.stage_changed' GROUP BY subject",
    )
    assert sorted(changed) == sorted([[x, "1"] for x in rollouts]), changed

    for n, key in enumerate(risk_keys):
        records = ok(httpx.get(f"{r.pick('risk', n)}/v1/risks/{key}/escalations", headers=tpm))["items"]
        assert len(records) == 1, records
        assert records[0]["trigger"] == "critical"
    escalations = r.sql(
        "risk", "SELECT subject, count(*) FROM outbox_events WHERE type = 'risk.escalated' GROUP BY subject"
    )
    assert sorted(escalations) == sorted([[k, "1"] for k in risk_keys]), escalations

    # The subscribers saw each once.
    wait_until(
        lambda: len(r.receivers["risk"].of_type("risk.escalated")) >= len(risk_keys),
        timeout=30,
        what="risk.escalated at the subscriber",
    )
    wait_until(
        lambda: len(r.receivers["release"].of_type("rollout.stage_changed")) >= len(rollouts),
        timeout=30,
        what="rollout.stage_changed at the subscriber",
    )
    time.sleep(1)
    assert sorted(e["subject"] for e in r.receivers["risk"].of_type("risk.escalated")) == sorted(risk_keys)
    stage_changed = r.receivers["release"].of_type("rollout.stage_changed")
    assert sorted(e["subject"] for e in stage_changed) == sorted(rollouts)


def test_a_stage_change_on_one_replica_reaches_the_other_replicas_decisions_within_a_second(
    replicas: Replicas,
):
    """Cohort decisions come from each process's memory: replica b, which holds the rollout, must follow a
    stage advance and a rollback made on replica a within 1 s (NOTIFY, the poll as safety net), replica a
    at once; and no answer ever mixes two stages' percents."""
    r = replicas
    tpm = r.headers("tpm", PROJECT, sub="tina")
    a, b = r.urls("release")
    rid = approved_release(r, 0, "5.0.0")
    stages = [{"percent": p, "operator": "tina"} for p in (10, 60, 100)]
    rollout = ok(
        httpx.post(
            f"{a}/v1/releases/{rid}/rollouts",
            json={"group_id": "replicas", "stages": stages},
            headers=tpm,
            timeout=30,
        ),
        201,
    )
    ro = rollout["id"]
    units = [f"user-{n}" for n in range(2000)]
    answers: list[dict[str, Any]] = []

    def decide(url: str) -> dict[str, Any]:
        answer = ok(
            httpx.post(f"{url}/v1/rollouts/{ro}/decide", json={"units": units}, headers=tpm, timeout=30)
        )
        answers.append(answer)
        return answer

    def act(action: str) -> float:
        ok(httpx.post(f"{a}/v1/rollouts/{ro}/{action}", headers=tpm, timeout=30))
        return time.monotonic()

    def followed_by_b(percent: int, since: float) -> float:
        deadline = since + 5
        while time.monotonic() < deadline:
            if decide(b)["percent"] == percent:
                return time.monotonic() - since
            time.sleep(0.05)
        raise AssertionError(f"replica b never answered with {percent} %")

    assert decide(b)["percent"] == 0  # a draft: nobody inside; b now holds the rollout
    started = act("start")
    assert decide(a)["percent"] == 10  # the replica that changed it answers from the new state at once
    assert followed_by_b(10, started) <= 1.0
    advanced = act("advance")
    assert decide(a)["percent"] == 60
    assert followed_by_b(60, advanced) <= 1.0
    rolled_back = act("rollback")
    assert decide(a)["enabled_count"] == 0
    assert followed_by_b(0, rolled_back) <= 1.0
    assert decide(b)["enabled_count"] == 0 and decide(b)["status"] == "rolled_back"
    for answer in answers:
        percent = answer["percent"]
        assert all(d["enabled"] == (d["bucket"] <= percent) for d in answer["decisions"]), percent
