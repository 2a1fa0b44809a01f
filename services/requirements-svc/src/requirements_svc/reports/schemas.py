import uuid
from datetime import date, datetime
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from tpmhub_shared.contracts import ReleaseSummary, RiskSummary

from requirements_svc.health.schemas import HealthPublic

ReportFormat = Literal["json", "markdown", "html"]


class PeriodPublic(BaseModel):
    kind: Literal["day", "week"] = Field(examples=["week"])
    start: date = Field(examples=["2026-11-16"])
    end: date = Field(examples=["2026-11-22"])
    label: str = Field(examples=["2026-W47 (2026-11-16 – 2026-11-22)"])


class ItemRef(BaseModel):
    key: str = Field(examples=["PAY-42"])
    title: str
    type: str = Field(examples=["story"])
    status: str = Field(examples=["done"])
    points: float | None = None


class ItemCount(BaseModel):
    count: int
    points: float
    items: list[ItemRef] = Field(description="The first 20.")


class ReportBurndownPoint(BaseModel):
    date: date
    remaining: float | None = Field(
        description="Open committed points at the end of the day; null for days ahead."
    )
    ideal: float


class IterationBrief(BaseModel):
    id: str
    name: str
    start_date: date
    end_date: date
    status: str
    capacity_points: float
    committed_points: float
    remaining_points: float


class MilestoneProjection(BaseModel):
    id: str
    name: str
    status: str
    target_date: date
    projected_finish: date | None = Field(
        description="At the current velocity; the day the last item was done once all are; null when "
        "nothing is being burned or the milestone has no items (the milestone API's `forecast`)."
    )
    points_total: float
    points_done: float
    remaining_points: float
    items_total: int
    open_items: int
    slip_days: int | None = Field(
        description="Projected finish minus target date; positive is late; null without a projected finish."
    )


class ProgressSection(BaseModel):
    """What moved in the backlog during the period."""

    available: bool = True
    reason: str | None = None
    done: ItemCount
    added: ItemCount
    carried_over: ItemCount = Field(description="Items still open in iterations that ended in the period.")
    points_burned: float
    points_planned: float = Field(
        description="The ideal burn of the current iteration over the period's days."
    )
    velocity_points_per_day: float
    iteration: IterationBrief | None
    burndown: list[ReportBurndownPoint]
    milestones: list[MilestoneProjection]


class DocumentRef(BaseModel):
    id: str
    kind: Literal["prd", "design"] | str
    title: str
    status: str
    version: int | None = None
    at: datetime | None = None
    days_waiting: int | None = None


class ChangeRequestRef(BaseModel):
    key: str = Field(examples=["PAY-CR3"])
    title: str
    status: str
    effort_delta_points: float
    date_delta_days: int
    affected_items: int
    decided_at: datetime | None = None


class RequirementsSection(BaseModel):
    available: bool = True
    reason: str | None = None
    approved: list[DocumentRef] = Field(description="PRD and design versions approved in the period.")
    in_review: list[DocumentRef] = Field(description="PRDs and designs waiting for review, longest first.")
    open_change_requests: list[ChangeRequestRef]
    decided_change_requests: list[ChangeRequestRef] = Field(description="Decided in the period.")


class RisksSection(BaseModel):
    """From risk-svc; `available` false (with the reason) when it did not answer in time."""

    available: bool
    reason: str | None = None
    summary: RiskSummary | None = None


class ReleasesSection(BaseModel):
    """From release-svc; `available` false (with the reason) when it did not answer in time."""

    available: bool
    reason: str | None = None
    summary: ReleaseSummary | None = None


class ProjectRef(BaseModel):
    key: str = Field(examples=["PAY"])
    name: str = Field(examples=["Payments 2.0"])


class Report(BaseModel):
    """A daily (日报) or weekly (周报) status report across the three services."""

    project: ProjectRef
    period: PeriodPublic
    generated_at: datetime
    health: HealthPublic
    progress: ProgressSection
    requirements: RequirementsSection
    risks: RisksSection
    releases: ReleasesSection


# ---- schedules ----------------------------------------------------------------------------------------

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


class ScheduleCreate(BaseModel):
    """Post the project's report to its webhook subscriptions (chat) every day or every week at a local time.
    Daily posts the report of the local day; weekly posts the report of the week containing that day."""

    model_config = ConfigDict(extra="forbid")

    cadence: Literal["daily", "weekly"] = Field(examples=["daily"])
    time: str = Field(
        pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$", examples=["18:00"], description="Local time HH:MM (24 h)."
    )
    timezone: str = Field(
        min_length=1, max_length=64, examples=["Asia/Shanghai"], description="IANA time zone."
    )
    weekday: Weekday | None = Field(
        default=None, examples=["friday"], description="Weekly only: the day to post."
    )
    enabled: bool = True

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @model_validator(mode="after")
    def _weekday_for_weekly(self) -> "ScheduleCreate":
        if self.cadence == "weekly" and self.weekday is None:
            raise ValueError("weekly schedules need a weekday")
        if self.cadence == "daily" and self.weekday is not None:
            raise ValueError("daily schedules take no weekday")
        return self


class SchedulePublic(BaseModel):
    id: uuid.UUID
    project_key: str = Field(examples=["PAY"])
    cadence: Literal["daily", "weekly"]
    time: str = Field(examples=["18:00"])
    timezone: str = Field(examples=["Asia/Shanghai"])
    weekday: Weekday | None = None
    enabled: bool
    created_by: str
    version: int
    created_at: datetime
    next_run_at: datetime | None = Field(description="The next time this schedule posts (UTC).")


class DeliveryPublic(BaseModel):
    id: uuid.UUID
    schedule_id: uuid.UUID
    period_kind: Literal["day", "week"]
    period_start: date
    event_id: uuid.UUID = Field(description="The `report.scheduled` event queued in the outbox.")
    created_at: datetime
