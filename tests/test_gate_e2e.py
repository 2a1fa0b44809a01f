"""The release gate with the three services as real processes on PostgreSQL: scope validated against the
real requirements-svc, blocking risks from the real risk-svc, and a sibling that is down or hangs failing
its check (fail closed) within the sibling timeout. The failure cases run extra release-svc replicas on
the stack's release database, each wired to one broken sibling."""

import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
from tpmhub_shared.testing.postgres import free_port
from tpmhub_shared.testing.processes import ServiceProcess

pytestmark = pytest.mark.e2e

PROJECT = "GATEE2E"
TIMEOUT = 1.5  # the default sibling timeout


class SilentServer:
    """Accepts TCP connections and never answers: a hung sibling."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.held: list[socket.socket] = []
        self.closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self.closed:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.held.append(conn)

    def close(self) -> None:
        self.closed = True
        self.sock.close()
        for c in self.held:
            c.close()


def finish(req: str, headers: dict[str, str], key: str) -> None:
    for c in httpx.get(f"{req}/v1/items/{key}/criteria", headers=headers).json():
        r = httpx.post(
            f"{req}/v1/criteria/{c['id']}/verify",
            headers=headers,
            json={"status": "passed", "evidence_url": "https://ci.example.com/1"},
        )
        assert r.status_code == 200, r.text
    for to in ("ready", "in_progress", "in_review", "done"):
        r = httpx.post(f"{req}/v1/items/{key}/transition", json={"to": to}, headers=headers)
        assert r.status_code == 200, r.text


@pytest.fixture(scope="module")
def items(stack) -> list[str]:
    req = stack.url("requirements")
    admin = stack.headers("admin", PROJECT)
    r = httpx.post(f"{req}/v1/projects", json={"key": PROJECT, "name": "Gate end to end"}, headers=admin)
    assert r.status_code == 201, r.text
    keys = []
    for n in range(2):
        r = httpx.post(
            f"{req}/v1/projects/{PROJECT}/items", json={"type": "story", "title": f"Story {n}"}, headers=admin
        )
        assert r.status_code == 201, r.text
        keys.append(r.json()["key"])
        r = httpx.post(f"{req}/v1/items/{keys[-1]}/criteria", json={"text": "it works"}, headers=admin)
        assert r.status_code == 201, r.text
    finish(req, admin, keys[0])
    return keys


def ready_release(stack, version: str, scope: list[str]) -> str:
    rel = stack.url("release")
    tpm = stack.headers("tpm", PROJECT, sub="tina")
    r = httpx.post(
        f"{rel}/v1/projects/{PROJECT}/releases",
        headers=tpm,
        json={"version": version, "scope": scope, "approvers": ["carol"]},
    )
    assert r.status_code == 201, r.text
    rid = r.json()["id"]
    assert httpx.post(f"{rel}/v1/releases/{rid}/submit", headers=tpm).status_code == 200
    r = httpx.post(
        f"{rel}/v1/releases/{rid}/approvals",
        json={"decision": "approve"},
        headers=stack.headers("engineer", PROJECT, sub="carol"),
    )
    assert r.json()["status"] == "approved", r.text
    for item in httpx.get(f"{rel}/v1/releases/{rid}/checklist", headers=tpm).json():
        r = httpx.patch(
            f"{rel}/v1/releases/{rid}/checklist/{item['id']}",
            headers=tpm,
            json={"status": "done", "evidence_url": "https://wiki.example.com/go"},
        )
        assert r.status_code == 200, r.text
    return rid


def ask_gate(base: str, headers: dict[str, str], rid: str) -> tuple[dict, float]:
    started = time.monotonic()
    r = httpx.get(
        f"{base}/v1/releases/{rid}/gate", params={"environment": "production"}, headers=headers, timeout=30
    )
    elapsed = time.monotonic() - started
    assert r.status_code == 200, r.text
    return r.json(), elapsed


def checks(result: dict) -> dict[str, dict]:
    return {c["name"]: c for c in result["checks"]}


def test_scope_validated_against_real_requirements(stack, items):
    rel = stack.url("release")
    tpm = stack.headers("tpm", PROJECT, sub="tina")
    r = httpx.post(
        f"{rel}/v1/projects/{PROJECT}/releases",
        headers=tpm,
        json={"version": "0.9.0", "scope": [items[0], f"{PROJECT}-999"]},
    )
    assert r.status_code == 422, r.text
    assert r.json()["unknown_items"] == [f"{PROJECT}-999"]
    listed = httpx.get(f"{rel}/v1/projects/{PROJECT}/releases", headers=tpm).json()["items"]
    assert all(x["version"] != "0.9.0" for x in listed)


def test_gate_over_real_http(stack, items):
    rel, risk = stack.url("release"), stack.url("risk")
    ci = stack.headers("ci", PROJECT, sub="ci:pipeline")
    rid = ready_release(stack, "1.0.0", items[:1])
    result, _ = ask_gate(rel, ci, rid)
    assert result["allowed"] is True, result
    assert all(c["passed"] for c in result["checks"])

    # An unfinished item in scope fails the scope check, naming it.
    rid2 = ready_release(stack, "1.1.0", items)
    result, _ = ask_gate(rel, ci, rid2)
    assert result["allowed"] is False and checks(result)["scope"]["offending_ids"] == [items[1]]

    # A blocking risk linked to the release fails the risks check, naming it.
    r = httpx.post(
        f"{risk}/v1/projects/{PROJECT}/risks",
        headers=stack.headers("tpm", PROJECT),
        json={
            "title": "Ledger migration locks the table",
            "category": "technical",
            "probability": 5,
            "impact": 5,
            "links": {"releases": [rid]},
        },
    )
    assert r.status_code == 201, r.text
    result, _ = ask_gate(rel, ci, rid)
    assert result["allowed"] is False
    assert checks(result)["risks"]["offending_ids"] == [r.json()["key"]]
    decisions = httpx.get(f"{rel}/v1/releases/{rid}/gate-decisions", headers=ci).json()["items"]
    assert [d["allowed"] for d in decisions] == [False, True]
    assert decisions[0]["asked_by"] == "ci:pipeline"


@pytest.fixture(scope="module")
def broken_replicas(stack) -> Iterator[dict[str, ServiceProcess]]:
    """Two more release-svc processes on the stack's release database: one whose risk-svc is down (nothing
    listens), one whose requirements-svc hangs (accepts, never answers)."""
    silent = SilentServer()
    release_db = stack.services["release"].database_url
    down = ServiceProcess(
        name="release",
        database_url=release_db,
        env={
            "TPM_REQUIREMENTS_URL": stack.url("requirements"),
            "TPM_RISK_URL": f"http://127.0.0.1:{free_port()}",
        },
    )
    hung = ServiceProcess(
        name="release",
        database_url=release_db,
        env={"TPM_REQUIREMENTS_URL": f"http://127.0.0.1:{silent.port}", "TPM_RISK_URL": stack.url("risk")},
    )
    started = []
    try:
        for p in (down, hung):
            started.append(p.start())
        yield {"down": down, "hung": hung}
    finally:
        for p in started:
            p.stop()
        silent.close()


def test_sibling_down_fails_closed(stack, items, broken_replicas):
    rid = ready_release(stack, "2.0.0", items[:1])
    ci = stack.headers("ci", PROJECT, sub="ci:pipeline")
    result, elapsed = ask_gate(broken_replicas["down"].url, ci, rid)
    c = checks(result)
    assert result["allowed"] is False
    assert c["risks"]["passed"] is False and "fail closed" in c["risks"]["reason"]
    assert c["scope"]["passed"] is True
    assert elapsed < TIMEOUT + 2.0, elapsed


def test_sibling_hanging_fails_closed_within_the_timeout(stack, items, broken_replicas):
    rid = ready_release(stack, "2.1.0", items[:1])
    ci = stack.headers("ci", PROJECT, sub="ci:pipeline")
    result, elapsed = ask_gate(broken_replicas["hung"].url, ci, rid)
    c = checks(result)
    assert result["allowed"] is False
    assert c["scope"]["passed"] is False and f"timed out after {TIMEOUT:g}s" in c["scope"]["reason"]
    assert c["risks"]["passed"] is True
    assert TIMEOUT * 0.9 <= elapsed < TIMEOUT + 2.0, elapsed
    # A release write that needs the scope validated answers 503 and writes nothing.
    tpm = stack.headers("tpm", PROJECT, sub="tina")
    r = httpx.post(
        f"{broken_replicas['hung'].url}/v1/projects/{PROJECT}/releases",
        headers=tpm,
        json={"version": "2.2.0", "scope": items[:1]},
        timeout=30,
    )
    assert r.status_code == 503, r.text
    listed = httpx.get(f"{stack.url('release')}/v1/projects/{PROJECT}/releases", headers=tpm).json()["items"]
    assert all(x["version"] != "2.2.0" for x in listed)


class FailingGateway:
    """Answers every request with 503, as a proxy in front of a failed release-svc would."""

    def __init__(self) -> None:
        import http.server

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
                body = b'{"title": "Service Unavailable", "status": 503}'
                self.send_response(503)
                self.send_header("Content-Type", "application/problem+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def tpm_gate(
    stack, *args: str, release_url: str | None = None, role: str = "ci", project: str = PROJECT
) -> tuple[int, str]:
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "TPM_TOKEN": stack.make_token(role, project, sub="ci:pipeline"),
        "TPM_RELEASE_URL": release_url or stack.url("release"),
        "TPM_CONFIG": "/nonexistent/tpm.json",
        "COLUMNS": "200",
    }
    result = subprocess.run(
        [sys.executable, "-m", "tpmhub_cli", "release", "gate", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, result.stdout + result.stderr


def test_cli_gate_tells_no_from_could_not_ask(stack, items):
    allowed = ready_release(stack, "4.0.0", items[:1])
    denied = ready_release(stack, "4.1.0", items)
    code, out = tpm_gate(stack, allowed)
    assert code == 0 and "ALLOWED" in out, out
    code, out = tpm_gate(stack, denied)
    assert code == 1 and "DENIED" in out and items[1] in out, out
    # Usage errors: no release id; an unknown release; a token without a role on the project.
    assert tpm_gate(stack)[0] == 2
    assert tpm_gate(stack, "01937c5e-0000-7000-8000-000000000000")[0] == 2
    assert tpm_gate(stack, allowed, project="OTHER")[0] == 2
    # Could not ask: nothing listens; a gateway answers 503.
    code, out = tpm_gate(stack, allowed, release_url=f"http://127.0.0.1:{free_port()}")
    assert code == 3 and "unreachable" in out, out
    gateway = FailingGateway()
    try:
        code, out = tpm_gate(stack, allowed, release_url=gateway.url)
        assert code == 3 and "503" in out, out
    finally:
        gateway.close()


def test_cli_gate_help_documents_the_exit_codes():
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "tpmhub_cli", "release", "gate", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        env={"COLUMNS": "200", "PATH": ""},
    )
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    for phrase in ("0 allowed", "1 denied", "2 usage error", "3 could not ask"):
        assert phrase in text, result.stdout


def test_a_blocking_bug_deep_under_a_scope_epic_fails_the_gate(stack):
    """epic > feature > story > S1 bug: the release scopes only the epic; the gate names the bug and where
    it sits, and passes once the bug is closed."""
    req, rel = stack.url("requirements"), stack.url("release")
    admin = stack.headers("admin", PROJECT)
    ci = stack.headers("ci", PROJECT, sub="ci:pipeline")
    rows = [
        {"type": "epic", "title": "Wallets"},
        {"type": "feature", "title": "Apple Pay", "parent": "#0"},
        {"type": "story", "title": "Pay with Apple Pay", "parent": "#1"},
        {"type": "bug", "title": "Double charge", "severity": "S1", "parent": "#2"},
    ]
    r = httpx.post(f"{req}/v1/projects/{PROJECT}/items/batch", json={"items": rows}, headers=admin)
    assert r.status_code == 201, r.text
    epic, feature, story, bug = (i["key"] for i in r.json()["items"])
    finish(req, admin, epic)
    rid = ready_release(stack, "3.0.0", [epic])
    result, _ = ask_gate(rel, ci, rid)
    scope = checks(result)["scope"]
    assert result["allowed"] is False and scope["passed"] is False
    assert scope["offending_ids"] == [bug]
    assert f"{bug} (S1, under {epic} › {feature} › {story})" in scope["reason"]
    finish(req, admin, bug)
    result, _ = ask_gate(rel, ci, rid)
    assert checks(result)["scope"]["passed"] is True, checks(result)["scope"]
