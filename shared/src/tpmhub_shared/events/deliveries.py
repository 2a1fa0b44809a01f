"""Deliveries of outbox events: one row per event and target, the log of attempts, their public shape,
and dead letters with replay (the service layer of `/v1/event-deliveries`)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from pydantic import BaseModel, ConfigDict
from pydantic import Field as PField
from sqlalchemy import Column, ForeignKey, Index, String, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import Field, SQLModel

from tpmhub_shared.auth import Principal, ensure_role
from tpmhub_shared.db import UTCDateTime
from tpmhub_shared.events.envelope import WAKE_ON_COMMIT
from tpmhub_shared.ids import new_id, utcnow
from tpmhub_shared.pagination import paginate
from tpmhub_shared.problems import Conflict, NotFound

SIBLING_PREFIX = "sibling:"
SUBSCRIPTION_PREFIX = "subscription:"
SERVICE_PREFIX = "service:"
EXCERPT_CHARS = 500

PENDING, DELIVERED, DEAD = "pending", "delivered", "dead"


class EventDelivery(SQLModel, table=True):
    """One event to one target (a sibling service or an outbound subscription)."""

    __tablename__ = "event_deliveries"
    __table_args__ = (
        Index("ix_event_deliveries_due", "status", "next_attempt_at"),
        Index("ix_event_deliveries_order", "target", "subject", "event_id"),
        Index("ix_event_deliveries_subscription", "subscription_id", "id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    event_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("outbox_events.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    event_type: str = Field(max_length=100)
    subject: str = Field(max_length=200)
    project_key: str = Field(sa_column=Column(String(10), nullable=False))
    target: str = Field(max_length=60)
    subscription_id: uuid.UUID | None = Field(default=None)
    status: str = Field(default=PENDING, max_length=12)
    attempts: int = 0
    next_attempt_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    locked_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_status_code: int | None = None
    last_error: str | None = Field(default=None, max_length=500)
    delivered_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)


class DeliveryAttempt(SQLModel, table=True):
    """The delivery log: one row per attempt, with what the target answered."""

    __tablename__ = "event_delivery_attempts"
    __table_args__ = (
        Index("ix_event_delivery_attempts_delivery", "delivery_id", "id"),
        Index("ix_event_delivery_attempts_subscription", "subscription_id", "id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    delivery_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("event_deliveries.id", ondelete="CASCADE"), nullable=False)
    )
    subscription_id: uuid.UUID | None = None
    event_id: uuid.UUID
    event_type: str = Field(max_length=100)
    attempt: int
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    success: bool = False
    status_code: int | None = None
    duration_ms: float = 0
    response_excerpt: str | None = Field(default=None, max_length=EXCERPT_CHARS)
    error: str | None = Field(default=None, max_length=500)


@dataclass
class Outcome:
    """What one attempt produced."""

    success: bool
    status_code: int | None = None
    duration_ms: float = 0
    excerpt: str | None = None
    error: str | None = None
    gone: bool = False  # the target answered 410: stop sending (subscriptions are disabled)


# ---- response models ----------------------------------------------------------------------------------


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


# ---- dead letters and replay (service layer for the admin API) -----------------------------------------


async def replay_delivery(session: AsyncSession, delivery: EventDelivery) -> EventDelivery:
    """Queue a dead (or delivered) delivery again from the start of the retry schedule."""
    delivery.status = PENDING
    delivery.attempts = 0
    delivery.next_attempt_at = utcnow()
    delivery.locked_until = None
    await session.flush()
    session.sync_session.info[WAKE_ON_COMMIT] = True  # the dispatcher picks it up right after the commit
    return delivery


async def list_deliveries(
    session: AsyncSession,
    *,
    principal: Principal,
    status: str | None,
    target: str | None,
    event_type: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[EventDelivery], str | None]:
    """Deliveries of this service's events (dead letters with `status=dead`); admins only."""
    ensure_role(principal, None, {"admin"}, action="list event deliveries")
    stmt = select(EventDelivery)
    if status is not None:
        stmt = stmt.where(EventDelivery.status == status)
    if target is not None:
        stmt = stmt.where(EventDelivery.target == target)
    if event_type is not None:
        stmt = stmt.where(EventDelivery.event_type == event_type)
    return await paginate(
        session, stmt, order=[], id_column=EventDelivery.id, limit=limit, cursor=cursor, sort_key="deliveries"
    )


async def replay(session: AsyncSession, *, principal: Principal, delivery_id: uuid.UUID) -> EventDelivery:
    """Queue a dead-lettered (or delivered) delivery again; admins only. 409 while it is still pending."""
    ensure_role(principal, None, {"admin"}, action="replay event deliveries")
    delivery = await session.get(EventDelivery, delivery_id)
    if delivery is None:
        raise NotFound(f"Delivery {delivery_id} does not exist.")
    if delivery.status == PENDING:
        raise Conflict(
            "The delivery is still pending; it will be attempted on its schedule.", delivery_status=PENDING
        )
    return await replay_delivery(session, delivery)
