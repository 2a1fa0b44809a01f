"""Weekly report and closing-archive benchmark.

It starts requirements-svc, risk-svc and release-svc as real uvicorn processes on a throwaway PostgreSQL (or
SQLite files), creates one project over HTTP and seeds its facts straight into each service's tables
(`--items` backlog items in an iteration and a milestone, `--risks` risks with exposure points, `--releases`
releases), then measures:

- `report`: `GET /v1/projects/{key}/reports?period=week` (JSON, both siblings asked concurrently) with
  `--concurrency` async clients for `--seconds`: throughput, p50, p99;
- `markdown`, `html`: the same report rendered;
- `archive`: one `GET /v1/projects/{key}/archive` streamed to /dev/null: MB, seconds, MB/s, and the peak RSS
  of the requirements-svc process (VmHWM) before and after.

    .venv/bin/python bench/reports.py --backend postgresql --items 100000 --risks 10000 --releases 500 \
        --concurrency 8 --seconds 20
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
import release_svc.models  # noqa: F401 - registers every table
import requirements_svc.models  # noqa: F401
import risk_svc.models  # noqa: F401
from release_svc.releases.models import Release
from requirements_svc.items.models import Item
from requirements_svc.iterations.models import Iteration
from requirements_svc.milestones.models import Milestone
from risk_svc.risks.models import Risk
from risk_svc.views.models import ExposurePoint
from tpmhub_shared.auth import issue_token
from tpmhub_shared.db import Database
from tpmhub_shared.settings import CommonSettings
from tpmhub_shared.testing.postgres import PostgresServer
from tpmhub_shared.testing.processes import ServiceProcess

KEY = "BENCH"
CHUNK = 5_000
QUIET = {"TPM_LOG_LEVEL": "WARNING"}
LEVELS = [(1, "low"), (5, "medium"), (10, "high"), (17, "critical")]


def level(score: int) -> str:
    return [name for low, name in LEVELS if score >= low][-1]


async def seed(urls: dict[str, str], items: int, risks: int, releases: int) -> float:
    started = time.perf_counter()
    now = datetime.now(UTC)
    today = now.date()
    req = Database(urls["requirements"])
    async with req.session() as s, s.begin():
        it = Iteration(
            project_key=KEY,
            name="Sprint",
            start_date=today - timedelta(days=6),
            end_date=today + timedelta(days=7),
            status="active",
            capacity_points=500,
        )
        ms = Milestone(
            project_key=KEY, name="GA", target_date=today + timedelta(days=30), status="in_progress"
        )
        s.add_all([it, ms])
    for start in range(1, items + 1, CHUNK):
        async with req.session() as s, s.begin():
            for n in range(start, min(start + CHUNK, items + 1)):
                done = n % 4 == 0
                s.add(
                    Item(
                        project_key=KEY,
                        key=f"{KEY}-{n}",
                        number=n,
                        type="bug" if n % 50 == 0 else "story",
                        severity="S2" if n % 50 == 0 else None,
                        title=f"Item {n}",
                        status="done" if done else "ready",
                        rank=f"{n:012d}",
                        points=float(n % 8 or 1),
                        iteration_id=it.id if n % 10 == 0 else None,
                        milestone_id=ms.id if n % 7 == 0 else None,
                        done_at=now - timedelta(hours=n % 200) if done else None,
                        created_at=now - timedelta(days=n % 30),
                    )
                )
    await req.dispose()
    risk = Database(urls["risk"])
    for start in range(1, risks + 1, CHUNK):
        async with risk.session() as s, s.begin():
            points = []
            for n in range(start, min(start + CHUNK, risks + 1)):
                p, i = 1 + n % 5, 1 + (n // 5) % 5
                r = Risk(
                    id=uuid.uuid4(),
                    project_key=KEY,
                    seq=n,
                    key=f"{KEY}-R{n}",
                    title=f"Risk {n}",
                    category="technical",
                    probability=p,
                    impact=i,
                    score=p * i,
                    level=level(p * i),
                    status="closed" if n % 5 == 0 else "identified",
                    created_by="bench",
                    created_at=now - timedelta(days=n % 40),
                    next_review_at=now - timedelta(days=n % 3),
                )
                s.add(r)
                points.append(
                    ExposurePoint(
                        risk_id=r.id,
                        project_key=KEY,
                        at=r.created_at,
                        is_open=True,
                        score=p * i,
                        residual_score=p * i,
                        emv=0.0,
                    )
                )
            await s.flush()
            s.add_all(points)
    await risk.dispose()
    rel = Database(urls["release"])
    async with rel.session() as s, s.begin():
        for n in range(releases):
            s.add(
                Release(
                    project_key=KEY,
                    semver=f"1.{n}.0",
                    created_by="bench",
                    status=random.choice(["draft", "approved", "released", "deploying"]),
                    scope=[f"{KEY}-{k}" for k in range(1 + n * 5, 6 + n * 5)],
                )
            )
    await rel.dispose()
    return time.perf_counter() - started


async def load(url: str, headers: dict[str, str], concurrency: int, seconds: float) -> dict[str, float]:
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal errors
        while time.perf_counter() < deadline:
            t = time.perf_counter()
            r = await client.get(url, headers=headers)
            latencies.append(time.perf_counter() - t)
            errors += r.status_code != 200

    async with httpx.AsyncClient(timeout=60) as client:
        await asyncio.gather(*[worker(client) for _ in range(concurrency)])
    latencies.sort()
    return {
        "requests": len(latencies),
        "rps": len(latencies) / seconds,
        "errors": errors,
        "p50_ms": statistics.median(latencies) * 1000,
        "p99_ms": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000,
    }


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def run(backend: str, items: int, risks: int, releases: int, concurrency: int, seconds: float) -> None:
    common = CommonSettings()
    admin = {"Authorization": f"Bearer {issue_token(common, sub='bench', roles={'*': 'admin'})}"}
    pg = PostgresServer().start() if backend == "postgresql" else None
    tag = random.randrange(1 << 30)

    def db(name: str) -> str:
        if pg is not None:
            return pg.create_database(f"bench_reports_{name}_{tag}")
        return f"sqlite+aiosqlite:///{Path(tempfile.mkdtemp(prefix='bench-reports-')) / f'{name}.db'}"

    procs = {
        name: ServiceProcess(name=name, database_url=db(name), env=dict(QUIET))
        for name in ("requirements", "risk", "release")
    }
    wiring = {f"TPM_{n.upper()}_URL": p.url for n, p in procs.items()}
    for p in procs.values():
        p.env.update(wiring)
    try:
        for p in procs.values():
            p.start()
        req = procs["requirements"].url
        async with httpx.AsyncClient() as client:
            r = await client.post(f"{req}/v1/projects", json={"key": KEY, "name": "Benchmark"}, headers=admin)
        assert r.status_code == 201, r.text
        took = await seed({n: p.database_url for n, p in procs.items()}, items, risks, releases)
        print(
            f"# {backend}: {items} items, {risks} risks, {releases} releases (seeded in {took:.0f}s); "
            f"concurrency {concurrency}, {seconds:.0f}s per mode"
        )
        base = f"{req}/v1/projects/{KEY}/reports?period=week"
        async with httpx.AsyncClient() as client:
            first = (await client.get(base, headers=admin, timeout=60)).json()
        assert first["risks"]["available"] and first["releases"]["available"], first
        modes = (("report", base), ("markdown", base + "&format=markdown"), ("html", base + "&format=html"))
        for mode, url in modes:
            s = await load(url, admin, concurrency, seconds)
            print(
                f"{mode:9s} {s['requests']:6d} req  {s['rps']:7.1f}/s  p50 {s['p50_ms']:7.1f} ms  "
                f"p99 {s['p99_ms']:7.1f} ms  errors {s['errors']}"
            )
        pid = procs["requirements"].proc.pid
        before_peak, before = peak_rss_mb(pid), rss_mb(pid)
        started, size = time.perf_counter(), 0
        async with httpx.AsyncClient(timeout=600) as client:
            async with client.stream("GET", f"{req}/v1/projects/{KEY}/archive", headers=admin) as resp:
                assert resp.status_code == 200
                async for chunk in resp.aiter_raw():
                    size += len(chunk)
        elapsed = time.perf_counter() - started
        print(
            f"archive   {size / 1e6:7.1f} MB in {elapsed:5.1f}s = {size / 1e6 / elapsed:6.2f} MB/s; "
            f"requirements-svc RSS {before:.0f} MB before, peak {peak_rss_mb(pid):.0f} MB "
            f"(peak before the archive {before_peak:.0f} MB)"
        )
    finally:
        for p in procs.values():
            p.stop()
        if pg is not None:
            pg.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=["sqlite", "postgresql"], default="postgresql")
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--risks", type=int, default=10_000)
    parser.add_argument("--releases", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20)
    args = parser.parse_args()
    asyncio.run(run(args.backend, args.items, args.risks, args.releases, args.concurrency, args.seconds))


if __name__ == "__main__":
    main()
