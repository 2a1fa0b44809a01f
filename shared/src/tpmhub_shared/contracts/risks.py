"""risk-svc's queries: the release gate, change impact and the risks linked to items."""

from __future__ import annotations

import uuid

from pydantic import BaseModel, ConfigDict, Field

from tpmhub_shared.contracts.keys import MAX_LOOKUP_KEYS, ItemKey, ProjectKey, Published
from tpmhub_shared.vocabulary import RiskLevel, RiskStatus

# ---- risk-svc: gate query (POST /v1/risks/gate-query) -------------------------------------------------


class RiskGateQuery(BaseModel):
    """Open risks that block a release: linked to the release or to any of its scope items."""

    model_config = ConfigDict(extra="forbid")

    project_key: ProjectKey
    release_id: uuid.UUID | None = None
    item_keys: list[ItemKey] = Field(default_factory=list, max_length=MAX_LOOKUP_KEYS)


class BlockingRisk(BaseModel):
    key: str = Field(examples=["PAY-R7"])
    title: str
    level: Published[RiskLevel] = Field(examples=["high"])
    score: int = Field(examples=[16])
    status: Published[RiskStatus] = Field(examples=["mitigating"])
    reason: str = Field(examples=["level high ≥ gate level high"])
    linked_items: list[str] = Field(default_factory=list)


class RiskGateResult(BaseModel):
    gate_level: Published[RiskLevel] = Field(examples=["high"])
    blocking: list[BlockingRisk]


# ---- risk-svc: change impact query (POST /v1/risks/impact-query) ------------------------------------------


class RiskImpactQuery(BaseModel):
    """Risks a change to these items touches, and the requirement_change risk its approval would create
    (read-only). The numbers are those of the change's impact (the `change_request.approved` data)."""

    model_config = ConfigDict(extra="forbid")

    project_key: ProjectKey
    change_request_id: uuid.UUID | None = None
    item_keys: list[ItemKey] = Field(default_factory=list, max_length=MAX_LOOKUP_KEYS)
    points_delta: float = 0
    date_delta_days: int = 0
    affected_milestones: list[str] = Field(default_factory=list, max_length=MAX_LOOKUP_KEYS)
    criteria_to_reverify: int = Field(default=0, ge=0)


class LinkedRisk(BaseModel):
    """A risk of the project linked to some of the items."""

    key: str = Field(examples=["PAY-R7"])
    title: str
    level: Published[RiskLevel] = Field(examples=["high"])
    score: int = Field(examples=[16])
    status: Published[RiskStatus] = Field(examples=["mitigating"])
    linked_items: list[str] = Field(examples=[["PAY-2"]])


class PredictedRisk(BaseModel):
    """The requirement_change risk risk-svc creates when the change is approved (or has created)."""

    category: str = Field(default="requirement_change", examples=["requirement_change"])
    probability: int = Field(ge=1, le=5, examples=[3])
    impact: int = Field(ge=1, le=5, examples=[4])
    score: int = Field(examples=[12])
    level: Published[RiskLevel] = Field(examples=["high"])
    linked_items: list[str] = Field(description="Items the risk is linked to (those of the project).")
    existing_key: str | None = Field(
        default=None, description="Set when risk-svc already created it for this change request."
    )


class RiskImpactResult(BaseModel):
    linked: list[LinkedRisk] = Field(description="Risks (not closed) linked to the items.")
    requirement_change_risk: PredictedRisk


# ---- holders of backlog items (asked by requirements-svc before deleting an item) ----------------------


class ItemHoldersQuery(BaseModel):
    """Which risks (risk-svc `POST /v1/risks/link-query`) are linked to any of these items of one project
    (the releases holding them come from release-svc's `POST /v1/releases/scope-query`)."""

    model_config = ConfigDict(extra="forbid")

    project_key: ProjectKey
    item_keys: list[ItemKey] = Field(min_length=1, max_length=MAX_LOOKUP_KEYS, examples=[["PAY-42"]])


class RiskLinkedToItems(BaseModel):
    key: str = Field(examples=["PAY-R7"])
    title: str
    status: str = Field(examples=["mitigating"])
    level: str = Field(examples=["high"])
    item_keys: list[str] = Field(description="The asked items the risk is linked to.", examples=[["PAY-42"]])


class RisksLinkedToItems(BaseModel):
    """Risks of the project (open or closed) linked to any of the asked items, by key."""

    risks: list[RiskLinkedToItems]
