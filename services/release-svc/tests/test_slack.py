"""Slack interactive messages: Slack's signature (its published example), the 5-minute window, the user
mapping, and advance/approve run through the same rules as the REST actions."""

import hashlib
import hmac
import json
import time
import uuid
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

import pytest
from pydantic import SecretStr
from release_helpers import ready_release
from release_svc.main import create_app
from release_svc.slack import service as slack
from tpmhub_shared.db import Database
from tpmhub_shared.problems import Unauthorized
from tpmhub_shared.testing.plugin import LifespanClient

# Slack's documented example (api.slack.com/authentication/verifying-requests-from-slack).
EXAMPLE_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
EXAMPLE_TIMESTAMP = "1531420618"
EXAMPLE_BODY = (
    "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
    "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
    "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
    "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"
)
EXAMPLE_SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"
SECRET = "slack-signing-secret-for-tests-0123456789"


def test_signature_reproduces_slacks_published_example():
    assert slack.signature(EXAMPLE_SECRET, EXAMPLE_TIMESTAMP, EXAMPLE_BODY.encode()) == EXAMPLE_SIGNATURE
    at = datetime.fromtimestamp(int(EXAMPLE_TIMESTAMP), UTC)
    slack.verify(
        EXAMPLE_SECRET,
        timestamp=EXAMPLE_TIMESTAMP,
        sig=EXAMPLE_SIGNATURE,
        body=EXAMPLE_BODY.encode(),
        now=at + timedelta(seconds=299),
    )
    for now, sig, body in (
        (at + timedelta(seconds=301), EXAMPLE_SIGNATURE, EXAMPLE_BODY),  # stale
        (at - timedelta(seconds=301), EXAMPLE_SIGNATURE, EXAMPLE_BODY),  # from the future
        (at, EXAMPLE_SIGNATURE[:-1] + "0", EXAMPLE_BODY),  # wrong signature
        (at, EXAMPLE_SIGNATURE, EXAMPLE_BODY + "&x=1"),  # body changed
    ):
        with pytest.raises(Unauthorized):
            slack.verify(EXAMPLE_SECRET, timestamp=EXAMPLE_TIMESTAMP, sig=sig, body=body.encode(), now=now)


@pytest.fixture
async def slack_app(client, release_settings):
    """A release-svc replica with the signing secret set, on the same (clean) database as `client`, asking
    the gate's siblings through `client`'s sibling clients (the in-process ones where a test wires them)."""
    settings = release_settings.model_copy(update={"slack_signing_secret": SecretStr(SECRET)})
    async with LifespanClient(create_app(settings)) as slack_client:
        replica = slack_client._transport.app
        own = dict(replica.state.siblings)
        # The same dict object: a test's `wired` fixture, applied to `client`, reaches the replica too.
        replica.state.siblings = client._transport.app.state.siblings
        yield slack_client
        replica.state.siblings = own


@pytest.fixture
async def db(client, release_settings):
    database = Database(release_settings.database_url)
    yield database
    await database.dispose()


def _signed(body: str, *, secret: str = SECRET, ts: int | None = None) -> dict[str, str]:
    ts = int(time.time()) if ts is None else ts
    sig = "v0=" + hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {
        "X-Slack-Request-Timestamp": str(ts),
        "X-Slack-Signature": sig,
        "Content-Type": "application/x-www-form-urlencoded",
    }


def _payload(value: str, user: str) -> str:
    return urlencode(
        {
            "payload": json.dumps(
                {
                    "type": "block_actions",
                    "user": {"id": user, "username": user.lower(), "team_id": "T1DC2JH3J"},
                    "team": {"id": "T1DC2JH3J", "domain": "acme"},
                    "actions": [{"action_id": "tpmhub", "block_id": "b1", "type": "button", "value": value}],
                }
            )
        }
    )


async def _click(slack_client, value: str, user: str, **kw):
    body = _payload(value, user)
    return await slack_client.post(
        "/v1/integrations/slack/interactions", content=body, headers=_signed(body, **kw)
    )


async def _map(client, auth, user, sub, role, by="tpm"):
    r = await client.put(
        f"/v1/projects/PAY/slack-users/{user}", json={"sub": sub, "role": role}, headers=auth(by, "PAY")
    )
    assert r.status_code in (200, 201), r.text
    return r


@pytest.fixture
async def running(client, auth, wired):
    """A running rollout of a gate-ready release of PAY (start and advance ask the gate, so the siblings are
    wired); every stage operated by bob."""
    release_id = await ready_release(client, auth, [], version="2.0.0")
    stage = {"min_hold_seconds": 0, "operator": "bob", "guardrails": [], "auto_advance": False}
    r = await client.post(
        f"/v1/releases/{release_id}/rollouts",
        json={"name": "checkout-v2", "stages": [{**stage, "percent": p} for p in (5, 25, 100)]},
        headers=auth("tpm", "PAY"),
    )
    assert r.status_code == 201, r.text
    rollout_id = r.json()["id"]
    r = await client.post(f"/v1/rollouts/{rollout_id}/start", headers=auth("tpm", "PAY"))
    assert r.status_code == 200, r.text
    return rollout_id


async def _stage(client, auth, rollout_id):
    r = await client.get(f"/v1/rollouts/{rollout_id}", headers=auth("viewer", "PAY"))
    return r.json()["current_stage"]


async def test_bad_signatures_are_401_and_change_nothing(client, auth, slack_app, running):
    await _map(client, auth, "UBOB", "bob", "engineer")
    value = f"advance:{running}"
    stale = await _click(slack_app, value, "UBOB", ts=int(time.time()) - 301)
    assert stale.status_code == 401 and stale.headers["content-type"].startswith("application/problem+json")
    wrong = await _click(slack_app, value, "UBOB", secret="another-secret")
    assert wrong.status_code == 401
    body = _payload(value, "UBOB")
    bare = await slack_app.post(
        "/v1/integrations/slack/interactions",
        content=body,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert bare.status_code == 401
    assert SECRET not in stale.text + wrong.text + bare.text
    assert await _stage(client, auth, running) == 0
    # Signed but not an interaction: 400. Not enabled (no secret on this replica): 404.
    junk = "payload=%7Bnot-json"
    r = await slack_app.post("/v1/integrations/slack/interactions", content=junk, headers=_signed(junk))
    assert r.status_code == 400
    r = await client.post("/v1/integrations/slack/interactions", content=body, headers=_signed(body))
    assert r.status_code == 404


async def test_advance_from_slack_follows_the_rollout_rules(client, auth, slack_app, running, db):
    # Unmapped Slack user: refused, nothing changed.
    r = await _click(slack_app, f"advance:{running}", "UNOBODY")
    assert r.status_code == 200 and r.json()["response_type"] == "ephemeral"
    assert "not linked" in r.json()["text"] and await _stage(client, auth, running) == 0
    # Mapped, but not the stage's operator (and no tpm/admin): refused by the rollout's own rule.
    await _map(client, auth, "UEVE", "eve", "engineer")
    r = await _click(slack_app, f"advance:{running}", "UEVE")
    assert r.status_code == 200 and r.json()["text"].startswith("Not done:")
    assert "operator (bob)" in r.json()["text"] and await _stage(client, auth, running) == 0
    # The operator: advanced, recorded as bob.
    await _map(client, auth, "UBOB", "bob", "engineer")
    r = await _click(slack_app, f"advance:{running}", "UBOB")
    assert r.status_code == 200, r.text
    assert r.json()["text"] == "Advanced checkout-v2 to stage 2 of 3 (25%) as bob."
    assert await _stage(client, auth, running) == 1
    r = await client.get(f"/v1/rollouts/{running}/history", headers=auth("viewer", "PAY"))
    hist = r.json()["items"]
    assert (hist[-1]["action"], hist[-1]["actor"], hist[-1]["note"]) == ("advance", "bob", "via Slack")
    # A tpm mapped may advance any stage; unknown buttons and rollouts are answered, not failed.
    await _map(client, auth, "UALICE", "alice", "tpm")
    r = await _click(slack_app, f"advance:{running}", "UALICE")
    assert "stage 3 of 3 (100%)" in r.json()["text"]
    r = await _click(slack_app, f"advance:{running}", "UALICE")
    assert r.json()["text"].startswith("Not done:") and await _stage(client, auth, running) == 2
    assert "does not know" in (await _click(slack_app, "launch:rockets", "UALICE")).json()["text"]
    assert "no longer exists" in (await _click(slack_app, f"advance:{uuid.uuid4()}", "UALICE")).json()["text"]


async def test_approve_from_slack_as_a_listed_approver(client, auth, slack_app):
    h = auth("tpm", "PAY")
    r = await client.post(
        "/v1/projects/PAY/releases",
        json={"version": "2.1.0", "approvers": ["carol"], "required_approvals": 1},
        headers=h,
    )
    assert r.status_code == 201, r.text
    rid = r.json()["id"]
    assert (await client.post(f"/v1/releases/{rid}/submit", headers=h)).status_code == 200
    await _map(client, auth, "UEVE", "eve", "pm")
    r = await _click(slack_app, f"approve:{rid}", "UEVE")
    assert "not an approver" in r.json()["text"]
    await _map(client, auth, "UCAROL", "carol", "pm")
    r = await _click(slack_app, f"approve:{rid}", "UCAROL")
    assert r.json()["text"] == "Approved release 2.1.0 as carol; it is now approved.", r.text
    assert (await client.get(f"/v1/releases/{rid}", headers=h)).json()["status"] == "approved"


async def test_mapping_is_managed_by_tpm_or_admin(client, auth):
    url = "/v1/projects/PAY/slack-users/U2CERLKJA"
    assert (
        await client.put(url, json={"sub": "bob", "role": "engineer"}, headers=auth("engineer", "PAY"))
    ).status_code == 403
    assert (
        await client.put(url, json={"sub": "bob", "role": "admin"}, headers=auth("tpm", "PAY"))
    ).status_code == 403
    r = await client.put(url, json={"sub": "bob", "role": "engineer"}, headers=auth("tpm", "PAY"))
    assert r.status_code == 201 and r.json()["sub"] == "bob"
    r = await client.put(url, json={"sub": "bob", "role": "qa"}, headers=auth("tpm", "PAY"))
    assert r.status_code == 200 and r.json()["role"] == "qa"
    r = await client.put(url, json={"sub": "bob", "role": "wizard"}, headers=auth("tpm", "PAY"))
    assert r.status_code == 422
    bad = await client.put(
        "/v1/projects/PAY/slack-users/not-a-slack-id",
        json={"sub": "bob", "role": "qa"},
        headers=auth("tpm", "PAY"),
    )
    assert bad.status_code == 422
    listed = (await client.get("/v1/projects/PAY/slack-users", headers=auth("tpm", "PAY"))).json()
    assert [(m["slack_user_id"], m["sub"], m["role"]) for m in listed] == [("U2CERLKJA", "bob", "qa")]
    assert (await client.delete(url, headers=auth("tpm", "PAY"))).status_code == 204
    assert (await client.delete(url, headers=auth("tpm", "PAY"))).status_code == 404
