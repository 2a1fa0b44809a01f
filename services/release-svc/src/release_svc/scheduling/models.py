"""Scheduled rollout actions: a start or advance planned for a given time."""

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Column, ForeignKey, Index, String, Uuid
from sqlmodel import Field
from tpmhub_shared.db import TableBase, UTCDateTime, json_column

SCHEDULE_STATUSES = ("pending", "running", "done", "failed", "cancelled")


class RolloutSchedule(TableBase, table=True):
    """A start or advance of a rollout planned for a given time, run by the rollout scheduler through the
    same rules as the HTTP action (operator, hold, gate), as the person who scheduled it."""

    __tablename__ = "rollout_schedules"
    __table_args__ = (
        # The scheduler's scan: pending schedules that are due.
        Index("ix_rollout_schedules_status_at", "status", "at"),
        Index("ix_rollout_schedules_rollout_id_id", "rollout_id", "id"),
    )

    project_key: str = Field(sa_column=Column(String(10), nullable=False))
    rollout_id: uuid.UUID = Field(sa_column=Column(Uuid(), ForeignKey("rollouts.id"), nullable=False))
    action: str = Field(max_length=20)
    at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    reason: str = Field(max_length=2000)
    # pending → running (claimed by one scheduler) → done | failed; pending → cancelled.
    status: str = Field(default="pending", max_length=20)
    created_by: str = Field(max_length=200)
    created_by_name: str = Field(default="", max_length=200)
    # The scheduler acts as the creator with the role they had on the project when they scheduled it.
    created_by_role: str | None = Field(default=None, max_length=20)
    claimed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    executed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    failure_reason: str | None = Field(default=None, max_length=2000)
    # The problem the action answered with ({type, title, status, detail, ...extensions}).
    failure: dict[str, Any] | None = Field(default=None, sa_column=json_column(nullable=True))
    cancelled_by: str | None = Field(default=None, max_length=200)
    cancelled_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
