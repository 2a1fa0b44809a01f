"""GitHub custom deployment protection rule: TPM Hub as the GitHub App answering `deployment_protection_rule`
deliveries through the gate, against a real local HTTP server standing in for api.github.com (the payload is
built from GitHub's webhook schema: no published example is in the shared fixtures)."""

import json
import time
from datetime import timedelta

import pytest
from github_standin import APP_ID, INSTALLATION_ID, GitHubStandIn, protection_payload, rsa_key_pem
from release_helpers import ready_release
from release_svc.protection import service as protection
from sqlalchemy import func, select
from test_webhooks import GH_SECRET, github_headers, scalar
from tpmhub_shared.events import outbox
from tpmhub_shared.events.deliveries import DeliveryAttempt, EventDelivery
from tpmhub_shared.ids import utcnow

PEM, PUBLIC = rsa_key_pem()
APP_SECRET = "app-webhook-secret-0123456789"


@pytest.fixture
def github(client):
    """The stand-in, and release-svc's GitHub API base pointed at it (its token cache emptied)."""
    app = client._transport.app
    standin = GitHubStandIn(PUBLIC).start()
    saved = app.state.settings.github_api_url
    app.state.settings.github_api_url = standin.url
    app.state.github_client = None
    yield standin
    app.state.settings.github_api_url = saved
    app.state.github_client = None
    standin.stop()


def app_of(client):
    return client._transport.app


async def make_app_source(client, auth, *, installation_id=None, webhook_secret=APP_SECRET, **kw):
    body = {
        "provider": "github",
        "repository": "acme/payments",
        "secret": GH_SECRET,
        "github_app": {
            "app_id": APP_ID,
            "private_key": PEM,
            "webhook_secret": webhook_secret,
            "installation_id": installation_id,
        },
        **kw,
    }
    r = await client.post("/v1/projects/PAY/ci-sources", json=body, headers=auth("tpm", "PAY"))
    assert r.status_code == 201, r.text
    return r.json()


async def deliver(client, payload, *, secret=APP_SECRET, delivery=None):
    raw = json.dumps(payload).encode()
    return await client.post(
        "/v1/webhooks/github",
        content=raw,
        headers=github_headers(raw, "deployment_protection_rule", delivery, secret=secret),
    )


async def settle(client):
    """Run the re-check worker and the outbox dispatcher until nothing is left to do."""
    app = app_of(client)
    for _ in range(10):
        work = await protection.run_once(app) + await outbox.run_once(app)
        if not work:
            return


async def requests(client, auth, status=None):
    params = {"status": status} if status else {}
    r = await client.get(
        "/v1/projects/PAY/deployment-protection-requests", params=params, headers=auth("viewer", "PAY")
    )
    assert r.status_code == 200, r.text
    return r.json()["items"]


def assert_token_exchange(standin):
    tokens = standin.tokens()
    assert tokens, "no installation token was asked for"
    for t in tokens:
        assert t.path == f"/app/installations/{INSTALLATION_ID}/access_tokens"
        assert t.claims is not None, "the App JWT did not verify with the App's public key"
        assert t.claims["iss"] == str(APP_ID)
        now = time.time()
        assert t.claims["iat"] <= now - 55 and t.claims["exp"] <= now + 600
        assert t.claims["exp"] - t.claims["iat"] <= 660


# ---- the App configuration ---------------------------------------------------------------------------


async def test_app_config_is_validated_and_never_shown(client, auth):
    src = await make_app_source(client, auth, installation_id=INSTALLATION_ID)
    assert src["github_app"]["app_id"] == APP_ID and src["github_app"]["installation_id"] == INSTALLATION_ID
    assert src["github_app"]["private_key_fingerprint"].startswith("SHA256:")
    assert src["github_app"]["webhook_secret_set"] is True
    got = await client.get(f"/v1/ci-sources/{src['id']}", headers=auth("tpm", "PAY"))
    listed = await client.get("/v1/projects/PAY/ci-sources", headers=auth("tpm", "PAY"))
    for text in (json.dumps(src), got.text, listed.text):
        assert "PRIVATE KEY" not in text and APP_SECRET not in text
    history = await client.get(f"/v1/ci-sources/{src['id']}/history", headers=auth("tpm", "PAY"))
    if history.status_code == 200:
        assert "PRIVATE KEY" not in history.text and APP_SECRET not in history.text

    bad_keys = ["not a key", PEM.replace("MII", "XXX", 1), rsa_key_pem(1024)[0], "A" * 20_000]
    for n, key in enumerate(bad_keys):
        r = await client.post(
            "/v1/projects/PAY/ci-sources",
            json={
                "provider": "github",
                "repository": f"acme/other{n}",
                "github_app": {"app_id": 1, "private_key": key},
            },
            headers=auth("tpm", "PAY"),
        )
        assert r.status_code == 422, r.text
        assert r.headers["content-type"].startswith("application/problem+json")
        assert key[:40] not in r.text
    gitlab = await client.post(
        "/v1/projects/PAY/ci-sources",
        json={"provider": "gitlab", "repository": "acme/gl", "github_app": {"app_id": 1, "private_key": PEM}},
        headers=auth("tpm", "PAY"),
    )
    assert gitlab.status_code == 422
    sources = await client.get("/v1/projects/PAY/ci-sources", headers=auth("tpm", "PAY"))
    assert len(sources.json()["items"]) == 1

    removed = await client.patch(
        f"/v1/ci-sources/{src['id']}", json={"github_app": None}, headers=auth("tpm", "PAY")
    )
    assert removed.status_code == 200 and removed.json()["github_app"] is None
    bad = await client.patch(
        f"/v1/ci-sources/{src['id']}",
        json={"github_app": {"app_id": 1, "private_key": "nope"}},
        headers=auth("tpm", "PAY"),
    )
    assert bad.status_code == 422
    again = await client.patch(
        f"/v1/ci-sources/{src['id']}",
        json={"github_app": {"app_id": 7, "private_key": PEM}},
        headers=auth("tpm", "PAY"),
    )
    assert again.status_code == 200 and again.json()["github_app"]["app_id"] == 7


# ---- decisions ---------------------------------------------------------------------------------------


async def test_allowed_release_is_approved(client, auth, wired, github):  # noqa: F811
    await make_app_source(client, auth)
    rid = await ready_release(client, auth, [])
    payload = protection_payload(github.url)
    r = await deliver(client, payload)
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "processed" and "pending" in r.json()["detail"]
    [pending] = await requests(client, auth, "pending")
    assert pending["release_id"] == rid and pending["environment"] == "production"
    await settle(client)
    assert_token_exchange(github)
    [callback] = github.callbacks()
    assert callback.path == payload["deployment_callback_url"].removeprefix(github.url)
    assert callback.headers["authorization"] == "Bearer ghs_standin_installation_token"
    assert set(callback.body) == {"environment_name", "state", "comment"}
    assert callback.body["environment_name"] == "production" and callback.body["state"] == "approved"
    [done] = await requests(client, auth, "approved")
    assert done["last_decision_id"] in callback.body["comment"]
    assert f"/v1/releases/{rid}/gate-decisions" in callback.body["comment"]
    assert await requests(client, auth, "pending") == []
    # A redelivery (same callback URL, new delivery id) posts nothing again.
    again = await deliver(client, payload)
    assert again.status_code == 200 and "already received" in again.json()["detail"]
    await settle(client)
    assert len(github.callbacks()) == 1


async def test_denied_then_allowed_reports_then_approves(client, auth, wired, github):  # noqa: F811
    await make_app_source(client, auth)
    rid = await ready_release(client, auth, [])
    item = await client.post(
        f"/v1/releases/{rid}/checklist",
        json={"title": "Reconciliation signed off"},
        headers=auth("tpm", "PAY"),
    )
    assert item.status_code == 201, item.text
    r = await deliver(client, protection_payload(github.url, environment="Production"))
    assert r.status_code == 200, r.text
    await settle(client)
    [report] = github.callbacks()
    assert set(report.body) == {"environment_name", "comment"}, "a status report carries no state"
    assert report.body["environment_name"] == "Production"
    comment = report.body["comment"]
    assert len(comment) <= 1024 and "- checklist:" in comment and "Reconciliation signed off" in comment
    assert f"/v1/releases/{rid}/gate-decisions?environment=production" in comment
    [pending] = await requests(client, auth, "pending")
    assert pending["reports_posted"] == 1 and pending["failing_checks"][0]["name"] == "checklist"
    assert pending["last_decision_id"] in comment

    # Nothing changed: the re-check (even when due) posts nothing new.
    assert await protection.run_once(app_of(client)) == 0  # not due before the re-check interval
    await protection.run_once(app_of(client), now=utcnow() + timedelta(minutes=2))
    await settle(client)
    assert len(github.callbacks()) == 1

    # Ticking the item re-evaluates at once (no waiting for the interval) and approves.
    tick = await client.patch(
        f"/v1/releases/{rid}/checklist/{item.json()['id']}",
        json={"status": "done", "evidence_url": "https://wiki.example.com/recon"},
        headers=auth("qa", "PAY"),
    )
    assert tick.status_code == 200, tick.text
    await settle(client)
    bodies = [c.body for c in github.callbacks()]
    assert len(bodies) == 2 and bodies[1]["state"] == "approved"
    assert bodies[1]["environment_name"] == "Production"
    assert_token_exchange(github)
    assert len(github.tokens()) == 1, "the installation token is reused while valid"


async def test_rejected_at_once(client, auth, wired, github):  # noqa: F811
    await make_app_source(client, auth)
    # No matching release.
    r = await deliver(client, protection_payload(github.url, ref="v9.9.9"))
    assert r.status_code == 200 and "rejected" in r.json()["detail"]
    await outbox.run_once(app_of(client))
    [first] = github.callbacks()
    assert first.body["state"] == "rejected" and first.body["environment_name"] == "production"
    assert "no TPM Hub release" in first.body["comment"] and "v9.9.9" in first.body["comment"]
    # A cancelled release.
    made = await client.post(
        "/v1/projects/PAY/releases", json={"version": "2.0.0"}, headers=auth("tpm", "PAY")
    )
    cancel = await client.post(f"/v1/releases/{made.json()['id']}/cancel", headers=auth("tpm", "PAY"))
    assert cancel.status_code == 200, cancel.text
    r = await deliver(client, protection_payload(github.url, ref="v2.0.0"))
    assert r.status_code == 200
    await outbox.run_once(app_of(client))
    second = github.callbacks()[1]
    assert second.body == {
        "environment_name": "production",
        "state": "rejected",
        "comment": "TPM Hub rejected this deployment: release 2.0.0 is cancelled and can no longer be "
        "deployed.",
    }
    rejected = await requests(client, auth, "rejected")
    assert len(rejected) == 2 and all(x["decided_at"] for x in rejected)
    assert_token_exchange(github)


async def test_a_pending_release_cancelled_later_is_rejected(client, auth, wired, github):  # noqa: F811
    await make_app_source(client, auth)
    made = await client.post(
        "/v1/projects/PAY/releases", json={"version": "1.0.0"}, headers=auth("tpm", "PAY")
    )
    await deliver(client, protection_payload(github.url))
    await settle(client)
    [report] = github.callbacks()
    assert "state" not in report.body and "- state:" in report.body["comment"]
    await client.post(f"/v1/releases/{made.json()['id']}/cancel", headers=auth("tpm", "PAY"))
    await settle(client)
    assert github.callbacks()[1].body["state"] == "rejected"


async def test_pending_requests_expire_and_reports_stop_at_ten(client, auth, wired, github):  # noqa: F811
    await make_app_source(client, auth)
    await client.post("/v1/projects/PAY/releases", json={"version": "1.0.0"}, headers=auth("tpm", "PAY"))
    await deliver(client, protection_payload(github.url))
    await settle(client)
    assert len(github.callbacks()) == 1
    app = app_of(client)
    # Reasons that change every time: at most 10 reports in all.
    from release_svc.protection.models import ProtectionRequest

    for n in range(12):
        async with app.state.db.session() as session, session.begin():
            row = (await session.execute(select(ProtectionRequest))).scalar_one()
            row.reasons_digest = f"changed-{n}"
        await protection.run_once(app, now=utcnow() + timedelta(minutes=2 * (n + 1)))
        await outbox.run_once(app)
    assert len(github.callbacks()) == 10
    [pending] = await requests(client, auth, "pending")
    assert pending["reports_posted"] == 10
    await protection.run_once(app, now=utcnow() + timedelta(days=31))
    await outbox.run_once(app)
    last = github.callbacks()[-1].body
    assert last["state"] == "rejected" and "expired" in last["comment"] and len(last["comment"]) <= 1024
    assert await requests(client, auth, "pending") == []


# ---- failures are queued, retried and visible --------------------------------------------------------


async def test_github_failures_are_retried_and_logged(client, auth, wired, github):  # noqa: F811
    await make_app_source(client, auth)
    app = app_of(client)
    github.stop()  # GitHub unreachable
    await deliver(client, protection_payload(github.url, ref="v9.9.9"))
    await outbox.run_once(app)
    target = EventDelivery.target == "service:github-callback"
    assert await scalar(client, select(EventDelivery.status).where(target)) == "pending"
    assert await scalar(client, select(EventDelivery.attempts).where(target)) == 1
    assert await scalar(client, select(EventDelivery.last_error).where(target))
    attempts = await scalar(client, select(func.count()).select_from(DeliveryAttempt))
    assert attempts == 1
    r = await client.get(
        "/v1/event-deliveries", params={"target": "service:github-callback"}, headers=auth("admin")
    )
    assert r.status_code == 200 and r.json()["items"][0]["attempts"] == 1


# ---- bad input ---------------------------------------------------------------------------------------


async def test_bad_inputs_write_nothing(client, auth, github):
    from release_svc.protection.models import ProtectionRequest
    from release_svc.webhooks.models import CiDelivery

    await make_app_source(client, auth, installation_id=INSTALLATION_ID)
    payload = protection_payload(github.url)
    bad_sig = await deliver(client, payload, secret="wrong-secret-0123456789")
    assert bad_sig.status_code == 401
    malformed = []
    for change in (
        {"installation": None},
        {"environment": ""},
        {"deployment_callback_url": "https://evil.example.com/repos/acme/payments/actions/runs/1/x"},
        {"deployment_callback_url": github.url + "/../app/installations"},
        {"deployment": {"sha": "zz", "ref": "v1.0.0"}},
    ):
        body = {**payload, **change}
        if change.get("installation", 1) is None:
            body.pop("installation")
        malformed.append(await deliver(client, body))
    for r in malformed:
        assert r.status_code == 422, r.text
        assert r.headers["content-type"].startswith("application/problem+json")
    assert await scalar(client, select(func.count()).select_from(CiDelivery)) == 0
    assert await scalar(client, select(func.count()).select_from(ProtectionRequest)) == 0

    other = await deliver(client, protection_payload(github.url, installation=1))
    assert other.status_code == 202 and other.json()["status"] == "ignored"
    assert "installation 1" in other.json()["detail"]
    assert await scalar(client, select(func.count()).select_from(ProtectionRequest)) == 0
    logged = (await client.get("/v1/projects/PAY/ci-deliveries", headers=auth("tpm", "PAY"))).json()["items"]
    assert logged[0]["status"] == "ignored" and "installation 1" in logged[0]["summary"]


async def test_source_without_app_ignores_with_a_receipt(client, auth, github):
    from release_svc.protection.models import ProtectionRequest

    r = await client.post(
        "/v1/projects/PAY/ci-sources",
        json={"provider": "github", "repository": "acme/payments", "secret": GH_SECRET},
        headers=auth("tpm", "PAY"),
    )
    assert r.status_code == 201
    got = await deliver(client, protection_payload(github.url), secret=GH_SECRET)
    assert got.status_code == 202 and got.json()["status"] == "ignored"
    assert "no GitHub App" in got.json()["detail"]
    assert await scalar(client, select(func.count()).select_from(ProtectionRequest)) == 0
    assert github.requests == []


# ---- migration ---------------------------------------------------------------------------------------


async def test_protection_migration_up_and_down(backend, request, common_settings):
    import asyncio

    from alembic import command
    from release_svc.main import SPEC
    from release_svc.settings import Settings
    from sqlalchemy import inspect
    from sqlalchemy.ext.asyncio import create_async_engine
    from tpmhub_shared.app import migration_config
    from tpmhub_shared.testing.plugin import new_database_url

    pg = request.getfixturevalue("pg_server") if backend == "postgresql" else None
    url = await new_database_url(backend, pg, "release_protection_migration")
    cfg = migration_config(SPEC, Settings(database_url=url, common=common_settings, background_enabled=False))
    engine = create_async_engine(url)

    async def shape():
        async with engine.connect() as conn:
            return await conn.run_sync(
                lambda c: (
                    {col["name"] for col in inspect(c).get_columns("ci_sources")},
                    inspect(c).has_table("deployment_protection_requests"),
                )
            )

    try:
        await asyncio.to_thread(command.upgrade, cfg, "heads")
        columns, table = await shape()
        assert {"github_app_id", "github_app_private_key", "github_app_webhook_secret"} <= columns and table
        await asyncio.to_thread(command.downgrade, cfg, "b7e4c2a91f3d-1")
        columns, table = await shape()
        assert "github_app_id" not in columns and not table
        await asyncio.to_thread(command.upgrade, cfg, "heads")
        assert (await shape())[1]
    finally:
        await engine.dispose()
