"""Request and response bodies of freeze windows and freeze exceptions."""

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from release_svc.releases.schemas import UtcDateTime

Environment = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,49}$")]


class FreezeWindowCreate(BaseModel):
    """A period in which the project does not deploy; `environments` empty means every environment."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200, examples=["Singles' Day freeze"])
    reason: str = Field(default="", max_length=2000)
    starts_at: UtcDateTime = Field(examples=["2026-11-10T00:00:00Z"])
    ends_at: UtcDateTime = Field(examples=["2026-11-12T00:00:00Z"])
    environments: list[Environment] = Field(
        default_factory=list,
        max_length=20,
        description="Project environments or their aliases (`prod` → `production`), stored as the canonical "
        "names; an unknown name is 422.",
        examples=[["production"]],
    )

    @model_validator(mode="after")
    def _order(self) -> "FreezeWindowCreate":
        if self.ends_at <= self.starts_at:
            raise ValueError("ends_at must be after starts_at")
        return self


class FreezeWindowPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    project_key: str
    name: str
    reason: str
    starts_at: datetime
    ends_at: datetime
    environments: list[str]
    created_by: str
    created_at: datetime


class FreezeExceptionCreate(BaseModel):
    """Ask to deploy this release during a freeze window."""

    model_config = ConfigDict(extra="forbid")

    freeze_window_id: uuid.UUID
    reason: str = Field(min_length=1, max_length=2000, examples=["Hotfix for a payment outage"])


class FreezeExceptionDecision(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: str = Field(default="", max_length=2000)


class FreezeExceptionPublic(BaseModel):
    """A request to deploy during a freeze; the gate lets the release through once approved."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    release_id: uuid.UUID
    freeze_window_id: uuid.UUID
    project_key: str
    reason: str
    status: Literal["requested", "approved", "rejected"]
    requested_by: str
    decided_by: str | None
    decided_at: datetime | None
    decision_note: str
