"""The real peer for cohort decisions: Unleash 7.5.1 (npm `unleash-server`) on the bench's throwaway
PostgreSQL, with one flag whose `flexibleRollout` strategy puts 50 % of `userId`s in, and a frontend token,
both created through Unleash's admin API. The bench drives `GET /api/frontend?userId=…` beside TPM Hub's
decide at the same concurrencies, and checks that both put the same units in (TPM Hub's bucket is
Unleash's `normalizedValue` of `groupId:userId`).

Unleash is installed once under bench/.unleash/ (git-ignored) with the machine's Node.js and npm. When it
cannot be installed or started, `UnleashPeer.unavailable` says why and the report says so in its first line.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import httpx
from tpmhub_shared.testing.postgres import PostgresServer, free_port

VERSION = "7.5.1"
HOME = Path(__file__).parent / ".unleash"
FLAG = "bench-flag"
ADMIN_TOKEN = "*:*.bench-admin-token"
ENVIRONMENT = "development"  # Unleash's default environment, enabled out of the box
START = "import { start } from 'unleash-server'; await start({});"


def _installed_version() -> str | None:
    package = HOME / "node_modules" / "unleash-server" / "package.json"
    if not package.exists():
        return None
    return json.loads(package.read_text()).get("version")


def ensure_installed() -> str | None:
    """Install unleash-server@7.5.1 under bench/.unleash/ when it is not there; None, or why it cannot be."""
    if _installed_version() == VERSION:
        return None
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        return "Node.js and npm are not installed on this machine"
    major = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip().lstrip("v")
    if not major or int(major.split(".")[0]) < 20:
        return (
            f"Unleash {VERSION} needs Node.js 20 or newer; this machine has {major or 'an unknown version'}"
        )
    HOME.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [
            npm,
            "install",
            "--prefix",
            str(HOME),
            "--no-audit",
            "--no-fund",
            "--no-save",
            f"unleash-server@{VERSION}",
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    if result.returncode != 0 or _installed_version() != VERSION:
        return (
            f"npm install unleash-server@{VERSION} failed: {(result.stderr or result.stdout)[-300:].strip()}"
        )
    return None


class UnleashPeer:
    """One Unleash process on its own database of `pg`; `url` and `frontend_token` once started."""

    def __init__(self, pg: PostgresServer, database: str, group_id: str) -> None:
        self.pg = pg
        self.database = database
        self.group_id = group_id  # the same group id as the rollout it is compared with
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.frontend_token = ""
        self.proc: subprocess.Popen[bytes] | None = None
        self.unavailable: str | None = None
        self.log = HOME / "unleash.log"

    def start(self, timeout: float = 180.0) -> UnleashPeer:
        self.unavailable = ensure_installed()
        if self.unavailable:
            return self
        self.pg.psql(f'CREATE DATABASE "{self.database}"')
        env = {
            **os.environ,
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{self.pg.port}/{self.database}",
            "DATABASE_SSL": "false",
            "HTTP_HOST": "127.0.0.1",
            "HTTP_PORT": str(self.port),
            "INIT_ADMIN_API_TOKENS": ADMIN_TOKEN,
            "LOG_LEVEL": "warn",
            "SEND_TELEMETRY": "false",
            "CHECK_VERSION": "false",
            "NODE_ENV": "production",
        }
        with self.log.open("wb") as log:
            self.proc = subprocess.Popen(
                ["node", "--input-type=module", "-e", START], cwd=HOME, env=env, stdout=log, stderr=log
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                self.unavailable = f"Unleash exited at start (code {self.proc.returncode}): see {self.log}"
                return self
            try:
                if httpx.get(f"{self.url}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        else:
            self.unavailable = f"Unleash did not answer /health within {timeout:.0f} s: see {self.log}"
            self.stop()
            return self
        try:
            self._create_flag()
        except (httpx.HTTPError, AssertionError, KeyError) as exc:
            self.unavailable = f"Unleash's admin API refused the set-up: {exc}"[:300]
            self.stop()
        return self

    def _create_flag(self) -> None:
        admin = httpx.Client(base_url=self.url, headers={"Authorization": ADMIN_TOKEN}, timeout=30)
        with admin:
            features = "/api/admin/projects/default/features"
            steps = [
                (features, {"name": FLAG}),
                (
                    f"{features}/{FLAG}/environments/{ENVIRONMENT}/strategies",
                    {
                        "name": "flexibleRollout",
                        "parameters": {"rollout": "50", "stickiness": "userId", "groupId": self.group_id},
                    },
                ),
                (f"{features}/{FLAG}/environments/{ENVIRONMENT}/on", None),
            ]
            for path, body in steps:
                r = admin.post(path, json=body)
                assert r.status_code in (200, 201), f"POST {path} → {r.status_code} {r.text[:200]}"
            r = admin.post(
                "/api/admin/api-tokens",
                json={
                    "tokenName": "bench-frontend",
                    "type": "frontend",
                    "environment": ENVIRONMENT,
                    "projects": ["*"],
                },
            )
            assert r.status_code == 201, f"POST /api/admin/api-tokens → {r.status_code} {r.text[:200]}"
            self.frontend_token = r.json()["secret"]
        # The frontend API serves from a cache refreshed in the background: wait until it knows the flag.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if any(self.decisions([f"user-{n}" for n in range(50)]).values()):
                return
            time.sleep(0.5)
        raise AssertionError("the frontend API did not serve the flag within 60 s")

    def decisions(self, units: list[str]) -> dict[str, bool]:
        """Unleash's answer per unit: is the flag enabled for this userId?"""
        out: dict[str, bool] = {}
        with httpx.Client(base_url=self.url, headers={"Authorization": self.frontend_token}, timeout=30) as c:
            for unit in units:
                toggles = c.get("/api/frontend", params={"userId": unit}).json()["toggles"]
                out[unit] = any(t["name"] == FLAG and t["enabled"] for t in toggles)
        return out

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
