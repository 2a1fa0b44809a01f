"""Delivering to subscriptions, for the outbox relay: which subscriptions are active, one signed POST to
one subscriber, and what failures do to a subscription (disabled on 410 or after too many, with a
`subscription.disabled` event). `SUBSCRIBERS` is what the app hands the relay."""

from __future__ import annotations

import re
import time
import uuid

import httpx
import orjson
from fastapi import FastAPI
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tpmhub_shared.events.deliveries import EXCERPT_CHARS, PENDING, EventDelivery, Outcome
from tpmhub_shared.events.envelope import OutboxEvent, emit
from tpmhub_shared.events.outbox import Subscribers
from tpmhub_shared.events.subscriptions.formats import ROBOT_PLATFORMS
from tpmhub_shared.events.subscriptions.models import Subscription, project_label
from tpmhub_shared.events.subscriptions.signing import delivery_request
from tpmhub_shared.ids import utcnow
from tpmhub_shared.logging import get_logger
from tpmhub_shared.netguard import UnsafeTarget, check_target
from tpmhub_shared.settings import CommonSettings

log = get_logger("tpmhub.subscriptions")
USER_AGENT = "TPM-Hub-Webhooks/1.0"


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
    emit(
        session,
        source=f"/tpmhub/{service}",
        type="subscription.disabled",
        subject=str(subscription_id),
        project_key=project_label(row.project_key),
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


async def send_to_subscription(app: FastAPI, sub: Subscription, event: OutboxEvent) -> Outcome:
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
    refusal = robot_refusal(sub.format, response) if ok else None
    return Outcome(
        success=ok and refusal is None,
        status_code=response.status_code,
        duration_ms=elapsed,
        excerpt=_excerpt(response),
        error=refusal or (None if ok else f"answered {response.status_code}"),
        gone=response.status_code == 410,
    )


def robot_refusal(fmt: str, response: httpx.Response) -> str | None:
    """DingTalk and Feishu answer HTTP 200 to a message they refused (bad sign, keyword, rate limit): the
    refusal is a non-zero `errcode` (DingTalk) or `code`/`StatusCode` (Feishu) in the body."""
    platform = ROBOT_PLATFORMS.get(fmt)
    if platform is None:
        return None
    try:
        body = orjson.loads(response.content)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(body, dict):
        return None
    if platform == "dingtalk":
        code, message = body.get("errcode"), body.get("errmsg")
    else:
        code = body.get("code", body.get("StatusCode"))
        message = body.get("msg", body.get("StatusMessage"))
    if code in (None, 0, "0"):
        return None
    return f"{platform} refused the message: code {code}" + (f" ({str(message)[:200]})" if message else "")


def _excerpt(response: httpx.Response) -> str:
    try:
        text = response.text
    except (UnicodeDecodeError, LookupError):
        text = repr(response.content[:EXCERPT_CHARS])
    return re.sub(r"\s+", " ", text)[:EXCERPT_CHARS]


class SubscriptionDelivery:
    """The subscriptions as the outbox relay uses them (`tpmhub_shared.events.outbox.Subscribers`)."""

    async def active(self, session: AsyncSession) -> list[Subscription]:
        return await matching_subscriptions(session)

    async def load(self, session: AsyncSession, ids: set[uuid.UUID]) -> dict[uuid.UUID, Subscription]:
        found = (await session.execute(select(Subscription).where(Subscription.id.in_(ids)))).scalars()
        return {s.id: s for s in found}

    async def send(self, app: FastAPI, subscription: Subscription, event: OutboxEvent) -> Outcome:
        return await send_to_subscription(app, subscription, event)

    async def note_outcome(
        self,
        session: AsyncSession,
        subscription_id: uuid.UUID,
        outcome: Outcome,
        settings: CommonSettings,
        *,
        service: str,
    ) -> None:
        await note_subscription_outcome(session, subscription_id, outcome, settings, service=service)


SUBSCRIBERS: Subscribers = SubscriptionDelivery()
