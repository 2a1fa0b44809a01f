"""The fixed cost every request pays, measured in-process: CPU time per request of release-svc's ASGI app
called directly (no sockets, no client), so what is left is routing, the middlewares, token verification,
the handler and the encoding. Two requests: `GET /healthz` (no token, no query) and an authenticated
`GET /v1/rollouts/{id}/decide?unit=…` (one token, served from the decision snapshot: no query once warm).

    .venv/bin/python bench/fixed_cost.py --requests 20000
    .venv/bin/python bench/fixed_cost.py --profile decide      # cProfile of the decide loop, top 25

Targets (issue 14): `/healthz` ≤ 0.15 ms CPU per request; an authenticated one-query GET ≤ 0.5 ms plus its
query.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import pstats
import time
from typing import Any

from release_svc.main import SPEC, create_app
from release_svc.settings import Settings
from tpmhub_shared.auth import issue_token
from tpmhub_shared.settings import CommonSettings
from tpmhub_shared.testing.plugin import LifespanClient, learn_projects, migrated_database


async def call(app: Any, path: str, query: bytes, headers: list[tuple[bytes, bytes]]) -> int:
    """One request straight into the ASGI app; returns the status."""
    status = 0
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
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
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app(scope, receive, send)
    return status


async def measure(app: Any, path: str, query: bytes, headers: list[tuple[bytes, bytes]], n: int) -> float:
    for _ in range(200):  # warm-up: caches, the snapshot, the token cache
        assert await call(app, path, query, headers) == 200
    cpu = time.process_time()
    for _ in range(n):
        await call(app, path, query, headers)
    return (time.process_time() - cpu) / n * 1e6


async def main_async(args: argparse.Namespace) -> None:
    # As the bench runs the services: access log off (WARNING), JSON lines.
    os.environ.setdefault("TPM_LOG_LEVEL", "WARNING")
    os.environ.setdefault("TPM_LOG_FORMAT", "json")
    common = CommonSettings(env="test")
    settings = await migrated_database(SPEC, Settings, "sqlite", None, common)
    app = create_app(settings)
    admin = issue_token(common, sub="bench", roles={"*": "admin"})
    service = issue_token(
        common, sub="service:requirements-svc", roles={"*": "viewer"}, service="requirements-svc"
    )
    async with LifespanClient(app) as client:
        auth = {"Authorization": f"Bearer {admin}"}
        await learn_projects(client, {"Authorization": f"Bearer {service}"}, "BENCH")
        r = await client.post("/v1/projects/BENCH/releases", json={"version": "1.0.0"}, headers=auth)
        assert r.status_code == 201, r.text
        r = await client.post(
            f"/v1/releases/{r.json()['id']}/rollouts",
            json={"group_id": "bench", "stages": [{"percent": 50, "operator": "bench"}]},
            headers=auth,
        )
        assert r.status_code == 201, r.text
        rollout = r.json()["id"]
        token = [(b"authorization", f"Bearer {admin}".encode())]
        cases = {
            "healthz": ("/healthz", b"", []),
            "decide": (f"/v1/rollouts/{rollout}/decide", b"unit=user-42", token),
        }
        if args.profile:
            path, query, headers = cases[args.profile]
            profiler = cProfile.Profile()
            profiler.enable()
            await measure(app, path, query, headers, args.requests)
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
            return
        for name, (path, query, headers) in cases.items():
            micros = await measure(app, path, query, headers, args.requests)
            print(f"{name:<8} {micros:8.1f} µs CPU per request ({args.requests:,} requests)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--profile", choices=["healthz", "decide"], default=None)
    asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    main()
