"""Request and response bodies of release plans: versions, deploy steps, the plan's order, state actions."""

import uuid
from datetime import UTC, date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator
from tpmhub_shared.contracts import ItemKey
from tpmhub_shared.vocabulary import ReleaseStatus

# Semantic Versioning 2.0.0 (semver.org), optional leading "v" not allowed: versions compare as typed.
SEMVER = (
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
    r"(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
    r"(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$"
)
SemVer = Annotated[str, StringConstraints(pattern=SEMVER, max_length=100)]
StepName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$")]
Subject = Annotated[str, StringConstraints(min_length=1, max_length=200)]
MAX_SCOPE = 1000


def _to_utc(value: datetime) -> datetime:
    """Aware timestamps only, normalised to UTC (one that has no UTC equivalent is refused)."""
    if value.tzinfo is None:
        raise ValueError("needs a time zone (e.g. Z)")
    try:
        return value.astimezone(UTC)
    except OverflowError as exc:
        raise ValueError("out of range in UTC") from exc


UtcDateTime = Annotated[datetime, AfterValidator(_to_utc)]
MAX_STEPS = 200


class PlanStep(BaseModel):
    """One step of the deploy plan; `depends_on` names steps that must finish first (a DAG)."""

    model_config = ConfigDict(extra="forbid")

    name: StepName = Field(examples=["migrate-ledger"], description="Unique within the release.")
    component: str = Field(
        min_length=1,
        max_length=100,
        examples=["ledger-svc"],
        description="The service or component the step acts on.",
    )
    kind: Literal["deploy", "migration", "config", "flag", "verification"] = Field(examples=["migration"])
    depends_on: list[StepName] = Field(default_factory=list, max_length=MAX_STEPS, examples=[["deploy-api"]])
    owner: str | None = Field(default=None, max_length=200, examples=["bob"])
    description: str = Field(default="", max_length=2000)
    rollback: str = Field(
        default="",
        max_length=4000,
        examples=["alembic downgrade -1"],
        description="How to undo the step; required for migrations.",
    )


def _check_steps(steps: list[PlanStep] | None) -> None:
    if steps is None:
        return
    for s in steps:
        if s.kind == "migration" and not s.rollback.strip():
            raise ValueError(f"migration step '{s.name}' needs rollback instructions")


class ReleaseCreate(BaseModel):
    """A new release of a project; the version is unique per project."""

    model_config = ConfigDict(extra="forbid")

    version: SemVer = Field(examples=["1.4.0"])
    name: str = Field(default="", max_length=200, examples=["Wallet checkout"])
    description: str = Field(default="", max_length=20000)
    target_date: date | None = Field(default=None, examples=["2026-12-01"])
    scope: list[ItemKey] = Field(
        default_factory=list,
        max_length=MAX_SCOPE,
        examples=[["PAY-1", "PAY-2"]],
        description="Backlog item keys shipped by this release (checked with requirements).",
    )
    steps: list[PlanStep] = Field(default_factory=list, max_length=MAX_STEPS)
    approvers: list[Subject] = Field(default_factory=list, max_length=50, examples=[["carol", "dave"]])
    required_approvals: int = Field(
        default=1, ge=1, le=50, examples=[1], description="N of the M approvers must approve."
    )
    repository: str | None = Field(default=None, max_length=300, examples=["acme/payments"])

    @model_validator(mode="after")
    def _rules(self) -> "ReleaseCreate":
        _check_steps(self.steps)
        return self


class ReleaseUpdate(BaseModel):
    """Fields to change (JSON merge patch). A scope, plan or approver change after approval sends the
    release back to review."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, max_length=200)
    description: str | None = Field(default=None, max_length=20000)
    target_date: date | None = None
    scope: list[ItemKey] | None = Field(default=None, max_length=MAX_SCOPE)
    steps: list[PlanStep] | None = Field(default=None, max_length=MAX_STEPS)
    approvers: list[Subject] | None = Field(default=None, max_length=50)
    required_approvals: int | None = Field(default=None, ge=1, le=50)
    repository: str | None = Field(default=None, max_length=300)

    @model_validator(mode="after")
    def _rules(self) -> "ReleaseUpdate":
        _check_steps(self.steps)
        return self


class ReleasePublic(BaseModel):
    """A release plan as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    project_key: str = Field(examples=["PAY"])
    version: str = Field(examples=["1.4.0"])
    name: str
    description: str
    target_date: date | None
    status: ReleaseStatus
    scope: list[str] = Field(examples=[["PAY-1", "PAY-2"]])
    steps: list[PlanStep]
    approvers: list[str]
    required_approvals: int
    review_round: int = Field(description="Current review round; approvals count within it.")
    repository: str | None
    created_by: str
    created_at: datetime
    updated_at: datetime
    revision: int = Field(description="Optimistic-concurrency counter, as in the ETag.", examples=[1])


class PlanStepOrdered(BaseModel):
    name: str
    component: str
    kind: str
    depends_on: list[str]
    owner: str | None
    rollback: str
    level: int = Field(description="Steps of one level may run in parallel.", examples=[0])


class ReleasePlan(BaseModel):
    """The deploy plan in dependency order, and the reverse order for rolling back."""

    release_id: uuid.UUID
    order: list[PlanStepOrdered]
    rollback_order: list[PlanStepOrdered]
    components: list[str] = Field(examples=[["api", "ledger-svc"]])


class ActionRequest(BaseModel):
    """An optional reason for a state change, recorded in history and in the event."""

    model_config = ConfigDict(extra="forbid")

    reason: str | None = Field(default=None, max_length=2000, examples=["Pressure test passed"])
