"""Domain events: the CloudEvents 1.0 envelope and the transactional outbox (written in the caller's
transaction, delivered later by the dispatcher)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field as PField
from sqlalchemy import Column, Index, String
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import Field, SQLModel

from tpmhub_shared.db import JSONType, UTCDateTime
from tpmhub_shared.history import jsonable
from tpmhub_shared.ids import new_id, utcnow


class CloudEvent(BaseModel):
    """A CloudEvents 1.0 JSON envelope, as sent between services and to subscribers."""

    model_config = ConfigDict(extra="allow")

    specversion: str = PField(default="1.0", examples=["1.0"])
    id: str = PField(examples=["01937c5e-8f3a-7cc2-9d8e-3b1f0a6c2d11"])
    source: str = PField(examples=["/tpmhub/requirements-svc"])
    type: str = PField(examples=["change_request.approved"])
    subject: str | None = PField(default=None, examples=["PAY-CR3"])
    time: datetime
    datacontenttype: str = "application/json"
    data: dict[str, Any] = PField(default_factory=dict)


class OutboxEvent(SQLModel, table=True):
    __tablename__ = "outbox_events"
    __table_args__ = (Index("ix_outbox_events_subject_id", "subject", "id"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    source: str = Field(max_length=200)
    type: str = Field(max_length=100, index=True)
    subject: str = Field(max_length=200)
    project_key: str = Field(sa_column=Column(String(10), nullable=False, index=True))
    time: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    data: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSONType, nullable=False))

    def envelope(self) -> CloudEvent:
        return CloudEvent(
            id=str(self.id), source=self.source, type=self.type, subject=self.subject, time=self.time,
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
    event = OutboxEvent(source=source, type=type, subject=subject, project_key=project_key, data=jsonable(data))
    session.add(event)
    return event
