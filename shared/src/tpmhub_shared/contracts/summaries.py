"""Period summaries of risk-svc and release-svc, for requirements-svc's project health and reports."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, Field

# ---- reports and health: period summaries of risk-svc and release-svc ----------------------------------
# GET /v1/projects/{key}/risk-summary?from=&to=      (risk-svc)
# GET /v1/projects/{key}/release-summary?from=&to=   (release-svc)
# requirements-svc asks both, concurrently, for project health and the daily/weekly report.


class RiskBrief(BaseModel):
    """One risk as a report lists it."""

    key: str = Field(examples=["PAY-R7"])
    title: str
    level: str = Field(examples=["critical"])
    score: int = Field(examples=[20])
    status: str = Field(examples=["mitigating"])
    owner: str | None = None
    escalated: bool = False
    at: datetime | None = Field(
        default=None,
        description="When the listed event happened (created, escalated, closed), if the list is about one.",
    )
    age_days: int | None = Field(default=None, description="Days since the risk was identified.")


class ExposurePointDay(BaseModel):
    date: str = Field(examples=["2026-11-20"], description="UTC day; the value holds at the end of the day.")
    exposure: int = Field(
        examples=[57], description="Sum of the scores of the risks open at the end of the day."
    )
    open: int = Field(examples=[9], description="Risks open at the end of the day.")


class SummaryOverdueReview(BaseModel):
    key: str = Field(examples=["PAY-R7"])
    title: str
    level: str
    next_review_at: datetime
    days_overdue: int


class SummaryOverdueAction(BaseModel):
    risk_key: str = Field(examples=["PAY-R7"])
    title: str
    owner: str
    due_date: str = Field(examples=["2026-11-18"])
    days_overdue: int


class SummaryHeatmapCell(BaseModel):
    probability: int = Field(ge=1, le=5)
    impact: int = Field(ge=1, le=5)
    count: int


class UnresolvedEscalation(BaseModel):
    risk_key: str = Field(examples=["PAY-R7"])
    title: str
    level: str
    trigger: str = Field(examples=["critical"])
    reason: str
    escalated_at: datetime
    age_days: int = Field(description="Whole days the escalation has been unresolved.")


class RiskSummary(BaseModel):
    """A project's risk register over a period [from, to] (UTC days, both included)."""

    project_key: str = Field(examples=["PAY"])
    from_date: str = Field(examples=["2026-11-16"])
    to_date: str = Field(examples=["2026-11-22"])
    generated_at: datetime
    open_count: int
    exposure: int = Field(description="Sum of the scores of the open risks now.")
    new: list[RiskBrief] = Field(description="Risks identified in the period.")
    escalated: list[RiskBrief] = Field(description="Risks escalated in the period.")
    closed: list[RiskBrief] = Field(description="Risks closed in the period.")
    exposure_series: list[ExposurePointDay] = Field(
        description="Open exposure at the end of each day of the trend window (`trend_from`..`to`)."
    )
    top: list[RiskBrief] = Field(description="The five open risks with the highest exposure (score).")
    overdue_reviews: list[SummaryOverdueReview]
    overdue_actions: list[SummaryOverdueAction]
    heatmap: list[SummaryHeatmapCell] = Field(
        description="Open risks per probability × impact cell (empty cells omitted)."
    )
    critical: list[RiskBrief] = Field(description="Open critical risks, with their age.")
    unresolved_escalations: list[UnresolvedEscalation]


class ReleaseBrief(BaseModel):
    id: uuid.UUID
    version: str = Field(examples=["1.4.0"])
    name: str = ""
    status: str = Field(examples=["deploying"])
    target_date: str | None = None
    scope: list[str] = Field(default_factory=list, description="Scope item keys.")
    updated_at: datetime


class GateDenial(BaseModel):
    release_id: uuid.UUID
    version: str
    at: datetime
    reasons: list[str]


class RolloutProgress(BaseModel):
    id: uuid.UUID
    release_id: uuid.UUID
    version: str
    name: str = ""
    status: str = Field(examples=["running"])
    current_stage: int = Field(description="0-based index into `stage_percents`.")
    current_percent: int = Field(examples=[25])
    stage_percents: list[int] = Field(examples=[[5, 25, 50, 100]])
    operator: str | None = Field(default=None, description="Operator of the current stage.")
    started_at: datetime | None = None
    pause_reason: str | None = None


class RollbackEvent(BaseModel):
    release_id: uuid.UUID
    version: str
    rollout_id: uuid.UUID | None = None
    at: datetime
    reason: str | None = None


class VerificationBrief(BaseModel):
    release_id: uuid.UUID
    version: str
    name: str
    outcome: str = Field(examples=["passed"])
    at: datetime


class SummaryDora(BaseModel):
    """DORA over the period, from what release-svc recorded."""

    deployments: int = Field(
        description="Successful production deployments (releases released) in the period."
    )
    deployment_frequency_per_day: float
    lead_time_hours_median: float | None = Field(
        default=None, description="Release created → released, median."
    )
    change_failure_rate: float | None = Field(
        default=None, description="Rolled back / (released + rolled back)."
    )
    time_to_restore_hours_median: float | None = None


class ReleaseSummary(BaseModel):
    """A project's releases over a period [from, to] (UTC days, both included)."""

    project_key: str = Field(examples=["PAY"])
    from_date: str
    to_date: str
    generated_at: datetime
    states: dict[str, int] = Field(
        description="Releases per state, all of the project's releases.",
        examples=[{"draft": 1, "deploying": 1, "released": 4}],
    )
    releases: list[ReleaseBrief] = Field(description="Releases not finished, or changed in the period.")
    gate_denials: list[GateDenial]
    rollouts_in_progress: list[RolloutProgress]
    rollbacks: list[RollbackEvent]
    verifications: list[VerificationBrief]
    dora: SummaryDora
    sources_missing: list[str] = Field(
        default_factory=list, description="Parts release-svc does not record (yet), left out."
    )
