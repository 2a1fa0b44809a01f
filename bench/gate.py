"""Release gate benchmark: throughput and p50/p99 of `GET /v1/releases/{id}/gate` at a given concurrency,
against each sibling call measured alone in the same run, with healthy siblings, a hung sibling (bounded by
the timeout) and a sibling that is down, for a small and a large release scope.

It starts requirements-svc, risk-svc and release-svc as real uvicorn processes on a throwaway PostgreSQL (or
SQLite files), seeds one project through the APIs (backlog items in batches of 500, a risk register, an
approved release whose scope is the first `scope` items), then for each scope size drives, with
`--concurrency` async httpx clients for `--seconds` each:

- `lookup`   requirements-svc `POST /v1/items/lookup` for the scope, alone (service token);
- `riskq`    risk-svc `POST /v1/risks/gate-query` for the release and scope, alone (service token);
- `gate`     the gate with both siblings healthy (they run concurrently inside it);
- `gate_hung` the gate on a second release-svc replica whose requirements-svc accepts and never answers;
- `gate_down` the gate on a third replica whose risk-svc is not listening.

The target: gate p99 (healthy) ≤ 1.5 × max(lookup p99, riskq p99); hung and down bounded by the timeout.

    .venv/bin/python bench/gate.py --backend postgresql --scope 20,1000 --items 2000 \
        --concurrency 32 --seconds 15
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx
from tpmhub_shared.auth import issue_token
from tpmhub_shared.settings import CommonSettings
from tpmhub_shared.testing.postgres import PostgresServer, free_port
from tpmhub_shared.testing.processes import ServiceProcess

PROJECT = "GATEB"
QUIET = {"TPM_LOG_LEVEL": "WARNING"}


async def load(
    base: str,
    headers: dict[str, str],
    concurrency: int,
    seconds: float,
    make_request: Callable[[httpx.AsyncClient], Awaitable[httpx.Response]],
) -> dict:
    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=30, limits=limits) as client:
        for _ in range(3):  # warm up
            (await make_request(client)).raise_for_status()
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


async def hung_server() -> tuple[asyncio.AbstractServer, int]:
    """Accepts connections and never answers (a protocol that ignores every byte)."""
    server = await asyncio.get_running_loop().create_server(asyncio.Protocol, "127.0.0.1", 0)
    return server, server.sockets[0].getsockname()[1]


async def seed(urls: dict[str, str], admin: dict[str, str], items: int, scope: int, version: str) -> str:
    """Project, `items` backlog items, a few risks linked to scope items, and an approved release with the
    first `scope` items. Returns the release id."""
    async with httpx.AsyncClient(headers=admin, timeout=120) as c:
        r = await c.post(f"{urls['requirements']}/v1/projects", json={"key": PROJECT, "name": "Gate bench"})
        if r.status_code not in (201, 409):
            r.raise_for_status()
        listed = (
            await c.get(f"{urls['requirements']}/v1/projects/{PROJECT}/items", params={"limit": 1})
        ).json()
        if not listed["items"]:
            for start in range(0, items, 500):
                rows = [
                    {"type": "story", "title": f"Story {n}"} for n in range(start, min(items, start + 500))
                ]
                (
                    await c.post(
                        f"{urls['requirements']}/v1/projects/{PROJECT}/items/batch", json={"items": rows}
                    )
                ).raise_for_status()
            rng = random.Random(7)
            for n in range(50):
                keys = [f"{PROJECT}-{rng.randint(1, items)}" for _ in range(5)]
                (
                    await c.post(
                        f"{urls['risk']}/v1/projects/{PROJECT}/risks",
                        json={
                            "title": f"Risk {n}",
                            "category": "technical",
                            "probability": rng.randint(1, 5),
                            "impact": rng.randint(1, 5),
                            "links": {"items": sorted(set(keys))},
                        },
                    )
                ).raise_for_status()
        r = await c.post(
            f"{urls['release']}/v1/projects/{PROJECT}/releases",
            json={
                "version": version,
                "scope": [f"{PROJECT}-{n}" for n in range(1, scope + 1)],
                "approvers": ["bench"],
            },
        )
        r.raise_for_status()
        rid = r.json()["id"]
        (await c.post(f"{urls['release']}/v1/releases/{rid}/submit")).raise_for_status()
        (
            await c.post(f"{urls['release']}/v1/releases/{rid}/approvals", json={"decision": "approve"})
        ).raise_for_status()
        return rid


async def run(backend: str, scopes: list[int], items: int, concurrency: int, seconds: float) -> None:
    common = CommonSettings(env="test")
    admin = {"Authorization": f"Bearer {issue_token(common, sub='bench', roles={'*': 'admin'})}"}
    service = {
        "Authorization": "Bearer "
        + issue_token(common, sub="service:release-svc", roles={"*": "viewer"}, service="release-svc")
    }
    pg = PostgresServer().start() if backend == "postgresql" else None
    tag = random.randrange(1 << 30)

    def db(name: str) -> str:
        if pg is not None:
            return pg.create_database(f"bench_gate_{name}_{tag}")
        return f"sqlite+aiosqlite:///{Path(tempfile.mkdtemp(prefix='bench-gate-')) / f'{name}.db'}"

    hung, hung_port = await hung_server()
    procs = {
        name: ServiceProcess(name=name, database_url=db(name), env=dict(QUIET))
        for name in ("requirements", "risk", "release")
    }
    urls = {name: p.url for name, p in procs.items()}
    wiring = {
        "TPM_REQUIREMENTS_URL": urls["requirements"],
        "TPM_RISK_URL": urls["risk"],
        "TPM_RELEASE_URL": urls["release"],
    }
    for p in procs.values():
        p.env.update(wiring)
    replicas = {
        "gate_hung": ServiceProcess(
            name="release",
            database_url=procs["release"].database_url,
            env={
                **QUIET,
                **wiring,
                "TPM_REQUIREMENTS_URL": f"http://127.0.0.1:{hung_port}",
                "RELEASE_BACKGROUND_ENABLED": "false",
            },
        ),
        "gate_down": ServiceProcess(
            name="release",
            database_url=procs["release"].database_url,
            env={
                **QUIET,
                **wiring,
                "TPM_RISK_URL": f"http://127.0.0.1:{free_port()}",
                "RELEASE_BACKGROUND_ENABLED": "false",
            },
        ),
    }
    started: list[ServiceProcess] = []
    print(
        f"backend={backend} concurrency={concurrency} seconds={seconds} items={items} "
        f"sibling_timeout={common.sibling_timeout_seconds}s"
    )
    print(f"{'scope':>6} {'mode':<10} {'requests':>8} {'errors':>6} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}")
    try:
        for p in [*procs.values(), *replicas.values()]:
            started.append(p.start())
        for scope in scopes:
            rid = await seed(urls, admin, items, scope, f"1.0.{scope}")
            keys = [f"{PROJECT}-{n}" for n in range(1, scope + 1)]

            lookup_body = {"keys": keys, "found_in": f"1.0.{scope}"}
            risk_body = {"project_key": PROJECT, "release_id": rid, "item_keys": keys}
            gate_path = f"/v1/releases/{rid}/gate"

            async def lookup(c: httpx.AsyncClient, body: dict = lookup_body) -> httpx.Response:
                return await c.post("/v1/items/lookup", json=body, headers=service)

            async def riskq(c: httpx.AsyncClient, body: dict = risk_body) -> httpx.Response:
                return await c.post("/v1/risks/gate-query", json=body, headers=service)

            async def gate(c: httpx.AsyncClient, path: str = gate_path) -> httpx.Response:
                return await c.get(path, params={"environment": "production"})

            results = {}
            for mode, base, fn in (
                ("lookup", urls["requirements"], lookup),
                ("riskq", urls["risk"], riskq),
                ("gate", urls["release"], gate),
                ("gate_hung", replicas["gate_hung"].url, gate),
                ("gate_down", replicas["gate_down"].url, gate),
            ):
                s = await load(base, admin, concurrency, seconds, fn)
                results[mode] = s
                print(
                    f"{scope:>6} {mode:<10} {s['requests']:>8} {s['errors']:>6} {s['rps']:>8.1f} "
                    f"{s['p50_ms']:>8.1f} {s['p99_ms']:>8.1f}",
                    flush=True,
                )
            slower = max(results["lookup"]["p99_ms"], results["riskq"]["p99_ms"])
            ratio = results["gate"]["p99_ms"] / slower
            print(
                f"# scope {scope}: gate p99 / slower sibling p99 = {ratio:.2f} "
                f"({'within' if ratio <= 1.5 else 'OVER'} the 1.5x target)",
                flush=True,
            )
    finally:
        for p in started:
            p.stop()
        hung.close()
        if pg is not None:
            pg.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=["sqlite", "postgresql"], default="postgresql")
    parser.add_argument("--scope", default="20,1000", help="Comma-separated scope sizes (≤ 1000).")
    parser.add_argument(
        "--items", type=int, default=2000, help="Backlog items in the project (≥ largest scope)."
    )
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=15)
    args = parser.parse_args()
    scopes = [int(s) for s in args.scope.split(",")]
    if max(scopes) > args.items:
        parser.error("--items must be at least the largest --scope")
    asyncio.run(run(args.backend, scopes, args.items, args.concurrency, args.seconds))


if __name__ == "__main__":
    main()
