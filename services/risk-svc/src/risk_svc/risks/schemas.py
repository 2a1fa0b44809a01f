"""Request and response models of the risk register: the risk, its vocabulary, lifecycle bodies."""

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator
from tpmhub_shared.vocabulary import RiskLevel as Level
from tpmhub_shared.vocabulary import RiskStatus as Status

from risk_svc.links.schemas import Links, LinksIn

Category = Literal[
    "technical",
    "resource",
    "schedule",
    "requirement_change",
    "dependency",
    "stability",
    "financial_loss",
    "security",
    "compliance",
    "external",
]
Kind = Literal["threat", "opportunity"]
Strategy = Literal["avoid", "mitigate", "transfer", "accept", "escalate", "exploit", "enhance", "share"]
THREAT_STRATEGIES = frozenset({"avoid", "mitigate", "transfer", "accept", "escalate"})
OPPORTUNITY_STRATEGIES = frozenset({"exploit", "enhance", "share", "accept", "escalate"})
Scale = Annotated[int, Field(ge=1, le=5, description="1–5 on the project's matrix scale.")]
ShortText = Annotated[str, StringConstraints(max_length=4000)]
Person = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Reason = Annotated[str, StringConstraints(min_length=1, max_length=2000, strip_whitespace=True)]
CloseReason = Literal["mitigated", "occurred_and_handled", "no_longer_applicable", "accepted"]
Uuid = uuid.UUID


def strategy_error(kind: str, strategy: str | None) -> str | None:
    if strategy is None:
        return None
    allowed = THREAT_STRATEGIES if kind == "threat" else OPPORTUNITY_STRATEGIES
    if strategy not in allowed:
        return (
            f"'{strategy}' is not a response to a{'n' if kind == 'opportunity' else ''} {kind}; "
            f"allowed: {', '.join(sorted(allowed))}"
        )
    return None


class Trigger(BaseModel):
    """A trigger indicator of the contingency plan: when `metric comparator threshold` holds, act."""

    model_config = ConfigDict(extra="forbid")

    metric: str = Field(min_length=1, max_length=100, examples=["payment_error_rate"])
    comparator: Literal[">", ">=", "<", "<=", "==", "!="] = Field(examples=[">"])
    threshold: float = Field(examples=[0.01])


class _RiskFields(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1, max_length=200, examples=["Card processor rate-limits us during peak"])
    category: Category = Field(examples=["dependency"])
    kind: Kind = Field(default="threat", description="A threat (downside) or an opportunity (upside).")
    cause: ShortText = Field(default="", examples=["The processor caps us at 300 TPS"])
    event: ShortText = Field(default="", examples=["Peak checkout traffic exceeds the cap"])
    effect: ShortText = Field(default="", examples=["Payments fail for ~5% of users during peak"])
    owner: Person | None = Field(default=None, examples=["bob"])
    probability: Scale = Field(examples=[4])
    impact: Scale = Field(examples=[4])
    proximity_date: date | None = Field(default=None, description="When the risk could materialise.")
    response_strategy: Strategy | None = Field(
        default=None,
        description="avoid/mitigate/transfer/accept/escalate for threats; "
        "exploit/enhance/share/accept/escalate for opportunities.",
        examples=["mitigate"],
    )
    response_plan: ShortText = ""
    contingency_plan: ShortText = Field(default="", examples=["Fail over to the backup processor"])
    triggers: list[Trigger] = Field(default_factory=list, max_length=20)
    residual_probability: Scale | None = Field(default=None, examples=[2])
    residual_impact: Scale | None = Field(default=None, examples=[3])
    cost_impact: float | None = Field(
        default=None, ge=0, le=1e12, description="Money at stake if it happens.", examples=[50000]
    )
    probability_share: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description="Probability as a share (0–1) for EMV; default from the P scale.",
    )
    blocks_release: bool = Field(default=False, description="Block linked releases whatever the level.")


class RiskCreate(_RiskFields):
    """A newly identified risk. Score, level, EMV and the first review date are computed."""

    links: LinksIn = Field(default_factory=LinksIn)

    @model_validator(mode="after")
    def _check(self) -> "RiskCreate":
        problem = strategy_error(self.kind, self.response_strategy)
        if problem:
            raise ValueError(problem)
        if (self.residual_probability is None) != (self.residual_impact is None):
            raise ValueError("residual_probability and residual_impact go together")
        if (
            self.residual_probability is not None
            and self.residual_probability * self.residual_impact > self.probability * self.impact
        ):
            raise ValueError("residual score may not exceed the inherent score")
        return self


class RiskUpdate(BaseModel):
    """Fields to change (JSON merge patch). Changing P/I appends an assessment."""

    model_config = ConfigDict(extra="forbid")

    title: str | None = Field(default=None, min_length=1, max_length=200)
    category: Category | None = None
    kind: Kind | None = None
    cause: ShortText | None = None
    event: ShortText | None = None
    effect: ShortText | None = None
    owner: Person | None = None
    probability: Scale | None = None
    impact: Scale | None = None
    proximity_date: date | None = None
    response_strategy: Strategy | None = None
    response_plan: ShortText | None = None
    contingency_plan: ShortText | None = None
    triggers: list[Trigger] | None = Field(default=None, max_length=20)
    residual_probability: Scale | None = None
    residual_impact: Scale | None = None
    cost_impact: float | None = Field(default=None, ge=0, le=1e12)
    probability_share: float | None = Field(default=None, ge=0, le=1)
    blocks_release: bool | None = None
    note: str | None = Field(default=None, max_length=2000, description="Recorded with the assessment.")


class Attention(BaseModel):
    flagged: bool = Field(description="High/critical with no open mitigation action, or with an overdue one.")
    reasons: list[Literal["no_open_action", "overdue_action"]] = Field(default_factory=list)
    open_actions: int = 0
    overdue_actions: int = 0


class RiskPublic(BaseModel):
    """A risk as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    key: str = Field(examples=["PAY-R7"])
    project_key: str = Field(examples=["PAY"])
    title: str
    category: Category
    kind: Kind
    cause: str
    event: str
    effect: str
    owner: str | None
    status: Status
    probability: int = Field(examples=[4])
    impact: int = Field(examples=[4])
    score: int = Field(examples=[16])
    level: Level = Field(examples=["high"])
    residual_probability: int | None
    residual_impact: int | None
    residual_score: int | None
    residual_level: Level | None
    proximity_date: date | None
    response_strategy: Strategy | None
    response_plan: str
    contingency_plan: str
    triggers: list[Trigger]
    cost_impact: float | None
    probability_share: float | None
    emv: float | None = Field(
        description="Expected monetary value = probability share × cost impact.", examples=[35000.0]
    )
    blocks_release: bool
    next_review_at: datetime | None
    last_reviewed_at: datetime | None
    escalated: bool
    escalated_at: datetime | None
    occurred_at: datetime | None
    occurrence: str | None
    closed_at: datetime | None
    close_reason: CloseReason | None = Field(
        description="Why the risk was closed (None while open, and on risks closed before reasons were "
        "codes).",
        examples=["mitigated"],
    )
    close_comment: str | None = Field(
        description="The rationale given when the risk was closed.", examples=["Processor raised our cap"]
    )
    change_request_id: uuid.UUID | None
    created_by: str
    version: int
    created_at: datetime
    updated_at: datetime
    links: Links = Field(default_factory=Links)
    attention: Attention


class CloseIn(BaseModel):
    """Close a risk: why (a reason code) and the rationale (a comment), both required. With open
    mitigation actions only a tpm/admin may, with `force` (the open actions are then cancelled)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"reason": "mitigated", "comment": "Processor raised our cap to 2000 TPS"}]
        },
    )

    reason: CloseReason = Field(
        description="`mitigated`: the response worked; `occurred_and_handled`: it happened and was dealt "
        "with; `no_longer_applicable`: the cause is gone (scope or plan changed); `accepted`: the "
        "exposure is knowingly kept.",
        examples=["mitigated"],
    )
    comment: Reason = Field(
        description="The rationale, shown in the risk's history and in the closing archive (not blank).",
        examples=["Processor raised our cap to 2000 TPS"],
    )
    force: bool = False


class OccurIn(BaseModel):
    """The risk happened: it becomes an issue and keeps its links."""

    model_config = ConfigDict(extra="forbid")

    occurred_at: datetime = Field(examples=["2026-11-20T09:30:00Z"])
    description: str = Field(
        min_length=1, max_length=4000, examples=["Processor throttled us for 20 minutes"]
    )


class NoteIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: str | None = Field(default=None, max_length=2000)
