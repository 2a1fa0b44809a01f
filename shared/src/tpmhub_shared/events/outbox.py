"""The outbox relay: routes each committed outbox event to its targets (siblings by configuration, services'
own senders, outbound subscriptions by their filters) and delivers it at least once, in order per subject
and target, retrying on the Standard Webhooks schedule and dead-lettering after the last attempt.

Work is claimed with a short lease (`locked_until`), taken under `FOR UPDATE SKIP LOCKED` on PostgreSQL
(under SQLite's single writer lock on SQLite), so N replicas share the work without delivering one row
twice at the same time, and a replica that dies mid-delivery only delays its rows until the lease ends.
Within one (target, subject), only the oldest undelivered event can be claimed, so events arrive in order.

Subscriptions reach the relay as a `Subscribers` (the app wires in tpmhub_shared.events.subscriptions as
`app.state.subscribers`), so this module does not import them.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Protocol

from fastapi import FastAPI
from sqlalchemy import delete, exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from tpmhub_shared.db import Database
from tpmhub_shared.events.deliveries import (
    DEAD,
    DELIVERED,
    EXCERPT_CHARS,
    PENDING,
    SERVICE_PREFIX,
    SIBLING_PREFIX,
    SUBSCRIPTION_PREFIX,
    DeliveryAttempt,
    EventDelivery,
    Outcome,
)
from tpmhub_shared.events.envelope import OutboxEvent, register_waker, unregister_waker
from tpmhub_shared.events.inbox import InboxEvent
from tpmhub_shared.http import SiblingError
from tpmhub_shared.ids import utcnow
from tpmhub_shared.logging import get_logger
from tpmhub_shared.settings import CommonSettings

log = get_logger("tpmhub.outbox")


class Subscriber(Protocol):
    """An active outbound subscription, as routing sees it."""

    id: uuid.UUID

    def matches(self, event: OutboxEvent) -> bool: ...


class Subscribers(Protocol):
    """The outbound subscriptions: which want an event, how to send one, and what a failure does to them."""

    async def active(self, session: AsyncSession) -> Sequence[Subscriber]: ...

    async def load(self, session: AsyncSession, ids: set[uuid.UUID]) -> dict[uuid.UUID, Any]: ...

    async def send(self, app: FastAPI, subscription: Any, event: OutboxEvent) -> Outcome: ...

    async def note_outcome(
        self,
        session: AsyncSession,
        subscription_id: uuid.UUID,
        outcome: Outcome,
        settings: CommonSettings,
        *,
        service: str,
    ) -> None: ...


def retry_delay(settings: CommonSettings, attempts_made: int) -> float | None:
    """Seconds until the next attempt after `attempts_made` failures; None when none is left."""
    schedule = settings.events_retry_schedule
    if attempts_made >= len(schedule):
        return None
    return float(schedule[attempts_made])


def sibling_targets(settings: CommonSettings, service: str, event_type: str) -> list[str]:
    routes = settings.event_routes.get(service, {})
    return [f"{SIBLING_PREFIX}{sibling}" for sibling, types in sorted(routes.items()) if event_type in types]


# ---- service-owned targets -----------------------------------------------------------------------------
# A service may deliver some of its own events to a sender of its own (e.g. release-svc's callbacks to
# GitHub), with the same durability, leases, ordering per subject, retry schedule, dead letters, delivery log
# and replay as siblings and subscriptions. Registered at import time, keyed by service name.

Sender = Callable[[FastAPI, OutboxEvent], Awaitable[Outcome]]


@dataclass(frozen=True)
class ServiceTarget:
    name: str  # the target is `service:<name>`
    event_types: frozenset[str]
    send: Sender


_SERVICE_TARGETS: dict[str, dict[str, ServiceTarget]] = {}


def register_target(service: str, name: str, event_types: set[str] | frozenset[str], send: Sender) -> None:
    """Deliver this service's events of `event_types` to `send` (as target `service:<name>`)."""
    _SERVICE_TARGETS.setdefault(service, {})[name] = ServiceTarget(name, frozenset(event_types), send)


def service_targets(service: str, event_type: str) -> list[str]:
    return [
        f"{SERVICE_PREFIX}{t.name}"
        for t in sorted(_SERVICE_TARGETS.get(service, {}).values(), key=lambda t: t.name)
        if event_type in t.event_types
    ]


# ---- routing -------------------------------------------------------------------------------------------


async def route_pending(
    db: Database, *, service: str, settings: CommonSettings, limit: int, subscribers: Subscribers
) -> int:
    """Create the delivery rows of events not routed yet; returns how many events were routed."""
    async with db.session() as session, session.begin():
        stmt = select(OutboxEvent).where(OutboxEvent.routed.is_(False)).order_by(OutboxEvent.id).limit(limit)
        if not db.is_sqlite:
            stmt = stmt.with_for_update(skip_locked=True)
        events = list((await session.execute(stmt)).scalars().all())
        if not events:
            return 0
        subscriptions = await subscribers.active(session)
        now = utcnow()
        for event in events:
            targets: list[tuple[str, uuid.UUID | None]] = [
                (t, None) for t in sibling_targets(settings, service, event.type)
            ]
            targets += [(t, None) for t in service_targets(service, event.type)]
            targets += [(f"{SUBSCRIPTION_PREFIX}{s.id}", s.id) for s in subscriptions if s.matches(event)]
            for target, subscription_id in targets:
                session.add(
                    EventDelivery(
                        event_id=event.id,
                        event_type=event.type,
                        subject=event.subject,
                        project_key=event.project_key,
                        target=target,
                        subscription_id=subscription_id,
                        next_attempt_at=now,
                    )
                )
            event.routed = True
        return len(events)


# ---- claiming ------------------------------------------------------------------------------------------


@dataclass
class Claimed:
    """A reserved delivery with what sending it needs (loaded in the claiming transaction)."""

    delivery_id: uuid.UUID
    target: str
    event: OutboxEvent | None
    subscription: Any = None  # the Subscription row for subscription targets


async def claim_due(
    db: Database, *, settings: CommonSettings, limit: int, subscribers: Subscribers
) -> list[Claimed]:
    """Reserve due deliveries that head their (target, subject) queue, with their events and subscribers."""
    now = utcnow()
    earlier = aliased(EventDelivery)
    blocked = exists().where(
        earlier.target == EventDelivery.target,
        earlier.subject == EventDelivery.subject,
        earlier.status == PENDING,
        earlier.event_id < EventDelivery.event_id,
    )
    async with db.session() as session, session.begin():
        stmt = (
            select(EventDelivery)
            .where(
                EventDelivery.status == PENDING,
                EventDelivery.next_attempt_at <= now,
                or_(EventDelivery.locked_until.is_(None), EventDelivery.locked_until < now),
                ~blocked,
            )
            .order_by(EventDelivery.next_attempt_at, EventDelivery.event_id)
            .limit(limit)
        )
        if not db.is_sqlite:
            stmt = stmt.with_for_update(skip_locked=True, of=EventDelivery)
        rows = list((await session.execute(stmt)).scalars().all())
        if not rows:
            return []
        until = now + timedelta(seconds=settings.events_lease_seconds)
        for row in rows:
            row.locked_until = until
        event_ids = {r.event_id for r in rows}
        found = (await session.execute(select(OutboxEvent).where(OutboxEvent.id.in_(event_ids)))).scalars()
        by_event = {e.id: e for e in found}
        sub_ids = {r.subscription_id for r in rows if r.subscription_id is not None}
        subs = await subscribers.load(session, sub_ids) if sub_ids else {}
        return [Claimed(r.id, r.target, by_event.get(r.event_id), subs.get(r.subscription_id)) for r in rows]


# ---- recording outcomes --------------------------------------------------------------------------------


async def record_outcome(
    session: AsyncSession,
    delivery: EventDelivery,
    outcome: Outcome,
    settings: CommonSettings,
    *,
    service: str,
    subscribers: Subscribers,
) -> None:
    """Write the attempt to the log and move the delivery on (delivered, retry later, or dead)."""
    delivery.attempts += 1
    session.add(
        DeliveryAttempt(
            delivery_id=delivery.id,
            subscription_id=delivery.subscription_id,
            event_id=delivery.event_id,
            event_type=delivery.event_type,
            attempt=delivery.attempts,
            success=outcome.success,
            status_code=outcome.status_code,
            duration_ms=round(outcome.duration_ms, 2),
            response_excerpt=(outcome.excerpt or None) and outcome.excerpt[:EXCERPT_CHARS],
            error=(outcome.error or None) and outcome.error[:500],
        )
    )
    delivery.last_status_code = outcome.status_code
    delivery.locked_until = None
    now = utcnow()
    if outcome.success:
        delivery.status = DELIVERED
        delivery.delivered_at = now
        delivery.last_error = None
    else:
        delivery.last_error = (outcome.error or f"answered {outcome.status_code}")[:500]
        delay = retry_delay(settings, delivery.attempts)
        if delay is None or outcome.gone:
            delivery.status = DEAD
            log.warning(
                "delivery_dead",
                delivery_id=str(delivery.id),
                target=delivery.target,
                event_type=delivery.event_type,
                attempts=delivery.attempts,
            )
        else:
            delivery.next_attempt_at = now + timedelta(seconds=delay)
    if delivery.subscription_id is not None:
        await subscribers.note_outcome(session, delivery.subscription_id, outcome, settings, service=service)


# ---- sending -------------------------------------------------------------------------------------------


async def _send_to_sibling(app: FastAPI, sibling: str, event: OutboxEvent) -> Outcome:
    client = app.state.siblings.get(sibling)
    if client is None:
        return Outcome(success=False, error=f"no sibling named {sibling}")
    settings: CommonSettings = app.state.settings.common
    timeout = settings.events_delivery_timeout_seconds
    start = time.perf_counter()
    body = event.envelope().model_dump(mode="json")
    try:
        response = await client.request("POST", "/v1/events", json=body, idempotent=True, timeout=timeout)
    except SiblingError as exc:
        return Outcome(
            success=False,
            status_code=exc.status,
            duration_ms=(time.perf_counter() - start) * 1000,
            error=exc.reason,
        )
    elapsed = (time.perf_counter() - start) * 1000
    ok = 200 <= response.status_code < 300
    return Outcome(
        success=ok,
        status_code=response.status_code,
        duration_ms=elapsed,
        excerpt=response.text[:EXCERPT_CHARS],
        error=None if ok else f"answered {response.status_code}",
    )


async def send(app: FastAPI, claimed: Claimed) -> Outcome:
    """One attempt, outside any transaction."""
    if claimed.event is None:
        return Outcome(success=False, error="event no longer exists", gone=True)
    if claimed.target.startswith(SIBLING_PREFIX):
        return await _send_to_sibling(app, claimed.target.removeprefix(SIBLING_PREFIX), claimed.event)
    if claimed.target.startswith(SUBSCRIPTION_PREFIX):
        if claimed.subscription is None:
            return Outcome(success=False, error="the subscription no longer exists", gone=True)
        subscribers: Subscribers = app.state.subscribers
        return await subscribers.send(app, claimed.subscription, claimed.event)
    if claimed.target.startswith(SERVICE_PREFIX):
        own = _SERVICE_TARGETS.get(app.state.spec.name, {}).get(claimed.target.removeprefix(SERVICE_PREFIX))
        if own is not None:
            return await own.send(app, claimed.event)
    return Outcome(success=False, error=f"unknown target {claimed.target}", gone=True)


async def record_outcomes(app: FastAPI, outcomes: list[tuple[uuid.UUID, Outcome]]) -> None:
    """Write a round's outcomes in one transaction (if it fails, the leases expire and the deliveries are
    attempted again: at least once)."""
    db: Database = app.state.db
    settings: CommonSettings = app.state.settings.common
    subscribers: Subscribers = app.state.subscribers
    async with db.session() as session, session.begin():
        ids = [d for d, _ in outcomes]
        rows = {
            r.id: r
            for r in (await session.execute(select(EventDelivery).where(EventDelivery.id.in_(ids)))).scalars()
        }
        for delivery_id, outcome in outcomes:
            delivery = rows.get(delivery_id)
            if delivery is None or delivery.status != PENDING:
                continue
            await record_outcome(
                session, delivery, outcome, settings, service=app.state.spec.name, subscribers=subscribers
            )


async def run_once(app: FastAPI) -> int:
    """One round: route new events, claim what is due, deliver it; returns how much work was done."""
    db: Database = app.state.db
    settings: CommonSettings = app.state.settings.common
    subscribers: Subscribers = app.state.subscribers
    routed = await route_pending(
        db,
        service=app.state.spec.name,
        settings=settings,
        limit=settings.events_batch_size,
        subscribers=subscribers,
    )
    claimed = await claim_due(
        db, settings=settings, limit=settings.events_batch_size, subscribers=subscribers
    )
    if claimed:
        semaphore = asyncio.Semaphore(settings.events_concurrency)

        async def guarded(item: Claimed) -> tuple[uuid.UUID, Outcome]:
            async with semaphore:
                return item.delivery_id, await send(app, item)

        outcomes = await asyncio.gather(*(guarded(c) for c in claimed))
        await record_outcomes(app, list(outcomes))
    return routed + len(claimed)


async def next_due_in(db: Database) -> float | None:
    """Seconds until the earliest pending delivery is due (None when nothing is pending)."""
    async with db.session(write=False) as session:
        earliest = (
            await session.execute(
                select(EventDelivery.next_attempt_at)
                .where(EventDelivery.status == PENDING)
                .order_by(EventDelivery.next_attempt_at)
                .limit(1)
            )
        ).scalar_one_or_none()
    if earliest is None:
        return None
    return max(0.0, (earliest - utcnow()).total_seconds())


async def purge(db: Database, settings: CommonSettings) -> tuple[int, int]:
    """Delete outbox events past retention that have nothing pending (their deliveries and attempts go with
    them), and inbox records past the deduplication window; returns (events, inbox records) deleted."""
    now = utcnow()
    pending = exists().where(EventDelivery.event_id == OutboxEvent.id, EventDelivery.status == PENDING)
    async with db.session() as session, session.begin():
        events_deleted = (
            await session.execute(
                delete(OutboxEvent).where(
                    OutboxEvent.routed.is_(True),
                    OutboxEvent.time < now - timedelta(days=settings.events_retention_days),
                    ~pending,
                )
            )
        ).rowcount
        inbox_deleted = (
            await session.execute(
                delete(InboxEvent).where(
                    InboxEvent.received_at < now - timedelta(days=settings.inbox_retention_days)
                )
            )
        ).rowcount
    return events_deleted or 0, inbox_deleted or 0


async def dispatcher(app: FastAPI) -> None:
    """The background worker every service runs: deliver outbox events until shutdown."""
    settings: CommonSettings = app.state.settings.common
    loop = asyncio.get_running_loop()
    waker = asyncio.Event()
    register_waker(loop, waker)
    next_purge = time.monotonic() + settings.events_purge_interval_seconds
    try:
        while not app.state.stopping.is_set():
            waker.clear()
            if time.monotonic() >= next_purge:
                next_purge = time.monotonic() + settings.events_purge_interval_seconds
                try:
                    deleted = await purge(app.state.db, settings)
                    log.info("outbox_purged", events=deleted[0], inbox=deleted[1])
                except Exception:  # housekeeping never stops delivery
                    log.exception("outbox_purge_failed")
            try:
                work = await run_once(app)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("dispatcher_round_failed")
                work = 0
                await asyncio.sleep(min(1.0, settings.events_poll_seconds))
            if work:
                continue
            wait = settings.events_poll_seconds
            due = await _safe_next_due(app.state.db)
            if due is not None:
                wait = min(wait, max(due, 0.01))
            try:
                await asyncio.wait_for(waker.wait(), timeout=wait)
            except TimeoutError:
                pass
    finally:
        unregister_waker(loop, waker)


async def _safe_next_due(db: Database) -> float | None:
    try:
        return await next_due_in(db)
    except Exception:  # the database may be briefly away; the loop retries on its poll interval
        return None
