"""The document reviews table: one row per reviewer assigned in a review round."""

import uuid
from datetime import datetime

from sqlalchemy import Column, ForeignKey, String, UniqueConstraint
from sqlmodel import Field, SQLModel
from tpmhub_shared.db import UTCDateTime
from tpmhub_shared.ids import new_id, utcnow


class DocumentReview(SQLModel, table=True):
    """A reviewer assigned in one review round, and their decision once made."""

    __tablename__ = "document_reviews"
    __table_args__ = (UniqueConstraint("document_id", "review_round", "reviewer"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    document_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("documents.id", ondelete="CASCADE"), nullable=False)
    )
    project_key: str = Field(sa_column=Column(String(10), nullable=False))
    revision: int
    review_round: int
    reviewer: str = Field(max_length=200)
    domain: str | None = Field(default=None, max_length=40)
    required: bool = Field(default=True)
    decision: str | None = Field(default=None, max_length=20)
    comment: str | None = Field(default=None, max_length=5000)
    assigned_by: str = Field(max_length=200)
    assigned_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    decided_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
