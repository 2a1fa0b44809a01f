"""Request and response models of change requests."""

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator
from tpmhub_shared.contracts import ItemKey, LinkedRisk, PredictedRisk, ReleaseTouched

from requirements_svc.items.schemas import ItemUpdate

CRStatus = Literal["proposed", "approved", "rejected", "applied"]
SectionId = Annotated[str, StringConstraints(min_length=1, max_length=64)]


class ChangeRequestCreate(BaseModel):
    """A proposed change (需求变更): what changes, why, and which items and PRD sections it touches. The
    service computes the impact."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1, max_length=300, examples=["Support wallets in saved-card checkout"])
    reason: str = Field(default="", max_length=10000, examples=["Wallet share passed 30% in EU"])
    proposed_change: str = Field(
        default="", max_length=20000, examples=["Saved-card checkout also lists Apple Pay and Google Pay."]
    )
    affected_items: list[ItemKey] = Field(default_factory=list, max_length=200, examples=[["PAY-2"]])
    affected_prd_sections: list[SectionId] = Field(
        default_factory=list, max_length=50, examples=[["functional_requirements"]]
    )
    item_patches: dict[ItemKey, ItemUpdate] = Field(
        default_factory=dict,
        title="Item patches to apply",
        max_length=200,
        description="Field changes applied to items when the request is applied (keys join affected_items).",
        examples=[{"PAY-2": {"points": 8}}],
    )
    effort_delta_points: float = Field(
        default=0,
        ge=-10000,
        le=10000,
        description="Points of new work not yet captured as items.",
        examples=[5],
    )
    date_delta_days: int = Field(
        default=0, ge=-3650, le=3650, description="Expected schedule slip in days.", examples=[7]
    )


class ChangeRequestUpdate(BaseModel):
    """Fields to change while the request is proposed (JSON merge patch); the impact is recomputed."""

    model_config = ConfigDict(extra="forbid")

    title: str | None = Field(default=None, min_length=1, max_length=300)
    reason: str | None = Field(default=None, max_length=10000)
    proposed_change: str | None = Field(default=None, max_length=20000)
    affected_items: list[ItemKey] | None = Field(default=None, max_length=200)
    affected_prd_sections: list[SectionId] | None = Field(default=None, max_length=50)
    item_patches: dict[ItemKey, ItemUpdate] | None = Field(
        default=None, max_length=200, title="Item patches to set"
    )
    effort_delta_points: float | None = Field(default=None, ge=-10000, le=10000)
    date_delta_days: int | None = Field(default=None, ge=-3650, le=3650)


class Decision(BaseModel):
    """An approval or rejection, with an optional comment."""

    model_config = ConfigDict(extra="forbid")

    comment: str | None = Field(default=None, max_length=4000, examples=["Worth the week; go."])


class MilestoneAtRisk(BaseModel):
    """An open milestone of an affected item whose date the change puts at risk."""

    id: uuid.UUID
    name: str = Field(examples=["Beta"])
    target_date: date
    status: str = Field(examples=["planned"])


ImpactPart = Literal["releases", "risks"]


class ImpactUnknown(BaseModel):
    """A part of the impact that could not be computed (its service did not answer)."""

    part: ImpactPart = Field(examples=["risks"])
    reason: str = Field(examples=["risk-svc unreachable (ConnectError)"])


class Impact(BaseModel):
    """What the change touches, computed by the service: items, effort, dates and milestones here;
    releases (release-svc) and risks (risk-svc) asked with one call each, concurrently. A part whose
    service did not answer is listed in `unknown` and the impact is not `complete`."""

    affected_items: list[str] = Field(
        description="Named items and all their descendants.", examples=[["PAY-2", "PAY-5", "PAY-6"]]
    )
    points_delta: float = Field(
        description="Point changes of the patches plus effort_delta_points.", examples=[8]
    )
    date_delta_days: int = Field(examples=[7])
    milestones_at_risk: list[MilestoneAtRisk] = Field(
        description="Open milestones of the affected items, at risk when points or dates grow."
    )
    criteria_to_reverify: int = Field(
        description="Passed acceptance criteria of the affected items; applying "
        "the change sends them back to pending.",
        examples=[4],
    )
    releases: list[ReleaseTouched] = Field(
        default_factory=list,
        description="Releases whose scope holds affected items; those with `back_to_review` go back to "
        "in_review when the change is approved.",
    )
    risks: list[LinkedRisk] = Field(
        default_factory=list, description="Risks (not closed) linked to the affected items."
    )
    requirement_change_risk: PredictedRisk | None = Field(
        default=None,
        description="The requirement_change risk risk-svc creates on approval (null when unknown).",
    )
    unknown: list[ImpactUnknown] = Field(
        default_factory=list, description="Parts not computed because their service did not answer."
    )
    complete: bool = Field(default=True, description="False when any part is unknown.")

    @model_validator(mode="before")
    @classmethod
    def _parts_never_computed(cls, value: object) -> object:
        """An impact stored before releases and risks were part of it says so instead of showing none."""
        if isinstance(value, dict) and "affected_items" in value and "unknown" not in value:
            value = {
                **value,
                "unknown": [
                    {"part": part, "reason": "not computed when the impact was stored"}
                    for part in ("releases", "risks")
                ],
                "complete": False,
            }
        return value


class ChangeRequestPublic(BaseModel):
    """A change request and its computed impact."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    key: str = Field(examples=["PAY-CR3"])
    project_key: str = Field(examples=["PAY"])
    title: str
    reason: str
    requester: str = Field(examples=["carol"])
    proposed_change: str
    affected_items: list[str]
    affected_prd_sections: list[str]
    item_patches: dict[str, dict]
    effort_delta_points: float
    date_delta_days: int
    impact: Impact
    status: CRStatus
    decided_by: str | None
    decided_at: datetime | None
    decision_comment: str | None
    applied_by: str | None
    applied_at: datetime | None
    version: int
    created_at: datetime
    updated_at: datetime
