"""CPU per request of requirements-svc's three hot reads, in-process (no sockets, no client), so the figures
do not move with the machine's load: the list (a page of 50 in rank order, with acceptance summaries and
roll-ups), the get and the 200-key look-up with a service token.

For each read: the handler's work on the ordinary path (the ORM/Core read, `read_models.publish` or
`lookups.service.lookup_items`, and the documented model's validation and JSON, as FastAPI did it), the same
on the fast path (`items/fast_reads.py`, `lookups/fast.py`), and the whole request through the ASGI app
(routing, middlewares, token, session, the fast handler). `/healthz` is the fixed cost's reference.

    .venv/bin/python bench/items_cpu.py --backend postgresql --requests 2000
    .venv/bin/python bench/items_cpu.py --backend postgresql --profile get    # cProfile of the get request
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import pstats
import time
from collections.abc import Awaitable, Callable
from typing import Any

import orjson
from requirements_svc.items import fast_reads, service
from requirements_svc.items.read_models import publish
from requirements_svc.items.schemas import ItemPublic
from requirements_svc.lookups import fast as fast_lookup
from requirements_svc.lookups import service as lookup_service
from requirements_svc.main import SPEC, create_app
from requirements_svc.settings import Settings
from tpmhub_shared.auth import Principal, issue_token
from tpmhub_shared.contracts import ItemLookupRequest, ItemLookupResponse
from tpmhub_shared.fast_reads import documented_bytes
from tpmhub_shared.pagination import Page
from tpmhub_shared.settings import CommonSettings
from tpmhub_shared.testing.plugin import LifespanClient, migrated_database
from tpmhub_shared.testing.postgres import PostgresServer

ITEMS = 400


async def call(app: Any, method: str, path: str, query: bytes, headers: list, body: bytes = b"") -> int:
    """One request straight into the ASGI app; returns the status."""
    status = 0
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query,
        "root_path": "",
        "headers": headers,
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app(scope, receive, send)
    return status


async def cpu_per_call(work: Callable[[], Awaitable[Any]], n: int) -> float:
    for _ in range(min(100, n)):
        await work()
    cpu = time.process_time()
    for _ in range(n):
        await work()
    return (time.process_time() - cpu) / n * 1e6


async def seed(client: Any, admin: dict[str, str]) -> None:
    r = await client.post("/v1/projects", json={"key": "BENCH", "name": "Bench"}, headers=admin)
    assert r.status_code == 201, r.text
    rows = []
    for i in range(ITEMS):
        # A feature every ten items, the nine after it its stories (batches of 200 keep the groups whole).
        kind = "story" if i % 10 else "feature"
        row: dict[str, Any] = {"type": kind, "title": f"Item {i} ü", "points": i % 8, "labels": ["checkout"]}
        if i % 10:
            row["parent"] = f"#{(i - i % 10) % 200}"
        if i % 3 == 0:
            row["criteria"] = ["Given a card, when I pay, then it works", "Refunds work"]
        rows.append(row)
    for start in range(0, ITEMS, 200):
        batch = {"items": rows[start : start + 200]}
        r = await client.post("/v1/projects/BENCH/items/batch", json=batch, headers=admin)
        assert r.status_code == 201, r.text[:500]


async def main_async(args: argparse.Namespace) -> None:
    os.environ.setdefault("TPM_LOG_LEVEL", "WARNING")
    os.environ.setdefault("TPM_LOG_FORMAT", "json")
    common = CommonSettings(env="test")
    pg = PostgresServer().start() if args.backend == "postgresql" else None
    try:
        settings = await migrated_database(SPEC, Settings, args.backend, pg, common)
        app = create_app(settings)
        admin_token = issue_token(common, sub="bench", roles={"*": "admin"})
        service_token = issue_token(
            common, sub="service:release-svc", roles={"*": "viewer"}, service="release-svc"
        )
        async with LifespanClient(app) as client:
            await seed(client, {"Authorization": f"Bearer {admin_token}"})
            await run(app, args, admin_token, service_token)
    finally:
        if pg is not None:
            pg.stop()


async def run(app: Any, args: argparse.Namespace, admin_token: str, service_token: str) -> None:
    db = app.state.db
    reader = Principal(sub="bench", roles={"*": "admin"})
    release = Principal(sub="service:release-svc", roles={"*": "viewer"}, service="release-svc")
    keys = [f"BENCH-{n}" for n in range(1, 201)]
    lookup = ItemLookupRequest(keys=keys, found_in="1.0")
    page = {"project_key": "BENCH", "filters": {}, "q": None, "sort": None, "limit": 50, "cursor": None}
    admin = [(b"authorization", f"Bearer {admin_token}".encode())]
    as_service = [
        (b"authorization", f"Bearer {service_token}".encode()),
        (b"content-type", b"application/json"),
    ]
    lookup_body = orjson.dumps({"keys": keys, "found_in": "1.0"})

    async def get_ordinary() -> bytes:
        async with db.session(write=False) as s:
            row = await service.read_item(s, principal=reader, key="BENCH-11")
            return documented_bytes(ItemPublic, (await publish(s, [row]))[0])

    async def get_fast() -> bytes:
        async with db.session(write=False) as s:
            return (await fast_reads.item_bytes(s, principal=reader, key="BENCH-11"))[0]

    async def list_ordinary() -> bytes:
        async with db.session(write=False) as s:
            rows, cursor = await service.list_items(s, principal=reader, **page)
            return documented_bytes(
                Page[ItemPublic], {"items": await publish(s, rows), "next_cursor": cursor}
            )

    async def list_fast() -> bytes:
        async with db.session(write=False) as s:
            return await fast_reads.page_bytes(s, principal=reader, **page)

    async def lookup_ordinary() -> bytes:
        async with db.session(write=False) as s:
            answer = await lookup_service.lookup_items(s, principal=release, body=lookup)
            return documented_bytes(ItemLookupResponse, answer)

    async def lookup_fast() -> bytes:
        async with db.session(write=False) as s:
            return await fast_lookup.lookup_bytes(s, principal=release, body=lookup)

    requests = {
        "healthz": lambda: call(app, "GET", "/healthz", b"", []),
        "get": lambda: call(app, "GET", "/v1/items/BENCH-11", b"", admin),
        "list": lambda: call(app, "GET", "/v1/projects/BENCH/items", b"limit=50", admin),
        "lookup": lambda: call(app, "POST", "/v1/items/lookup", b"", as_service, lookup_body),
    }
    for name, request in requests.items():
        assert await request() == 200, name
    assert await get_fast() == await get_ordinary()
    assert await list_fast() == await list_ordinary()
    assert await lookup_fast() == await lookup_ordinary()
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        await cpu_per_call(requests[args.profile], args.requests)
        profiler.disable()
        pstats.Stats(profiler).sort_stats(args.sort).print_stats(40)
        return
    n = args.requests
    print(f"backend {args.backend}; CPU µs per call of this process ({n:,} calls each)")
    print(f"{'read':<8} {'ordinary handler':>17} {'fast handler':>13} {'whole request (fast)':>21}")
    print(f"{'healthz':<8} {'':>17} {'':>13} {await cpu_per_call(requests['healthz'], n):>21.0f}")
    for name, ordinary, fast in (
        ("get", get_ordinary, get_fast),
        ("list", list_ordinary, list_fast),
        ("lookup", lookup_ordinary, lookup_fast),
    ):
        slow_us = await cpu_per_call(ordinary, n)
        fast_us = await cpu_per_call(fast, n)
        whole = await cpu_per_call(requests[name], n)
        print(f"{name:<8} {slow_us:>17.0f} {fast_us:>13.0f} {whole:>21.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=["postgresql", "sqlite"], default="postgresql")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--profile", choices=["healthz", "get", "list", "lookup"], default=None)
    parser.add_argument("--sort", default="cumulative", help="the profile's order: cumulative, tottime")
    asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    main()
