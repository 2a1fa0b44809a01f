import uuid
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

MilestoneStatus = Literal["planned", "in_progress", "done", "missed"]


class MilestoneCreate(BaseModel):
    """A new milestone of a project."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200, examples=["Beta in EU"])
    description: str = Field(
        default="", max_length=20000, examples=["Card payments live for 10% of EU buyers."]
    )
    target_date: date = Field(examples=["2026-12-15"])
    status: MilestoneStatus = Field(default="planned", examples=["planned"])


class MilestoneUpdate(BaseModel):
    """Fields to change (JSON merge patch); omitted fields stay."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, min_length=1, max_length=200, examples=["Beta in EU and UK"])
    description: str | None = Field(default=None, max_length=20000)
    target_date: date | None = Field(default=None, examples=["2027-01-10"])
    status: MilestoneStatus | None = Field(default=None, examples=["in_progress"])


class MilestoneProgress(BaseModel):
    """Progress from the backlog items linked to the milestone: stories, tasks, bugs and spikes (epics and
    features are containers whose children carry the points; wont_do items are left out). The same figures
    as project health and the reports."""

    items_total: int = Field(examples=[12])
    items_done: int = Field(examples=[5])
    open_items: int = Field(description="items_total − items_done.", examples=[7])
    points_total: float = Field(examples=[40])
    points_done: float = Field(examples=[18])
    points_remaining: float = Field(description="points_total − points_done.", examples=[22])
    percent: float = Field(
        description="points_done / points_total × 100, rounded to 0.1; 0 without points.", examples=[45.0]
    )


class MilestoneForecast(BaseModel):
    """When the milestone's items are projected to be done, at the project's velocity."""

    projected_finish: date | None = Field(
        description="Today + remaining points ÷ velocity (rounded up to whole days); the day the last item "
        "was done once all are done; null when work remains but nothing was finished recently (no velocity).",
        examples=["2026-12-13"],
    )
    slip_days: int | None = Field(
        description="projected_finish − target_date in days: positive is late, negative early.", examples=[12]
    )
    velocity_points_per_day: float = Field(
        description="Points done per day over the last finished iterations (or the last 28 days).",
        examples=[1.8],
    )


class MilestonePublic(BaseModel):
    """A milestone with its progress."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    project_key: str = Field(examples=["PAY"])
    name: str = Field(examples=["Beta in EU"])
    description: str
    target_date: date
    status: MilestoneStatus
    progress: MilestoneProgress
    forecast: MilestoneForecast | None = Field(
        description="Null for a milestone without counted items: there is nothing to forecast."
    )
    version: int = Field(examples=[1])
    created_at: datetime
    updated_at: datetime
