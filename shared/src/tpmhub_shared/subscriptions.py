"""Outbound webhook subscriptions (every service): table, request/response models, rules, and the signed
delivery of one event to one subscriber (Standard Webhooks: `webhook-id`, `webhook-timestamp`,
`webhook-signature`; `v1` HMAC-SHA256 with a `whsec_` secret, or `v1a` ed25519 with a per-subscription key
pair whose public half `whpk_…` is shown and whose private half `whsk_…` never leaves the service). Chat
robot formats may also carry the robot's own signature (DingTalk / Feishu 加签)."""

from __future__ import annotations

import base64
import fnmatch
import re
import secrets
import time
import uuid
from datetime import UTC, datetime
from typing import Annotated, Literal

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat
from fastapi import FastAPI
from pydantic import BaseModel, ConfigDict, SecretStr, StringConstraints, field_validator
from pydantic import Field as PField
from sqlalchemy import Boolean, Column, String, delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import Field
from standardwebhooks.webhooks import Webhook

from tpmhub_shared import events, history
from tpmhub_shared.auth import PLANNERS, Principal, ensure_role
from tpmhub_shared.concurrency import lock_and_check
from tpmhub_shared.db import TableBase, UTCDateTime, json_column
from tpmhub_shared.ids import utcnow
from tpmhub_shared.logging import get_logger
from tpmhub_shared.netguard import UnsafeTarget, check_target
from tpmhub_shared.outbox import (
    EXCERPT_CHARS,
    PENDING,
    DeliveryAttempt,
    EventDelivery,
    Outcome,
    replay_delivery,
)
from tpmhub_shared.pagination import Page, paginate
from tpmhub_shared.patching import merge_patch
from tpmhub_shared.problems import Conflict, NotFound, UnprocessableEntity, field_error
from tpmhub_shared.settings import CommonSettings
from tpmhub_shared.webhook_formats import ROBOT_PLATFORMS, Format, render, robot_signed

log = get_logger("tpmhub.subscriptions")
RESOURCE = "subscription"
USER_AGENT = "TPM-Hub-Webhooks/1.0"

TypeGlob = Annotated[str, StringConstraints(min_length=1, max_length=100, pattern=r"^[a-z0-9_.*?\[\]-]+$")]
ProjectKey = Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9]{1,9}$")]
SignatureScheme = Literal["v1", "v1a"]
ROBOT_SECRET_MAX = 200
_ROBOT_SECRET_CHARS = re.compile(r"^[\x21-\x7e]+$")  # printable ASCII, no spaces: what the platforms issue


class Subscription(TableBase, table=True):
    __tablename__ = "subscriptions"

    url: str = Field(max_length=2000)
    description: str = Field(default="", max_length=500)
    event_types: list[str] = Field(default_factory=list, sa_column=json_column(nullable=False))
    project_key: str | None = Field(default=None, sa_column=Column(String(10), nullable=True, index=True))
    format: str = Field(default="cloudevents", max_length=20)
    # The signing secret of the scheme: `whsec_…` (v1, HMAC) or `whsk_…` (v1a, the ed25519 private key).
    secret: str = Field(max_length=100)
    signature_scheme: str = Field(
        default="v1", sa_column=Column(String(4), nullable=False, server_default="v1")
    )
    public_key: str | None = Field(default=None, max_length=100)  # `whpk_…` for v1a
    robot_secret: str | None = Field(default=None, max_length=ROBOT_SECRET_MAX)  # DingTalk / Feishu 加签
    active: bool = Field(default=True, sa_column=Column(Boolean, nullable=False, server_default="1"))
    consecutive_failures: int = 0
    disabled_reason: str | None = Field(default=None, max_length=500)
    disabled_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_by: str = Field(max_length=200)

    @property
    def robot_signing(self) -> bool:
        return bool(self.robot_secret)

    def matches(self, event: events.OutboxEvent) -> bool:
        if not self.active:
            return False
        if self.project_key is not None and event.project_key != self.project_key:
            return False
        return any(fnmatch.fnmatchcase(event.type, glob) for glob in self.event_types)


# ---- request and response models ----------------------------------------------------------------------


class SubscriptionCreate(BaseModel):
    """A new outbound webhook. Deliveries are signed per Standard Webhooks with the secret returned once."""

    model_config = ConfigDict(extra="forbid")

    url: str = PField(
        min_length=8,
        max_length=2000,
        examples=["https://hooks.example.com/tpmhub"],
        description="http(s) URL; loopback/private targets are refused unless the deployment allows them.",
    )
    event_types: list[TypeGlob] = PField(
        min_length=1,
        max_length=50,
        examples=[["rollout.*", "release.released"]],
        description="Event types to send; globs such as `rollout.*` or `*`.",
    )
    project_key: ProjectKey | None = PField(
        default=None,
        examples=["PAY"],
        description="Only events of this project; null for every project (admins only).",
    )
    format: Format = PField(
        default="cloudevents",
        examples=["cloudevents"],
        description="`cloudevents` (the envelope as JSON), or a chat message: `slack`, "
        "`dingtalk` (markdown), `feishu` (text), `feishu_card` (interactive card).",
    )
    signature_scheme: SignatureScheme = PField(
        default="v1",
        examples=["v1"],
        description="Standard Webhooks signature: `v1` (HMAC-SHA256 with the `whsec_…` secret returned "
        "once) or `v1a` (ed25519: the service keeps the private key and returns the public key `whpk_…` "
        "to verify with). Fixed for the subscription's life.",
    )
    robot_secret: SecretStr | None = PField(
        default=None,
        examples=["SEC3f5a0c2b9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c"],
        description="`dingtalk`, `feishu` and `feishu_card` only: the robot's signing secret (加签), for "
        "robots whose security setting requires a signature. Never shown again.",
    )
    description: str = PField(default="", max_length=500, examples=["#pay-release room"])
    active: bool = True

    @field_validator("url")
    @classmethod
    def _strip(cls, value: str) -> str:
        return value.strip()

    @field_validator("robot_secret")
    @classmethod
    def _robot_secret(cls, value: SecretStr | None) -> SecretStr | None:
        return _check_robot_secret(value)


def _check_robot_secret(value: SecretStr | None) -> SecretStr | None:
    if value is None:
        return None
    raw = value.get_secret_value().strip()
    if not raw or len(raw) > ROBOT_SECRET_MAX or not _ROBOT_SECRET_CHARS.match(raw):
        # The message never repeats the value.
        raise ValueError(f"a robot secret is 1 to {ROBOT_SECRET_MAX} printable characters without spaces")
    return SecretStr(raw)


class SubscriptionUpdate(BaseModel):
    """Fields to change (JSON merge patch). Setting `active` to true re-enables a disabled subscription."""

    model_config = ConfigDict(extra="forbid")

    url: str | None = PField(default=None, min_length=8, max_length=2000)
    event_types: list[TypeGlob] | None = PField(default=None, min_length=1, max_length=50)
    format: Format | None = None
    robot_secret: SecretStr | None = PField(
        default=None,
        description="A new robot signing secret; null removes it (the robot must then not "
        "require a signature).",
    )
    description: str | None = PField(default=None, max_length=500)
    active: bool | None = None

    @field_validator("robot_secret")
    @classmethod
    def _robot_secret(cls, value: SecretStr | None) -> SecretStr | None:
        return _check_robot_secret(value)


class SubscriptionPublic(BaseModel):
    """An outbound webhook subscription (the secret is never shown again after creation)."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    url: str = PField(examples=["https://hooks.example.com/tpmhub"])
    description: str
    event_types: list[str] = PField(examples=[["rollout.*"]])
    project_key: str | None = PField(examples=["PAY"])
    format: str = PField(examples=["cloudevents"])
    signature_scheme: str = PField(examples=["v1"], description="`v1` (HMAC-SHA256) or `v1a` (ed25519)")
    public_key: str | None = PField(
        default=None,
        examples=["whpk_MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE="],
        description="For `v1a`: the ed25519 public key (`whpk_` + base64 of the 32 raw bytes) that "
        "verifies the `v1a,…` signatures; null for `v1`.",
    )
    robot_signing: bool = PField(
        default=False, description="A chat robot signing secret is set (the secret itself is never shown)."
    )
    active: bool
    consecutive_failures: int = PField(examples=[0])
    disabled_reason: str | None = PField(default=None, examples=["the target answered 410 Gone"])
    disabled_at: datetime | None = None
    created_by: str
    version: int
    created_at: datetime
    updated_at: datetime


class SubscriptionWithSecret(SubscriptionPublic):
    """The subscription with its signing secret: returned only when it is created or the secret rotated."""

    secret: str | None = PField(
        examples=["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
        description="For `v1`: the Standard Webhooks signing secret; store it now, it is not shown again. "
        "Null for `v1a`, whose private key never leaves the service (verify with `public_key`).",
    )

    @classmethod
    def of(cls, row: Subscription) -> SubscriptionWithSecret:
        public = SubscriptionPublic.model_validate(row).model_dump()
        return cls(**public, secret=row.secret if row.signature_scheme == "v1" else None)


class DeliveryAttemptPublic(BaseModel):
    """One attempt to deliver one event to one subscriber."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    delivery_id: uuid.UUID
    event_id: uuid.UUID
    event_type: str = PField(examples=["rollout.advanced"])
    attempt: int = PField(examples=[1])
    at: datetime
    success: bool
    status_code: int | None = PField(default=None, examples=[200])
    duration_ms: float = PField(examples=[42.5])
    response_excerpt: str | None = PField(default=None, examples=["ok"])
    error: str | None = None


class EventDeliveryPublic(BaseModel):
    """One event on its way to one target (a sibling service or a subscription)."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    event_id: uuid.UUID
    event_type: str = PField(examples=["change_request.approved"])
    subject: str = PField(examples=["PAY-CR3"])
    project_key: str = PField(examples=["PAY"])
    target: str = PField(examples=["sibling:risk"])
    subscription_id: uuid.UUID | None = None
    status: str = PField(examples=["dead"], description="pending, delivered or dead")
    attempts: int = PField(examples=[8])
    next_attempt_at: datetime
    last_status_code: int | None = PField(default=None, examples=[503])
    last_error: str | None = PField(default=None, examples=["answered 503"])
    delivered_at: datetime | None = None
    created_at: datetime


# ---- rules --------------------------------------------------------------------------------------------


def new_secret() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


def new_key_pair() -> tuple[str, str]:
    """A fresh ed25519 key pair as (`whsk_…`, `whpk_…`): base64 of the raw 32-byte private and public keys."""
    key = Ed25519PrivateKey.generate()
    private = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    public = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return "whsk_" + base64.b64encode(private).decode(), "whpk_" + base64.b64encode(public).decode()


def _new_signing_secret(row: Subscription) -> None:
    if row.signature_scheme == "v1a":
        row.secret, row.public_key = new_key_pair()
    else:
        row.secret, row.public_key = new_secret(), None


def _robot_secret_error(message: str) -> UnprocessableEntity:
    return UnprocessableEntity(message, errors=[field_error("body.robot_secret", message, "robot_secret")])


def _ensure_manage(principal: Principal, project_key: str | None) -> None:
    if project_key is None:
        ensure_role(principal, None, {"admin"}, action="manage subscriptions to every project")
    else:
        ensure_role(principal, project_key, PLANNERS, action="manage the project's subscriptions")


async def _check_url(url: str, settings: CommonSettings) -> None:
    try:
        await check_target(url, allow_private=settings.allow_private_targets)
    except UnsafeTarget as exc:
        raise UnprocessableEntity(
            f"The target URL is not allowed: {exc}.",
            errors=[field_error("body.url", str(exc), "url_not_allowed")],
        ) from exc


async def get_subscription(
    session: AsyncSession, *, principal: Principal, subscription_id: uuid.UUID
) -> Subscription:
    row = await session.get(Subscription, subscription_id)
    if row is None or not _may_manage(principal, row.project_key):
        raise NotFound(f"Subscription {subscription_id} does not exist.")
    return row


def _may_manage(principal: Principal, project_key: str | None) -> bool:
    if project_key is None:
        return principal.is_admin(None)
    return principal.can(project_key, PLANNERS)


def _project_label(project_key: str | None) -> str:
    return project_key or "*"


async def create_subscription(
    session: AsyncSession, *, principal: Principal, data: SubscriptionCreate, settings: CommonSettings
) -> Subscription:
    _ensure_manage(principal, data.project_key)
    await _check_url(data.url, settings)
    if data.robot_secret is not None and data.format not in ROBOT_PLATFORMS:
        raise _robot_secret_error(
            f"A robot secret is for the dingtalk, feishu and feishu_card formats, not {data.format}."
        )
    row = Subscription(
        **data.model_dump(exclude={"robot_secret"}),
        robot_secret=data.robot_secret.get_secret_value() if data.robot_secret else None,
        secret="",
        created_by=principal.sub,
    )
    _new_signing_secret(row)
    session.add(row)
    await history.record(
        session,
        principal=principal,
        project_key=_project_label(row.project_key),
        resource_type=RESOURCE,
        resource_id=row.id,
        action="create",
        after=history.snapshot(row, _AUDITED),
    )
    await session.flush()
    return row


_AUDITED = [
    "url",
    "description",
    "event_types",
    "project_key",
    "format",
    "signature_scheme",
    "robot_signing",
    "active",
]


async def update_subscription(
    session: AsyncSession,
    *,
    principal: Principal,
    subscription_id: uuid.UUID,
    patch: SubscriptionUpdate,
    if_match: str | None,
    settings: CommonSettings,
) -> Subscription:
    row = await get_subscription(session, principal=principal, subscription_id=subscription_id)
    await lock_and_check(session, row, if_match)
    before = history.snapshot(row, _AUDITED)
    was_active = row.active
    old_platform = ROBOT_PLATFORMS.get(row.format)
    robot_sent = "robot_secret" in patch.model_fields_set
    fields = SubscriptionUpdate.model_validate(patch.model_dump(exclude_unset=True, exclude={"robot_secret"}))
    merge_patch(row, fields, required={"url", "event_types", "format", "description", "active"})
    if patch.url is not None:
        await _check_url(row.url, settings)
    new_platform = ROBOT_PLATFORMS.get(row.format)
    if robot_sent:
        if patch.robot_secret is not None and new_platform is None:
            raise _robot_secret_error(
                f"A robot secret is for the dingtalk, feishu and feishu_card formats, not {row.format}."
            )
        row.robot_secret = patch.robot_secret.get_secret_value() if patch.robot_secret else None
    elif row.robot_secret and new_platform != old_platform:
        raise _robot_secret_error(
            "The robot secret belongs to the previous platform: send a new `robot_secret` for "
            f"{row.format}, or null to remove it."
        )
    if row.active and not was_active:
        row.consecutive_failures = 0
        row.disabled_reason = None
        row.disabled_at = None
    await history.record(
        session,
        principal=principal,
        project_key=_project_label(row.project_key),
        resource_type=RESOURCE,
        resource_id=row.id,
        action="update",
        before=before,
        after=history.snapshot(row, _AUDITED),
    )
    await session.flush()
    return row


async def rotate_secret(
    session: AsyncSession, *, principal: Principal, subscription_id: uuid.UUID, if_match: str | None
) -> Subscription:
    row = await get_subscription(session, principal=principal, subscription_id=subscription_id)
    await lock_and_check(session, row, if_match)
    _new_signing_secret(row)  # v1a: a new key pair; the old public key stops verifying at once
    await history.record(
        session,
        principal=principal,
        project_key=_project_label(row.project_key),
        resource_type=RESOURCE,
        resource_id=row.id,
        action="rotate_secret",
    )
    await session.flush()
    return row


async def delete_subscription(
    session: AsyncSession, *, principal: Principal, subscription_id: uuid.UUID, if_match: str | None
) -> None:
    row = await get_subscription(session, principal=principal, subscription_id=subscription_id)
    await lock_and_check(session, row, if_match)
    await session.execute(delete(EventDelivery).where(EventDelivery.subscription_id == row.id))
    await history.record(
        session,
        principal=principal,
        project_key=_project_label(row.project_key),
        resource_type=RESOURCE,
        resource_id=row.id,
        action="delete",
        before=history.snapshot(row, _AUDITED),
    )
    await session.delete(row)
    await session.flush()


async def list_subscriptions(
    session: AsyncSession, *, principal: Principal, project_key: str | None, limit: int, cursor: str | None
) -> tuple[list[Subscription], str | None]:
    stmt = select(Subscription)
    if project_key is not None:
        stmt = stmt.where(Subscription.project_key == project_key)
    if not principal.is_admin(None):
        managed = [k for k, role in principal.roles.items() if k != "*" and principal.can(k, PLANNERS)]
        if principal.can(None, PLANNERS):  # a planner on every project manages every project's subscriptions
            stmt = stmt.where(Subscription.project_key.is_not(None))
        else:
            stmt = stmt.where(Subscription.project_key.in_(managed))
    return await paginate(
        session,
        stmt,
        order=[],
        id_column=Subscription.id,
        limit=limit,
        cursor=cursor,
        sort_key="subscriptions",
    )


async def list_attempts(
    session: AsyncSession, *, principal: Principal, subscription_id: uuid.UUID, limit: int, cursor: str | None
) -> Page[DeliveryAttemptPublic]:
    await get_subscription(session, principal=principal, subscription_id=subscription_id)
    stmt = select(DeliveryAttempt).where(DeliveryAttempt.subscription_id == subscription_id)
    rows, next_cursor = await paginate(
        session, stmt, order=[], id_column=DeliveryAttempt.id, limit=limit, cursor=cursor, sort_key="attempts"
    )
    return Page[DeliveryAttemptPublic](
        items=[DeliveryAttemptPublic.model_validate(r) for r in rows], next_cursor=next_cursor
    )


async def redeliver(
    session: AsyncSession, *, principal: Principal, subscription_id: uuid.UUID, delivery_id: uuid.UUID
) -> EventDelivery:
    await get_subscription(session, principal=principal, subscription_id=subscription_id)
    delivery = await session.get(EventDelivery, delivery_id)
    if delivery is None:
        # The delivery log lists attempts: an attempt's own id names the delivery it belongs to.
        attempt = await session.get(DeliveryAttempt, delivery_id)
        if attempt is not None:
            delivery = await session.get(EventDelivery, attempt.delivery_id)
    if delivery is None or delivery.subscription_id != subscription_id:
        raise NotFound(f"Delivery {delivery_id} does not exist for this subscription.")
    if delivery.status == PENDING:
        raise Conflict(
            "The delivery is still pending; it will be attempted on its schedule.",
            delivery_status=delivery.status,
        )
    return await replay_delivery(session, delivery)


# ---- used by the dispatcher ---------------------------------------------------------------------------


async def matching_subscriptions(session: AsyncSession) -> list[Subscription]:
    return list(
        (await session.execute(select(Subscription).where(Subscription.active.is_(True)))).scalars().all()
    )


async def note_subscription_outcome(
    session: AsyncSession,
    subscription_id: uuid.UUID,
    outcome: Outcome,
    settings: CommonSettings,
    *,
    service: str,
) -> None:
    """Count consecutive failures; disable on 410 or after too many, with a `subscription.disabled` event.
    Core UPDATEs, so that a concurrent edit of the subscription is not refused for this bookkeeping."""
    if outcome.success:
        await session.execute(
            update(Subscription)
            .where(Subscription.id == subscription_id, Subscription.consecutive_failures != 0)
            .values(consecutive_failures=0)
        )
        return
    await session.execute(
        update(Subscription)
        .where(Subscription.id == subscription_id)
        .values(consecutive_failures=Subscription.consecutive_failures + 1)
    )
    row = (
        await session.execute(
            select(
                Subscription.active,
                Subscription.consecutive_failures,
                Subscription.project_key,
                Subscription.url,
            ).where(Subscription.id == subscription_id)
        )
    ).one_or_none()
    if row is None or not row.active:
        return
    reason = None
    if outcome.gone:
        reason = "the target answered 410 Gone"
    elif row.consecutive_failures >= settings.subscriptions_max_consecutive_failures:
        reason = f"{row.consecutive_failures} consecutive failed deliveries"
    if reason is None:
        return
    now = utcnow()
    await session.execute(
        update(Subscription)
        .where(Subscription.id == subscription_id)
        .values(active=False, disabled_reason=reason, disabled_at=now, version=Subscription.version + 1)
    )
    # What was still queued for it becomes dead letters an admin can replay after re-enabling.
    await session.execute(
        update(EventDelivery)
        .where(EventDelivery.subscription_id == subscription_id, EventDelivery.status == PENDING)
        .values(status="dead", last_error=f"subscription disabled: {reason}"[:500], locked_until=None)
    )
    events.emit(
        session,
        source=f"/tpmhub/{service}",
        type="subscription.disabled",
        subject=str(subscription_id),
        project_key=_project_label(row.project_key),
        data={
            "subscription_id": subscription_id,
            "project_key": row.project_key,
            "url": row.url,
            "reason": reason,
            "disabled_at": now,
        },
    )
    log.warning("subscription_disabled", subscription_id=str(subscription_id), reason=reason)


_client_lock_key = "subscription_http"


def _http(app: FastAPI) -> httpx.AsyncClient:
    client = getattr(app.state, _client_lock_key, None)
    if client is None:
        settings: CommonSettings = app.state.settings.common
        client = httpx.AsyncClient(
            timeout=httpx.Timeout(settings.events_delivery_timeout_seconds, connect=5.0),
            follow_redirects=False,
            limits=httpx.Limits(max_connections=200, max_keepalive_connections=50),
            headers={"User-Agent": USER_AGENT},
        )
        setattr(app.state, _client_lock_key, client)
    return client


async def close_http(app: FastAPI) -> None:
    client = getattr(app.state, _client_lock_key, None)
    if client is not None:
        await client.aclose()
        setattr(app.state, _client_lock_key, None)


def sign_v1a(private_key: str, msg_id: str, timestamp: int, body: bytes) -> str:
    """`v1a,` + base64 of the ed25519 signature over `{msg_id}.{timestamp}.{body}` (Standard Webhooks)."""
    key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(private_key.removeprefix("whsk_")))
    return "v1a," + base64.b64encode(key.sign(f"{msg_id}.{timestamp}.".encode() + body)).decode()


def signed_request(
    secret: str, event: events.CloudEvent, fmt: str, *, now: float | None = None
) -> tuple[bytes, dict[str, str]]:
    """The body and headers of one delivery, signed per Standard Webhooks (the event id is `webhook-id`,
    so a receiver deduplicates retries by it). `secret` is `whsec_…` (v1) or `whsk_…` (v1a)."""
    body, content_type = render(event, fmt)
    return body, _standard_headers(secret, event, fmt, body, content_type, now=now)


def delivery_request(
    sub: Subscription, event: events.CloudEvent, *, now: float | None = None
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
    secret: str, event: events.CloudEvent, fmt: str, body: bytes, content_type: str, *, now: float | None
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


async def send_to_subscription(app: FastAPI, sub: Subscription, event: events.OutboxEvent) -> Outcome:
    settings: CommonSettings = app.state.settings.common
    if not sub.active:
        return Outcome(success=False, error="the subscription is disabled", gone=True)
    try:
        await check_target(sub.url, allow_private=settings.allow_private_targets)
    except UnsafeTarget as exc:
        return Outcome(success=False, error=f"target refused: {exc}")
    url, body, headers = delivery_request(sub, event.envelope())
    start = time.perf_counter()
    try:
        response = await _http(app).post(url, content=body, headers=headers)
    except (httpx.HTTPError, httpx.InvalidURL, ValueError) as exc:
        return Outcome(
            success=False,
            duration_ms=(time.perf_counter() - start) * 1000,
            error=f"{type(exc).__name__}: {exc}"[:500],
        )
    elapsed = (time.perf_counter() - start) * 1000
    ok = 200 <= response.status_code < 300
    return Outcome(
        success=ok,
        status_code=response.status_code,
        duration_ms=elapsed,
        excerpt=_excerpt(response),
        error=None if ok else f"answered {response.status_code}",
        gone=response.status_code == 410,
    )


def _excerpt(response: httpx.Response) -> str:
    try:
        text = response.text
    except (UnicodeDecodeError, LookupError):
        text = repr(response.content[:EXCERPT_CHARS])
    return re.sub(r"\s+", " ", text)[:EXCERPT_CHARS]
