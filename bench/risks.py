"""Risk register benchmark: throughput and latency of the heatmap, a filtered page of 50 and the gate query
for a release with 200 linked items, at a given concurrency, with a small and a large register.

For each register size it starts risk-svc as a real uvicorn process on a fresh database (a throwaway
PostgreSQL by default, or a SQLite file), seeds that many risks of one project straight into the tables
(random P/I, mostly open, one item link per risk, the 200 scope items and the release linked to the same
~220 risks whatever the size, so every answer has the same size), then drives each endpoint with
`--concurrency` async httpx clients for `--seconds`.

    .venv/bin/python bench/risks.py --backend postgresql --rows 1000,100000 --concurrency 32 --seconds 15
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import risk_svc.models  # noqa: F401 - registers every table
from risk_svc.links.models import RiskLink
from risk_svc.matrix.schemas import DEFAULT_THRESHOLDS, level_for
from risk_svc.risks.models import Risk, RiskCounter
from risk_svc.views import repository as heat
from sqlalchemy import insert, text
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.auth import issue_token
from tpmhub_shared.ids import new_id
from tpmhub_shared.settings import CommonSettings
from tpmhub_shared.testing.plugin import project_created_event
from tpmhub_shared.testing.postgres import PostgresServer
from tpmhub_shared.testing.processes import ServiceProcess

PROJECT = "BENCH"
SEED_CHUNK = 5_000
STATUSES = ["identified", "assessed", "mitigating", "mitigating", "monitoring", "closed"]
CATEGORIES = ["technical", "resource", "schedule", "dependency", "stability", "security"]


async def seed(url: str, rows: int, release_id: uuid.UUID) -> float:
    """Insert `rows` risks with one item link each (and a release link on every 50th); returns seconds."""
    from sqlalchemy.ext.asyncio import create_async_engine

    started = time.perf_counter()
    rng = random.Random(42)
    engine = create_async_engine(url)
    now = datetime.now(UTC)
    thresholds = [t.model_dump() for t in DEFAULT_THRESHOLDS]
    try:
        done = 0
        while done < rows:
            n = min(SEED_CHUNK, rows - done)
            risks, links = [], []
            for i in range(done, done + n):
                p, im = rng.randint(1, 5), rng.randint(1, 5)
                rp, ri = max(1, p - 1), max(1, im - 1)
                rid = new_id()
                risks.append(
                    {
                        "id": rid,
                        "created_at": now,
                        "updated_at": now,
                        "version": 1,
                        "project_key": PROJECT,
                        "seq": i + 1,
                        "key": f"{PROJECT}-R{i + 1}",
                        "title": f"Risk {i + 1}",
                        "category": rng.choice(CATEGORIES),
                        "kind": "threat",
                        "cause": "",
                        "event": "",
                        "effect": "",
                        "owner": f"user{i % 50}",
                        "status": rng.choice(STATUSES),
                        "probability": p,
                        "impact": im,
                        "score": p * im,
                        "level": level_for(p * im, thresholds),
                        "residual_probability": rp,
                        "residual_impact": ri,
                        "residual_score": rp * ri,
                        "residual_level": level_for(rp * ri, thresholds),
                        "response_plan": "",
                        "contingency_plan": "",
                        "triggers": [],
                        "cost_impact": 1000.0 * p,
                        "emv": 100.0 * p * p,
                        "blocks_release": False,
                        "escalated": False,
                        "next_review_at": now + timedelta(days=rng.randint(-20, 60)),
                        "created_by": "bench",
                    }
                )
                # Item keys BENCH-1..rows: the 200 scope items are linked to ~200 risks at every size.
                link = {"risk_id": rid, "project_key": PROJECT, "created_at": now, "created_by": "bench"}
                links.append(
                    {**link, "id": new_id(), "target_type": "item", "target_key": f"{PROJECT}-{i + 1}"}
                )
                if i % 50 == 0 and i < 1_000:  # 20 risks on the release at every size
                    links.append(
                        {**link, "id": new_id(), "target_type": "release", "target_key": str(release_id)}
                    )
            async with engine.begin() as conn:
                await conn.execute(insert(Risk.__table__), risks)
                await conn.execute(insert(RiskLink.__table__), links)
            done += n
        async with engine.begin() as conn:
            await conn.execute(insert(RiskCounter.__table__), [{"project_key": PROJECT, "last_seq": rows}])
        async with AsyncSession(engine) as session, session.begin():
            await heat.rebuild(session, PROJECT)  # the heatmap counters of the bulk-loaded risks
        if not url.startswith("sqlite"):
            async with engine.begin() as conn:
                await conn.execute(text("ANALYZE"))
    finally:
        await engine.dispose()
    return time.perf_counter() - started


async def load(base: str, headers: dict[str, str], concurrency: int, seconds: float, make_request) -> dict:
    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=30, limits=limits) as client:
        for _ in range(3):  # warm up
            r = await make_request(client)
            r.raise_for_status()
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


async def run(backend: str, rows_list: list[int], concurrency: int, seconds: float) -> None:
    common = CommonSettings(env="test")
    token = issue_token(common, sub="bench", roles={"*": "admin"})
    service_token = issue_token(
        common, sub="service:release-svc", roles={"*": "viewer"}, service="release-svc"
    )
    headers = {"Authorization": f"Bearer {token}"}
    pg = PostgresServer().start() if backend == "postgresql" else None
    print(f"backend={backend} concurrency={concurrency} seconds={seconds}")
    print(f"{'rows':>9} {'mode':<8} {'requests':>8} {'errors':>6} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8}")
    try:
        for rows in rows_list:
            if pg is not None:
                db_url = pg.create_database(f"bench_risks_{rows}_{random.randrange(1 << 30)}")
            else:
                db_url = f"sqlite+aiosqlite:///{Path(tempfile.mkdtemp(prefix='bench-risks-')) / 'risk.db'}"
            env = {"TPM_LOG_LEVEL": "WARNING", "RISK_BACKGROUND_ENABLED": "false"}
            proc = ServiceProcess(name="risk", database_url=db_url, env=env).start()
            try:
                release_id = uuid.uuid4()
                seeded = await seed(db_url, rows, release_id)
                # risk-svc runs alone: tell it the project exists, as requirements-svc's project.created does.
                svc_token = issue_token(
                    common, sub="service:requirements-svc", roles={"*": "viewer"}, service="requirements-svc"
                )
                async with httpx.AsyncClient(base_url=proc.url) as client:
                    (
                        await client.post(
                            "/v1/events",
                            json=project_created_event(PROJECT),
                            headers={"Authorization": f"Bearer {svc_token}"},
                        )
                    ).raise_for_status()
                print(f"# seeded {rows} risks in {seeded:.1f}s", flush=True)
                gate_body = {
                    "project_key": PROJECT,
                    "release_id": str(release_id),
                    "item_keys": [f"{PROJECT}-{n}" for n in range(1, 201)],
                }
                gate_headers = {"Authorization": f"Bearer {service_token}"}

                async def heatmap(client: httpx.AsyncClient) -> httpx.Response:
                    return await client.get(f"/v1/projects/{PROJECT}/risks/heatmap")

                async def page(client: httpx.AsyncClient) -> httpx.Response:
                    return await client.get(
                        f"/v1/projects/{PROJECT}/risks",
                        params={
                            "status": "mitigating",
                            "level": "high",
                            "category": "technical",
                            "limit": 50,
                        },
                    )

                async def gate(
                    client: httpx.AsyncClient, body=gate_body, hdrs=gate_headers
                ) -> httpx.Response:
                    return await client.post("/v1/risks/gate-query", json=body, headers=hdrs)

                for mode, fn in (("heatmap", heatmap), ("page50", page), ("gate", gate)):
                    s = await load(proc.url, headers, concurrency, seconds, fn)
                    print(
                        f"{rows:>9} {mode:<8} {s['requests']:>8} {s['errors']:>6} {s['rps']:>9.1f} "
                        f"{s['p50_ms']:>8.1f} {s['p99_ms']:>8.1f}",
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
    parser.add_argument("--rows", default="1000,100000", help="Comma-separated register sizes.")
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=15)
    args = parser.parse_args()
    asyncio.run(run(args.backend, [int(x) for x in args.rows.split(",")], args.concurrency, args.seconds))


if __name__ == "__main__":
    main()
