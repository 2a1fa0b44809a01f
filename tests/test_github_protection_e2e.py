"""GitHub custom deployment protection rule with real processes on PostgreSQL: release-svc killed (SIGKILL)
after the gate's decision is committed but before the callback reaches GitHub (the stand-in holds the
installation-token exchange) → after the restart the callback arrives exactly once."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from github_standin import APP_ID, GitHubStandIn, protection_payload, rsa_key_pem
from test_webhooks import github_headers
from tpmhub_shared.testing.processes import SERVICES, ServiceProcess

pytestmark = pytest.mark.e2e

PROJECT = "GHP"
APP_SECRET = "app-webhook-secret-0123456789"


def wait_until(check: Callable[[], Any], timeout: float, what: str) -> Any:
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            last = check()
        except httpx.HTTPError as exc:
            last = exc
        else:
            if last:
                return last
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout}s waiting for {what} (last: {last!r})")


def ok(response: httpx.Response, status: int = 200) -> Any:
    what = f"{response.request.method} {response.request.url} {response.text}"
    assert response.status_code == status, what[:2000]
    return response.json() if response.content else None


@pytest.fixture(scope="module")
def keys() -> tuple[str, Any]:
    return rsa_key_pem()


@pytest.fixture(scope="module")
def github(keys) -> Iterator[GitHubStandIn]:
    standin = GitHubStandIn(keys[1]).start()
    yield standin
    standin.stop()


class Stack:
    def __init__(self, services: dict[str, ServiceProcess], make_token: Callable[..., str]) -> None:
        self.services = services
        self.make_token = make_token

    def url(self, name: str) -> str:
        return self.services[name].url

    def headers(self, role: str = "admin", project: str = "*", sub: str = "alice") -> dict[str, str]:
        return {"Authorization": f"Bearer {self.make_token(role, project, sub=sub)}"}


@pytest.fixture(scope="module")
def ghstack(pg_server, make_token, github) -> Iterator[Stack]:
    env = {
        "RELEASE_GITHUB_API_URL": github.url,
        "RELEASE_PROTECTION_POLL_SECONDS": "0.2",
        "RELEASE_PROTECTION_LEASE_SECONDS": "3",
        "TPM_EVENTS_POLL_SECONDS": "0.2",
        "TPM_EVENTS_LEASE_SECONDS": "3",
        "TPM_EVENTS_DELIVERY_TIMEOUT_SECONDS": "40",
    }
    services = {
        name: ServiceProcess(name=name, database_url=pg_server.create_database(f"{name}_ghprot"))
        for name in SERVICES
    }
    wiring = {f"TPM_{name.upper()}_URL": p.url for name, p in services.items()}
    try:
        for p in services.values():
            p.env.update(wiring)
            p.env.update(env)
            p.start(timeout=120)
        yield Stack(services, make_token)
    finally:
        for p in services.values():
            p.stop()


def test_callback_survives_a_crash_between_decision_and_callback(ghstack: Stack, github, keys):
    rel = ghstack.url("release")
    tpm = ghstack.headers("tpm", PROJECT, sub="tina")
    ok(
        httpx.post(
            f"{ghstack.url('requirements')}/v1/projects",
            json={"key": PROJECT, "name": "GH"},
            headers=ghstack.headers(),
        ),
        201,
    )
    release = ok(
        httpx.post(
            f"{rel}/v1/projects/{PROJECT}/releases",
            headers=tpm,
            json={"version": "1.0.0", "approvers": ["carol"]},
        ),
        201,
    )
    rid = release["id"]
    ok(httpx.post(f"{rel}/v1/releases/{rid}/submit", headers=tpm))
    ok(
        httpx.post(
            f"{rel}/v1/releases/{rid}/approvals",
            json={"decision": "approve"},
            headers=ghstack.headers("engineer", PROJECT, sub="carol"),
        ),
        201,
    )
    for item in ok(httpx.get(f"{rel}/v1/releases/{rid}/checklist", headers=tpm)):
        ok(
            httpx.patch(
                f"{rel}/v1/releases/{rid}/checklist/{item['id']}",
                headers=tpm,
                json={"status": "done", "evidence_url": "https://wiki.example.com/go"},
            )
        )
    ok(
        httpx.post(
            f"{rel}/v1/projects/{PROJECT}/ci-sources",
            headers=tpm,
            json={
                "provider": "github",
                "repository": "acme/payments",
                "github_app": {"app_id": APP_ID, "private_key": keys[0], "webhook_secret": APP_SECRET},
            },
        ),
        201,
    )

    github.token_delay = 60  # the first token exchange hangs: the callback cannot be sent yet
    payload = protection_payload(github.url)
    raw = json.dumps(payload).encode()
    receipt = ok(
        httpx.post(
            f"{rel}/v1/webhooks/github",
            content=raw,
            headers=github_headers(raw, "deployment_protection_rule", secret=APP_SECRET),
        )
    )
    assert receipt["status"] == "processed" and "pending" in receipt["detail"]

    def approved() -> list[dict]:
        page = ok(
            httpx.get(
                f"{rel}/v1/projects/{PROJECT}/deployment-protection-requests",
                params={"status": "approved"},
                headers=tpm,
            )
        )
        return page["items"]

    [decided] = wait_until(approved, 30, "the gate's decision to be committed")
    assert github.token_started.wait(30), "the callback's token exchange never started"
    assert github.callbacks() == []
    release_svc = ghstack.services["release"]
    release_svc.kill()  # SIGKILL while the callback is in flight, before it reached GitHub
    github.token_delay = 0
    release_svc.restart()

    wait_until(github.callbacks, 60, "the callback after the restart")
    time.sleep(5)  # longer than every lease: a second attempt would have been made by now
    [callback] = github.callbacks()
    assert callback.path == payload["deployment_callback_url"].removeprefix(github.url)
    assert callback.body["state"] == "approved" and callback.body["environment_name"] == "production"
    assert decided["last_decision_id"] in callback.body["comment"]
    tokens = github.tokens()
    assert len(tokens) == 2 and all(t.claims and t.claims["iss"] == str(APP_ID) for t in tokens)
    decisions = ok(httpx.get(f"{rel}/v1/releases/{rid}/gate-decisions", headers=tpm))["items"]
    assert [d["allowed"] for d in decisions] == [True]
