"""The floor: a minimal Starlette + asyncpg app that runs the same SQL as requirements-svc for the two read
scenarios of `make bench` and returns the same JSON, so the service's figures can be read as a ratio to it.

- `GET /v1/projects/{key}/items?status=..&limit=50` (rank order): the project probe, the keyset page
  (`ORDER BY rank, id LIMIT limit + 1`), the acceptance GROUP BY, the recursive roll-up and the children by
  status — the five statements requirements-svc issues for a page.
- `GET /v1/items/{key}`: the item by key, then the same three per-item queries.

No authentication, no ORM, no validation beyond what the queries need; one asyncpg pool of the service's
size (20, the service default).

    .venv/bin/python bench/floor.py --database-url postgresql://user@127.0.0.1:5432/db --port 8100
"""

from __future__ import annotations

import argparse
import base64
import uuid
from contextlib import asynccontextmanager
from decimal import Decimal
from typing import Any

import asyncpg
import orjson
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

COLUMNS = (
    "id, key, project_key, type, title, description, status, priority, labels, assignee, points, parent_key, "
    "iteration_id, milestone_id, prd_section_id, rank, reach, impact, confidence, effort, rice_score, "
    "business_value, time_criticality, risk_reduction, job_size, wsjf_score, moscow, severity, found_in, "
    'fixed_in, released_in, "references", created_by, done_at, version, created_at, updated_at'
)
PAGE_SQL = (
    f"SELECT {COLUMNS} FROM items WHERE project_key = $1 AND status = ANY($2::varchar[]) "
    "ORDER BY rank ASC, id ASC LIMIT $3"
)
GET_SQL = f"SELECT {COLUMNS} FROM items WHERE key = $1"
PROJECT_SQL = "SELECT id FROM projects WHERE key = $1"
ACCEPTANCE_SQL = (
    "SELECT item_id, status, count(*) FROM acceptance_criteria WHERE item_id = ANY($1::uuid[]) "
    "GROUP BY item_id, status"
)
ROLLUP_SQL = """
WITH RECURSIVE tree(root, node) AS (
    SELECT items.id AS root, items.id AS node FROM items WHERE items.id = ANY($1::uuid[])
    UNION ALL
    SELECT tree.root, items_1.id FROM tree, items AS items_1 WHERE items_1.parent_id = tree.node
)
SELECT tree.root, count(*),
    coalesce(sum(CASE WHEN (items.status != 'wont_do') THEN items.points ELSE 0 END), 0),
    coalesce(sum(CASE WHEN (items.status = 'done') THEN items.points ELSE 0 END), 0)
FROM tree JOIN items ON items.id = tree.node WHERE tree.node != tree.root GROUP BY tree.root
"""
CHILDREN_SQL = (
    "SELECT parent_id, status, count(*) FROM items WHERE parent_id = ANY($1::uuid[]) "
    "GROUP BY parent_id, status"
)
# The service's field order (ItemPublic), so that both answers are the same bytes.
FIELDS = (
    "id",
    "key",
    "project_key",
    "type",
    "title",
    "description",
    "status",
    "priority",
    "labels",
    "assignee",
    "points",
    "parent",
    "iteration_id",
    "milestone_id",
    "prd_section_id",
    "rank",
    "reach",
    "impact",
    "confidence",
    "effort",
    "rice_score",
    "business_value",
    "time_criticality",
    "risk_reduction",
    "job_size",
    "wsjf_score",
    "moscow",
    "severity",
    "found_in",
    "fixed_in",
    "released_in",
    "references",
    "acceptance",
    "rollup",
    "created_by",
    "done_at",
    "version",
    "created_at",
    "updated_at",
)
RICE = ("reach", "impact", "confidence", "effort")
WSJF = ("business_value", "time_criticality", "risk_reduction", "job_size")


def _json(value: Any) -> Any:
    return orjson.loads(value) if isinstance(value, str) else value


async def publish(conn: asyncpg.Connection, rows: list[asyncpg.Record]) -> list[dict[str, Any]]:
    ids = [r["id"] for r in rows]
    out: list[dict[str, Any]] = []
    acceptance: dict[uuid.UUID, dict[str, int]] = {
        i: {"total": 0, "passed": 0, "failed": 0, "pending": 0} for i in ids
    }
    rollup: dict[uuid.UUID, dict[str, Any]] = {
        i: {"points_total": 0.0, "points_done": 0.0, "descendants": 0, "children_by_status": {}} for i in ids
    }
    if ids:
        for item_id, status, count in await conn.fetch(ACCEPTANCE_SQL, ids):
            acceptance[item_id][status] = count
            acceptance[item_id]["total"] += count
        for root, count, total, done in await conn.fetch(ROLLUP_SQL, ids):
            rollup[root].update(
                descendants=count, points_total=float(total or 0), points_done=float(done or 0)
            )
        for parent_id, status, count in await conn.fetch(CHILDREN_SQL, ids):
            rollup[parent_id]["children_by_status"][status] = count
    for r in rows:
        item = dict(r)
        item["parent"] = item.pop("parent_key")
        for name in ("labels", "released_in", "references"):
            item[name] = _json(item[name])
        if any(item[f] is None for f in RICE):
            item["rice_score"] = None
        if any(item[f] is None for f in WSJF):
            item["wsjf_score"] = None
        item["acceptance"] = acceptance[r["id"]]
        item["rollup"] = rollup[r["id"]]
        out.append({name: item[name] for name in FIELDS})
    return out


def cursor(last: dict[str, Any]) -> str:
    raw = orjson.dumps({"s": "rank", "v": [last["rank"], {"u": str(last["id"])}]})
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _default(value: Any) -> Any:
    """asyncpg's UUID is its own class (orjson serializes only uuid.UUID); numerics arrive as Decimal."""
    if isinstance(value, Decimal):
        return float(value)
    return str(value)


def dumps(body: Any) -> bytes:
    return orjson.dumps(body, default=_default, option=orjson.OPT_UTC_Z)


def respond(body: Any, status: int = 200) -> Response:
    return Response(dumps(body), status, media_type="application/json")


async def list_items(request: Request) -> Response:
    key = request.path_params["key"]
    statuses = request.query_params.getlist("status")
    limit = int(request.query_params.get("limit", 50))
    async with request.app.state.pool.acquire() as conn, conn.transaction():
        if await conn.fetchval(PROJECT_SQL, key) is None:
            return respond({"title": "Not Found", "status": 404}, 404)
        rows = await conn.fetch(PAGE_SQL, key, statuses, limit + 1)
        more = len(rows) > limit
        items = await publish(conn, rows[:limit])
    return respond({"items": items, "next_cursor": cursor(items[-1]) if more else None})


async def get_item(request: Request) -> Response:
    async with request.app.state.pool.acquire() as conn, conn.transaction():
        row = await conn.fetchrow(GET_SQL, request.path_params["key"])
        if row is None:
            return respond({"title": "Not Found", "status": 404}, 404)
        (item,) = await publish(conn, [row])
    return Response(
        dumps(item),
        media_type="application/json",
        headers={"ETag": f'"{item["version"]}"'},
    )


async def readyz(request: Request) -> Response:
    return respond({"status": "ok"})


def build(dsn: str) -> Starlette:
    @asynccontextmanager
    async def lifespan(app: Starlette):  # noqa: ANN202
        app.state.pool = await asyncpg.create_pool(
            dsn, min_size=1, max_size=20, server_settings={"application_name": "bench-floor"}
        )
        yield
        await app.state.pool.close()

    return Starlette(
        routes=[
            Route("/v1/projects/{key}/items", list_items),
            Route("/v1/items/{key}", get_item),
            Route("/readyz", readyz),
        ],
        lifespan=lifespan,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url", required=True, help="postgresql:// (an SQLAlchemy +asyncpg URL works)"
    )
    parser.add_argument("--port", type=int, default=8100)
    args = parser.parse_args()
    dsn = args.database_url.replace("postgresql+asyncpg://", "postgresql://")
    uvicorn.run(build(dsn), host="127.0.0.1", port=args.port, log_level="warning", access_log=False)


if __name__ == "__main__":
    main()
