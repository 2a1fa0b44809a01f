"""`make bench`: the three services as processes on a throwaway PostgreSQL, bulk-seeded, every scenario at
32 and 128 concurrent clients, the list/get floor (bench/floor.py) in the same run, written as Markdown to
bench/results/<date>-<scale>.md.

    .venv/bin/python bench/run.py                    # full: 1,000,000 items, 100,000 risks, 10,000 releases
    .venv/bin/python bench/run.py --scale small      # 1,000 / 1,000 / 100, about a minute
    make bench BENCH_ARGS="--scale medium --seconds 6"

The load generator runs in its own process (asyncio + httpx, one client pool of `concurrency` connections,
127.0.0.1 only), bounded by `--seconds` and `--max-requests` per scenario.
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import hashlib
import hmac
import json
import multiprocessing
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg
import httpx
from rich.console import Console
from tpmhub_shared.auth import issue_token
from tpmhub_shared.settings import CommonSettings
from tpmhub_shared.testing.postgres import PostgresServer, free_port
from tpmhub_shared.testing.processes import ServiceProcess

sys.path.insert(0, str(Path(__file__).parent))
import seed  # noqa: E402 - bench/seed.py
import unleash  # noqa: E402 - bench/unleash.py

HERE = Path(__file__).parent
SCALES = {
    "small": (1_000, 1_000, 100),
    "medium": (100_000, 10_000, 1_000),
    "full": (1_000_000, 100_000, 10_000),
}
PROJECT = seed.PROJECT
# The published GitHub payload among the design fixtures beside the checkout (`../shared`).
FIXTURE = HERE.parent.parent / "shared/fixtures/ci-webhooks/github/workflow_run.completed.json"
SECRET = "bench-github-secret-0123456789"
BATCH_UNITS = 1_000
RACING = frozenset({"move"})  # scenarios whose 412 answers are lost races, reported apart
GATE_BEFORE_RPS = 42.2  # the gate at 32 clients, 1M items, 2026-11-22 (bench/results/2026-11-22-full.md)
SIBLING_CALLS = ("item lookup", "risk gate-query")  # the gate's two sibling calls, alone (service token)
console = Console(width=160)


# ---- load generator (runs in a child process) --------------------------------------------------------


@dataclass
class Spec:
    scenario: str
    base: str
    headers: dict[str, str]
    concurrency: int
    seconds: float
    max_requests: int
    ok: tuple[int, ...] = (200,)
    params: dict[str, Any] = field(default_factory=dict)


def _request(spec: Spec, client: httpx.AsyncClient, rng: random.Random, n: int):  # noqa: ANN202
    p, s = spec.params, spec.scenario
    if s in ("list", "floor list"):
        return client.get(
            f"/v1/projects/{PROJECT}/items", params={"status": "ready", "sort": "rank", "limit": 50}
        )
    if s in ("get", "floor get"):
        return client.get(f"/v1/items/{PROJECT}-{rng.randint(1, p['items'])}")
    if s == "create":
        return client.post(
            f"/v1/projects/{PROJECT}/items", json={"type": "task", "title": "Bench create", "points": 2}
        )
    if s == "move":
        a, b = rng.sample(range(1, p["items"] + 1), 2)
        return client.post(f"/v1/items/{PROJECT}-{a}/move", json={"before": f"{PROJECT}-{b}"})
    if s == "heatmap":
        return client.get(f"/v1/projects/{PROJECT}/risks/heatmap")
    if s == "item lookup":
        return client.post("/v1/items/lookup", json={"keys": p["scope"], "found_in": "1.0.0"})
    if s == "risk gate-query":
        body = {"project_key": PROJECT, "release_id": p["release_id"], "item_keys": p["scope"]}
        return client.post("/v1/risks/gate-query", json=body)
    if s == "gate":
        return client.get(f"/v1/releases/{p['release_id']}/gate", params={"environment": "production"})
    if s == "decide single":
        return client.get(
            f"/v1/rollouts/{p['rollout_id']}/decide", params={"unit": f"user-{rng.randrange(10**7)}"}
        )
    if s == "unleash frontend":
        return client.get("/api/frontend", params={"userId": f"user-{rng.randrange(10**7)}"})
    if s == "decide batch":
        body = json.dumps({"units": [f"user-{rng.randrange(10**7)}" for _ in range(BATCH_UNITS)]}).encode()
        return client.post(
            f"/v1/rollouts/{p['rollout_id']}/decide",
            content=body,
            headers={"Content-Type": "application/json"},
        )
    if s == "webhook ingest":
        template = p["template"]
        template["workflow_run"]["id"] = p["run_base"] + n
        body = json.dumps(template).encode()
        digest = hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
        return client.post(
            "/v1/webhooks/github",
            content=body,
            headers={
                "X-GitHub-Event": "workflow_run",
                "X-GitHub-Delivery": str(uuid.uuid4()),
                "X-Hub-Signature-256": f"sha256={digest}",
                "Content-Type": "application/json",
            },
        )
    raise ValueError(s)


async def _drive(spec: Spec) -> dict[str, Any]:
    assert spec.base.startswith("http://127.0.0.1:"), spec.base
    rng = random.Random(hash(spec.scenario) & 0xFFFF)
    limits = httpx.Limits(max_connections=spec.concurrency, max_keepalive_connections=spec.concurrency)
    latencies: list[float] = []
    codes: dict[int, int] = {}
    counter = 0
    async with httpx.AsyncClient(
        base_url=spec.base, headers=spec.headers, timeout=60, limits=limits
    ) as client:
        for _ in range(2):  # warm up
            counter += 1
            r = await _request(spec, client, rng, counter)
            if r.status_code not in spec.ok:
                return {"error": f"warm-up {r.status_code}: {r.text[:300]}"}
        deadline = time.perf_counter() + spec.seconds

        async def worker() -> None:
            nonlocal counter
            while time.perf_counter() < deadline and len(latencies) < spec.max_requests:
                counter += 1
                t = time.perf_counter()
                try:
                    r = await _request(spec, client, rng, counter)
                    code = r.status_code
                except httpx.HTTPError:
                    code = 0
                latencies.append(time.perf_counter() - t)
                codes[code] = codes.get(code, 0) + 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(spec.concurrency)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    ok = sum(c for code, c in codes.items() if code in spec.ok)
    # Two clients moving the same item at once: one loses the row version race and gets 412. That
    # is a lost race the API reports as designed, counted apart from errors and from throughput.
    conflicts = codes.pop(412, 0) if spec.scenario in RACING else 0
    return {
        "requests": len(latencies),
        "ok": ok,
        "conflicts": conflicts,
        "errors": len(latencies) - ok - conflicts,
        "codes": {str(k): v for k, v in codes.items() if k not in spec.ok},
        "warm_up": 2,
        "rps": ok / elapsed,
        "p50_ms": statistics.median(latencies) * 1000 if latencies else float("nan"),
        "p99_ms": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000 if latencies else 0,
        "generator": "httpx",
    }


def run_load(spec: Spec) -> dict[str, Any]:
    return asyncio.run(_drive(spec))


# ---- load generator: wrk ----------------------------------------------------------------------------

WRK = shutil.which("wrk")
# Scenarios wrk drives: all but webhook ingest, whose deliveries each need their own HMAC signature.
WRK_SCENARIOS = frozenset(
    {
        "list",
        "floor list",
        "get",
        "floor get",
        "create",
        "move",
        "heatmap",
        "item lookup",
        "risk gate-query",
        "gate",
        "decide single",
        "unleash frontend",
        "decide batch",
    }
)
_WRK_DONE = r"""
done = function(summary, latency, requests)
  local e = summary.errors
  local conflicts = 0
  for _, thread in ipairs(threads) do conflicts = conflicts + (thread:get("conflicts") or 0) end
  io.write(string.format('WRK-RESULT {"requests": %d, "status_errors": %d, "socket_errors": %d, ' ..
    '"timeouts": %d, "conflicts": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d}\n', summary.requests,
    e.status, e.connect + e.read + e.write + e.timeout, e.timeout, conflicts, summary.duration,
    latency:percentile(50), latency:percentile(99)))
end
"""
# Every thread's Lua state is its own: `done` sums the lost races each thread counted. Each thread seeds its
# own random numbers: unseeded, both threads sent the same sequence (every move and get twice, at once).
_WRK_THREADS = r"""
threads = {}
setup = function(thread)
  table.insert(threads, thread)
  thread:set("thread_number", #threads)
end
init = function(args) math.randomseed(os.time() * 1000 + thread_number * 7919) end
"""
# A scenario whose 412 answers are lost races counts them in `response` (wrk counts them as status errors).
_WRK_RACES = r"""
conflicts = 0
response = function(status, headers, body) if status == 412 then conflicts = conflicts + 1 end end
"""


def _lua_string(value: str) -> str:
    return json.dumps(value)  # a JSON string literal is a valid Lua string literal for this ASCII text


def wrk_script(spec: Spec) -> str:
    """The Lua `request()` of one scenario: the same requests as `_request`, built by wrk itself."""
    p, s = spec.params, spec.scenario
    head = [f"wrk.headers[{_lua_string(k)}] = {_lua_string(v)}" for k, v in spec.headers.items()]
    head.append('wrk.headers["Content-Type"] = "application/json"')
    head.append(f"local items = {p['items']}")

    def fixed(method: str, path: str, body: Any = None) -> str:
        payload = "nil" if body is None else _lua_string(json.dumps(body))
        return f"local req = wrk.format({_lua_string(method)}, {_lua_string(path)}, nil, {payload})\n" + (
            "request = function() return req end"
        )

    if s in ("list", "floor list"):
        body = fixed("GET", f"/v1/projects/{PROJECT}/items?status=ready&sort=rank&limit=50")
    elif s in ("get", "floor get"):
        body = (
            f'request = function() return wrk.format("GET", "/v1/items/{PROJECT}-" .. math.random(1, items)) '
            "end"
        )
    elif s == "create":
        create = {"type": "task", "title": "Bench create", "points": 2}
        body = fixed("POST", f"/v1/projects/{PROJECT}/items", create)
    elif s == "move":
        body = (
            "request = function()\n"
            "  local a = math.random(1, items)\n  local b = math.random(1, items - 1)\n"
            "  if b >= a then b = b + 1 end\n"
            f'  return wrk.format("POST", "/v1/items/{PROJECT}-" .. a .. "/move", nil, '
            f"'{{\"before\": \"{PROJECT}-' .. b .. '\"}}')\n"
            "end"
        )
    elif s == "heatmap":
        body = fixed("GET", f"/v1/projects/{PROJECT}/risks/heatmap")
    elif s == "item lookup":
        body = fixed("POST", "/v1/items/lookup", {"keys": p["scope"], "found_in": "1.0.0"})
    elif s == "risk gate-query":
        query = {"project_key": PROJECT, "release_id": p["release_id"], "item_keys": p["scope"]}
        body = fixed("POST", "/v1/risks/gate-query", query)
    elif s == "gate":
        body = fixed("GET", f"/v1/releases/{p['release_id']}/gate?environment=production")
    elif s == "decide single":
        body = (
            "request = function() return wrk.format("
            f'"GET", "/v1/rollouts/{p["rollout_id"]}/decide?unit=user-" '
            ".. math.random(0, 9999999)) end"
        )
    elif s == "unleash frontend":
        body = (
            'request = function() return wrk.format("GET", "/api/frontend?userId=user-" '
            ".. math.random(0, 9999999)) end"
        )
    elif s == "decide batch":
        body = (
            "request = function()\n  local units = {}\n"
            f"  for i = 1, {BATCH_UNITS} do units[i] = '\"user-' .. math.random(0, 9999999) .. '\"' end\n"
            f'  return wrk.format("POST", "/v1/rollouts/{p["rollout_id"]}/decide", nil, '
            "'{\"units\": [' .. table.concat(units, ',') .. ']}')\n"
            "end"
        )
    else:
        raise ValueError(s)
    races = [_WRK_RACES] if s in RACING else []
    return "\n".join([*head, _WRK_THREADS, *races, body, _WRK_DONE])


async def run_wrk(spec: Spec) -> dict[str, Any]:
    """wrk with 2 threads and `concurrency` connections for `seconds`; after 2 warm-up requests through
    httpx that check the expected status (wrk only tells 2xx/3xx from the rest)."""
    async with httpx.AsyncClient(base_url=spec.base, headers=spec.headers, timeout=60) as client:
        for n in range(2):
            r = await _request(spec, client, random.Random(n), n)
            if r.status_code not in spec.ok:
                return {"error": f"warm-up {r.status_code}: {r.text[:300]}"}
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(wrk_script(spec))
    try:
        proc = await asyncio.create_subprocess_exec(
            WRK,
            "-t2",
            f"-c{spec.concurrency}",
            f"-d{max(1, round(spec.seconds))}s",
            "--timeout",
            "60s",
            "-s",
            f.name,
            spec.base,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        out, err = await proc.communicate()
    finally:
        os.unlink(f.name)
    text = out.decode()
    if "WRK-RESULT " not in text:
        return {"error": f"wrk: {err.decode()[:300] or text[:300]}"}
    r = json.loads(text.split("WRK-RESULT ", 1)[1].splitlines()[0])
    conflicts = r["conflicts"]  # lost races (412), only counted in RACING scenarios
    status_errors = r["status_errors"] - conflicts
    errors = status_errors + r["socket_errors"]
    codes = {}
    if status_errors:
        codes["non-2xx"] = status_errors
    if r["socket_errors"]:
        codes["0"] = r["socket_errors"]
    if r["timeouts"]:
        codes["timeout"] = r["timeouts"]
    return {
        "requests": r["requests"],
        "ok": r["requests"] - errors - conflicts,
        "conflicts": conflicts,
        "errors": errors,
        "codes": codes,
        "warm_up": 2,
        "rps": (r["requests"] - errors - conflicts) / (r["duration_us"] / 1e6),
        "p50_ms": r["p50_us"] / 1000,
        "p99_ms": r["p99_us"] / 1000,
        "generator": "wrk",
    }


# ---- resources ---------------------------------------------------------------------------------------


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def pg_connections(dsn: str) -> dict[str, int]:
    conn = await asyncpg.connect(dsn)
    try:
        rows = await conn.fetch(
            "SELECT datname || CASE WHEN application_name = 'bench-floor' THEN '/floor' ELSE '' END AS db, "
            "count(*) AS n FROM pg_stat_activity WHERE datname IS NOT NULL AND pid <> pg_backend_pid() "
            "GROUP BY 1"
        )
    finally:
        await conn.close()
    return {r["db"]: r["n"] for r in rows}


# ---- the run -----------------------------------------------------------------------------------------


class Floor:
    def __init__(self, database_url: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [
                sys.executable,
                str(HERE / "floor.py"),
                "--database-url",
                database_url,
                "--port",
                str(self.port),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/readyz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError("the floor app did not start")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=20)


async def prepare(
    urls: dict[str, str], dbs: dict[str, str], sizes: tuple[int, int, int], admin: dict[str, str]
) -> dict[str, Any]:
    n_items, n_risks, n_releases = sizes
    timings: dict[str, float] = {}
    with seed.progress() as bar:
        timings["items"] = await seed.items(dbs["requirements"], n_items, bar)
        async with httpx.AsyncClient(headers=admin, timeout=120) as c:
            r = await c.post(
                f"{urls['release']}/v1/projects/{PROJECT}/releases",
                json={
                    "version": "1.0.0",
                    "scope": [f"{PROJECT}-{n}" for n in range(1, 201)],
                    "approvers": ["bench"],
                },
            )
            r.raise_for_status()
            rid = r.json()["id"]
        timings["risks"] = await seed.risks(dbs["risk"], n_risks, uuid.UUID(rid), bar)
        timings["releases"] = await seed.releases(dbs["release"], n_releases - 1, uuid.UUID(rid), bar)
    async with httpx.AsyncClient(headers=admin, timeout=120) as c:
        rel = urls["release"]
        (await c.post(f"{rel}/v1/releases/{rid}/submit")).raise_for_status()
        (await c.post(f"{rel}/v1/releases/{rid}/approvals", json={"decision": "approve"})).raise_for_status()
        r = await c.post(
            f"{rel}/v1/releases/{rid}/rollouts",
            json={
                "group_id": "bench",  # the Unleash peer's flag uses the same group id
                "stages": [{"percent": 50, "operator": "bob"}, {"percent": 100, "operator": "bob"}],
            },
        )
        r.raise_for_status()
        rollout_id = r.json()["id"]
        # The seeded scope is not done and its risks are open, so the gate denies: the benchmark's setup
        # goes past it the audited way.
        override = {"override_gate": {"reason": "benchmark setup: seeded scope and risks"}}
        (await c.post(f"{rel}/v1/rollouts/{rollout_id}/start", json=override)).raise_for_status()
        (
            await c.post(
                f"{rel}/v1/projects/{PROJECT}/ci-sources",
                json={"provider": "github", "repository": "octo-org/octo-repo", "secret": SECRET},
            )
        ).raise_for_status()
    return {"release_id": rid, "rollout_id": rollout_id, "group_id": "bench", "seed_seconds": timings}


async def cohort_agreement(
    release_url: str, admin: dict[str, str], rollout_id: str, peer: unleash.UnleashPeer, units: int = 1_000
) -> dict[str, int]:
    """Both at 50 % with the same group id: does TPM Hub's decide put the same units in as Unleash?"""
    names = [f"user-{n}" for n in range(units)]
    async with httpx.AsyncClient(headers=admin, timeout=60) as c:
        r = await c.post(f"{release_url}/v1/rollouts/{rollout_id}/decide", json={"units": names})
        r.raise_for_status()
    ours = {d["unit"]: d["enabled"] for d in r.json()["decisions"]}
    theirs = await asyncio.to_thread(peer.decisions, names)
    return {
        "units": units,
        "same": sum(ours[u] == theirs[u] for u in names),
        "enabled": sum(ours.values()),
    }


async def gate_sibling_times(dsn: str, since: datetime) -> dict[str, Any]:
    """The sibling calls as the gate itself timed them (`duration_ms` of its scope and risks checks) in the
    decisions recorded since `since`: p99 of the slower of the two per gate."""
    conn = await asyncpg.connect(dsn)
    try:
        rows = await conn.fetch("SELECT checks FROM gate_decisions WHERE at >= $1", since)
    finally:
        await conn.close()
    checks = [json.loads(r["checks"]) if isinstance(r["checks"], str) else r["checks"] for r in rows]
    slower = sorted(max((c.get("duration_ms") or 0) for c in one) for one in checks)
    if not slower:
        return {}
    # Gates that failed closed because a sibling did not answer within the budget (or at all).
    closed = sum(any("did not answer" in c.get("reason", "") for c in one) for one in checks)
    return {
        "sibling_p99_ms": slower[min(len(slower) - 1, int(len(slower) * 0.99))],
        "decisions": len(slower),
        "failed_closed": closed,
    }


async def count_rows(dsn: str, sql: str) -> int:
    conn = await asyncpg.connect(dsn)
    try:
        return int(await conn.fetchval(sql))
    finally:
        await conn.close()


async def measure(spec: Spec, pool: concurrent.futures.ProcessPoolExecutor, admin_dsn: str) -> dict[str, Any]:
    """The load in the child process; meanwhile, sample pg_stat_activity every 0.5 s (peak per database)."""
    if WRK and spec.scenario in WRK_SCENARIOS:
        future: asyncio.Future[dict[str, Any]] = asyncio.ensure_future(run_wrk(spec))
    else:
        future = asyncio.get_running_loop().run_in_executor(pool, run_load, spec)
    peak: dict[str, int] = {}
    while not future.done():
        for name, n in (await pg_connections(admin_dsn)).items():
            peak[name] = max(peak.get(name, 0), n)
        await asyncio.wait([future], timeout=0.5)
    result = future.result()
    result["pg_peak"] = peak
    return result


async def main_async(args: argparse.Namespace) -> Path:
    sizes = SCALES[args.scale]
    common = CommonSettings(env="test")
    admin = {"Authorization": f"Bearer {issue_token(common, sub='bench', roles={'*': 'admin'})}"}
    service_token = issue_token(
        common, sub="service:release-svc", roles={"*": "viewer"}, service="release-svc"
    )
    service = {"Authorization": f"Bearer {service_token}"}
    quiet = {"TPM_LOG_LEVEL": "WARNING", "TPM_LOG_FORMAT": "json"}
    pg = PostgresServer().start()
    procs: dict[str, ServiceProcess] = {}
    floor: Floor | None = None
    peer: unleash.UnleashPeer | None = None
    started = time.perf_counter()
    try:
        tag = random.randrange(1 << 30)
        dbs = {n: pg.create_database(f"bench_{n}_{tag}") for n in ("requirements", "risk", "release")}
        admin_dsn = seed.dsn(dbs["release"])
        procs = {
            "requirements": ServiceProcess(
                "requirements", dbs["requirements"], env={**quiet, "REQUIREMENTS_BACKGROUND_ENABLED": "false"}
            ),
            "risk": ServiceProcess("risk", dbs["risk"], env={**quiet, "RISK_BACKGROUND_ENABLED": "false"}),
            "release": ServiceProcess("release", dbs["release"], env={**quiet, "TPM_EVENT_ROUTES": "{}"}),
        }
        wiring = {f"TPM_{n.upper()}_URL": p.url for n, p in procs.items()}
        for p in procs.values():
            p.env.update(wiring)
            p.env.update(args.service_env)
            p.start()
        urls = {n: p.url for n, p in procs.items()}
        # Process ids, for a profiler to attach to (e.g. `py-spy record -p <pid>`).
        console.print("pids: " + " ".join(f"{n}={p.proc.pid}" for n, p in procs.items() if p.proc))
        console.print(
            f"[bold]scale {args.scale}[/]: {sizes[0]:,} items, {sizes[1]:,} risks, {sizes[2]:,} releases"
        )
        ctx = await prepare(urls, dbs, sizes, admin)
        if not args.scenarios or "decide single" in args.scenarios:
            console.print(f"starting the peer: Unleash {unleash.VERSION} (npm unleash-server)…")
            peer = await asyncio.to_thread(
                unleash.UnleashPeer(pg, f"bench_unleash_{tag}", group_id=ctx["group_id"]).start
            )
            if peer.unavailable:
                console.print(f"[red]Unleash {unleash.VERSION} not run: {peer.unavailable}[/]")
            else:
                ctx["agreement"] = await cohort_agreement(urls["release"], admin, ctx["rollout_id"], peer)
        floor = Floor(seed.dsn(dbs["requirements"]))
        template = json.loads(await asyncio.to_thread(FIXTURE.read_bytes))
        params = {
            "items": sizes[0],
            "release_id": ctx["release_id"],
            "rollout_id": ctx["rollout_id"],
            "template": template,
            "scope": [f"{PROJECT}-{n}" for n in range(1, 201)],
        }
        scenarios = [
            ("list", urls["requirements"], (200,)),
            ("floor list", floor.url, (200,)),
            ("get", urls["requirements"], (200,)),
            ("floor get", floor.url, (200,)),
            ("create", urls["requirements"], (201,)),
            ("move", urls["requirements"], (200,)),
            ("heatmap", urls["risk"], (200,)),
            ("item lookup", urls["requirements"], (200,)),
            ("risk gate-query", urls["risk"], (200,)),
            ("gate", urls["release"], (200,)),
            ("decide single", urls["release"], (200,)),
            *([("unleash frontend", peer.url, (200,))] if peer and not peer.unavailable else []),
            ("decide batch", urls["release"], (200,)),
            ("webhook ingest", urls["release"], (200, 201, 202)),
        ]
        if args.scenarios:
            unknown = set(args.scenarios) - {name for name, _, _ in scenarios}
            if unknown:
                raise SystemExit(f"unknown scenarios: {', '.join(sorted(unknown))}")
            # The peer runs beside decide single whenever that one runs.
            wanted = {*args.scenarios, *(["unleash frontend"] if "decide single" in args.scenarios else [])}
            scenarios = [s for s in scenarios if s[0] in wanted]
        results: list[dict[str, Any]] = []
        load_before = os.getloadavg()
        ctx_mp = multiprocessing.get_context("spawn")
        with concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=ctx_mp) as pool:
            run_base = 20_000_000
            for concurrency in args.concurrency:
                for name, base, ok in scenarios:
                    run_base += 10_000_000
                    headers = service if name in SIBLING_CALLS else admin
                    if name == "unleash frontend" and peer is not None:
                        headers = {"Authorization": peer.frontend_token}
                    spec = Spec(
                        name,
                        base,
                        headers,
                        concurrency,
                        args.seconds,
                        args.max_requests,
                        ok,
                        {**params, "run_base": run_base},
                    )
                    since = datetime.now(UTC)
                    res = await measure(spec, pool, admin_dsn)
                    res.update(scenario=name, concurrency=concurrency, load=os.getloadavg()[0])
                    if name == "gate":
                        res.update(await gate_sibling_times(admin_dsn, since))
                    results.append(res)
                    if "error" in res:
                        console.print(f"[red]{concurrency:>4} {name:<15} {res['error']}[/]")
                    else:
                        console.print(
                            f"{concurrency:>4} {name:<15} {res['rps']:>8.1f} req/s  "
                            f"p50 {res['p50_ms']:>8.1f} ms  "
                            f"p99 {res['p99_ms']:>8.1f} ms  errors {res['errors']} {res['codes'] or ''}  "
                            f"load {res['load']:.1f}"
                        )
        webhook_ok = sum(
            r.get("ok", 0) + r.get("warm_up", 0) for r in results if r["scenario"] == "webhook ingest"
        )
        recorded = await count_rows(admin_dsn, "SELECT count(*) FROM ci_deliveries")
        rss = {n: peak_rss_mb(p.proc.pid) for n, p in procs.items() if p.proc}
        rss["floor"] = peak_rss_mb(floor.proc.pid)
        report = render(
            args,
            sizes,
            ctx,
            results,
            rss,
            load_before,
            webhook_ok,
            recorded,
            time.perf_counter() - started,
            dbs,
            peer,
        )
    finally:
        if peer is not None:
            peer.stop()
        if floor is not None:
            floor.stop()
        for p in procs.values():
            p.stop()
        pg.stop()
    out = args.out or HERE / "results" / f"{datetime.now(UTC):%Y-%m-%d}-{args.scale}.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report)
    summary = [{k: v for k, v in r.items() if k != "pg_peak"} for r in results]
    out.with_suffix(".json").write_text(json.dumps({"scale": args.scale, "results": summary}, indent=1))
    console.print(f"[green]wrote {out}[/]")
    return out


def targets(args: argparse.Namespace, by: dict[tuple[str, int], dict[str, Any]]) -> list[str]:
    """The issue's targets that one run can check, and p99 against the latest small-scale run."""
    out = ["Targets:", ""]
    for c in args.concurrency:
        for name in ("list", "get"):
            r, f = by.get((name, c), {}), by.get((f"floor {name}", c), {})
            if r.get("rps") and f.get("rps"):
                ratio = r["rps"] / f["rps"]
                verdict = "met" if ratio >= 0.6 else "not met"
                out.append(
                    f"- {name} at {c} clients: {ratio:.2f}× the floor's throughput (target ≥ 0.6: {verdict})"
                )
        ours, theirs = by.get(("decide single", c), {}), by.get(("unleash frontend", c), {})
        if ours.get("rps") and theirs.get("rps"):
            ratio = ours["rps"] / theirs["rps"]
            verdict = "met" if ratio >= 2 else "not met"
            out.append(
                f"- decide single at {c} clients: {ratio:.2f}× Unleash {unleash.VERSION}'s frontend API "
                f"({ours['rps']:.0f} against {theirs['rps']:.0f} req/s; p99 {ours['p99_ms']:.1f} against "
                f"{theirs['p99_ms']:.1f} ms) (target ≥ 2: {verdict})"
            )
        batch = by.get(("decide batch", c), {})
        if batch.get("rps"):
            units = batch["rps"] * BATCH_UNITS
            verdict = "met" if units >= 200_000 else "not met"
            out.append(f"- decide batch at {c} clients: {units:,.0f} units/s (target ≥ 200,000: {verdict})")
        gate = by.get(("gate", c), {})
        if gate.get("rps") and c == 32:
            ratio = gate["rps"] / GATE_BEFORE_RPS
            verdict = "met" if ratio >= 4 else "not met"
            out.append(
                f"- gate at {c} clients: {gate['rps']:.1f} req/s, {ratio:.2f}× the {GATE_BEFORE_RPS} req/s "
                f"of 2026-11-22 (target ≥ 4×, ≥ {4 * GATE_BEFORE_RPS:.0f} req/s: {verdict})"
            )
        if gate.get("p99_ms") and gate.get("sibling_p99_ms"):
            ratio = gate["p99_ms"] / gate["sibling_p99_ms"]
            verdict = "met" if ratio <= 1.5 else "not met"
            out.append(
                f"- gate at {c} clients: p99 {ratio:.2f}× the p99 of its slower sibling call, as the gate "
                f"timed its own calls in the same requests ({gate['sibling_p99_ms']:.0f} ms over "
                f"{gate['decisions']:,} decisions, {gate.get('failed_closed', 0):,} of them failed closed on "
                f"a sibling that did not answer) (target ≤ 1.5: {verdict})"
            )
        sib = [by.get((n, c), {}).get("p99_ms", 0) for n in SIBLING_CALLS]
        if gate.get("p99_ms") and max(sib):
            ratio = gate["p99_ms"] / max(sib)
            out.append(
                f"- gate at {c} clients: p99 {ratio:.2f}× its slower sibling call measured alone in its own "
                "scenario (for reference: alone, a sibling has the two CPUs to itself, while during the gate "
                "the three services share them)"
            )
    # One worker stays live at the highest concurrency: no errors, no timeouts, in every scenario.
    top = max(args.concurrency)
    failing = [
        f"{name} ({r.get('errors', '?')} errors {r.get('codes', {})})"
        for (name, c), r in sorted(by.items())
        if c == top and (r.get("errors") or "error" in r)
    ]
    verdict = "met" if not failing else "not met: " + ", ".join(failing)
    out.append(f"- live at {top} connections: 0 errors and 0 timeouts in every scenario ({verdict})")
    small = sorted((HERE / "results").glob("*-small.json"))
    if args.scale != "small" and small:
        base = {(r["scenario"], r["concurrency"]): r for r in json.loads(small[-1].read_text())["results"]}
        worst = []
        for (name, c), r in by.items():
            b = base.get((name, c), {})
            if r.get("p99_ms") and b.get("p99_ms"):
                worst.append((r["p99_ms"] / b["p99_ms"], name, c))
        worst.sort(reverse=True)
        over = [f"{n} at {c} ({x:.2f}×)" for x, n, c in worst if x > 1.5]
        out.append(
            f"- p99 against `{small[-1].name}` (same machine, another moment): highest "
            + ", ".join(f"{n} at {c} {x:.2f}×" for x, n, c in worst[:3])
            + (f"; over 1.5×: {', '.join(over)}" if over else "; none over 1.5×")
        )
    return out


def render(
    args: argparse.Namespace,
    sizes: tuple[int, int, int],
    ctx: dict[str, Any],
    results: list[dict[str, Any]],
    rss: dict[str, float],
    load_before: tuple[float, float, float],
    webhook_ok: int,
    recorded: int,
    seconds: float,
    dbs: dict[str, str],
    peer: unleash.UnleashPeer | None = None,
) -> str:
    by = {(r["scenario"], r["concurrency"]): r for r in results}
    db_names = {n: url.rsplit("/", 1)[1] for n, url in dbs.items()}
    if peer is not None:
        db_names["unleash"] = peer.database
    first: list[str] = []
    if peer is None:
        first = ["Unleash peer: not run, because this run's `--scenarios` leave out decide single.", ""]
    elif peer.unavailable:
        first = [
            f"**Unleash {unleash.VERSION} could not be run: {peer.unavailable}.** Decide single is not "
            "compared with the peer in this report.",
            "",
        ]
    lines = [
        *first,
        f"# Benchmark {datetime.now(UTC):%Y-%m-%d %H:%M} UTC — scale `{args.scale}`",
        "",
        f"{sizes[0]:,} items, {sizes[1]:,} risks, {sizes[2]:,} releases; {args.seconds:g} s per scenario "
        f"(at most "
        f"{args.max_requests:,} requests); CPUs: {os.cpu_count()}; load average before the load: "
        f"{load_before[0]:.1f} / {load_before[1]:.1f} / {load_before[2]:.1f} (1/5/15 min).",
        "",
        "Load generator: "
        + (
            "wrk (2 threads, `clients` connections, its own latency percentiles) for every scenario but "
            "webhook ingest, which the Python driver (httpx) sends because each delivery is signed."
            if any(r.get("generator") == "wrk" for r in results)
            else "the Python driver (httpx, one process) for every scenario: wrk was not installed."
        )
        + " --max-requests bounds the Python driver only.",
        "",
        "Seeding: "
        + ", ".join(f"{k} {v:.1f} s" for k, v in ctx["seed_seconds"].items())
        + f"; whole run {seconds:.0f} s.",
        "",
        "| scenario | clients | req/s | p50 ms | p99 ms | errors | vs floor (req/s) | PG conns (peak) "
        "| load 1m |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        if "error" in r:
            lines.append(f"| {r['scenario']} | {r['concurrency']} | failed: {r['error'][:80]} | | | | | | |")
            continue
        ratio = ""
        if r["scenario"] in ("list", "get"):
            f = by.get((f"floor {r['scenario']}", r["concurrency"]))
            if f and "rps" in f and f["rps"]:
                ratio = f"{r['rps'] / f['rps']:.2f}×"
        svc = {
            "list": "requirements",
            "get": "requirements",
            "create": "requirements",
            "move": "requirements",
            "floor list": "requirements",
            "floor get": "requirements",
            "heatmap": "risk",
            "item lookup": "requirements",
            "risk gate-query": "risk",
            "unleash frontend": "unleash",
        }.get(r["scenario"], "release")
        floor_suffix = "/floor" if r["scenario"].startswith("floor") else ""
        conns = r["pg_peak"].get(db_names[svc] + floor_suffix, 0)
        errs = str(r["errors"]) + (f" {r['codes']}" if r["codes"] else "")
        if r.get("conflicts"):
            errs += f" (+{r['conflicts']:,} lost races: 412)"
        lines.append(
            f"| {r['scenario']} | {r['concurrency']} | {r['rps']:.1f} | {r['p50_ms']:.1f} | "
            f"{r['p99_ms']:.1f} | "
            f"{errs} | {ratio} | {conns} | {r['load']:.1f} |"
        )
    lines += ["", *targets(args, by)]
    if peer is not None and not peer.unavailable:
        agreement = ctx.get("agreement", {})
        lines += [
            "",
            f"Peer: Unleash {unleash.VERSION} (npm `unleash-server`, Node.js {_node_version()}) on the same "
            "throwaway PostgreSQL, one flag with a 50 % `flexibleRollout` (stickiness `userId`, the "
            "rollout's group id) read through `GET /api/frontend?userId=…` with a frontend token. "
            "Same units in: "
            f"{agreement.get('same', 0):,} of {agreement.get('units', 0):,} "
            f"({agreement.get('enabled', 0):,} inside).",
        ]
    lines += [
        "",
        f"Webhook ingest: {webhook_ok:,} deliveries answered 2xx, {recorded:,} recorded in `ci_deliveries` → "
        f"lost {max(0, webhook_ok - recorded):,}.",
        "",
        "Peak RSS (VmHWM) per process: " + ", ".join(f"{k} {v:.0f} MB" for k, v in rss.items()) + ".",
        "",
        "PG conns: peak connections of the scenario's process to its database in `pg_stat_activity`, "
        "sampled every 0.5 s during the load (open pool connections, busy or idle; the floor's are told "
        "apart by their application_name; the gate also uses the requirements and risk databases "
        "through its sibling calls). "
        f"Decide batch: {BATCH_UNITS:,} units per request.",
        "",
    ]
    return "\n".join(lines)


def _node_version() -> str:
    node = shutil.which("node")
    if not node:
        return "?"
    return subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip().lstrip("v")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=list(SCALES), default="full")
    parser.add_argument("--seconds", type=float, default=8.0, help="Load time per scenario and concurrency.")
    parser.add_argument("--max-requests", type=int, default=50_000, help="Upper bound per scenario.")
    parser.add_argument("--concurrency", type=lambda s: [int(x) for x in s.split(",")], default=[32, 128])
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument(
        "--service-env",
        type=lambda s: dict(kv.split("=", 1) for kv in s.split(",") if kv),
        default={},
        help="Settings for the service processes, e.g. 'REQUIREMENTS_DB_POOL_SIZE=40,TPM_LOG_LEVEL=INFO'.",
    )
    parser.add_argument(
        "--scenarios",
        type=lambda s: [x.strip() for x in s.split(",") if x.strip()],
        default=None,
        help="Only these scenarios, comma-separated (e.g. 'list,floor list,gate'); default: all.",
    )
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, _interrupt)  # stop the processes and PostgreSQL on `kill`, too
    signal.signal(signal.SIGINT, _interrupt)  # even when started in the background with SIGINT ignored
    asyncio.run(main_async(args))


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":
    main()
