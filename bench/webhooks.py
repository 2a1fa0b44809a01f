"""Webhook ingest and outbox delivery benchmark.

1. Ingest: `--concurrency` senders post signed GitHub `workflow_run` deliveries (the published
   octokit payload, each with its own run id and `X-GitHub-Delivery`) to release-svc for `--seconds`;
   reports deliveries/s and latency, then counts the recorded rows against the 2xx answers (zero lost).
2. Outbox: the same senders post signed `push` deliveries whose commit messages name item keys, so each
   request commits `--keys` `ci.item_referenced` events; a local receiver subscribed to `ci.*` records
   each arrival. Reports events delivered/s and the lag from the event's time (written in the committing
   transaction) to its arrival at the receiver (p50/p99).

release-svc runs as a real uvicorn process on a throwaway PostgreSQL (or a SQLite file).

    .venv/bin/python bench/webhooks.py --backend postgresql --concurrency 32 --seconds 15
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import json
import statistics
import tempfile
import time
import uuid
from datetime import datetime
from pathlib import Path

import httpx
import orjson
import uvicorn
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import create_async_engine
from tpmhub_shared.auth import issue_token
from tpmhub_shared.settings import CommonSettings
from tpmhub_shared.testing.plugin import project_created_event
from tpmhub_shared.testing.postgres import PostgresServer
from tpmhub_shared.testing.processes import ServiceProcess

FIXTURE = Path("/work/shared/fixtures/ci-webhooks/github/workflow_run.completed.json")
SECRET = "bench-github-secret-0123456789"


async def announce_project(client: httpx.AsyncClient, key: str) -> None:
    """release-svc runs alone: tell it the project exists, as requirements-svc's `project.created` does."""
    token = issue_token(
        CommonSettings(env="test"),
        sub="service:requirements-svc",
        roles={"*": "viewer"},
        service="requirements-svc",
    )
    r = await client.post(
        "/v1/events", json=project_created_event(key), headers={"Authorization": f"Bearer {token}"}
    )
    r.raise_for_status()


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def signed(body: bytes, event: str) -> dict[str, str]:
    digest = hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    return {
        "X-GitHub-Event": event,
        "X-GitHub-Delivery": str(uuid.uuid4()),
        "X-Hub-Signature-256": f"sha256={digest}",
        "Content-Type": "application/json",
    }


async def drive(
    url: str, make_body, event: str, concurrency: int, seconds: float
) -> tuple[int, int, list[float]]:
    ok = failed = 0
    latencies: list[float] = []
    deadline = time.monotonic() + seconds
    counter = iter(range(10**9))

    async def sender(client: httpx.AsyncClient) -> None:
        nonlocal ok, failed
        while time.monotonic() < deadline:
            body = make_body(next(counter))
            start = time.perf_counter()
            try:
                r = await client.post(url, content=body, headers=signed(body, event))
            except httpx.HTTPError:
                failed += 1
                continue
            latencies.append((time.perf_counter() - start) * 1000)
            if 200 <= r.status_code < 300:
                ok += 1
            else:
                failed += 1

    async with httpx.AsyncClient(timeout=30, limits=httpx.Limits(max_connections=concurrency)) as client:
        await asyncio.gather(*(sender(client) for _ in range(concurrency)))
    return ok, failed, latencies


class Receiver:
    def __init__(self) -> None:
        self.arrivals: dict[str, float] = {}
        self.lags: list[float] = []
        self.total = 0
        self.arrived = asyncio.Event()

    async def wait_for(self, count: int) -> None:
        """Until `count` distinct events have arrived; bound it with `asyncio.timeout`."""
        while len(self.arrivals) < count:
            self.arrived.clear()
            await self.arrived.wait()

    async def app(self, scope, receive, send) -> None:  # noqa: ANN001
        if scope["type"] != "http":
            return
        body = b""
        more = True
        while more:
            message = await receive()
            body += message.get("body", b"")
            more = message.get("more_body", False)
        now = time.time()
        self.total += 1
        event = orjson.loads(body)
        if event["id"] not in self.arrivals:
            self.arrivals[event["id"]] = now
            emitted = datetime.fromisoformat(event["time"].replace("Z", "+00:00")).timestamp()
            self.lags.append((now - emitted) * 1000)
            self.arrived.set()
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--backend", choices=["postgresql", "sqlite"], default="postgresql")
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--keys", type=int, default=5, help="item keys (events) per push in the outbox run")
    args = parser.parse_args()

    pg = PostgresServer().start() if args.backend == "postgresql" else None
    db_url = (
        pg.create_database("bench_webhooks")
        if pg
        else f"sqlite+aiosqlite:///{Path(tempfile.mkdtemp()) / 'release.db'}"
    )
    svc = ServiceProcess(
        name="release", database_url=db_url, env={"TPM_EVENT_ROUTES": "{}", "TPM_LOG_LEVEL": "WARNING"}
    )
    receiver = Receiver()
    server = uvicorn.Server(
        uvicorn.Config(
            receiver.app, host="127.0.0.1", port=0, log_level="warning", lifespan="off", interface="asgi3"
        )
    )
    server_task = asyncio.create_task(server.serve())
    try:
        svc.start()
        while not server.started:  # noqa: ASYNC110 - uvicorn's flag; it offers no event to wait on
            await asyncio.sleep(0.01)
        port = server.servers[0].sockets[0].getsockname()[1]
        token = issue_token(CommonSettings(env="test"), sub="bench", roles={"*": "admin"})
        admin = {"Authorization": f"Bearer {token}"}
        async with httpx.AsyncClient(base_url=svc.url, headers=admin) as c:
            await announce_project(c, "BENCH")
            r = await c.post(
                "/v1/projects/BENCH/ci-sources",
                json={"provider": "github", "repository": "octo-org/octo-repo", "secret": SECRET},
            )
            r.raise_for_status()
            r = await c.post(
                "/v1/projects/BENCH/releases", json={"version": "1.0.0", "repository": "octo-org/octo-repo"}
            )
            r.raise_for_status()

        # ---- 1. ingest ----
        template = json.loads(await asyncio.to_thread(FIXTURE.read_bytes))

        def run_body(n: int) -> bytes:
            template["workflow_run"]["id"] = 10_000_000 + n
            return json.dumps(template).encode()

        url = f"{svc.url}/v1/webhooks/github"
        started = time.perf_counter()
        ok, failed, lat = await drive(url, run_body, "workflow_run", args.concurrency, args.seconds)
        elapsed = time.perf_counter() - started
        engine = create_async_engine(db_url)
        from release_svc.webhooks.models import CiDelivery, PipelineRun

        async with engine.connect() as conn:
            runs = (await conn.execute(select(func.count()).select_from(PipelineRun))).scalar_one()
            recorded = (await conn.execute(select(func.count()).select_from(CiDelivery))).scalar_one()
        print(
            f"ingest[{args.backend}] concurrency={args.concurrency}: {ok / elapsed:.0f} deliveries/s, "
            f"p50 {pct(lat, 0.5):.1f} ms, p99 {pct(lat, 0.99):.1f} ms; 2xx={ok} non-2xx={failed}; "
            f"rows: deliveries={recorded} runs={runs}; lost={ok - min(recorded, runs)}"
        )

        # ---- 2. outbox ----
        async with httpx.AsyncClient(base_url=svc.url, headers=admin) as c:
            r = await c.post(
                "/v1/subscriptions", json={"url": f"http://127.0.0.1:{port}/hook", "event_types": ["ci.*"]}
            )
            r.raise_for_status()

        def push_body(n: int) -> bytes:
            commits = [
                {
                    "id": hashlib.sha1(f"{n}-{k}".encode()).hexdigest(),
                    "message": f"BENCH-{n * args.keys + k + 1} change",
                }
                for k in range(args.keys)
            ]
            return json.dumps(
                {
                    "ref": "refs/heads/main",
                    "repository": {"full_name": "octo-org/octo-repo"},
                    "commits": commits,
                }
            ).encode()

        started = time.perf_counter()
        ok, failed, lat = await drive(url, push_body, "push", args.concurrency, args.seconds)
        expected = ok * args.keys
        try:
            async with asyncio.timeout(120):
                await receiver.wait_for(expected)
        except TimeoutError:
            pass  # reported below as fewer events delivered than expected
        span = (
            max(receiver.arrivals.values()) - (time.time() - (time.perf_counter() - started))
            if receiver.arrivals
            else float("nan")
        )
        print(
            f"outbox[{args.backend}]: {len(receiver.arrivals)}/{expected} events delivered "
            f"({receiver.total - len(receiver.arrivals)} redelivered) in {span:.1f} s = "
            f"{len(receiver.arrivals) / span:.0f} events/s; lag commit→delivery p50 "
            f"{pct(receiver.lags, 0.5):.0f} ms, p99 {pct(receiver.lags, 0.99):.0f} ms, "
            f"max {max(receiver.lags, default=float('nan')):.0f} ms; push p50 {pct(lat, 0.5):.1f} ms, "
            f"p99 {pct(lat, 0.99):.1f} ms"
        )
        if receiver.lags:
            print(f"  mean lag {statistics.fmean(receiver.lags):.0f} ms")
        await engine.dispose()
    finally:
        svc.stop()
        server.should_exit = True
        await server_task
        if pg:
            pg.stop()


if __name__ == "__main__":
    asyncio.run(main())
