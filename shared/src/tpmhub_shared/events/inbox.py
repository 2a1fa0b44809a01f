"""The inbox: events received from sibling services on `POST /v1/events`, deduplicated by (source, id).
Handling an event and recording its id happen in one transaction, so an event is acted on exactly once
even though it may be delivered more than once."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Literal

from pydantic import BaseModel
from pydantic import Field as PField
from sqlalchemy import UniqueConstraint, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import Field, SQLModel

from tpmhub_shared.db import UTCDateTime
from tpmhub_shared.events.envelope import CloudEvent
from tpmhub_shared.ids import new_id, utcnow
from tpmhub_shared.logging import get_logger

log = get_logger("tpmhub.inbox")

Handler = Callable[[AsyncSession, CloudEvent], Awaitable[None]]
PROCESSED, IGNORED = "processed", "ignored"


class InboxEvent(SQLModel, table=True):
    __tablename__ = "inbox_events"
    __table_args__ = (UniqueConstraint("source", "event_id", name="uq_inbox_events_source_event_id"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    event_id: str = Field(max_length=200)
    source: str = Field(max_length=200)
    type: str = Field(max_length=100)
    subject: str | None = Field(default=None, max_length=200)
    status: str = Field(max_length=12)
    received_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)


class EventReceipt(BaseModel):
    """What the receiver did with an event."""

    event_id: str = PField(examples=["01937c5e-8f3a-7cc2-9d8e-3b1f0a6c2d11"])
    status: Literal["processed", "ignored", "duplicate"] = PField(
        examples=["processed"],
        description="`processed`: handled now; `ignored`: no handler for this type here (recorded); "
        "`duplicate`: seen before, nothing done again.",
    )


async def receive(session: AsyncSession, *, event: CloudEvent, handlers: dict[str, Handler]) -> EventReceipt:
    """Record the event id and run its handler in the caller's transaction (one commit for both).
    A handler that raises rolls both back, so the sender retries later."""
    seen = await session.execute(
        select(InboxEvent.id).where(InboxEvent.source == event.source, InboxEvent.event_id == event.id)
    )
    if seen.first() is not None:
        return EventReceipt(event_id=event.id, status="duplicate")
    handler = handlers.get(event.type)
    status = PROCESSED if handler is not None else IGNORED
    try:
        async with session.begin_nested():
            session.add(
                InboxEvent(
                    event_id=event.id,
                    source=event.source,
                    type=event.type,
                    subject=event.subject,
                    status=status,
                )
            )
    except IntegrityError:
        # The same event is being handled concurrently (another delivery attempt): that one wins.
        return EventReceipt(event_id=event.id, status="duplicate")
    if handler is not None:
        await handler(session, event)
    else:
        log.info("event_ignored", event_type=event.type, event_id=event.id)
    return EventReceipt(event_id=event.id, status=status)
