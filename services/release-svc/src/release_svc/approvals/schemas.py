"""Request and response bodies of release reviews."""

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from tpmhub_shared.vocabulary import ReleaseStatus


class ApprovalCreate(BaseModel):
    """A reviewer's decision: `approve` counts toward N-of-M; `reject` sends the release back to draft."""

    model_config = ConfigDict(extra="forbid")

    decision: Literal["approve", "reject"] = Field(examples=["approve"])
    comment: str = Field(default="", max_length=2000)


class ApprovalPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    review_round: int
    approver: str = Field(examples=["carol"])
    decision: str = Field(examples=["approve"])
    comment: str
    at: datetime


class ApprovalState(BaseModel):
    """The approvals of the current review round and what they add up to."""

    release_id: uuid.UUID
    review_round: int
    required_approvals: int
    approvers: list[str]
    approved_by: list[str]
    pending: list[str]
    approvals: list[ApprovalPublic]
    status: ReleaseStatus
