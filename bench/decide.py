"""Cohort-decision benchmark: throughput and latency of `GET /v1/rollouts/{id}/decide?unit=` and of the
10,000-unit `POST /v1/rollouts/{id}/decide`, at a given concurrency, with a small and a large rollouts table.

For each table size it starts release-svc as a real uvicorn process on a fresh database (SQLite file or a
throwaway PostgreSQL), seeds that many extra rollouts straight into the table, creates one running rollout
over HTTP, then drives it with `--concurrency` async httpx clients for `--seconds` per mode.

    .venv/bin/python bench/decide.py --backend postgresql --rows 1000,1000000 --concurrency 32 --seconds 15
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import httpx
import orjson
import release_svc.models  # noqa: F401 - registers every table
from release_svc.releases.models import Release
from release_svc.rollouts.models import Rollout
from sqlalchemy import insert, update
from tpmhub_shared.auth import issue_token
from tpmhub_shared.ids import new_id
from tpmhub_shared.settings import CommonSettings
from tpmhub_shared.testing.plugin import project_created_event
from tpmhub_shared.testing.postgres import PostgresServer
from tpmhub_shared.testing.processes import ServiceProcess

SEED_CHUNK = 10_000


async def seed(url: str, release_id: uuid.UUID, rows: int) -> float:
    """Insert `rows` draft rollouts of one release (async engine, executemany in chunks); returns seconds."""
    from sqlalchemy.ext.asyncio import create_async_engine

    started = time.perf_counter()
    engine = create_async_engine(url)
    now = datetime.now(UTC)
    stages = [
        {"percent": 50, "min_hold_seconds": 0, "operator": "bob", "auto_advance": False, "guardrails": []}
    ]
    try:
        done = 0
        while done < rows:
            n = min(SEED_CHUNK, rows - done)
            values = [
                {
                    "id": new_id(),
                    "created_at": now,
                    "updated_at": now,
                    "version": 1,
                    "project_key": "BENCH",
                    "release_id": release_id,
                    "name": "",
                    "status": "draft",
                    "unit_kind": "user",
                    "group_id": f"seed-{done + i}",
                    "stages": stages,
                    "current_stage": 0,
                    "current_percent": 0,
                    "on_breach": "pause",
                    "breach_threshold": 3,
                    "failed_checks": [0],
                    "created_by": "bench",
                }
                for i in range(n)
            ]
            async with engine.begin() as conn:
                await conn.execute(insert(Rollout.__table__), values)
            done += n
    finally:
        await engine.dispose()
    return time.perf_counter() - started


async def approve(url: str, release_id: str) -> None:
    from sqlalchemy.ext.asyncio import create_async_engine

    engine = create_async_engine(url)
    try:
        async with engine.begin() as conn:
            await conn.execute(
                update(Release.__table__)
                .where(Release.__table__.c.id == uuid.UUID(release_id))
                .values(status="approved")
            )
    finally:
        await engine.dispose()


async def setup(base: str, headers: dict[str, str], db_url: str, rows: int) -> tuple[str, float]:
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=30) as client:
        # release-svc runs alone: tell it the project exists, as requirements-svc's `project.created` does.
        token = issue_token(
            CommonSettings(env="test"),
            sub="service:requirements-svc",
            roles={"*": "viewer"},
            service="requirements-svc",
        )
        r = await client.post(
            "/v1/events", json=project_created_event("BENCH"), headers={"Authorization": f"Bearer {token}"}
        )
        r.raise_for_status()
        r = await client.post("/v1/projects/BENCH/releases", json={"version": "0.0.1"})
        r.raise_for_status()
        filler = r.json()["id"]
        seconds = await seed(db_url, uuid.UUID(filler), rows)
        r = await client.post("/v1/projects/BENCH/releases", json={"version": "1.0.0"})
        r.raise_for_status()
        release_id = r.json()["id"]
        await approve(db_url, release_id)
        body = {
            "group_id": "bench",
            "stages": [{"percent": 50, "operator": "bob"}, {"percent": 100, "operator": "bob"}],
        }
        r = await client.post(f"/v1/releases/{release_id}/rollouts", json=body)
        r.raise_for_status()
        rollout_id = r.json()["id"]
        # release-svc runs alone here (the gate's siblings do not answer): setup goes past the gate the
        # audited way.
        override = {"override_gate": {"reason": "benchmark setup: release-svc alone"}}
        (await client.post(f"/v1/rollouts/{rollout_id}/start", json=override)).raise_for_status()
    return rollout_id, seconds


async def load(base: str, headers: dict[str, str], concurrency: int, seconds: float, make_request) -> dict:
    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=30, limits=limits) as client:
        for _ in range(3):  # warm up
            await make_request(client)
        deadline = time.perf_counter() + seconds

        async def worker() -> None:
            nonlocal errors
            while time.perf_counter() < deadline:
                t = time.perf_counter()
                r = await make_request(client)
                latencies.append(time.perf_counter() - t)
                if r.status_code != 200:
                    errors += 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": len(latencies),
        "errors": errors,
        "rps": len(latencies) / elapsed,
        "p50_ms": statistics.median(latencies) * 1000,
        "p99_ms": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000,
    }


async def run(backend: str, rows_list: list[int], concurrency: int, seconds: float, batch_size: int) -> None:
    common = CommonSettings(env="test")
    token = issue_token(common, sub="bench", roles={"*": "admin"})
    headers = {"Authorization": f"Bearer {token}"}
    pg = PostgresServer().start() if backend == "postgresql" else None
    print(f"backend={backend} concurrency={concurrency} seconds={seconds} batch={batch_size} units")
    print(
        f"{'rows':>9} {'mode':<7} {'requests':>8} {'errors':>6} {'req/s':>9} {'units/s':>11} {'p50 ms':>8} "
        f"{'p99 ms':>8}"
    )
    try:
        for rows in rows_list:
            if pg is not None:
                db_url = pg.create_database(f"bench_decide_{rows}_{random.randrange(1 << 30)}")
            else:
                db_url = (
                    f"sqlite+aiosqlite:///{Path(tempfile.mkdtemp(prefix='bench-decide-')) / 'release.db'}"
                )
            proc = ServiceProcess(
                name="release",
                database_url=db_url,
                env={"TPM_LOG_LEVEL": "WARNING", "RELEASE_BACKGROUND_ENABLED": "false"},
            ).start()
            try:
                rollout_id, seeded = await setup(proc.url, headers, db_url, rows)
                print(f"# seeded {rows} rollouts in {seeded:.1f}s")
                path = f"/v1/rollouts/{rollout_id}/decide"
                rng = random.Random(7)
                batch = orjson.dumps({"units": [f"user-{i}" for i in range(batch_size)]})

                async def single(client: httpx.AsyncClient, path=path, rng=rng) -> httpx.Response:
                    return await client.get(path, params={"unit": f"user-{rng.randrange(10_000_000)}"})

                async def many(client: httpx.AsyncClient, path=path, batch=batch) -> httpx.Response:
                    json_type = {"Content-Type": "application/json"}
                    return await client.post(path, content=batch, headers=json_type)

                for mode, fn, units in (("single", single, 1), ("batch", many, batch_size)):
                    s = await load(proc.url, headers, concurrency, seconds, fn)
                    print(
                        f"{rows:>9} {mode:<7} {s['requests']:>8} {s['errors']:>6} {s['rps']:>9.1f} "
                        f"{s['rps'] * units:>11.0f} {s['p50_ms']:>8.1f} {s['p99_ms']:>8.1f}",
                        flush=True,
                    )
            finally:
                proc.stop()
    finally:
        if pg is not None:
            pg.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=["sqlite", "postgresql"], default="postgresql")
    parser.add_argument("--rows", default="1000,1000000", help="Comma-separated sizes of the rollouts table.")
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--batch-size", type=int, default=10_000)
    args = parser.parse_args()
    asyncio.run(
        run(
            args.backend,
            [int(x) for x in args.rows.split(",")],
            args.concurrency,
            args.seconds,
            args.batch_size,
        )
    )


if __name__ == "__main__":
    main()
