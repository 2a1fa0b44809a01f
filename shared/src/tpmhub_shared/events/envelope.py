"""The CloudEvents 1.0 envelope and the outbox row: `emit` writes the row in the caller's transaction, and
the commit wakes the dispatchers of this process (tpmhub_shared.events.outbox delivers it)."""

from __future__ import annotations

import asyncio
import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, field_serializer
from pydantic import Field as PField
from sqlalchemy import Boolean, Column, Index, String
from sqlalchemy import event as sa_event
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session
from sqlmodel import Field, SQLModel

from tpmhub_shared.db import JSONType, UTCDateTime
from tpmhub_shared.history import jsonable
from tpmhub_shared.ids import new_id, utcnow


class CloudEvent(BaseModel):
    """A CloudEvents 1.0 JSON envelope, as sent between services and to subscribers."""

    model_config = ConfigDict(extra="forbid")

    specversion: str = PField(default="1.0", pattern=r"^1\.0$", examples=["1.0"])
    id: str = PField(
        min_length=1,
        max_length=200,
        examples=["01937c5e-8f3a-7cc2-9d8e-3b1f0a6c2d11"],
        description="Unique per source; receivers deduplicate by (source, id).",
    )
    source: str = PField(min_length=1, max_length=200, examples=["/tpmhub/requirements-svc"])
    type: str = PField(min_length=1, max_length=100, examples=["change_request.approved"])
    subject: str | None = PField(
        default=None,
        max_length=200,
        examples=["PAY-CR3"],
        description="The resource the event is about; delivery is in order per subject.",
    )
    time: datetime
    datacontenttype: str = PField(default="application/json", max_length=100, examples=["application/json"])
    data: dict[str, Any] = PField(
        default_factory=dict, description="The event's data; its schema depends on `type`."
    )

    @field_serializer("time")
    def _time_z(self, value: datetime) -> str:
        return value.isoformat().replace("+00:00", "Z")


class OutboxEvent(SQLModel, table=True):
    __tablename__ = "outbox_events"
    __table_args__ = (
        Index("ix_outbox_events_subject_id", "subject", "id"),
        Index("ix_outbox_events_routed_id", "routed", "id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    source: str = Field(max_length=200)
    type: str = Field(max_length=100, index=True)
    subject: str = Field(max_length=200)
    project_key: str = Field(sa_column=Column(String(10), nullable=False, index=True))
    time: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    data: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSONType, nullable=False))
    # Set by the dispatcher once one delivery row per target (sibling or subscription) exists.
    routed: bool = Field(default=False, sa_column=Column(Boolean, nullable=False, server_default="0"))

    def envelope(self) -> CloudEvent:
        return CloudEvent(
            id=str(self.id),
            source=self.source,
            type=self.type,
            subject=self.subject,
            time=self.time,
            data=self.data,
        )


def emit(
    session: AsyncSession,
    *,
    source: str,
    type: str,
    subject: str,
    project_key: str,
    data: dict[str, Any],
) -> OutboxEvent:
    """Queue an event in the caller's transaction: it exists if and only if the change commits."""
    event = OutboxEvent(
        source=source, type=type, subject=subject, project_key=project_key, data=jsonable(data)
    )
    session.add(event)
    session.sync_session.info[WAKE_ON_COMMIT] = True
    return event


# ---- wake the dispatcher on commit --------------------------------------------------------------------
# A commit that wrote outbox rows wakes every dispatcher of this process at once (low lag); dispatchers
# also poll, for rows written by other replicas.
WAKE_ON_COMMIT = "tpm_outbox_pending"
_wakers: set[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = set()


def register_waker(loop: asyncio.AbstractEventLoop, waker: asyncio.Event) -> None:
    _wakers.add((loop, waker))


def unregister_waker(loop: asyncio.AbstractEventLoop, waker: asyncio.Event) -> None:
    _wakers.discard((loop, waker))


def wake_dispatchers() -> None:
    for loop, waker in list(_wakers):
        if not loop.is_closed():
            loop.call_soon_threadsafe(waker.set)


@sa_event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    if session.info.pop(WAKE_ON_COMMIT, False):
        wake_dispatchers()


@sa_event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop(WAKE_ON_COMMIT, None)
