"""Backlog benchmark: throughput and latency of a filtered, rank-sorted page of 50, a get by key, a move and
a create, at a given concurrency, with a small and a large backlog in one project.

For each backlog size it starts requirements-svc as a real uvicorn process on a fresh database (a throwaway
PostgreSQL by default, or a SQLite file), seeds that many items of one project straight into the tables
(ranks in order, random status/type/priority, ~5% carrying the label used by the filter), then drives each
endpoint with `--concurrency` async httpx clients for `--seconds`, and finally counts the rows a move
writes (item versions changed, history rows added) to show it is O(1) at any size.

    .venv/bin/python bench/items.py --backend postgresql --rows 1000,1000000 --concurrency 32 --seconds 15
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx
import requirements_svc.models  # noqa: F401 - registers every table
from requirements_svc.items.models import Item
from requirements_svc.projects.models import Project
from requirements_svc.ranking import keys as ranking
from sqlalchemy import insert, text
from sqlalchemy.ext.asyncio import create_async_engine
from tpmhub_shared.auth import issue_token
from tpmhub_shared.ids import new_id
from tpmhub_shared.settings import CommonSettings
from tpmhub_shared.testing.postgres import PostgresServer
from tpmhub_shared.testing.processes import ServiceProcess

PROJECT = "BENCH"
SEED_CHUNK = 5_000
STATUSES = ["backlog", "backlog", "ready", "ready", "in_progress", "in_review", "done", "done", "wont_do"]
TYPES = ["story", "story", "story", "task", "task", "bug", "spike"]


async def seed(url: str, rows: int) -> float:
    """Insert the project and `rows` items (no parents, no criteria); returns seconds."""
    started = time.perf_counter()
    rng = random.Random(42)
    engine = create_async_engine(url)
    now = datetime.now(UTC)
    ranks = ranking.evenly_spaced(rows)
    try:
        async with engine.begin() as conn:
            await conn.execute(
                insert(Project.__table__),
                [
                    {
                        "id": new_id(),
                        "created_at": now,
                        "updated_at": now,
                        "version": 1,
                        "key": PROJECT,
                        "name": "Benchmark",
                        "background": "",
                        "goals": [],
                        "scope": "",
                        "owner": None,
                        "status": "active",
                        "item_seq": rows,
                        "settings": {},
                    }
                ],
            )
        if not url.startswith("sqlite"):
            # PostgreSQL: generate the rows server-side (a million in well under a minute).
            start = ranking._decode_head(ranking.FIRST) - rows // 2
            digits = " || ".join(
                f"substr('{ranking.ALPHABET}', ((({start} + i) / {36**k}) % 36)::int + 1, 1)"
                for k in range(ranking.HEAD_WIDTH - 1, -1, -1)
            )
            statuses = "ARRAY[" + ",".join(f"'{x}'" for x in STATUSES) + "]"
            types = "ARRAY[" + ",".join(f"'{x}'" for x in TYPES) + "]"
            async with engine.begin() as conn:
                await conn.execute(
                    text(f"""
                    INSERT INTO items (id, created_at, updated_at, version, project_key, key, number, type,
                        title, description, status, priority, labels, assignee, points, rank, rice_score,
                        wsjf_score, severity, released_in, "references", created_by)
                    SELECT gen_random_uuid(), now(), now(), 1, '{PROJECT}', '{PROJECT}-' || i, i,
                        ({types})[1 + (i * 7) % {len(TYPES)}],
                        'Item ' || i || ' of the benchmark backlog', '',
                        ({statuses})[1 + (i * 7919) % {len(STATUSES)}],
                        (ARRAY['P0','P1','P2','P2','P3'])[1 + (i * 31) % 5],
                        CASE WHEN i % 20 = 0 THEN '["checkout"]'::jsonb ELSE '["web"]'::jsonb END,
                        'user' || (i % 40), (ARRAY[1,2,3,5,8])[1 + (i * 13) % 5], {digits}, 0, 0,
                        CASE WHEN ({types})[1 + (i * 7) % {len(TYPES)}] = 'bug' THEN 'S3' END,
                        '[]'::jsonb, '[]'::jsonb, 'bench'
                    FROM generate_series(1::bigint, {rows}::bigint) AS i""")
                )
                await conn.execute(text("ANALYZE"))
            return time.perf_counter() - started
        done = 0
        while done < rows:
            n = min(SEED_CHUNK, rows - done)
            items = []
            for i in range(done, done + n):
                kind = rng.choice(TYPES)
                items.append(
                    {
                        "id": new_id(),
                        "created_at": now,
                        "updated_at": now,
                        "version": 1,
                        "project_key": PROJECT,
                        "key": f"{PROJECT}-{i + 1}",
                        "number": i + 1,
                        "type": kind,
                        "title": f"Item {i + 1} of the benchmark backlog",
                        "description": "",
                        "status": rng.choice(STATUSES),
                        "priority": rng.choice(["P0", "P1", "P2", "P2", "P3"]),
                        "labels": ["checkout"] if rng.random() < 0.05 else ["web"],
                        "assignee": f"user{i % 40}",
                        "points": float(rng.choice([1, 2, 3, 5, 8])),
                        "parent_id": None,
                        "parent_key": None,
                        "iteration_id": None,
                        "milestone_id": None,
                        "prd_section_id": None,
                        "rank": ranks[i],
                        "reach": None,
                        "impact": None,
                        "confidence": None,
                        "effort": None,
                        "rice_score": 0.0,
                        "business_value": None,
                        "time_criticality": None,
                        "risk_reduction": None,
                        "job_size": None,
                        "wsjf_score": 0.0,
                        "moscow": None,
                        "severity": "S3" if kind == "bug" else None,
                        "found_in": None,
                        "fixed_in": None,
                        "released_in": [],
                        "references": [],
                        "created_by": "bench",
                        "done_at": None,
                    }
                )
            async with engine.begin() as conn:
                await conn.execute(insert(Item.__table__), items)
            done += n
        if not url.startswith("sqlite"):
            async with engine.begin() as conn:
                await conn.execute(text("ANALYZE"))
    finally:
        await engine.dispose()
    return time.perf_counter() - started


async def load(
    base: str,
    headers: dict[str, str],
    concurrency: int,
    seconds: float,
    make_request,
    ok: tuple[int, ...] = (200,),
) -> dict:
    latencies: list[float] = []
    errors = 0
    codes: dict[int, int] = {}
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=60, limits=limits) as client:
        for _ in range(3):  # warm up
            r = await make_request(client)
            assert r.status_code in ok, r.text
        deadline = time.perf_counter() + seconds

        async def worker() -> None:
            nonlocal errors
            while time.perf_counter() < deadline:
                t = time.perf_counter()
                r = await make_request(client)
                latencies.append(time.perf_counter() - t)
                if r.status_code not in ok:
                    errors += 1
                    codes[r.status_code] = codes.get(r.status_code, 0) + 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": len(latencies),
        "errors": errors,
        "codes": codes,
        "rps": len(latencies) / elapsed,
        "p50_ms": statistics.median(latencies) * 1000,
        "p99_ms": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000,
    }


async def rows_written_by_one_move(
    url: str, base: str, headers: dict[str, str], rows: int
) -> tuple[int, int]:
    """(item rows whose version changed, history rows added) for one move in the middle of the backlog."""
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            before_sum = (await conn.execute(text("SELECT sum(version) FROM items"))).scalar_one()
            before_hist = (await conn.execute(text("SELECT count(*) FROM history"))).scalar_one()
        async with httpx.AsyncClient(base_url=base, headers=headers, timeout=60) as client:
            r = await client.post(
                f"/v1/items/{PROJECT}-{rows}/move", json={"after": f"{PROJECT}-{rows // 2}"}
            )
            r.raise_for_status()
        async with engine.connect() as conn:
            after_sum = (await conn.execute(text("SELECT sum(version) FROM items"))).scalar_one()
            after_hist = (await conn.execute(text("SELECT count(*) FROM history"))).scalar_one()
    finally:
        await engine.dispose()
    return int(after_sum - before_sum), int(after_hist - before_hist)


async def page_query_ms(url: str, repeats: int = 20) -> float | None:
    """Median database execution time (EXPLAIN ANALYZE) of the list query behind the page of 50:
    the server-side cost without HTTP and without the load on the machine's CPUs."""
    if url.startswith("sqlite"):
        return None
    engine = create_async_engine(url)
    sql = (
        "EXPLAIN (ANALYZE, FORMAT JSON) SELECT * FROM items WHERE project_key = 'BENCH' "
        "AND status IN ('ready') ORDER BY rank, id LIMIT 51"
    )
    times = []
    try:
        async with engine.connect() as conn:
            for _ in range(repeats):
                plan = (await conn.execute(text(sql))).scalar_one()
                plan = plan if isinstance(plan, list) else json.loads(plan)
                times.append(plan[0]["Execution Time"])
    finally:
        await engine.dispose()
    return statistics.median(times)


def cpu_seconds(pid: int) -> float:
    """utime + stime of a process (the figure that does not move with the machine's load)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def run(
    backend: str, rows_list: list[int], concurrencies: list[int], seconds: float, modes: set[str]
) -> None:
    common = CommonSettings(env="test")
    token = issue_token(common, sub="bench", roles={"*": "admin"})
    headers = {"Authorization": f"Bearer {token}"}
    pg = PostgresServer().start() if backend == "postgresql" else None
    print(f"backend={backend} concurrency={concurrencies} seconds={seconds}")
    print(
        f"{'rows':>9} {'mode':<8} {'clients':>7} {'requests':>8} {'errors':>6} {'req/s':>9} {'p50 ms':>8} "
        f"{'p99 ms':>8} {'cpu ms/req':>10}"
    )
    try:
        for rows in rows_list:
            if pg is not None:
                db_url = pg.create_database(f"bench_items_{rows}_{random.randrange(1 << 30)}")
            else:
                db_url = f"sqlite+aiosqlite:///{Path(tempfile.mkdtemp(prefix='bench-items-')) / 'req.db'}"
            env = {"TPM_LOG_LEVEL": "WARNING", "REQUIREMENTS_BACKGROUND_ENABLED": "false"}
            proc = ServiceProcess(name="requirements", database_url=db_url, env=env).start()
            try:
                seeded = await seed(db_url, rows)
                print(f"# seeded {rows} items in {seeded:.1f}s", flush=True)
                rng, size = random.Random(7), rows

                async def page(client: httpx.AsyncClient) -> httpx.Response:
                    return await client.get(
                        f"/v1/projects/{PROJECT}/items",
                        params={"status": "ready", "sort": "rank", "limit": 50},
                    )

                async def get(client: httpx.AsyncClient, rng=rng, size=size) -> httpx.Response:
                    return await client.get(f"/v1/items/{PROJECT}-{rng.randint(1, size)}")

                async def move(client: httpx.AsyncClient, rng=rng, size=size) -> httpx.Response:
                    a, b = rng.sample(range(1, size + 1), 2)
                    return await client.post(
                        f"/v1/items/{PROJECT}-{a}/move", json={"before": f"{PROJECT}-{b}"}
                    )

                async def create(client: httpx.AsyncClient) -> httpx.Response:
                    return await client.post(
                        f"/v1/projects/{PROJECT}/items",
                        json={"type": "task", "title": "Benchmark create", "points": 2},
                    )

                for mode, fn, ok in (
                    ("page50", page, (200,)),
                    ("get", get, (200,)),
                    ("move", move, (200,)),
                    ("create", create, (201,)),
                ):
                    if mode not in modes:
                        continue
                    for concurrency in concurrencies:
                        assert proc.proc is not None
                        cpu = cpu_seconds(proc.proc.pid)
                        s = await load(proc.url, headers, concurrency, seconds, fn, ok)
                        cpu_ms = (cpu_seconds(proc.proc.pid) - cpu) * 1000 / max(1, s["requests"])
                        print(
                            f"{rows:>9} {mode:<8} {concurrency:>7} {s['requests']:>8} {s['errors']:>6} "
                            f"{s['rps']:>9.1f} {s['p50_ms']:>8.1f} {s['p99_ms']:>8.1f} {cpu_ms:>10.2f}"
                            + (f"  failures by status {s['codes']}" if s["codes"] else "")
                            + f"  (load {os.getloadavg()[0]:.2f})",
                            flush=True,
                        )
                db_ms = await page_query_ms(db_url)
                if db_ms is not None:
                    print(
                        f"# page query at {rows} items: {db_ms:.3f} ms database time (median of 20)",
                        flush=True,
                    )
                changed, history_rows = await rows_written_by_one_move(db_url, proc.url, headers, rows)
                print(
                    f"# one move at {rows} items: {changed} item row(s) and {history_rows} history row(s) "
                    "written",
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
    parser.add_argument("--rows", default="1000,1000000", help="Comma-separated backlog sizes.")
    parser.add_argument("--concurrency", default="32", help="Comma-separated client counts, e.g. 32,128.")
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument(
        "--modes", default="page50,get,move,create", help="Comma-separated: page50, get, move, create."
    )
    args = parser.parse_args()
    asyncio.run(
        run(
            args.backend,
            [int(x) for x in args.rows.split(",")],
            [int(x) for x in args.concurrency.split(",")],
            args.seconds,
            set(args.modes.split(",")),
        )
    )


if __name__ == "__main__":
    main()
