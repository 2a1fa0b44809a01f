"""A stand-in for api.github.com: a real local HTTP server (stdlib, its own thread) that records every
request, verifies the App JWT of the installation-token exchange with the App's public key, and answers
callbacks with 204. Also builds GitHub's `deployment_protection_rule` payload (no published example is in
the shared fixtures; the fields follow GitHub's webhook schema for `deployment_protection_rule.requested`)."""

from __future__ import annotations

import json
import re
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

APP_ID = 424242
INSTALLATION_ID = 9090
TOKEN = "ghs_standin_installation_token"


def rsa_key_pem(bits: int = 2048) -> tuple[str, Any]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    ).decode()
    return pem, key.public_key()


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: Any
    claims: dict[str, Any] | None = None
    at: float = field(default_factory=time.time)


class GitHubStandIn:
    def __init__(self, public_key: Any, app_id: int = APP_ID) -> None:
        self.public_key = public_key
        self.app_id = app_id
        self.requests: list[Recorded] = []
        self.token_delay = 0.0
        self.token_started = threading.Event()
        self.lock = threading.Lock()
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                body = json.loads(raw) if raw else None
                headers = {k.lower(): v for k, v in self.headers.items()}
                if re.fullmatch(r"/app/installations/\d+/access_tokens", self.path):
                    standin._token(self, headers)
                    return
                if re.fullmatch(r"/repos/[^/]+/[^/]+/actions/runs/\d+/deployment_protection_rule", self.path):
                    ok = headers.get("authorization") == f"Bearer {TOKEN}"
                    with standin.lock:
                        standin.requests.append(Recorded("POST", self.path, headers, body))
                    self.send_response(204 if ok else 401)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def _token(self, handler: BaseHTTPRequestHandler, headers: dict[str, str]) -> None:
        auth = headers.get("authorization", "")
        claims = None
        try:
            claims = jwt.decode(
                auth.removeprefix("Bearer "), self.public_key, algorithms=["RS256"], issuer=str(self.app_id)
            )
        except jwt.PyJWTError:
            claims = None
        with self.lock:
            self.requests.append(Recorded("POST", handler.path, headers, None, claims))
        self.token_started.set()
        if self.token_delay:
            time.sleep(self.token_delay)
        if claims is None:
            handler.send_response(401)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        expires = (datetime.now(UTC) + timedelta(hours=1)).isoformat().replace("+00:00", "Z")
        out = json.dumps({"token": TOKEN, "expires_at": expires}).encode()
        handler.send_response(201)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(out)))
        handler.end_headers()
        handler.wfile.write(out)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self) -> GitHubStandIn:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def tokens(self) -> list[Recorded]:
        with self.lock:
            return [r for r in self.requests if r.path.startswith("/app/installations/")]

    def callbacks(self) -> list[Recorded]:
        with self.lock:
            return [r for r in self.requests if r.path.endswith("/deployment_protection_rule")]


def protection_payload(
    api_url: str,
    *,
    repository: str = "acme/payments",
    environment: str = "production",
    ref: str = "v1.0.0",
    sha: str = "9049f1265b7d61be4a8904a9a27120d2064dab3b",
    installation: int | None = INSTALLATION_ID,
    run_id: int | None = None,
) -> dict[str, Any]:
    run_id = run_id or uuid.uuid4().int % 10**10
    owner, name = repository.split("/")
    callback = f"{api_url}/repos/{repository}/actions/runs/{run_id}/deployment_protection_rule"
    body: dict[str, Any] = {
        "action": "requested",
        "environment": environment,
        "event": "push",
        "deployment_callback_url": callback,
        "deployment": {
            "url": f"{api_url}/repos/{repository}/deployments/1",
            "id": 1,
            "sha": sha,
            "ref": ref,
            "task": "deploy",
            "environment": environment,
            "creator": {"login": "octocat", "id": 1, "type": "User"},
        },
        "pull_requests": [],
        "repository": {"id": 1296269, "name": name, "full_name": repository, "owner": {"login": owner}},
        "organization": {"login": owner, "id": 1},
        "sender": {"login": "octocat", "id": 1, "type": "User"},
    }
    if installation is not None:
        body["installation"] = {"id": installation, "node_id": "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ=="}
    return body
