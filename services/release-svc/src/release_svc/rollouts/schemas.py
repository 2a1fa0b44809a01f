"""Request and response models of rollouts: create and edit, the rollout and its stages, the actions,
the portfolio."""

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, StringConstraints, Tag

UnitKind = Literal["user", "tenant", "device", "region"]

RolloutStatus = Literal["draft", "running", "paused", "completed", "rolled_back", "aborted"]

BreachAction = Literal["pause", "rollback"]

FailAction = Literal["warn", "pause", "rollback"]

Reason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]

GuardrailText = Annotated[str, StringConstraints(min_length=1, max_length=200)]

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


class AbortRequest(BaseModel):
    """Stop the rollout now: nobody is exposed any more. The reason is required (history, event, DORA)."""

    model_config = ConfigDict(extra="forbid")

    reason: Reason = Field(examples=["Wrong build promoted to the canary"])


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
