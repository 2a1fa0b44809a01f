import uuid
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Line = str
RiskCategory = Literal[
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


class ActionItemIn(BaseModel):
    """An action item; send `id` to keep an existing one (and its link to a risk)."""

    model_config = ConfigDict(extra="forbid")

    id: uuid.UUID | None = None
    title: str = Field(min_length=1, max_length=200, examples=["Automate the reconciliation dry run"])
    owner: str | None = Field(default=None, max_length=200, examples=["bob"])
    due_date: date | None = Field(default=None, examples=["2026-12-15"])


class ActionItemPublic(BaseModel):
    id: uuid.UUID
    title: str
    owner: str | None
    due_date: date | None
    risk_key: str | None = Field(
        default=None, description="The risk this item became in risk-svc, if sent.", examples=["PAY-R12"]
    )


class RetrospectiveUpdate(BaseModel):
    """Edit the retrospective (merge patch); `action_items` replaces the list."""

    model_config = ConfigDict(extra="forbid")

    summary: str | None = Field(default=None, max_length=20000)
    went_well: list[str] | None = Field(default=None, max_length=100, examples=[["Gate caught the open S1"]])
    went_badly: list[str] | None = Field(default=None, max_length=100, examples=[["Approval took 3 days"]])
    action_items: list[ActionItemIn] | None = Field(default=None, max_length=100)


class SendToRisk(BaseModel):
    """How the action item becomes a risk in risk-svc."""

    model_config = ConfigDict(extra="forbid")

    category: RiskCategory = Field(default="technical", examples=["stability"])
    probability: int = Field(default=3, ge=1, le=5)
    impact: int = Field(default=3, ge=1, le=5)


class RetrospectivePublic(BaseModel):
    """A release retrospective: `facts` drafted from the audit trail, the rest written by people."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    release_id: uuid.UUID
    project_key: str
    facts: dict[str, Any] = Field(
        description="planned vs actual dates, timeline, approval latency, gate "
        "denials, guardrail trips, pauses and rollbacks."
    )
    summary: str
    went_well: list[str]
    went_badly: list[str]
    action_items: list[ActionItemPublic]
    created_by: str
    created_at: datetime
    updated_at: datetime
    version: int
