"""Request and response models of metric readings and of where a rollout's guardrails stand."""

import uuid
from datetime import UTC, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, field_validator

from release_svc.guardrails.expressions import METRIC_PATTERN
from release_svc.rollouts.schemas import BreachAction, RolloutPublic, RolloutStatus

Cohort = Literal["canary", "baseline"]

MAX_READINGS = 1_000


class GuardrailCheck(BaseModel):
    """Where one guardrail of the current stage stands."""

    guardrail: str = Field(examples=["error_rate <= 0.01"])
    metric: str = Field(examples=["error_rate"])
    state: Literal["pass", "inconclusive", "fail", "no_baseline", "no_data"] = Field(
        description="Outcome of the latest canary reading of the metric taken in this stage; no_data when "
        "there is none (which holds the stage, never passes it); inconclusive when that reading is in the "
        "grey band or the stage has fewer than `min_readings` readings.",
        examples=["pass"],
    )
    dry_run: bool = Field(default=False, description="Shown, never holding or moving the stage.")
    readings: int = Field(default=0, description="Canary readings of the metric in this stage.")
    min_readings: int = 1
    detail: str | None = Field(default=None, examples=["2 of 3 readings"])


class GuardrailStatus(BaseModel):
    """The current stage's guardrails and hold, as the scheduler sees them."""

    rollout_id: uuid.UUID
    status: RolloutStatus
    stage: int = Field(examples=[0])
    percent: int = Field(examples=[5])
    green: bool = Field(
        description="Every guardrail's (dry runs aside) latest reading in this stage passed, with enough "
        "readings."
    )
    baking: bool = Field(default=False, description="The bake after the last stage.")
    hold_until: datetime | None
    hold_passed: bool
    failed_checks: int = Field(description="Failed checks counted in this stage.", examples=[0])
    checks: list[GuardrailCheck]


class ReadingCreate(BaseModel):
    """One metric value for the rollout, from monitoring or CI."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    metric: str = Field(pattern=f"^{METRIC_PATTERN}$", examples=["error_rate"])
    value: float = Field(examples=[0.004])
    cohort: Cohort = Field(
        default="canary", description="canary: units inside the rollout; baseline: the rest."
    )
    at: datetime | None = Field(
        default=None, description="When it was measured (default: now).", examples=["2026-11-22T06:00:00Z"]
    )
    source: str = Field(default="", max_length=200, examples=["prometheus"])

    @field_validator("at")
    @classmethod
    def _in_utc(cls, value: datetime | None) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        try:
            return value.astimezone(UTC)
        except OverflowError as exc:
            raise ValueError("is outside the representable range in UTC") from exc


class ReadingBatch(BaseModel):
    """Several readings at once (at most 1,000), evaluated in time order."""

    model_config = ConfigDict(extra="forbid")

    readings: list[ReadingCreate] = Field(min_length=1, max_length=MAX_READINGS)


class ReadingCheck(BaseModel):
    """One guardrail's judgement of one reading."""

    guardrail: str = Field(examples=["error_rate <= 0.01"])
    outcome: Literal["pass", "inconclusive", "fail", "no_baseline"] = Field(examples=["pass"])
    dry_run: bool = False
    limit: float | None = Field(default=None, description="The pass threshold applied.", examples=[0.01])


class ReadingPublic(BaseModel):
    id: uuid.UUID
    rollout_id: uuid.UUID
    stage_index: int
    metric: str
    value: float
    cohort: Cohort
    at: datetime
    source: str
    outcome: Literal["pass", "inconclusive", "fail", "unchecked", "no_baseline"] = Field(
        description="pass/inconclusive/fail against the stage's acting guardrails (dry runs aside: see "
        "`checks`); unchecked when no acting guardrail names the metric (and for baseline readings); "
        "no_baseline when a relative guardrail has no baseline yet."
    )
    failed: list[str] = Field(
        description="Acting guardrails this reading failed.", examples=[["error_rate <= 0.01"]]
    )
    checks: list[ReadingCheck] = Field(
        default_factory=list, description="Each guardrail of the stage naming the metric, dry runs included."
    )
    created_by: str


class ReadingsResult(BaseModel):
    """What the readings did: each one's outcome and the rollout afterwards."""

    readings: list[ReadingPublic]
    failed_checks: int = Field(description="Failed checks in the current stage after these readings.")
    action_taken: BreachAction | None = Field(
        description="pause or rollback when the breach threshold was reached (or an inconclusive reading "
        "paused the rollout)."
    )
    inconclusive: int = Field(default=0, description="Readings in a grey band (acting guardrails).")
    dry_run_failures: int = Field(default=0, description="Failures of dry-run guardrails (never acted on).")
    rollout: RolloutPublic


def _reading_shape(value: object) -> str:
    if isinstance(value, dict):
        return "batch" if "readings" in value else "single"
    return "batch" if isinstance(value, ReadingBatch) else "single"


# One reading, or `{"readings": [...]}`; errors name the shape the body has (`body.batch.readings.3.value`).
ReadingsBody = Annotated[
    Annotated[ReadingCreate, Tag("single")] | Annotated[ReadingBatch, Tag("batch")],
    Discriminator(_reading_shape),
]
