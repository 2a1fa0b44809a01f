"""Request and response models of backlog items and acceptance criteria."""

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from tpmhub_shared.contracts import AcceptanceSummary, ItemKey
from tpmhub_shared.vocabulary import ItemStatus, ItemType, Priority, Severity

MoSCoW = Literal["must", "should", "could", "wont"]
Label = Annotated[str, StringConstraints(min_length=1, max_length=50, pattern=r"^[^\s,]+$")]
Title = Annotated[str, StringConstraints(min_length=1, max_length=300)]
# RICE impact uses Intercom's scale: 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal.
RICE_IMPACTS = (0.25, 0.5, 1.0, 2.0, 3.0)


def _rice_impact(value: float) -> float:
    if value not in RICE_IMPACTS:
        raise ValueError("RICE impact must be one of 0.25, 0.5, 1, 2, 3")
    return value


# A number validated against the scale (not a numeric enum, which SDK generators cannot type).
RiceImpact = Annotated[float, AfterValidator(_rice_impact)]


class _ItemFields(BaseModel):
    """Fields a caller may set on create and change with PATCH."""

    model_config = ConfigDict(extra="forbid")

    description: str | None = Field(
        default=None, max_length=20000, examples=["As a shopper I want to pay with a saved card."]
    )
    priority: Priority | None = Field(default=None, description="P0 (highest) to P3.", examples=["P1"])
    labels: list[Label] | None = Field(default=None, max_length=20, examples=[["checkout", "mobile"]])
    assignee: str | None = Field(default=None, max_length=200, examples=["bob"])
    points: float | None = Field(
        default=None, ge=0, le=1000, description="Estimate in story points.", examples=[5]
    )
    parent: ItemKey | None = Field(default=None, description="Key of the parent item.", examples=["PAY-1"])
    iteration_id: uuid.UUID | None = Field(default=None, description="Iteration the item is committed to.")
    milestone_id: uuid.UUID | None = Field(default=None, description="Milestone of the same project.")
    prd_section_id: str | None = Field(
        default=None,
        max_length=64,
        description="Stable id of the PRD section the item implements.",
        examples=["functional_requirements"],
    )
    reach: int | None = Field(
        default=None, ge=0, le=1_000_000_000, description="RICE reach per period.", examples=[2000]
    )
    impact: RiceImpact | None = Field(
        default=None, description="RICE impact: 0.25, 0.5, 1, 2 or 3.", examples=[2]
    )
    confidence: int | None = Field(
        default=None, ge=0, le=100, description="RICE confidence in percent.", examples=[80]
    )
    effort: float | None = Field(
        default=None, gt=0, le=1000, description="RICE effort in person-months.", examples=[2]
    )
    business_value: int | None = Field(
        default=None, ge=1, le=100, description="WSJF user/business value.", examples=[8]
    )
    time_criticality: int | None = Field(
        default=None, ge=1, le=100, description="WSJF time criticality.", examples=[5]
    )
    risk_reduction: int | None = Field(
        default=None, ge=1, le=100, description="WSJF risk reduction / opportunity enablement.", examples=[3]
    )
    job_size: int | None = Field(default=None, ge=1, le=100, description="WSJF job size.", examples=[5])
    moscow: MoSCoW | None = Field(default=None, examples=["must"])
    severity: Severity | None = Field(
        default=None, description="Bugs only: S1 (critical) to S4.", examples=["S2"]
    )
    found_in: str | None = Field(
        default=None, max_length=100, description="Bugs only: release or environment.", examples=["1.4.0"]
    )
    fixed_in: str | None = Field(
        default=None, max_length=100, description="Bugs only: release with the fix.", examples=["1.4.1"]
    )


class ItemCreate(_ItemFields):
    """A new backlog item. Its key (`PAY-42`) is assigned by the service, gap-free per project."""

    type: ItemType = Field(examples=["story"])
    title: Title = Field(examples=["Pay with a saved card"])
    criteria: list[Annotated[str, StringConstraints(min_length=1, max_length=4000)]] = Field(
        default_factory=list,
        max_length=50,
        description="Acceptance criteria texts, created pending.",
        examples=[["Given a saved card, when I pay, then no card form is shown"]],
    )


class ItemUpdate(_ItemFields):
    """Fields to change (JSON merge patch): omitted fields stay, null clears an optional field.
    Status changes through `POST /v1/items/{key}/transition`, rank through `/move`."""

    type: ItemType | None = None
    title: Title | None = None


class ItemTransition(BaseModel):
    """Move an item through its workflow: backlog → ready → in_progress → in_review → done; wont_do from
    anywhere; from done or wont_do back to backlog or ready (reopen)."""

    model_config = ConfigDict(extra="forbid")

    to: ItemStatus = Field(examples=["in_progress"])
    note: str | None = Field(default=None, max_length=2000, examples=["Picked up in sprint 12"])


class ItemMove(BaseModel):
    """Where to put the item in the ranked backlog: directly before one item, directly after one item, or
    between two adjacent items. Only the moved item's row is written."""

    model_config = ConfigDict(extra="forbid")

    before: ItemKey | None = Field(
        default=None, description="Place the item directly before this one.", examples=["PAY-7"]
    )
    after: ItemKey | None = Field(
        default=None, description="Place the item directly after this one.", examples=["PAY-3"]
    )


class RollUp(BaseModel):
    """Totals over every descendant of the item (children, grandchildren, …)."""

    points_total: float = Field(default=0, examples=[21])
    points_done: float = Field(default=0, examples=[8])
    descendants: int = Field(default=0, examples=[6])
    children_by_status: dict[str, int] = Field(default_factory=dict, examples=[{"done": 2, "in_progress": 1}])


class ReleaseRef(BaseModel):
    """A release that shipped the item (learned from `release.released`)."""

    release_id: uuid.UUID
    version: str = Field(examples=["1.4.0"])
    released_at: datetime


class CodeReference(BaseModel):
    """A commit, pull request or branch that mentions the item (from `ci.item_referenced`)."""

    kind: Literal["commit", "pull_request", "branch"]
    repository: str = Field(examples=["acme/payments"])
    ref: str = Field(examples=["9f2c1e7"])
    title: str = ""
    url: str | None = None
    at: datetime | None = None


class ItemPublic(BaseModel):
    """A backlog item as the API returns it, with computed scores, acceptance summary and roll-up."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    key: str = Field(examples=["PAY-42"])
    project_key: str = Field(examples=["PAY"])
    type: ItemType
    title: str = Field(examples=["Pay with a saved card"])
    description: str
    status: ItemStatus
    priority: Priority
    labels: list[str]
    assignee: str | None
    points: float | None
    parent: str | None = Field(default=None, description="Parent item key.", examples=["PAY-1"])
    iteration_id: uuid.UUID | None
    milestone_id: uuid.UUID | None
    prd_section_id: str | None
    rank: str = Field(
        description="Fractional rank key; lists sort by it with `sort=rank`.", examples=["i00003"]
    )
    reach: int | None
    impact: float | None
    confidence: int | None
    effort: float | None
    rice_score: float | None = Field(
        description="reach × impact × confidence% ÷ effort; null until all set.", examples=[1600.0]
    )
    business_value: int | None
    time_criticality: int | None
    risk_reduction: int | None
    job_size: int | None
    wsjf_score: float | None = Field(
        description="(value + time criticality + risk reduction) ÷ job size.", examples=[3.2]
    )
    moscow: MoSCoW | None
    severity: Severity | None
    found_in: str | None
    fixed_in: str | None
    released_in: list[ReleaseRef]
    references: list[CodeReference]
    acceptance: AcceptanceSummary
    rollup: RollUp
    created_by: str
    done_at: datetime | None
    version: int = Field(examples=[1])
    created_at: datetime
    updated_at: datetime


class ItemBatchCreate(BaseModel):
    """Up to 500 items created in one all-or-nothing transaction; `parent` may name an item earlier in the
    batch as `#<row>` (0-based), e.g. `#0`."""

    model_config = ConfigDict(extra="forbid")

    items: list["BatchRow"] = Field(min_length=1, max_length=500)


class BatchRow(ItemCreate):
    """One row of a batch create: an item whose `parent` may also be `#<row>` of the same batch."""

    parent: str | None = Field(
        default=None,
        max_length=24,
        pattern=r"^(#[0-9]{1,3}|[A-Z][A-Z0-9]{1,9}-[1-9][0-9]{0,8})$",
        description="Parent item key, or `#<row>` for an earlier row of this batch.",
        examples=["PAY-1", "#0"],
    )


ItemBatchCreate.model_rebuild()


class ItemBatchResult(BaseModel):
    """The created items, in the order of the rows."""

    items: list[ItemPublic]


class ImportResult(BaseModel):
    """What a CSV import created."""

    created: int = Field(examples=[120])
    keys: list[str] = Field(examples=[["PAY-12", "PAY-13"]])
