"""No secret leaks: the JWT secret, bearer tokens, webhook signing secrets, CI source secrets and the
database password never appear in any service's log lines (JSON or console format, stdout or stderr) or in
any answer after the one that hands a secret out. The services run as real processes with a password in
their database URLs; one of them also lives through a PostgreSQL outage, whose failures log tracebacks."""

import asyncio
import hashlib
import hmac
import json
import time
import uuid
from collections.abc import Iterator

import asyncpg
import httpx
import pytest
from tpmhub_shared.settings import DEV_JWT_SECRET
from tpmhub_shared.testing.plugin import project_created_event
from tpmhub_shared.testing.postgres import PostgresServer, free_port
from tpmhub_shared.testing.processes import SERVICES, ServiceProcess

pytestmark = pytest.mark.e2e

DB_PASSWORD = "Db-Pa55word-" + uuid.uuid4().hex[:12]


def with_password(url: str) -> str:
    # Trust authentication accepts any password, so the URL can carry one that must never be printed.
    return url.replace("postgres@", f"postgres:{DB_PASSWORD}@")


@pytest.fixture(scope="module", params=["json", "console"])
def guarded_stack(request, pg_server, make_token):
    fmt = request.param
    processes = {}
    for name in SERVICES:
        url = with_password(pg_server.create_database(f"{name}_secrets_{fmt}"))
        processes[name] = ServiceProcess(
            name=name, database_url=url, env={"TPM_LOG_LEVEL": "DEBUG", "TPM_LOG_FORMAT": fmt}
        )
    urls = {f"TPM_{n.upper()}_URL": p.url for n, p in processes.items()}
    started = []
    try:
        for p in processes.values():
            p.env.update(urls)
            started.append(p.start())
        yield processes
    finally:
        for p in started:
            p.stop()


def test_no_secret_in_logs_or_later_answers(guarded_stack, make_token):
    token = make_token("admin", sub="sam")
    headers = {"Authorization": f"Bearer {token}"}
    req, rel = guarded_stack["requirements"].url, guarded_stack["release"].url

    # Hand out secrets: an outbound subscription and a CI source.
    sub = httpx.post(
        f"{req}/v1/subscriptions",
        headers=headers,
        json={"url": "http://127.0.0.1:9/hook", "event_types": ["project.*"]},
    ).json()
    subscription_secret = sub["secret"]
    assert subscription_secret.startswith("whsec_")
    # A DingTalk robot with its own signing secret (加签), and a v1a subscription whose ed25519 private key
    # never leaves the service: both sign every delivery attempted below, and neither may be printed.
    robot_secret = "SEC" + uuid.uuid4().hex + uuid.uuid4().hex
    robot = httpx.post(
        f"{req}/v1/subscriptions",
        headers=headers,
        json={
            "url": "http://127.0.0.1:9/robot/send",
            "event_types": ["project.*"],
            "format": "dingtalk",
            "robot_secret": robot_secret,
        },
    )
    assert robot.status_code == 201, robot.text
    ed = httpx.post(
        f"{req}/v1/subscriptions",
        headers=headers,
        json={"url": "http://127.0.0.1:9/ed", "event_types": ["project.*"], "signature_scheme": "v1a"},
    )
    assert ed.status_code == 201, ed.text
    assert ed.json()["secret"] is None and ed.json()["public_key"].startswith("whpk_")
    private_key = asyncio.run(stored_secret(guarded_stack["requirements"].database_url, ed.json()["id"]))
    assert private_key.startswith("whsk_")
    project = httpx.post(f"{req}/v1/projects", headers=headers, json={"key": "SEC", "name": "Secrets"})
    assert project.status_code == 201, project.text
    source = httpx.post(
        f"{rel}/v1/projects/SEC/ci-sources",
        headers=headers,
        json={"provider": "github", "repository": "acme/payments"},
    ).json()
    ci_secret = source["secret"]

    # Exercise the paths that log: errors, bad tokens, bad and good webhook signatures, a 404, a 422.
    httpx.get(f"{req}/v1/projects", headers={"Authorization": f"Bearer {token}x"})
    httpx.post(f"{req}/v1/projects", headers=headers, json={"key": "bad key", "name": "x"})
    httpx.get(f"{req}/v1/projects/NOPE", headers=headers)
    body = json.dumps(
        {"zen": "Keep it logically awesome.", "hook_id": 1, "repository": {"full_name": "acme/payments"}}
    ).encode()
    good = "sha256=" + hmac.new(ci_secret.encode(), body, hashlib.sha256).hexdigest()
    for signature in ("sha256=" + "0" * 64, good):
        httpx.post(
            f"{rel}/v1/webhooks/github",
            content=body,
            headers={
                "Content-Type": "application/json",
                "X-GitHub-Event": "ping",
                "X-GitHub-Delivery": str(uuid.uuid4()),
                "X-Hub-Signature-256": signature,
            },
        )

    # Both signing subscriptions have tried a delivery (signed it) before the logs are read.
    deadline = time.monotonic() + 30
    for sid in (robot.json()["id"], ed.json()["id"]):
        while True:
            page = httpx.get(f"{req}/v1/subscriptions/{sid}/deliveries", headers=headers).json()
            if page["items"]:  # each entry is one attempt, signed before it was sent
                break
            assert time.monotonic() < deadline, f"no delivery attempt for subscription {sid}: {page}"
            time.sleep(0.2)

    # Later answers never repeat a secret.
    later = [
        httpx.get(f"{req}/v1/subscriptions", headers=headers).text,
        httpx.get(f"{req}/v1/subscriptions/{sub['id']}", headers=headers).text,
        httpx.get(f"{req}/v1/subscriptions/{robot.json()['id']}", headers=headers).text,
        httpx.get(f"{req}/v1/subscriptions/{ed.json()['id']}", headers=headers).text,
        httpx.get(f"{rel}/v1/projects/SEC/ci-sources", headers=headers).text,
        httpx.get(f"{rel}/v1/ci-sources/{source['id']}", headers=headers).text,
    ]
    logs = "\n".join(p.logs() for p in guarded_stack.values())
    # The logs were captured, in the format asked for.
    assert ('"status": 401' in logs and '"status": 201' in logs) or (
        "status=401" in logs and "status=201" in logs
    )
    secrets = [DEV_JWT_SECRET, token, DB_PASSWORD, subscription_secret, ci_secret, good]
    secrets += [robot_secret, private_key]
    for secret in secrets:
        assert secret not in logs, f"a secret ({secret[:6]}…) appears in the logs"
        for answer in later:
            assert secret not in answer, f"a secret ({secret[:6]}…) appears in a later answer"


async def stored_secret(database_url: str, subscription_id: str) -> str:
    """The signing secret as the service stores it (for v1a, the private key no answer ever carries)."""
    dsn = database_url.replace("postgresql+asyncpg://", "postgresql://")
    connection = await asyncpg.connect(dsn)
    try:
        query = "SELECT secret FROM subscriptions WHERE id = $1"
        return await connection.fetchval(query, uuid.UUID(subscription_id))
    finally:
        await connection.close()


# ---- a PostgreSQL outage under a running service, console format ---------------------------------------

GITLAB_TOKEN = "glt-" + uuid.uuid4().hex
SESSION_COOKIE = "sess-" + uuid.uuid4().hex


@pytest.fixture(scope="module")
def outage(make_token) -> Iterator[tuple[PostgresServer, ServiceProcess]]:
    # Its own PostgreSQL, stopped here, so no other test shares it.
    pg = PostgresServer().start()
    unwired = f"http://127.0.0.1:{free_port()}"
    service = ServiceProcess(
        name="release",
        database_url=with_password(pg.create_database("release_outage")),
        env={
            "TPM_LOG_FORMAT": "console",
            "TPM_LOG_LEVEL": "DEBUG",
            "TPM_EVENTS_POLL_SECONDS": "0.2",
            "TPM_REQUIREMENTS_URL": unwired,
            "TPM_RISK_URL": unwired,
            "TPM_RELEASE_URL": unwired,
        },
    )
    try:
        service.start(timeout=120)
        yield pg, service
    finally:
        service.stop()
        pg.stop()


def test_no_secret_in_console_logs_through_a_database_outage(outage, make_token):
    pg, service = outage
    token = make_token("admin", sub="sam")
    headers = {"Authorization": f"Bearer {token}", "Cookie": f"session={SESSION_COOKIE}"}
    base = service.url
    # release-svc runs alone: it learns project OUT the way requirements-svc would tell it.
    service_headers = {"Authorization": f"Bearer {make_token(service='requirements-svc')}"}
    learned = httpx.post(f"{base}/v1/events", json=project_created_event("OUT"), headers=service_headers)
    assert learned.status_code == 200, learned.text
    ci_secret = httpx.post(
        f"{base}/v1/projects/OUT/ci-sources",
        headers=headers,
        json={"provider": "gitlab", "repository": "acme/payments"},
    ).json()["secret"]

    pg.stop_server()  # returns once the server is down
    body = json.dumps({"object_kind": "pipeline", "project": {"path_with_namespace": "acme/payments"}})
    statuses = []
    deadline = time.monotonic() + 4  # long enough for several failed dispatcher rounds
    while time.monotonic() < deadline:
        statuses += [
            httpx.get(f"{base}/v1/projects/OUT/ci-sources", headers=headers).status_code,
            httpx.post(
                f"{base}/v1/projects/OUT/ci-sources",
                headers=headers,
                json={"provider": "github", "repository": "acme/other"},
            ).status_code,
            httpx.post(
                f"{base}/v1/webhooks/gitlab",
                content=body,
                headers={
                    "Content-Type": "application/json",
                    "X-Gitlab-Event": "Pipeline Hook",
                    "X-Gitlab-Token": GITLAB_TOKEN,
                    "Authorization": f"Bearer {token}",
                },
            ).status_code,
            httpx.get(f"{base}/readyz").status_code,
        ]
        time.sleep(0.2)
    assert 503 in statuses and 500 not in statuses, statuses

    logs = service.logs()
    assert "_unavailable " in logs  # the outage was logged, in the console format
    assert "Traceback" in logs  # and a failure logged its traceback
    for secret in (DB_PASSWORD, token, GITLAB_TOKEN, SESSION_COOKIE, ci_secret, DEV_JWT_SECRET):
        assert secret not in logs, f"a secret ({secret[:6]}…) appears in the console logs"
