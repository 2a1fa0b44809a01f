"""Request and response models of cohort decisions."""

import uuid
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from release_svc.rollouts.schemas import RolloutStatus, UnitKind

# A unit id: 1–256 characters, no control characters.
UNIT_PATTERN = r"^[^\x00-\x1f\x7f]+$"
Unit = Annotated[str, StringConstraints(min_length=1, max_length=256, pattern=UNIT_PATTERN)]
MAX_DECIDE_UNITS = 10_000


class Decision(BaseModel):
    """Whether one unit is inside the rollout now."""

    unit: str = Field(examples=["123"])
    bucket: int = Field(
        ge=1, le=100, description="Unleash-normalized hash of `group_id:unit` (1–100).", examples=[73]
    )
    enabled: bool = Field(description="The unit is inside: bucket ≤ the current percent.", examples=[True])


class DecisionPublic(Decision):
    rollout_id: uuid.UUID
    status: RolloutStatus
    percent: int = Field(description="Share exposed now.", examples=[80])
    unit_kind: UnitKind
    group_id: str


class DecideBatch(BaseModel):
    """Units to decide at once (at most 10,000)."""

    model_config = ConfigDict(extra="forbid")

    units: list[Unit] = Field(min_length=1, max_length=MAX_DECIDE_UNITS, examples=[["123", "456", "789"]])


class DecisionBatchPublic(BaseModel):
    rollout_id: uuid.UUID
    status: RolloutStatus
    percent: int = Field(examples=[80])
    unit_kind: UnitKind
    group_id: str
    decisions: list[Decision]
    enabled_count: int = Field(description="How many of the units are inside.")
