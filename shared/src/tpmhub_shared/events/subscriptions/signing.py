"""Signing secrets and signed requests: Standard Webhooks `v1` (HMAC-SHA256, `whsec_…`) and `v1a`
(ed25519, `whsk_…` / `whpk_…`), over the message in the subscription's format."""

from __future__ import annotations

import base64
import secrets
import time
from datetime import UTC, datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat
from standardwebhooks.webhooks import Webhook

from tpmhub_shared.events.envelope import CloudEvent
from tpmhub_shared.events.subscriptions.formats import ROBOT_PLATFORMS, render, robot_signed
from tpmhub_shared.events.subscriptions.models import Subscription


def new_secret() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


def new_key_pair() -> tuple[str, str]:
    """A fresh ed25519 key pair as (`whsk_…`, `whpk_…`): base64 of the raw 32-byte private and public keys."""
    key = Ed25519PrivateKey.generate()
    private = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    public = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return "whsk_" + base64.b64encode(private).decode(), "whpk_" + base64.b64encode(public).decode()


def new_signing_secret(row: Subscription) -> None:
    if row.signature_scheme == "v1a":
        row.secret, row.public_key = new_key_pair()
    else:
        row.secret, row.public_key = new_secret(), None


def sign_v1a(private_key: str, msg_id: str, timestamp: int, body: bytes) -> str:
    """`v1a,` + base64 of the ed25519 signature over `{msg_id}.{timestamp}.{body}` (Standard Webhooks)."""
    key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(private_key.removeprefix("whsk_")))
    return "v1a," + base64.b64encode(key.sign(f"{msg_id}.{timestamp}.".encode() + body)).decode()


def signed_request(
    secret: str, event: CloudEvent, fmt: str, *, now: float | None = None
) -> tuple[bytes, dict[str, str]]:
    """The body and headers of one delivery, signed per Standard Webhooks (the event id is `webhook-id`,
    so a receiver deduplicates retries by it). `secret` is `whsec_…` (v1) or `whsk_…` (v1a)."""
    body, content_type = render(event, fmt)
    return body, _standard_headers(secret, event, fmt, body, content_type, now=now)


def delivery_request(
    sub: Subscription, event: CloudEvent, *, now: float | None = None
) -> tuple[str, bytes, dict[str, str]]:
    """URL, body and headers of one delivery to one subscription: the message in its format, the chat
    robot's own signature when one is configured, then the Standard Webhooks signature over that body."""
    moment = now if now is not None else time.time()
    body, content_type = render(event, sub.format)
    url = sub.url
    if sub.robot_secret and sub.format in ROBOT_PLATFORMS:
        url, body = robot_signed(sub.format, sub.robot_secret, url, body, now=moment)
    return url, body, _standard_headers(sub.secret, event, sub.format, body, content_type, now=moment)


def _standard_headers(
    secret: str, event: CloudEvent, fmt: str, body: bytes, content_type: str, *, now: float | None
) -> dict[str, str]:
    timestamp = int(now if now is not None else time.time())
    if secret.startswith("whsk_"):
        signature = sign_v1a(secret, event.id, timestamp, body)
    else:
        signature = Webhook(secret).sign(event.id, datetime.fromtimestamp(timestamp, tz=UTC), body.decode())
    headers = {
        "content-type": content_type,
        "webhook-id": event.id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature,
    }
    if fmt == "cloudevents":
        headers["ce-type"] = event.type
    return headers
