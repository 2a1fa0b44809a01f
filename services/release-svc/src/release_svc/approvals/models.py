"""The table of reviewers' decisions on releases."""

import uuid
from datetime import datetime

from sqlalchemy import Column, ForeignKey, String, UniqueConstraint, Uuid
from sqlmodel import Field, SQLModel
from tpmhub_shared.db import UTCDateTime
from tpmhub_shared.ids import new_id, utcnow


class ReleaseApproval(SQLModel, table=True):
    """A reviewer's decision on a release in one review round."""

    __tablename__ = "release_approvals"
    __table_args__ = (
        UniqueConstraint("release_id", "review_round", "approver", name="uq_release_approvals_release_id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    release_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("releases.id", ondelete="CASCADE"), nullable=False)
    )
    project_key: str = Field(sa_column=Column(String(10), nullable=False))
    review_round: int
    approver: str = Field(max_length=200)
    decision: str = Field(max_length=20)
    comment: str = Field(default="", max_length=2000)
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
