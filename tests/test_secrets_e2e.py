"""No secret leaks: the JWT secret, bearer tokens, webhook signing secrets, CI source secrets and the
database password never appear in any service's log lines or in any answer after the one that hands a
secret out. The services run as real processes with a password in their database URLs."""

import hashlib
import hmac
import json
import uuid

import httpx
import pytest
from tpmhub_shared.settings import DEV_JWT_SECRET
from tpmhub_shared.testing.processes import SERVICES, ServiceProcess

pytestmark = pytest.mark.e2e

DB_PASSWORD = "Db-Pa55word-" + uuid.uuid4().hex[:12]


@pytest.fixture(scope="module")
def guarded_stack(pg_server, make_token):
    # Trust authentication accepts any password, so the URL can carry one that must never be printed.
    processes = {}
    for name in SERVICES:
        url = pg_server.create_database(f"{name}_secrets").replace("postgres@", f"postgres:{DB_PASSWORD}@")
        processes[name] = ServiceProcess(name=name, database_url=url, env={"TPM_LOG_LEVEL": "DEBUG"})
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
    sub = httpx.post(f"{req}/v1/subscriptions", headers=headers, json={
        "url": "http://127.0.0.1:9/hook", "event_types": ["project.*"]}).json()
    subscription_secret = sub["secret"]
    assert subscription_secret.startswith("whsec_")
    source = httpx.post(f"{rel}/v1/projects/SEC/ci-sources", headers=headers, json={
        "provider": "github", "repository": "acme/payments"}).json()
    ci_secret = source["secret"]

    # Exercise the paths that log: errors, bad tokens, bad and good webhook signatures, a 404, a 422.
    httpx.get(f"{req}/v1/projects", headers={"Authorization": f"Bearer {token}x"})
    httpx.post(f"{req}/v1/projects", headers=headers, json={"key": "bad key", "name": "x"})
    httpx.get(f"{req}/v1/projects/NOPE", headers=headers)
    body = json.dumps({"zen": "Keep it logically awesome.", "hook_id": 1,
                       "repository": {"full_name": "acme/payments"}}).encode()
    good = "sha256=" + hmac.new(ci_secret.encode(), body, hashlib.sha256).hexdigest()
    for signature in ("sha256=" + "0" * 64, good):
        httpx.post(f"{rel}/v1/webhooks/github", content=body, headers={
            "Content-Type": "application/json", "X-GitHub-Event": "ping",
            "X-GitHub-Delivery": str(uuid.uuid4()), "X-Hub-Signature-256": signature})

    # Later answers never repeat a secret.
    later = [
        httpx.get(f"{req}/v1/subscriptions", headers=headers).text,
        httpx.get(f"{req}/v1/subscriptions/{sub['id']}", headers=headers).text,
        httpx.get(f"{rel}/v1/projects/SEC/ci-sources", headers=headers).text,
        httpx.get(f"{rel}/v1/ci-sources/{source['id']}", headers=headers).text,
    ]
    logs = "\n".join(p.logs() for p in guarded_stack.values())
    assert "\"status\": 401" in logs and "\"status\": 201" in logs  # the logs were captured
    for secret in (DEV_JWT_SECRET, token, DB_PASSWORD, subscription_secret, ci_secret, good):
        assert secret not in logs, f"a secret ({secret[:6]}…) appears in the logs"
        for answer in later:
            assert secret not in answer, f"a secret ({secret[:6]}…) appears in a later answer"
