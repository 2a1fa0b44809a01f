"""Bulk seeding for `make bench`, straight into the service tables after the migrations, with progress.

- items: one project `BENCH` and N items generated server-side (`INSERT … SELECT … generate_series`) in
  chunks, the same rows as `bench/items.py` (ranks in order, deterministic spread of status/type/priority,
  5% labelled `checkout`); one progress step per chunk.
- risks: `bench/risks.py`'s seeder (risks with one item link each, 20 linked to the gate release), which
  also rebuilds the heatmap counters (`heat.rebuild`) after the direct inserts.
- releases: N draft releases of `BENCH` copied server-side from a release the service created over HTTP
  (so every column carries a value the service wrote), in chunks.

Every step ends with ANALYZE.
"""

from __future__ import annotations

import sys
import time
import uuid
from pathlib import Path

import asyncpg
from requirements_svc.ranking import keys as ranking
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

sys.path.insert(0, str(Path(__file__).parent))
import risks as risks_bench  # noqa: E402 - the register seeder of bench/risks.py

PROJECT = "BENCH"
STATUSES = ["backlog", "backlog", "ready", "ready", "in_progress", "in_review", "done", "done", "wont_do"]
TYPES = ["story", "story", "story", "task", "task", "bug", "spike"]


def dsn(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://")


def progress() -> Progress:
    return Progress(
        TextColumn("{task.description:<10}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
    )


async def items(url: str, rows: int, bar: Progress, chunk: int = 50_000) -> float:
    started = time.perf_counter()
    task = bar.add_task("items", total=rows, rate="")
    conn = await asyncpg.connect(dsn(url))
    try:
        await conn.execute(
            """INSERT INTO projects (id, created_at, updated_at, version, key, name, background, goals, scope,
                   owner, status, item_seq, settings)
               VALUES (gen_random_uuid(), now(), now(), 1, $1, 'Benchmark', '', '[]', '', NULL, 'active', $2,
                   '{}')""",
            PROJECT,
            rows,
        )
        start = ranking._decode_head(ranking.FIRST) - rows // 2
        digits = " || ".join(
            f"substr('{ranking.ALPHABET}', ((({start} + i) / {36**k}) % 36)::int + 1, 1)"
            for k in range(ranking.HEAD_WIDTH - 1, -1, -1)
        )
        statuses = "ARRAY[" + ",".join(f"'{x}'" for x in STATUSES) + "]"
        types = "ARRAY[" + ",".join(f"'{x}'" for x in TYPES) + "]"
        sql = f"""
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
            FROM generate_series($1::bigint, $2::bigint) AS i"""
        done = 0
        while done < rows:
            n = min(chunk, rows - done)
            await conn.execute(sql, done + 1, done + n)
            done += n
            bar.update(task, advance=n, rate=f"{done / (time.perf_counter() - started):,.0f} rows/s")
        await conn.execute("ANALYZE items; ANALYZE projects")
    finally:
        await conn.close()
    return time.perf_counter() - started


async def risks(url: str, rows: int, release_id: uuid.UUID, bar: Progress) -> float:
    task = bar.add_task("risks", total=rows, rate="(one batch per 5,000, then heat.rebuild)")
    seconds = await risks_bench.seed(url, rows, release_id)
    bar.update(task, completed=rows, rate=f"{rows / seconds:,.0f} rows/s")
    return seconds


async def releases(url: str, rows: int, template_id: uuid.UUID, bar: Progress, chunk: int = 2_000) -> float:
    started = time.perf_counter()
    task = bar.add_task("releases", total=rows, rate="")
    conn = await asyncpg.connect(dsn(url))
    try:
        columns = [
            r["column_name"]
            for r in await conn.fetch(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'releases' "
                "ORDER BY ordinal_position"
            )
        ]
        replaced = {
            "id": "gen_random_uuid()",
            "semver": "'9.' || i || '.0'",
            "name": "'Seeded ' || i",
            "status": "'draft'",
            "scope": "'[]'",
        }
        select = ", ".join(replaced.get(c, f"r.{c}") for c in columns)
        names = ", ".join(f'"{c}"' for c in columns)
        sql = (
            f"INSERT INTO releases ({names}) SELECT {select} FROM releases AS r, "
            "generate_series($2::bigint, $3::bigint) AS i WHERE r.id = $1"
        )
        done = 0
        while done < rows:
            n = min(chunk, rows - done)
            await conn.execute(sql, template_id, done + 1, done + n)
            done += n
            bar.update(task, advance=n, rate=f"{done / (time.perf_counter() - started):,.0f} rows/s")
        await conn.execute("ANALYZE releases")
    finally:
        await conn.close()
    return time.perf_counter() - started
