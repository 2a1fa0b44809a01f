"""Outbound webhook subscriptions (every service): table, request/response models, rules, and the signed
delivery of one event to one subscriber (Standard Webhooks: `webhook-id`, `webhook-timestamp`,
`webhook-signature`)."""

from __future__ import annotations

import base64
import fnmatch
import re
import secrets
import time
import uuid
from datetime import UTC, datetime
from typing import Annotated

import httpx
from fastapi import FastAPI
from pydantic import BaseModel, ConfigDict, StringConstraints, field_validator
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
from tpmhub_shared.webhook_formats import Format, render

log = get_logger("tpmhub.subscriptions")
RESOURCE = "subscription"
USER_AGENT = "TPM-Hub-Webhooks/1.0"

TypeGlob = Annotated[str, StringConstraints(min_length=1, max_length=100, pattern=r"^[a-z0-9_.*?\[\]-]+$")]
ProjectKey = Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9]{1,9}$")]


class Subscription(TableBase, table=True):
    __tablename__ = "subscriptions"

    url: str = Field(max_length=2000)
    description: str = Field(default="", max_length=500)
    event_types: list[str] = Field(default_factory=list, sa_column=json_column(nullable=False))
    project_key: str | None = Field(default=None, sa_column=Column(String(10), nullable=True, index=True))
    format: str = Field(default="cloudevents", max_length=20)
    secret: str = Field(max_length=100)
    active: bool = Field(default=True, sa_column=Column(Boolean, nullable=False, server_default="1"))
    consecutive_failures: int = 0
    disabled_reason: str | None = Field(default=None, max_length=500)
    disabled_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_by: str = Field(max_length=200)

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
    description: str = PField(default="", max_length=500, examples=["#pay-release room"])
    active: bool = True

    @field_validator("url")
    @classmethod
    def _strip(cls, value: str) -> str:
        return value.strip()


class SubscriptionUpdate(BaseModel):
    """Fields to change (JSON merge patch). Setting `active` to true re-enables a disabled subscription."""

    model_config = ConfigDict(extra="forbid")

    url: str | None = PField(default=None, min_length=8, max_length=2000)
    event_types: list[TypeGlob] | None = PField(default=None, min_length=1, max_length=50)
    format: Format | None = None
    description: str | None = PField(default=None, max_length=500)
    active: bool | None = None


class SubscriptionPublic(BaseModel):
    """An outbound webhook subscription (the secret is never shown again after creation)."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    url: str = PField(examples=["https://hooks.example.com/tpmhub"])
    description: str
    event_types: list[str] = PField(examples=[["rollout.*"]])
    project_key: str | None = PField(examples=["PAY"])
    format: str = PField(examples=["cloudevents"])
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

    secret: str = PField(
        examples=["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
        description="Standard Webhooks signing secret; store it now, it is not shown again.",
    )


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
    row = Subscription(**data.model_dump(), secret=new_secret(), created_by=principal.sub)
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


_AUDITED = ["url", "description", "event_types", "project_key", "format", "active"]


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
    merge_patch(row, patch, required={"url", "event_types", "format", "description", "active"})
    if patch.url is not None:
        await _check_url(row.url, settings)
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
    row.secret = new_secret()
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


def signed_request(
    secret: str, event: events.CloudEvent, fmt: str, *, now: int | None = None
) -> tuple[bytes, dict[str, str]]:
    """The body and headers of one delivery, signed per Standard Webhooks (the event id is `webhook-id`,
    so a receiver deduplicates retries by it)."""
    body, content_type = render(event, fmt)
    timestamp = int(now if now is not None else time.time())
    signature = Webhook(secret).sign(event.id, datetime.fromtimestamp(timestamp, tz=UTC), body.decode())
    headers = {
        "content-type": content_type,
        "webhook-id": event.id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature,
    }
    if fmt == "cloudevents":
        headers["ce-type"] = event.type
    return body, headers


async def send_to_subscription(app: FastAPI, sub: Subscription, event: events.OutboxEvent) -> Outcome:
    settings: CommonSettings = app.state.settings.common
    if not sub.active:
        return Outcome(success=False, error="the subscription is disabled", gone=True)
    try:
        await check_target(sub.url, allow_private=settings.allow_private_targets)
    except UnsafeTarget as exc:
        return Outcome(success=False, error=f"target refused: {exc}")
    envelope = event.envelope()
    body, headers = signed_request(sub.secret, envelope, sub.format)
    start = time.perf_counter()
    try:
        response = await _http(app).post(sub.url, content=body, headers=headers)
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
