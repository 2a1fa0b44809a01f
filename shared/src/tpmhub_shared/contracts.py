"""Cross-service contracts: the request/response bodies one service sends another, and the `data` of
every event type. Both sides import these, so a change here is a change to both."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

ProjectKey = Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9]{1,9}$")]
ItemKey = Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9]{1,9}-[1-9][0-9]{0,8}$")]
RiskKey = Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9]{1,9}-R[1-9][0-9]{0,8}$")]
MAX_LOOKUP_KEYS = 1000

# ---- requirements-svc: batch item lookup (POST /v1/items/lookup) -------------------------------------


class ItemLookupRequest(BaseModel):
    """Many items in one call: status, type, points and acceptance summary."""

    model_config = ConfigDict(extra="forbid")

    keys: list[ItemKey] = Field(max_length=MAX_LOOKUP_KEYS, examples=[["PAY-1", "PAY-2"]])
    found_in: str | None = Field(
        default=None, max_length=100,
        description="Also return open S1/S2 bugs whose `found_in` is this release version (same projects).",
    )


class AcceptanceSummary(BaseModel):
    total: int = 0
    passed: int = 0
    failed: int = 0
    pending: int = 0


class ItemSummary(BaseModel):
    key: str = Field(examples=["PAY-42"])
    project_key: str = Field(examples=["PAY"])
    type: str = Field(examples=["story"])
    title: str
    status: str = Field(examples=["done"])
    points: float | None = None
    severity: str | None = Field(default=None, examples=["S2"])
    found_in: str | None = None
    fixed_in: str | None = None
    acceptance: AcceptanceSummary = Field(default_factory=AcceptanceSummary)


class ItemLookupResponse(BaseModel):
    items: list[ItemSummary]
    missing: list[str] = Field(default_factory=list, description="Requested keys that do not exist.")
    open_bugs: list[ItemSummary] = Field(
        default_factory=list, description="Open S1/S2 bugs among the keys or found in `found_in`."
    )


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
    level: str = Field(examples=["high"])
    score: int = Field(examples=[16])
    status: str = Field(examples=["mitigating"])
    reason: str = Field(examples=["level high ≥ gate level high"])
    linked_items: list[str] = Field(default_factory=list)


class RiskGateResult(BaseModel):
    gate_level: str = Field(examples=["high"])
    blocking: list[BlockingRisk]


# ---- event data (CloudEvents `data`) -------------------------------------------------------------------


class ChangeRequestApproved(BaseModel):
    """`change_request.approved` from requirements-svc."""

    change_request_id: uuid.UUID
    key: str = Field(examples=["PAY-CR3"])
    project_key: str
    title: str
    reason: str = ""
    affected_items: list[str] = Field(description="Item keys affected, descendants included.")
    points_delta: float = 0
    date_delta_days: int = 0
    affected_milestones: list[str] = Field(default_factory=list)
    criteria_to_reverify: int = 0
    approved_by: str
    approved_at: datetime


class ReleaseReleased(BaseModel):
    """`release.released` from release-svc."""

    release_id: uuid.UUID
    project_key: str
    version: str = Field(examples=["1.4.0"])
    items: list[str]
    released_at: datetime


class ItemReferenced(BaseModel):
    """`ci.item_referenced` from release-svc: an item key found in a commit, branch or pull request."""

    project_key: str
    item_key: str
    kind: Literal["commit", "pull_request", "branch"]
    repository: str
    ref: str = Field(description="Commit sha, PR number or branch name.")
    title: str = ""
    url: str | None = None
