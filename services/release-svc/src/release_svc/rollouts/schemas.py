"""Request and response models of rollouts, metric readings and cohort decisions."""

import uuid
from datetime import UTC, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, StringConstraints, Tag, field_validator

from release_svc.rollouts.guardrails import METRIC_PATTERN

UnitKind = Literal["user", "tenant", "device", "region"]
RolloutStatus = Literal["draft", "running", "paused", "completed", "rolled_back", "aborted"]
BreachAction = Literal["pause", "rollback"]
FailAction = Literal["warn", "pause", "rollback"]
Cohort = Literal["canary", "baseline"]
Reason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
GuardrailText = Annotated[str, StringConstraints(min_length=1, max_length=200)]
# A unit id: 1–256 characters, no control characters.
UNIT_PATTERN = r"^[^\x00-\x1f\x7f]+$"
Unit = Annotated[str, StringConstraints(min_length=1, max_length=256, pattern=UNIT_PATTERN)]
MAX_DECIDE_UNITS = 10_000
MAX_READINGS = 1_000
ENV_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,49}$"


class GuardrailSpec(BaseModel):
    """A guardrail with options: a grey band, a minimum number of readings, its own action, dry run."""

    model_config = ConfigDict(extra="forbid")

    expression: GuardrailText = Field(
        description="The pass condition, as in the short form: `error_rate <= 0.01`, "
        "`p99_ms <= 1.2 x baseline`.",
        examples=["error_rate <= 0.01"],
    )
    inconclusive: str | None = Field(
        default=None,
        min_length=1,
        max_length=100,
        description="The grey band's far edge, in the threshold's grammar (`0.02`, `1.5 x baseline`), on "
        "the failing side of the pass threshold: a reading between the two is inconclusive (it pauses the "
        "rollout for a person's decision and never lets it advance), beyond it fails.",
        examples=["0.02"],
    )
    min_readings: int = Field(
        default=1,
        ge=1,
        le=10_000,
        description="Canary readings of the metric needed in the stage; with fewer the guardrail is "
        "inconclusive (never green).",
        examples=[3],
    )
    on_fail: FailAction | None = Field(
        default=None,
        description="What a failure does at the breach threshold: warn (notify only), pause or rollback. "
        "Default: the rollout's `on_breach`.",
        examples=["rollback"],
    )
    dry_run: bool = Field(
        default=False,
        description="Evaluate and record (history, readings, events), never act and never hold an advance.",
    )


def _guardrail_shape(value: object) -> str:
    return "spec" if isinstance(value, (dict, GuardrailSpec)) else "text"


# `"error_rate <= 0.01"` or `{"expression": "error_rate <= 0.01", "inconclusive": "0.02", ...}`.
GuardrailEntry = Annotated[
    Annotated[GuardrailText, Tag("text")] | Annotated[GuardrailSpec, Tag("spec")],
    Discriminator(_guardrail_shape),
]


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
    guardrails: list[GuardrailEntry] = Field(
        default_factory=list,
        max_length=20,
        description="Conditions on canary metrics: `metric <=|<|>=|> number` or `metric <= N x baseline` "
        "(`×` accepted), or an object with the expression and options (grey band, min_readings, on_fail, "
        "dry_run).",
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
    bake_seconds: int = Field(
        default=0,
        ge=0,
        le=30 * 86400,
        description="After the last stage, hold at 100% this long with the last stage's guardrails still "
        "judged before the rollout completes (0: complete at once). A breach during the bake acts as in any "
        "stage; completion comes only once the bake has passed.",
        examples=[3600],
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
    inconclusive: float | None = Field(
        default=None,
        description="The grey band's far edge (a multiple of the baseline when `relative`); null: no band.",
        examples=[1.5],
    )
    min_readings: int = Field(default=1, examples=[1])
    on_fail: FailAction | None = Field(
        default=None, description="Its action at the breach threshold; null: the rollout's `on_breach`."
    )
    dry_run: bool = False


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


class InconclusiveHold(BaseModel):
    """The scheduler paused the stage because a guardrail was inconclusive when it was due to move; after a
    resume it holds (never advances) until the guardrails are green, without pausing again for the stage."""

    since: datetime
    stage: int
    bake: bool = False
    checks: list[dict] = Field(
        description="The inconclusive guardrails: guardrail, metric, state, readings, min_readings, detail."
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
        default=None,
        description="Why a person aborted the rollout (status `aborted`).",
        examples=["wrong build promoted"],
    )
    bake_seconds: int = Field(default=0, description="Bake after the last stage (0: none).", examples=[3600])
    baking: bool = Field(default=False, description="In the bake after the last stage, at 100%.")
    bake_until: datetime | None = Field(default=None, description="When the bake ends (while baking).")
    inconclusive_hold: InconclusiveHold | None = Field(
        default=None,
        description="Set when the scheduler paused the current stage on an inconclusive guardrail.",
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
