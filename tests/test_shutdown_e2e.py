"""Graceful shutdown under load (issue 9 item 4), with release-svc as a real process on PostgreSQL.

SIGTERM arrives while writers hammer the service, some requests are held in flight by a row lock in the
database, and the outbox dispatcher is mid-batch towards a slow subscriber. What must hold:
- /readyz answers 503 ("shutdown: in progress") at once, while the service still serves during its
  lame-duck period (`TPM_SHUTDOWN_DRAIN_SECONDS`);
- after that period no new connection is accepted, but the held requests finish with 2xx (bounded);
- the dispatcher ends its current batch (no delivery left leased, everything the subscriber acknowledged
  is recorded as delivered), the process exits within its bound;
- every write that got a 2xx is in the database, and after a restart its event reaches the subscriber.
"""

from __future__ import annotations

import asyncio
import signal
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import asyncpg
import httpx
import pytest
from standardwebhooks.webhooks import Webhook
from tpmhub_shared.testing.plugin import project_created_event
from tpmhub_shared.testing.postgres import PostgresServer
from tpmhub_shared.testing.processes import ServiceProcess

pytestmark = pytest.mark.e2e

PROJECT = "SHUT"
DRAIN_SECONDS = 4.0


def wait_until(check: Callable[[], Any], timeout: float, what: str) -> Any:
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        last = check()
        if last:
            return last
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout}s waiting for {what} (last: {last!r})")


class SlowReceiver:
    """A subscriber on 127.0.0.1 that verifies signatures and takes `delay` seconds per delivery, so that
    the dispatcher has a batch in flight when SIGTERM arrives."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self.secret = ""
        self.lock = threading.Lock()
        self.received: list[dict[str, Any]] = []  # every verified delivery, answered 204
        self.rejected = 0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                raw = self.rfile.read(int(self.headers.get("content-length", "0")))
                headers = {k.lower(): v for k, v in self.headers.items()}
                time.sleep(receiver.delay)
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
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def snapshot(self) -> list[dict[str, Any]]:
        with self.lock:
            return list(self.received)


class RowLocks:
    """Holds `FOR UPDATE` locks on release rows from a separate PostgreSQL session, so that writes to them
    stay in flight inside the service until `release()`."""

    def __init__(self, database_url: str) -> None:
        self.dsn = database_url.replace("postgresql+asyncpg://", "postgresql://")
        self.loop = asyncio.new_event_loop()
        self.conn: Any = None
        self.tx: Any = None

    def lock(self, ids: list[str]) -> None:
        async def go() -> None:
            self.conn = await asyncpg.connect(self.dsn, timeout=10)
            self.tx = self.conn.transaction()
            await self.tx.start()
            await self.conn.execute(
                "SELECT id FROM releases WHERE id = ANY($1::uuid[]) FOR UPDATE", [uuid.UUID(i) for i in ids]
            )

        self.loop.run_until_complete(go())

    def release(self) -> None:
        async def go() -> None:
            if self.tx is not None:
                await self.tx.commit()
                self.tx = None
            if self.conn is not None:
                await self.conn.close()
                self.conn = None

        self.loop.run_until_complete(go())

    def close(self) -> None:
        self.release()
        self.loop.close()


@pytest.fixture
def receiver() -> Iterator[SlowReceiver]:
    r = SlowReceiver(delay=0.25)
    r.thread.start()
    try:
        yield r
    finally:
        r.server.shutdown()


def _rows(pg: PostgresServer, db: str, sql: str) -> list[list[str]]:
    return [line.split("|") for line in pg.psql(sql, db=db).splitlines() if line]


def test_sigterm_under_load_drains_and_loses_nothing(pg_server: PostgresServer, make_token, receiver):
    db_name = f"release_shutdown_{uuid.uuid4().hex[:8]}"
    svc = ServiceProcess(
        name="release",
        database_url=pg_server.create_database(db_name),
        env={
            "TPM_SHUTDOWN_DRAIN_SECONDS": str(DRAIN_SECONDS),
            "TPM_EVENTS_POLL_SECONDS": "0.2",
            "TPM_EVENTS_LEASE_SECONDS": "30",
        },
    )
    admin = {"Authorization": f"Bearer {make_token('admin')}"}
    locks = RowLocks(svc.database_url)
    svc.start()
    try:
        with httpx.Client(headers=admin, timeout=10) as client:
            r = client.post(
                f"{svc.url}/v1/subscriptions", json={"url": receiver.url, "event_types": ["release.*"]}
            )
            assert r.status_code == 201, r.text
            receiver.secret = r.json()["secret"]
            # release-svc runs alone: it learns the project the way requirements-svc tells it.
            service = {"Authorization": f"Bearer {make_token(service='requirements-svc')}"}
            r = client.post(f"{svc.url}/v1/events", json=project_created_event(PROJECT), headers=service)
            assert r.status_code == 200, r.text
            releases = []
            for n in range(50):
                r = client.post(
                    f"{svc.url}/v1/projects/{PROJECT}/releases",
                    json={"version": f"1.0.{n}", "approvers": ["bob"]},
                )
                assert r.status_code == 201, r.text
                releases.append(r.json()["id"])
        held, loaded = releases[:4], releases[4:]

        # Writes held in flight: their rows are locked by another session.
        locks.lock(held)
        outcomes: dict[str, int | str] = {}
        outcome_lock = threading.Lock()

        def submit(release_id: str) -> None:
            try:
                r = httpx.post(f"{svc.url}/v1/releases/{release_id}/submit", headers=admin, timeout=30)
                result: int | str = r.status_code
            except httpx.HTTPError as exc:
                result = type(exc).__name__
            with outcome_lock:
                outcomes[release_id] = result

        pool = ThreadPoolExecutor(max_workers=12)
        held_futures = [pool.submit(submit, rid) for rid in held]
        stop_load = threading.Event()

        def load(chunk: list[str]) -> None:
            for rid in chunk:
                if stop_load.is_set():
                    return
                submit(rid)
                time.sleep(0.05)

        load_futures = [pool.submit(load, loaded[i::4]) for i in range(4)]
        wait_until(lambda: len(outcomes) >= 12, timeout=20, what="load under way")
        wait_until(lambda: len(receiver.snapshot()) >= 1, timeout=10, what="the dispatcher delivering")

        sigterm_at = time.monotonic()
        svc.send_signal(signal.SIGTERM)

        # Readiness turns false at once, while the service keeps serving during the lame-duck period.
        ready = httpx.get(f"{svc.url}/readyz", timeout=5)
        assert ready.status_code == 503, ready.text
        assert ready.json()["checks"]["shutdown"] == "in progress"
        assert time.monotonic() - sigterm_at < DRAIN_SECONDS  # seen within the lame-duck period
        r = httpx.get(f"{svc.url}/v1/releases/{loaded[0]}", headers=admin, timeout=5)
        assert r.status_code == 200, r.text
        assert not any(f.done() for f in held_futures), "held writes finished before their lock was released"

        # After the lame-duck period: no new connection, but the held requests are still being served.
        time.sleep(DRAIN_SECONDS + 1.0)
        with pytest.raises(httpx.ConnectError):
            httpx.get(f"{svc.url}/healthz", timeout=2)
        assert svc.proc is not None and svc.proc.poll() is None, (
            "exited before its in-flight requests finished"
        )
        assert not any(f.done() for f in held_futures)
        locks.release()
        for f in held_futures:
            f.result(timeout=15)
        assert [outcomes[rid] for rid in held] == [200] * len(held), outcomes

        stop_load.set()
        for f in load_futures:
            f.result(timeout=30)
        pool.shutdown(wait=True)
        exit_code = svc.proc.wait(timeout=25)
        elapsed = time.monotonic() - sigterm_at
        assert exit_code in (0, -signal.SIGTERM), svc.tail()
        assert elapsed < DRAIN_SECONDS + 15 + 10, elapsed  # lame duck + uvicorn's drain + workers' grace

        logs = svc.logs()
        assert '"shutdown_started"' in logs and '"workers_stopped"' in logs, svc.tail()
        assert "worker_cancelled_at_shutdown" not in logs, svc.tail()

        # Nothing acknowledged is lost: every 2xx submit is in the database.
        acknowledged = sorted(rid for rid, status in outcomes.items() if status == 200)
        assert len(acknowledged) >= 12
        rows = _rows(pg_server, db_name, "SELECT id FROM releases WHERE status = 'in_review'")
        in_review = {row[0] for row in rows}
        assert set(acknowledged) <= in_review
        # No write was half done: a release is in review only if its submit ran (a lost answer is allowed).
        assert in_review <= set(outcomes)

        # The dispatcher stopped after its batch: nothing left leased, and everything the subscriber
        # acknowledged is recorded as delivered.
        leased = _rows(
            pg_server,
            db_name,
            "SELECT count(*) FROM event_deliveries WHERE status = 'pending' AND locked_until IS NOT NULL",
        )
        assert leased == [["0"]]
        rows = _rows(pg_server, db_name, "SELECT event_id FROM event_deliveries WHERE status = 'delivered'")
        delivered_ids = {row[0] for row in rows}
        got = receiver.snapshot()
        assert got and {r["webhook_id"] for r in got} <= delivered_ids

        # After a restart every acknowledged change reaches the subscriber, once after deduplication.
        svc.start()
        expected = {(rid, "release.in_review") for rid in in_review}

        def all_arrived() -> bool:
            return {(r["subject"], r["type"]) for r in receiver.snapshot()} >= expected

        wait_until(all_arrived, timeout=45, what="every acknowledged event at the subscriber")
        unique = {r["webhook_id"]: r for r in receiver.snapshot()}
        assert receiver.rejected == 0
        assert sorted((r["subject"], r["type"]) for r in unique.values()) == sorted(expected)
    finally:
        locks.close()
        svc.stop()
