"""The `data` of the events one service sends another (CloudEvents `data`)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from tpmhub_shared.contracts.keys import ProjectKey, Published
from tpmhub_shared.vocabulary import ItemType

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
