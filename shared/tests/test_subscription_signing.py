"""Signatures of outbound subscriptions beyond Standard Webhooks `v1`: DingTalk and Feishu robot signing
(加签), checked by real local HTTP receivers that verify them the way each platform does, and `v1a`
(ed25519) signatures verified with `cryptography`'s Ed25519PublicKey (the `standardwebhooks` library
installed here verifies `v1` only: it skips every signature whose version is not `v1`).

The expected robot signatures are computed here by an independent path: HMAC-SHA256 built by hand from
RFC 2104 over hashlib's SHA-256 (no `hmac` module), and the receivers parse what arrived instead of
reusing the service's helpers. Neither platform's documentation publishes a fixed secret/timestamp/sign
triple to use as a known answer, so there is none here."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import time
import uuid
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import parse_qs, unquote

import orjson
import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from fastapi import FastAPI, Request, Response
from sqlalchemy import select
from standardwebhooks.webhooks import Webhook, WebhookVerificationError
from tpmhub_shared.events import CloudEvent, outbox
from tpmhub_shared.events.subscriptions.formats import dingtalk_sign, feishu_sign
from tpmhub_shared.events.subscriptions.models import Subscription
from tpmhub_shared.events.subscriptions.signing import signed_request
from tpmhub_shared.history import HistoryEntry


async def drain(app, *, max_seconds: float = 10) -> None:
    """Run dispatcher rounds until nothing is pending."""
    async with asyncio.timeout(max_seconds):
        while True:
            if await outbox.run_once(app):
                continue
            if await outbox.next_due_in(app.state.db) is None:
                return
            await asyncio.sleep(0.01)


async def emit(client, auth, *, type="thing.happened", subject="S1", **data):
    r = await client.post(
        "/v1/test/emit",
        json={"type": type, "subject": subject, "count": 1, "data": data},
        headers=auth("admin"),
    )
    assert r.status_code == 200, r.text
    return r.json()["ids"]


DING_SECRET = "SEC" + "0123456789abcdef" * 4
FEISHU_SECRET = "qF7pXk2Lm9Zt4Wv8Rb3Nc6Yd"


# ---- an independent HMAC-SHA256 (RFC 2104) ------------------------------------------------------------


def hmac_sha256_by_hand(key: bytes, message: bytes) -> bytes:
    block = 64
    if len(key) > block:
        key = hashlib.sha256(key).digest()
    key = key.ljust(block, b"\0")
    inner = hashlib.sha256(bytes(k ^ 0x36 for k in key) + message).digest()
    return hashlib.sha256(bytes(k ^ 0x5C for k in key) + inner).digest()


def expected_dingtalk(secret: str, timestamp_ms: int) -> str:
    digest = hmac_sha256_by_hand(secret.encode(), f"{timestamp_ms}\n{secret}".encode())
    return base64.b64encode(digest).decode()


def expected_feishu(secret: str, timestamp_s: int) -> str:
    return base64.b64encode(hmac_sha256_by_hand(f"{timestamp_s}\n{secret}".encode(), b"")).decode()


def test_hand_made_hmac_matches_rfc_4231_case_2():
    # RFC 4231 test case 2 pins the hand-made HMAC itself.
    assert hmac_sha256_by_hand(b"Jefe", b"what do ya want for nothing?").hex() == (
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    )


@pytest.mark.parametrize("timestamp_ms", [1577836800000, 1700000000123, 1764836400999])
def test_dingtalk_sign_matches_an_independent_computation(timestamp_ms):
    assert dingtalk_sign(DING_SECRET, timestamp_ms) == expected_dingtalk(DING_SECRET, timestamp_ms)
    # The two platforms differ: DingTalk keys with the secret, Feishu with the string to sign.
    assert dingtalk_sign(DING_SECRET, timestamp_ms) != expected_feishu(DING_SECRET, timestamp_ms)


@pytest.mark.parametrize("timestamp_s", [1577836800, 1700000000, 1764836400])
def test_feishu_sign_matches_an_independent_computation(timestamp_s):
    assert feishu_sign(FEISHU_SECRET, timestamp_s) == expected_feishu(FEISHU_SECRET, timestamp_s)
    assert feishu_sign(FEISHU_SECRET, timestamp_s) != expected_dingtalk(FEISHU_SECRET, timestamp_s)


# ---- robots that check signatures, over real HTTP -----------------------------------------------------


class Robots:
    """A DingTalk-like and a Feishu-like robot endpoint. Each checks timestamp and sign as its platform
    does (an hour of tolerance) and answers 200 only when they match; every request is kept."""

    def __init__(self) -> None:
        self.app = FastAPI()
        self.seen: list[dict[str, Any]] = []
        self.ding_secret = DING_SECRET
        self.feishu_secret = FEISHU_SECRET
        self.port = 0
        # The HTTP status of a refusal. The real platforms answer 200 with the error code in the body.
        self.refusal_status = 401

        @self.app.post("/robot/send")
        async def dingtalk(request: Request) -> Response:
            raw_query = request.url.query
            body = await request.body()
            self.seen.append(
                {"kind": "dingtalk", "query": raw_query, "body": body, "headers": dict(request.headers)}
            )
            params = parse_qs(raw_query, keep_blank_values=True)
            if params.get("access_token") != ["tok123"]:
                return Response('{"errcode":300001,"errmsg":"token is not exist"}', status_code=400)
            try:
                [timestamp], [sign] = params["timestamp"], params["sign"]
            except (KeyError, ValueError):
                return Response(
                    '{"errcode":310000,"errmsg":"sign not match"}', status_code=self.refusal_status
                )
            if abs(int(timestamp) - time.time() * 1000) > 3_600_000:
                return Response(
                    '{"errcode":310000,"errmsg":"timestamp out of range"}', status_code=self.refusal_status
                )
            if sign != expected_dingtalk(self.ding_secret, int(timestamp)):
                return Response(
                    '{"errcode":310000,"errmsg":"sign not match"}', status_code=self.refusal_status
                )
            return Response('{"errcode":0,"errmsg":"ok"}', media_type="application/json")

        @self.app.post("/open-apis/bot/v2/hook/{hook}")
        async def feishu(hook: str, request: Request) -> Response:
            body = await request.body()
            self.seen.append(
                {"kind": "feishu", "query": request.url.query, "body": body, "headers": dict(request.headers)}
            )
            message = orjson.loads(body)
            timestamp, sign = message.get("timestamp"), message.get("sign")
            if not isinstance(timestamp, str) or not isinstance(sign, str):
                return Response('{"code":19021,"msg":"sign match fail"}', status_code=self.refusal_status)
            if abs(int(timestamp) - time.time()) > 3600:
                return Response(
                    '{"code":19021,"msg":"timestamp is not within one hour"}', status_code=self.refusal_status
                )
            if sign != expected_feishu(self.feishu_secret, int(timestamp)):
                return Response('{"code":19021,"msg":"sign match fail"}', status_code=self.refusal_status)
            return Response('{"code":0,"msg":"success"}', media_type="application/json")

    @property
    def dingtalk_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/robot/send?access_token=tok123"

    @property
    def feishu_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/open-apis/bot/v2/hook/abc-123"


@pytest.fixture
async def robots(serve) -> AsyncIterator[Robots]:
    r = Robots()
    server, task, r.port = await serve(r.app)
    try:
        yield r
    finally:
        server.should_exit = True
        await task


async def create(client, auth, **body):
    payload = {"event_types": ["rollout.*"], **body}
    r = await client.post("/v1/subscriptions", json=payload, headers=auth("admin"))
    assert r.status_code == 201, r.text
    return r.json()


async def attempts(client, auth, sub_id):
    r = await client.get(f"/v1/subscriptions/{sub_id}/deliveries", headers=auth("admin"))
    assert r.status_code == 200, r.text
    return r.json()["items"]


async def test_dingtalk_delivery_is_signed_as_dingtalk_checks_it(service_app, auth, robots):
    async with service_app() as (app, client):
        sub = await create(client, auth, url=robots.dingtalk_url, format="dingtalk", robot_secret=DING_SECRET)
        assert sub["robot_signing"] is True and "robot_secret" not in sub
        before = int(time.time() * 1000)
        await emit(client, auth, type="rollout.advanced", subject="R1", percent=25)
        await drain(app)
        [got] = robots.seen
        [attempt] = await attempts(client, auth, sub["id"])
        assert attempt["success"] and attempt["status_code"] == 200, attempt
        params = parse_qs(got["query"])
        timestamp = int(params["timestamp"][0])
        assert before <= timestamp <= int(time.time() * 1000)  # milliseconds
        # The sign travels URL-encoded (base64's + / = escaped), and the robot's token is kept.
        raw_sign = next(p for p in got["query"].split("&") if p.startswith("sign=")).removeprefix("sign=")
        assert "+" not in raw_sign and "/" not in raw_sign and "=" not in raw_sign
        assert unquote(raw_sign) == expected_dingtalk(DING_SECRET, timestamp)
        assert params["access_token"] == ["tok123"]
        # The body is the usual robot message, and still carries the Standard Webhooks signature.
        assert orjson.loads(got["body"])["msgtype"] == "markdown"
        Webhook(sub["secret"]).verify(got["body"], got["headers"])


async def test_feishu_delivery_is_signed_as_feishu_checks_it(service_app, auth, robots):
    async with service_app() as (app, client):
        subs = [
            await create(client, auth, url=robots.feishu_url, format=fmt, robot_secret=FEISHU_SECRET)
            for fmt in ("feishu", "feishu_card")
        ]
        before = int(time.time())
        await emit(client, auth, type="rollout.advanced", subject="R1", percent=25, stage="canary-25")
        await drain(app)
        assert len(robots.seen) == 2
        for sub in subs:
            [attempt] = await attempts(client, auth, sub["id"])
            assert attempt["success"] and attempt["status_code"] == 200, attempt
        for got in robots.seen:
            message = orjson.loads(got["body"])
            assert isinstance(message["timestamp"], str)  # seconds, as a string
            assert before <= int(message["timestamp"]) <= int(time.time())
            assert message["sign"] == expected_feishu(FEISHU_SECRET, int(message["timestamp"]))
            assert message["msg_type"] in ("text", "interactive") and got["query"] == ""
            fmt = "feishu" if message["msg_type"] == "text" else "feishu_card"
            secret = next(s["secret"] for s in subs if s["format"] == fmt)
            Webhook(secret).verify(got["body"], got["headers"])


async def test_a_wrong_robot_secret_is_refused_by_the_robot(service_app, auth, robots):
    async with service_app() as (app, client):
        ding = await create(client, auth, url=robots.dingtalk_url, format="dingtalk", robot_secret="SECwrong")
        feishu = await create(client, auth, url=robots.feishu_url, format="feishu", robot_secret="wrong")
        unsigned = await create(client, auth, url=robots.feishu_url, format="feishu")
        assert unsigned["robot_signing"] is False
        await emit(client, auth, type="rollout.advanced", subject="R1", percent=25)
        await outbox.run_once(app)  # one round: routed and attempted once
        for sub in (ding, feishu, unsigned):
            [attempt] = await attempts(client, auth, sub["id"])
            assert not attempt["success"] and attempt["status_code"] == 401, attempt
        # Without a robot secret, nothing is added: no timestamp or sign in the message.
        plain = [orjson.loads(s["body"]) for s in robots.seen if s["kind"] == "feishu"]
        assert any("sign" not in m for m in plain)


async def test_a_refusal_in_a_200_answer_is_a_failed_delivery(service_app, auth, robots):
    """DingTalk and Feishu answer HTTP 200 to a message they refuse: the error code in the body decides."""
    robots.refusal_status = 200
    async with service_app() as (app, client):
        ding = await create(client, auth, url=robots.dingtalk_url, format="dingtalk", robot_secret="SECwrong")
        feishu = await create(client, auth, url=robots.feishu_url, format="feishu", robot_secret="wrong")
        good = await create(
            client, auth, url=robots.dingtalk_url, format="dingtalk", robot_secret=DING_SECRET
        )
        await emit(client, auth, type="rollout.advanced", subject="R1", percent=25)
        await outbox.run_once(app)
        [refused_ding] = await attempts(client, auth, ding["id"])
        [refused_feishu] = await attempts(client, auth, feishu["id"])
        [delivered] = await attempts(client, auth, good["id"])
        assert refused_ding["status_code"] == refused_feishu["status_code"] == 200
        assert not refused_ding["success"] and not refused_feishu["success"]
        assert refused_ding["error"] == "dingtalk refused the message: code 310000 (sign not match)"
        assert refused_feishu["error"] == "feishu refused the message: code 19021 (sign match fail)"
        assert delivered["success"] and delivered["error"] is None


async def test_robot_secret_is_write_only_and_validated(service_app, auth, robots):
    async with service_app() as (app, client):
        admin = auth("admin")
        # Only for robot formats; bad values are refused without echoing them.
        for body, loc in [
            ({"format": "slack", "robot_secret": "SECabc"}, "body.robot_secret"),
            ({"format": "cloudevents", "robot_secret": "SECabc"}, "body.robot_secret"),
            ({"format": "dingtalk", "robot_secret": "SEC with spaces"}, "body.robot_secret"),
            ({"format": "dingtalk", "robot_secret": ""}, "body.robot_secret"),
            ({"format": "dingtalk", "robot_secret": "S" * 201}, "body.robot_secret"),
            ({"format": "dingtalk", "robot_secret": 42}, "body.robot_secret"),
        ]:
            r = await client.post(
                "/v1/subscriptions",
                headers=admin,
                json={"url": robots.dingtalk_url, "event_types": ["*"], **body},
            )
            assert r.status_code == 422, r.text
            assert r.headers["content-type"].startswith("application/problem+json")
            assert loc in [e["loc"] for e in r.json()["errors"]], r.text
            if isinstance(body["robot_secret"], str) and len(body["robot_secret"]) > 3:
                assert body["robot_secret"] not in r.text
        listed = (await client.get("/v1/subscriptions", headers=admin)).json()["items"]
        assert listed == []  # nothing half-written

        sub = await create(client, auth, url=robots.dingtalk_url, format="dingtalk", robot_secret=DING_SECRET)
        url = f"/v1/subscriptions/{sub['id']}"
        answers = [
            sub,
            (await client.get(url, headers=admin)).json(),
            (await client.get("/v1/subscriptions", headers=admin)).json(),
            (await client.post(f"{url}/rotate-secret", headers=admin)).json(),
        ]
        for answer in answers:
            assert DING_SECRET not in orjson.dumps(answer).decode()
        async with app.state.db.session() as session:
            rows = (await session.execute(select(HistoryEntry))).scalars().all()
            assert rows and all(DING_SECRET not in orjson.dumps(r.changes).decode() for r in rows)

        # Changing the platform needs a new secret (or null); within a platform it is kept.
        r = await client.patch(url, headers=admin, json={"format": "feishu"})
        assert r.status_code == 422 and r.json()["errors"][0]["loc"] == "body.robot_secret", r.text
        r = await client.patch(url, headers=admin, json={"format": "slack", "robot_secret": "SECx"})
        assert r.status_code == 422, r.text
        assert (await client.get(url, headers=admin)).json()["format"] == "dingtalk"  # unchanged
        r = await client.patch(url, headers=admin, json={"format": "feishu", "robot_secret": FEISHU_SECRET})
        assert r.status_code == 200 and r.json()["robot_signing"] is True, r.text
        r = await client.patch(url, headers=admin, json={"format": "feishu_card"})
        assert r.status_code == 200 and r.json()["robot_signing"] is True, r.text
        r = await client.patch(url, headers=admin, json={"robot_secret": None})
        assert r.status_code == 200 and r.json()["robot_signing"] is False, r.text
        async with app.state.db.session() as session:
            row = await session.get(Subscription, uuid.UUID(sub["id"]))
            assert row.robot_secret is None


# ---- v1a: ed25519 -------------------------------------------------------------------------------------


def verify_v1a(public_key: str, body: bytes, headers: dict[str, str], *, tolerance: int = 300) -> None:
    """A receiver's check per the Standard Webhooks spec: signed content `{id}.{timestamp}.{body}`,
    `v1a,<base64 ed25519 signature>` among the space-separated signatures, a 5-minute timestamp window."""
    assert public_key.startswith("whpk_")
    key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key.removeprefix("whpk_")))
    msg_id, timestamp = headers["webhook-id"], headers["webhook-timestamp"]
    if abs(int(timestamp) - time.time()) > tolerance:
        raise InvalidSignature("timestamp outside the tolerance")
    signed = f"{msg_id}.{timestamp}.".encode() + body
    for entry in headers["webhook-signature"].split(" "):
        version, _, signature = entry.partition(",")
        if version != "v1a":
            continue
        try:
            key.verify(base64.b64decode(signature), signed)
            return
        except InvalidSignature:
            continue
    raise InvalidSignature("no matching v1a signature")


async def test_v1a_subscription_signs_with_ed25519(service_app, auth, receiver):
    async with service_app() as (app, client):
        sub = await create(
            client,
            auth,
            url=receiver.url,
            format="cloudevents",
            signature_scheme="v1a",
            event_types=["thing.*"],
        )
        assert sub["signature_scheme"] == "v1a" and sub["secret"] is None
        assert sub["public_key"].startswith("whpk_")
        assert len(base64.b64decode(sub["public_key"].removeprefix("whpk_"))) == 32
        fetched = (await client.get(f"/v1/subscriptions/{sub['id']}", headers=auth("admin"))).json()
        assert fetched["public_key"] == sub["public_key"] and "secret" not in fetched
        async with app.state.db.session() as session:
            row = await session.get(Subscription, uuid.UUID(sub["id"]))
            private_key = row.secret
        assert private_key.startswith("whsk_")
        for answer in (sub, fetched):
            assert private_key not in orjson.dumps(answer).decode()

        [event_id] = await emit(client, auth, title="Hello")
        await drain(app)
        [got] = receiver.requests
        assert got.headers["webhook-id"] == event_id
        assert got.headers["webhook-signature"].startswith("v1a,")
        verify_v1a(sub["public_key"], got.body, got.headers)
        assert orjson.loads(got.body)["id"] == event_id
        with pytest.raises(InvalidSignature):  # a changed body does not verify
            verify_v1a(sub["public_key"], got.body.replace(b"Hello", b"Hellp"), got.headers)
        with pytest.raises(WebhookVerificationError):  # and no v1 (HMAC) signature is sent
            Webhook("whsec_" + base64.b64encode(b"x" * 32).decode()).verify(got.body, got.headers)

        # Rotation replaces the key pair: new deliveries verify with the new public key only.
        r = await client.post(f"/v1/subscriptions/{sub['id']}/rotate-secret", headers=auth("admin"))
        assert r.status_code == 200, r.text
        rotated = r.json()
        assert rotated["secret"] is None and rotated["public_key"].startswith("whpk_")
        assert rotated["public_key"] != sub["public_key"]
        await emit(client, auth, title="After rotation")
        await drain(app)
        latest = receiver.requests[-1]
        verify_v1a(rotated["public_key"], latest.body, latest.headers)
        with pytest.raises(InvalidSignature):
            verify_v1a(sub["public_key"], latest.body, latest.headers)


async def test_v1a_with_a_chat_robot_and_scheme_rules(service_app, auth, robots):
    async with service_app() as (app, client):
        admin = auth("admin")
        sub = await create(
            client,
            auth,
            url=robots.feishu_url,
            format="feishu",
            signature_scheme="v1a",
            robot_secret=FEISHU_SECRET,
        )
        await emit(client, auth, type="rollout.advanced", subject="R1", percent=5)
        await drain(app)
        [got] = robots.seen
        [attempt] = await attempts(client, auth, sub["id"])
        assert attempt["success"], attempt
        verify_v1a(sub["public_key"], got["body"], got["headers"])  # over the body with the robot's sign
        # The scheme is fixed; unknown schemes are refused.
        r = await client.patch(
            f"/v1/subscriptions/{sub['id']}", headers=admin, json={"signature_scheme": "v1"}
        )
        assert r.status_code == 422, r.text
        r = await client.post(
            "/v1/subscriptions",
            headers=admin,
            json={"url": robots.feishu_url, "event_types": ["*"], "signature_scheme": "v2"},
        )
        assert r.status_code == 422 and r.json()["errors"][0]["loc"] == "body.signature_scheme", r.text
        # A v1 subscription created without a scheme is unchanged: whsec_ secret, no public key.
        plain = await create(client, auth, url=robots.feishu_url, format="feishu")
        assert plain["signature_scheme"] == "v1" and plain["public_key"] is None
        assert plain["secret"].startswith("whsec_")


def test_signed_request_v1a_with_a_fixed_key_is_deterministic():
    # ed25519 signatures are deterministic (RFC 8032): a fixed key and message give a fixed signature that
    # the public key derived independently verifies.
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    seed = bytes(range(32))
    secret = "whsk_" + base64.b64encode(seed).decode()
    public_key = Ed25519PrivateKey.from_private_bytes(seed).public_key()
    public = public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    event = CloudEvent(
        id="msg_p5jXN8AQM9LWM0D4loKWxJek",
        source="/tpmhub/test",
        type="thing.happened",
        subject="S1",
        time="2026-11-22T00:00:00Z",
        data={"test": 2432232314},
    )
    now = int(time.time())
    body, headers = signed_request(secret, event, "cloudevents", now=now)
    again, headers2 = signed_request(secret, event, "cloudevents", now=now)
    assert body == again and headers["webhook-signature"] == headers2["webhook-signature"]
    verify_v1a("whpk_" + base64.b64encode(public).decode(), body, headers)
