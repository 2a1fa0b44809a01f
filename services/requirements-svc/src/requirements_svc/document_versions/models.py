"""The document versions table: each approval freezes the working copy into an immutable row."""

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Column, ForeignKey, String, UniqueConstraint
from sqlmodel import Field, SQLModel
from tpmhub_shared.db import UTCDateTime, json_column
from tpmhub_shared.ids import new_id, utcnow


class DocumentVersion(SQLModel, table=True):
    """An approved, frozen revision of a document. Rows are only ever inserted."""

    __tablename__ = "document_versions"
    __table_args__ = (UniqueConstraint("document_id", "number"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    document_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("documents.id", ondelete="CASCADE"), nullable=False)
    )
    project_key: str = Field(sa_column=Column(String(10), nullable=False))
    kind: str = Field(sa_column=Column(String(10), nullable=False))
    number: int
    title: str = Field(max_length=200)
    sections: list[dict[str, Any]] = Field(default_factory=list, sa_column=json_column(nullable=False))
    linked_items: list[str] = Field(default_factory=list, sa_column=json_column(nullable=False))
    review_round: int
    approvers: list[str] = Field(default_factory=list, sa_column=json_column(nullable=False))
    approved_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
