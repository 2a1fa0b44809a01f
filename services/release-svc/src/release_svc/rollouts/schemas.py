"""Request and response models of rollouts, metric readings and cohort decisions."""

import uuid
from datetime import UTC, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, StringConstraints, Tag, field_validator

from release_svc.rollouts.guardrails import METRIC_PATTERN

UnitKind = Literal["user", "tenant", "device", "region"]
RolloutStatus = Literal["draft", "running", "paused", "completed", "rolled_back", "aborted"]
BreachAction = Literal["pause", "rollback"]
Cohort = Literal["canary", "baseline"]
Reason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
GuardrailText = Annotated[str, StringConstraints(min_length=1, max_length=200)]
# A unit id: 1–256 characters, no control characters.
UNIT_PATTERN = r"^[^\x00-\x1f\x7f]+$"
Unit = Annotated[str, StringConstraints(min_length=1, max_length=256, pattern=UNIT_PATTERN)]
MAX_DECIDE_UNITS = 10_000
MAX_READINGS = 1_000
ENV_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,49}$"


class StageCreate(BaseModel):
    """One step of a rollout: the share of units exposed, how long to hold, who may advance it."""

    model_config = ConfigDict(extra="forbid")

    percent: int = Field(
        ge=1, le=100, description="Units exposed at this stage (1–100), strictly increasing.", examples=[5]
    )
    min_hold_seconds: int = Field(
        default=0,
        ge=0,
        le=30 * 86400,
        description="Minimum time at this stage before it may advance.",
        examples=[1800],
    )
    operator: str = Field(
        min_length=1,
        max_length=200,
        description="`sub` of the person who advances this stage.",
        examples=["bob"],
    )
    guardrails: list[GuardrailText] = Field(
        default_factory=list,
        max_length=20,
        description="Conditions on canary metrics: `metric <=|<|>=|> number` or `metric <= N x baseline` "
        "(`×` accepted).",
        examples=[["error_rate <= 0.01", "p99_ms <= 1.2 x baseline"]],
    )
    auto_advance: bool = Field(
        default=False,
        description="Let the scheduler advance once the hold has passed and every guardrail is green.",
    )


class RolloutCreate(BaseModel):
    """A gray rollout of a release: its stages, who is counted as a unit, and what a guardrail breach does."""

    name: str = Field(default="", max_length=200, examples=["Wallet checkout canary"])
    environment: str = Field(
        default="production",
        pattern=ENV_PATTERN,
        description="Where it rolls out: one of the project's environments or an alias (`prod`), stored as "
        "the canonical name; the gate is asked for it on start and every advance. Unknown names are 422.",
        examples=["production"],
    )
    unit_kind: UnitKind = Field(default="user", description="What a unit id names.", examples=["user"])
    group_id: str | None = Field(
        default=None,
        min_length=1,
        max_length=200,
        pattern=r"^[\x21-\x7e]+$",
        description="Hash group (Unleash `groupId`): rollouts sharing it expose the same units. Default: a "
        "random per-rollout salt.",
        examples=["wallet-checkout"],
    )
    stages: list[StageCreate] = Field(min_length=1, max_length=20)
    on_breach: BreachAction = Field(default="pause", description="What happens at the breach threshold.")
    breach_threshold: int = Field(
        default=3,
        ge=1,
        le=1000,
        description="Failed guardrail checks within one stage that trigger `on_breach`.",
        examples=[3],
    )

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "name": "Wallet checkout canary",
                    "environment": "production",
                    "unit_kind": "user",
                    "group_id": "wallet-checkout",
                    "stages": [
                        {
                            "percent": 5,
                            "min_hold_seconds": 1800,
                            "operator": "bob",
                            "guardrails": ["error_rate <= 0.01", "p99_ms <= 1.2 x baseline"],
                            "auto_advance": True,
                        },
                        {
                            "percent": 50,
                            "min_hold_seconds": 3600,
                            "operator": "bob",
                            "guardrails": ["error_rate <= 0.01"],
                        },
                        {"percent": 100, "operator": "carol"},
                    ],
                    "on_breach": "rollback",
                    "breach_threshold": 3,
                }
            ]
        },
    )


class GuardrailPublic(BaseModel):
    """A parsed guardrail."""

    expression: str = Field(examples=["p99_ms <= 1.2 x baseline"])
    metric: str = Field(examples=["p99_ms"])
    comparator: Literal["<=", "<", ">=", ">"] = Field(examples=["<="])
    threshold: float = Field(examples=[1.2])
    relative: bool = Field(
        description="The threshold multiplies the latest baseline reading.", examples=[True]
    )


class StagePublic(BaseModel):
    index: int = Field(examples=[0])
    percent: int = Field(examples=[5])
    min_hold_seconds: int = Field(examples=[1800])
    operator: str = Field(examples=["bob"])
    auto_advance: bool
    guardrails: list[GuardrailPublic]
    failed_checks: int = Field(description="Failed guardrail checks counted in this stage.", examples=[0])


class GateHold(BaseModel):
    """The scheduler holds a due automatic advance because the gate denies it (rechecked until it allows)."""

    since: datetime
    environment: str = Field(examples=["production"])
    checks: list[dict] = Field(
        description="The failing gate checks: name, reason, offending_ids.",
        examples=[[{"name": "freeze", "reason": "freeze window active without an approved exception"}]],
    )


class RolloutPublic(BaseModel):
    """A rollout and where it stands."""

    id: uuid.UUID
    release_id: uuid.UUID
    project_key: str = Field(examples=["PAY"])
    name: str
    environment: str = Field(examples=["production"])
    status: RolloutStatus
    unit_kind: UnitKind
    group_id: str = Field(examples=["wallet-checkout"])
    stages: list[StagePublic]
    current_stage: int = Field(description="Index of the current stage (0-based).", examples=[0])
    current_percent: int = Field(
        description="Share of units exposed now (0 before start and after rollback, 100 after completion).",
        examples=[5],
    )
    stage_started_at: datetime | None
    hold_until: datetime | None = Field(description="When the current stage's minimum hold ends.")
    pause_reason: str | None = Field(examples=["guardrail breached: error_rate <= 0.01"])
    gate_hold: GateHold | None = Field(
        default=None, description="Set while an automatic advance waits because the gate denies it."
    )
    on_breach: BreachAction
    breach_threshold: int
    abort_reason: str | None = Field(
        default=None, description="Why a person aborted the rollout (status `aborted`).",
        examples=["wrong build promoted"],
    )
    started_at: datetime | None
    finished_at: datetime | None
    created_by: str
    created_at: datetime
    updated_at: datetime
    revision: int = Field(description="Optimistic-concurrency counter, as in the ETag.", examples=[3])
    allowed_actions: list[str] = Field(
        description="Actions allowed from the current state.",
        examples=[["advance", "complete", "pause", "rollback"]],
    )


class GuardrailCheck(BaseModel):
    """Where one guardrail of the current stage stands."""

    guardrail: str = Field(examples=["error_rate <= 0.01"])
    metric: str = Field(examples=["error_rate"])
    state: Literal["pass", "fail", "no_baseline", "no_data"] = Field(
        description="Outcome of the latest canary reading of the metric taken in this stage; no_data when "
        "there is none (which holds the stage, never passes it).",
        examples=["pass"],
    )


class GuardrailStatus(BaseModel):
    """The current stage's guardrails and hold, as the scheduler sees them."""

    rollout_id: uuid.UUID
    status: RolloutStatus
    stage: int = Field(examples=[0])
    percent: int = Field(examples=[5])
    green: bool = Field(description="Every guardrail's latest reading in this stage passed.")
    hold_until: datetime | None
    hold_passed: bool
    failed_checks: int = Field(description="Failed checks counted in this stage.", examples=[0])
    checks: list[GuardrailCheck]


class RolloutActionRequest(BaseModel):
    """Why the action is taken (recorded in history and in the event)."""

    model_config = ConfigDict(extra="forbid")

    reason: Reason | None = Field(default=None, examples=["error budget burning in eu-west"])


class GateOverride(BaseModel):
    """Go past a denied gate (tpm/admin only); the reason is recorded in the rollout history, the event,
    the gate decision and the retrospective."""

    model_config = ConfigDict(extra="forbid")

    reason: Reason = Field(examples=["Payment outage hotfix; the freeze owner agreed on the bridge call"])


OVERRIDE_GATE_DESCRIPTION = (
    "tpm/admin only: go on although the gate denies (its failing checks are recorded with your reason). "
    "Without it a denied gate answers 409 with the failing checks."
)


class StartRequest(RolloutActionRequest):
    """Start the rollout; the gate is asked for the rollout's environment first."""

    override_gate: GateOverride | None = Field(default=None, description=OVERRIDE_GATE_DESCRIPTION)


class AdvanceRequest(RolloutActionRequest):
    """Advance to the next stage (or, with `complete`, finish); the gate is asked first."""

    override_hold: bool = Field(
        default=False,
        description="tpm/admin only, with a reason: advance before the minimum hold has passed.",
    )
    override_gate: GateOverride | None = Field(default=None, description=OVERRIDE_GATE_DESCRIPTION)


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


class ReadingPublic(BaseModel):
    id: uuid.UUID
    rollout_id: uuid.UUID
    stage_index: int
    metric: str
    value: float
    cohort: Cohort
    at: datetime
    source: str
    outcome: Literal["pass", "fail", "unchecked", "no_baseline"] = Field(
        description="pass/fail against the stage's guardrails; unchecked when no guardrail names the metric "
        "(and for baseline readings); no_baseline when a relative guardrail has no baseline yet."
    )
    failed: list[str] = Field(
        description="Guardrails this reading failed.", examples=[["error_rate <= 0.01"]]
    )
    created_by: str


class ReadingsResult(BaseModel):
    """What the readings did: each one's outcome and the rollout afterwards."""

    readings: list[ReadingPublic]
    failed_checks: int = Field(description="Failed checks in the current stage after these readings.")
    action_taken: BreachAction | None = Field(
        description="pause or rollback when the breach threshold was reached."
    )
    rollout: RolloutPublic


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


def _reading_shape(value: object) -> str:
    if isinstance(value, dict):
        return "batch" if "readings" in value else "single"
    return "batch" if isinstance(value, ReadingBatch) else "single"


# One reading, or `{"readings": [...]}`; errors name the shape the body has (`body.batch.readings.3.value`).
ReadingsBody = Annotated[
    Annotated[ReadingCreate, Tag("single")] | Annotated[ReadingBatch, Tag("batch")],
    Discriminator(_reading_shape),
]


# ---- controls: abort, scheduled actions, draft edits, the portfolio --------------------------------------


class AbortRequest(BaseModel):
    """Stop the rollout now: nobody is exposed any more. The reason is required (history, event, DORA)."""

    model_config = ConfigDict(extra="forbid")

    reason: Reason = Field(examples=["Wrong build promoted to the canary"])


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


class RolloutUpdate(BaseModel):
    """Change a draft rollout (JSON merge patch; the same rules as on create). `stages` replaces all
    stages."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, max_length=200, examples=["Wallet checkout canary"])
    environment: str | None = Field(default=None, pattern=ENV_PATTERN, examples=["staging"])
    unit_kind: UnitKind | None = None
    group_id: str | None = Field(default=None, min_length=1, max_length=200, pattern=r"^[\x21-\x7e]+$")
    stages: list[StageCreate] | None = Field(default=None, min_length=1, max_length=20)
    on_breach: BreachAction | None = None
    breach_threshold: int | None = Field(default=None, ge=1, le=1000)


class PortfolioItem(BaseModel):
    """One active rollout as a release manager's portfolio shows it."""

    id: uuid.UUID
    release_id: uuid.UUID
    version: str = Field(examples=["1.4.0"])
    project_key: str = Field(examples=["PAY"])
    name: str
    environment: str = Field(examples=["production"])
    status: RolloutStatus
    current_stage: int = Field(examples=[1])
    stage_count: int = Field(examples=[3])
    current_percent: int = Field(examples=[50])
    operator: str = Field(description="The current stage's operator.", examples=["bob"])
    hold_until: datetime | None
    hold_left_seconds: int = Field(description="Seconds until the minimum hold has passed (0: passed).")
    pause_reason: str | None = None
    gate_held: bool = Field(description="An automatic advance waits because the gate denies it.")
    guardrail_outcome: Literal["pass", "fail", "pending", "none"] = Field(
        description="The current stage's guardrails by their latest canary readings: pass (all green), fail "
        "(a latest reading failed), pending (no data or no baseline yet), none (the stage has no guardrails)."
    )
    failed_checks: int = Field(description="Failed guardrail checks in the current stage.", examples=[0])
    next_schedule_at: datetime | None = Field(
        default=None, description="When the next pending scheduled action is due."
    )
    updated_at: datetime
