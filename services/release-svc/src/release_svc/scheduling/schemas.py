"""Request and response models of scheduled rollout actions."""

import uuid
from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from release_svc.rollouts.schemas import Reason

ScheduleAction = Literal["start", "advance"]
ScheduleStatus = Literal["pending", "running", "done", "failed", "cancelled"]
MAX_SCHEDULE_AHEAD_DAYS = 366


def _utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    try:
        return value.astimezone(UTC)
    except OverflowError as exc:
        raise ValueError("is outside the representable range in UTC") from exc


class ScheduleCreate(BaseModel):
    """Start or advance the rollout at a given time (run by the scheduler with the same rules as the action:
    operator, hold, gate). Refused inside a freeze window of the rollout's environment without an approved
    exception, when created and again when due."""

    model_config = ConfigDict(extra="forbid")

    action: ScheduleAction = Field(examples=["advance"])
    at: datetime = Field(
        description="When to act (UTC; a time without offset is taken as UTC); in the future, at most a year "
        "ahead.",
        examples=["2026-11-23T02:00:00Z"],
    )
    reason: Reason = Field(examples=["Advance to 50% after the nightly batch"])

    @field_validator("at")
    @classmethod
    def _in_utc(cls, value: datetime) -> datetime:
        return _utc(value)


class SchedulePublic(BaseModel):
    """A planned action and what became of it."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    rollout_id: uuid.UUID
    project_key: str = Field(examples=["PAY"])
    action: ScheduleAction
    at: datetime
    reason: str
    status: ScheduleStatus = Field(
        description="pending until due; running while the scheduler acts; done, failed (see "
        "`failure_reason`) or cancelled."
    )
    created_by: str = Field(examples=["alice"])
    created_at: datetime
    executed_at: datetime | None = None
    failure_reason: str | None = Field(
        default=None, examples=["freeze window active without an approved exception: Year end"]
    )
    failure: dict | None = Field(
        default=None, description="The problem the action answered with (type, title, status, detail, …)."
    )
    cancelled_by: str | None = None
    cancelled_at: datetime | None = None
    revision: int = Field(
        validation_alias="version", description="Optimistic-concurrency counter.", examples=[1]
    )
