"""Cross-service contracts: the request/response bodies one service sends another, and the `data` of
every event type. Both sides import these, so a change here is a change to both."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, WithJsonSchema

from tpmhub_shared.vocabulary import (
    BLOCKING_SEVERITIES_TEXT,
    CriterionStatus,
    DocumentStatus,
    ItemStatus,
    ItemType,
    ReleaseStatus,
    RiskLevel,
    RiskStatus,
    Severity,
)

PROJECT_KEY_PATTERN = r"^[A-Z][A-Z0-9]{1,9}$"
ITEM_KEY_PATTERN = r"^[A-Z][A-Z0-9]{1,9}-[1-9][0-9]{0,8}$"
ProjectKey = Annotated[str, StringConstraints(pattern=PROJECT_KEY_PATTERN)]
ItemKey = Annotated[str, StringConstraints(pattern=ITEM_KEY_PATTERN)]
RiskKey = Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9]{1,9}-R[1-9][0-9]{0,8}$")]
MAX_LOOKUP_KEYS = 1000

# A vocabulary type (validated on both sides) that the published documents keep as the open string they
# have always been: an SDK generated with a closed enum would fail on the first value a newer service adds.
_Word = TypeVar("_Word")
Published = Annotated[_Word, WithJsonSchema({"type": "string"})]

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


# ---- release-svc: batch release lookup (POST /v1/releases/lookup) ------------------------------------


class ReleaseLookupRequest(BaseModel):
    """Many releases in one call: project, version and status."""

    model_config = ConfigDict(extra="forbid")

    ids: list[uuid.UUID] = Field(
        max_length=MAX_LOOKUP_KEYS, examples=[["01937c5e-8f3a-7cc2-9d8e-3b1f0a6c2d11"]]
    )


class ReleaseLookupEntry(BaseModel):
    id: uuid.UUID
    project_key: str = Field(examples=["PAY"])
    version: str = Field(examples=["1.4.0"])
    status: Published[ReleaseStatus] = Field(examples=["draft"])


class ReleaseLookupResponse(BaseModel):
    releases: list[ReleaseLookupEntry] = Field(description="Requested releases, in the order asked.")
    missing: list[uuid.UUID] = Field(
        default_factory=list, description="Requested ids that do not exist or the caller may not read."
    )


# ---- release-svc: releases by scope (POST /v1/releases/scope-query) ----------------------------------


class ReleaseScopeQuery(BaseModel):
    """Releases whose scope holds any of these items (read-only; for change-request impact)."""

    model_config = ConfigDict(extra="forbid")

    project_key: ProjectKey
    item_keys: list[ItemKey] = Field(max_length=MAX_LOOKUP_KEYS, examples=[["PAY-2", "PAY-5"]])


class ReleaseTouched(BaseModel):
    """A release whose scope holds some of the items, and what an approved change to them does to it."""

    id: uuid.UUID
    version: str = Field(examples=["1.4.0"])
    status: Published[ReleaseStatus] = Field(examples=["approved"])
    items: list[str] = Field(description="The queried items in its scope.", examples=[["PAY-2"]])
    back_to_review: bool = Field(
        description="True when an approved change to these items sends the release back to in_review "
        "(the release is approved)."
    )


class ReleaseScopeResult(BaseModel):
    releases: list[ReleaseTouched] = Field(description="Releases of the project, newest first.")


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


class ItemReopened(BaseModel):
    """`item.reopened` from requirements-svc: a done item went back to review because one of its acceptance
    criteria stopped being passed (added, failed, reset, edited, or reset by an applied change request)."""

    model_config = ConfigDict(populate_by_name=True)

    key: str = Field(examples=["PAY-42"])
    project_key: str = Field(examples=["PAY"])
    title: str
    type: Published[ItemType] = Field(examples=["story"])
    from_: Literal["done"] = Field(default="done", alias="from")
    to: str = Field(examples=["in_review"])
    cause: str = Field(examples=["acceptance criterion failed: Refund reaches the card in 5 days"])
    criteria_not_passed: int = Field(
        description="Criteria of the item not passed after the change.", examples=[1]
    )
    by: str = Field(description="Who made the change that reopened the item.", examples=["alice"])
    at: datetime


class VerificationRecorded(BaseModel):
    """`verification.recorded` from release-svc: an online-trial verification was recorded or re-run."""

    verification_id: uuid.UUID
    release_id: uuid.UUID
    project_key: str = Field(examples=["PAY"])
    version: str = Field(examples=["1.4.0"], description="The release version.")
    scenario: str
    result: Literal["passed", "failed", "blocked"]
    criterion_ids: list[uuid.UUID] = Field(default_factory=list)
    item_keys: list[str] = Field(default_factory=list)
    evidence: str = ""
    evidence_url: str | None = None
    verification_url: str = Field(description="Where the verification is read (release-svc).")
    verified_by: str = Field(examples=["qa-lin"])
    verified_at: datetime
    revision: int = Field(description="The verification's version after this change.", examples=[1])


class ProjectCreated(BaseModel):
    """`project.created` from requirements-svc: the siblings learn that the project exists."""

    model_config = ConfigDict(extra="allow")

    key: ProjectKey = Field(examples=["PAY"])
    project_key: ProjectKey = Field(examples=["PAY"])
    name: str = Field(max_length=200, examples=["Payments"])
    status: str = Field(default="active", examples=["active"])
    owner: str | None = Field(default=None, examples=["carol"])
    created_by: str = Field(examples=["carol"])
    created_at: datetime


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
