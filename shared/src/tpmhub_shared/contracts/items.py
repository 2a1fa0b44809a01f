"""requirements-svc's batch item lookup (`POST /v1/items/lookup`): items, PRDs and acceptance criteria."""

from __future__ import annotations

import uuid

from pydantic import BaseModel, ConfigDict, Field

from tpmhub_shared.contracts.keys import MAX_LOOKUP_KEYS, ItemKey, Published
from tpmhub_shared.vocabulary import (
    BLOCKING_SEVERITIES_TEXT,
    CriterionStatus,
    DocumentStatus,
    ItemStatus,
    ItemType,
    Severity,
)

# ---- requirements-svc: batch item lookup (POST /v1/items/lookup) -------------------------------------


class ItemLookupRequest(BaseModel):
    """Many items (status, type, points and acceptance summary) and PRDs in one call."""

    model_config = ConfigDict(extra="forbid")

    keys: list[ItemKey] = Field(
        default_factory=list, max_length=MAX_LOOKUP_KEYS, examples=[["PAY-1", "PAY-2"]]
    )
    prd_ids: list[uuid.UUID] = Field(
        default_factory=list,
        max_length=MAX_LOOKUP_KEYS,
        description="PRD ids to look up in the same call (answered in `prds` and `missing_prds`).",
    )
    found_in: str | None = Field(
        default=None,
        max_length=100,
        description=f"Also return open {BLOCKING_SEVERITIES_TEXT} bugs whose `found_in` is this release "
        "version (same projects).",
    )
    criterion_ids: list[uuid.UUID] = Field(
        default_factory=list,
        max_length=MAX_LOOKUP_KEYS,
        description="Acceptance criterion ids to look up in the same call (answered in `criteria` and "
        "`missing_criteria`).",
    )


class AcceptanceSummary(BaseModel):
    total: int = 0
    passed: int = 0
    failed: int = 0
    pending: int = 0


class ItemSummary(BaseModel):
    key: str = Field(examples=["PAY-42"])
    project_key: str = Field(examples=["PAY"])
    type: Published[ItemType] = Field(examples=["story"])
    title: str
    status: Published[ItemStatus] = Field(examples=["done"])
    points: float | None = None
    severity: Published[Severity] | None = Field(default=None, examples=["S2"])
    found_in: str | None = None
    fixed_in: str | None = None
    acceptance: AcceptanceSummary = Field(default_factory=AcceptanceSummary)
    path: list[str] | None = Field(
        default=None,
        description="In `open_bugs`: the keys from the looked-up item down to the bug (the bug alone when it "
        "was looked up itself); null for a bug that is only `found_in` the version.",
        examples=[["PAY-1", "PAY-4", "PAY-9"]],
    )


class PrdSummary(BaseModel):
    id: uuid.UUID
    project_key: str = Field(examples=["PAY"])
    title: str
    status: Published[DocumentStatus] = Field(examples=["approved"])
    revision: int = Field(
        description="Revision of the working copy (equal to `approved_revision` while the PRD is approved).",
        examples=[2],
    )
    approved_revision: int | None = Field(
        default=None, description="The latest approved revision, if any.", examples=[2]
    )


class CriterionRef(BaseModel):
    """An acceptance criterion found by id: which item it belongs to and its status."""

    id: uuid.UUID
    item_key: str = Field(examples=["PAY-42"])
    project_key: str = Field(examples=["PAY"])
    status: Published[CriterionStatus] = Field(examples=["pending"])


class ItemLookupResponse(BaseModel):
    items: list[ItemSummary]
    missing: list[str] = Field(default_factory=list, description="Requested keys that do not exist.")
    open_bugs: list[ItemSummary] = Field(
        default_factory=list,
        description=f"Open {BLOCKING_SEVERITIES_TEXT} bugs among the keys or anywhere under them (every "
        "descendant, with `path`), "
        "or found in `found_in`.",
    )
    prds: list[PrdSummary] = Field(default_factory=list, description="Requested PRDs, in the order asked.")
    missing_prds: list[uuid.UUID] = Field(
        default_factory=list,
        description="Requested PRD ids that do not exist, are not PRDs (a design, say) or that the caller "
        "may not read.",
    )
    criteria: list[CriterionRef] = Field(
        default_factory=list, description="Requested acceptance criteria, in the order asked."
    )
    missing_criteria: list[uuid.UUID] = Field(
        default_factory=list,
        description="Requested criterion ids that do not exist or that the caller may not read.",
    )
