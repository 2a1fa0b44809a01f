from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

HealthStatus = Literal["on_track", "at_risk", "off_track"]
Note = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]


class FiredRule(BaseModel):
    """One health rule that fired, with the facts behind it and where to look."""

    rule: str = Field(examples=["milestone_projected_late"])
    severity: Literal["at_risk", "off_track"] = Field(examples=["off_track"])
    title: str = Field(examples=["Milestone Beta is projected 12 day(s) after its target date"])
    facts: dict[str, Any] = Field(
        examples=[
            {
                "milestone": "Beta",
                "target_date": "2026-12-01",
                "projected_finish": "2026-12-13",
                "slip_days": 12,
            }
        ]
    )
    links: list[str] = Field(examples=[["/v1/projects/PAY/milestones/0193..."]])


class SourceStatus(BaseModel):
    """Whether a sibling's facts were available for the evaluation."""

    available: bool
    reason: str | None = Field(default=None, examples=["risk-svc: timed out after 1.5s"])


class HealthOverridePublic(BaseModel):
    status: HealthStatus
    note: str
    by: str = Field(examples=["alice"])
    at: datetime
    until: datetime | None = None


class HealthPublic(BaseModel):
    """A project's health: `status` is the override if one is set, else the computed status."""

    project_key: str = Field(examples=["PAY"])
    status: HealthStatus = Field(examples=["at_risk"])
    computed_status: HealthStatus = Field(examples=["off_track"])
    override: HealthOverridePublic | None = None
    rules: list[FiredRule] = Field(description="Every rule that fired, worst first.")
    velocity_points_per_day: float = Field(examples=[3.4])
    complete: bool = Field(
        description="False when a sibling did not answer: rules needing it were not evaluated."
    )
    sources: dict[str, SourceStatus] = Field(examples=[{"risk": {"available": True, "reason": None}}])
    evaluated_at: datetime


class HealthOverrideCreate(BaseModel):
    """Set the health by hand (pm or tpm). The note is mandatory: it says why the facts are not the story."""

    model_config = ConfigDict(extra="forbid")

    status: HealthStatus = Field(examples=["at_risk"])
    note: Note = Field(examples=["Vendor confirmed the fix lands Monday; the slip is absorbed by buffer."])
    until: datetime | None = Field(
        default=None, description="The override lapses at this time (UTC); open-ended when omitted."
    )


class HealthOverrideClear(BaseModel):
    """Remove the override; the note says why."""

    model_config = ConfigDict(extra="forbid")

    note: Note = Field(examples=["Back to the computed health after the vendor fix shipped."])
