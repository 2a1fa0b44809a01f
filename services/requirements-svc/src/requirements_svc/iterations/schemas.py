"""Request and response models of iterations."""

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from tpmhub_shared.contracts import ItemKey

IterationStatus = Literal["planned", "active", "closed"]
MAX_DAYS = 366


class IterationCreate(BaseModel):
    """A new iteration (sprint) of a project; it starts planned."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200, examples=["Sprint 12"])
    goal: str = Field(default="", max_length=2000, examples=["Saved cards end to end"])
    start_date: date = Field(examples=["2026-11-23"])
    end_date: date = Field(examples=["2026-12-04"])
    capacity_points: float = Field(
        default=0, ge=0, le=10000, description="Points the team can deliver.", examples=[30]
    )

    @model_validator(mode="after")
    def _dates(self) -> "IterationCreate":
        if self.end_date < self.start_date:
            raise ValueError("end_date must not be before start_date")
        if (self.end_date - self.start_date).days > MAX_DAYS:
            raise ValueError(f"an iteration lasts at most {MAX_DAYS} days")
        return self


class IterationUpdate(BaseModel):
    """Fields to change (JSON merge patch)."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, min_length=1, max_length=200)
    goal: str | None = Field(default=None, max_length=2000)
    start_date: date | None = None
    end_date: date | None = None
    capacity_points: float | None = Field(default=None, ge=0, le=10000)


class IterationPublic(BaseModel):
    """An iteration with its committed and done points (summed in SQL)."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    project_key: str = Field(examples=["PAY"])
    name: str
    goal: str
    start_date: date
    end_date: date
    capacity_points: float
    status: IterationStatus
    started_at: datetime | None
    closed_at: datetime | None
    committed_points: float = Field(default=0, examples=[34])
    done_points: float = Field(default=0, examples=[13])
    item_count: int = Field(default=0, examples=[9])
    over_committed_by: float = Field(
        default=0, description="Committed minus capacity, when positive.", examples=[4]
    )
    version: int
    created_at: datetime
    updated_at: datetime


class CommitItems(BaseModel):
    """Items to commit to the iteration (they leave any other open iteration)."""

    model_config = ConfigDict(extra="forbid")

    items: Annotated[list[ItemKey], Field(min_length=1, max_length=500, examples=[["PAY-3", "PAY-7"]])]


class CommitmentReport(BaseModel):
    """What the iteration holds after a commit, and whether it exceeds capacity."""

    iteration: IterationPublic
    committed: list[str] = Field(description="Keys newly committed by this call.", examples=[["PAY-3"]])
    over_committed: bool = Field(examples=[True])
    over_committed_by: float = Field(examples=[4])


class IterationClose(BaseModel):
    """Close the iteration; unfinished items move to the next iteration or back to the backlog."""

    model_config = ConfigDict(extra="forbid")

    unfinished: Literal["next", "backlog"] = Field(
        default="next",
        description="`next`: the given or the next planned iteration (by start date); "
        "`backlog`: no iteration.",
        examples=["next"],
    )
    next_iteration_id: uuid.UUID | None = Field(default=None, description="Target when `unfinished` is next.")


class CloseReport(BaseModel):
    """The closed iteration and where its unfinished items went."""

    iteration: IterationPublic
    moved: list[str] = Field(description="Unfinished item keys that moved.", examples=[["PAY-9"]])
    moved_to: uuid.UUID | None = Field(description="Iteration they moved to; null for the backlog.")


class BurndownPoint(BaseModel):
    """One day of the burndown, as of the end of that day (UTC)."""

    date: date
    remaining_points: float = Field(examples=[21])
    scope_points: float = Field(description="Points committed at the end of the day.", examples=[34])
    ideal_points: float = Field(examples=[24.3])


class Burndown(BaseModel):
    """Remaining points per day, replayed from the items' history."""

    iteration_id: uuid.UUID
    start_date: date
    end_date: date
    days: list[BurndownPoint]
