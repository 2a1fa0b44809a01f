"""Document tables: the working copy of a PRD or design and its fixed sections. Reviews and frozen
versions have their own tables (`document_reviews`, `document_versions`)."""

import uuid
from datetime import datetime

from sqlalchemy import Column, ForeignKey, Index, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel
from tpmhub_shared.db import TableBase, UTCDateTime, json_column
from tpmhub_shared.ids import new_id


class Document(TableBase, table=True):
    """The working copy of a PRD or design. `revision` is the number N the next approval freezes;
    `version` (from TableBase) is the optimistic-lock counter behind the ETag."""

    __tablename__ = "documents"
    __table_args__ = (
        Index("ix_documents_project_kind_created", "project_key", "kind", "created_at", "id"),
        Index(
            "ix_documents_project_kind_status_created", "project_key", "kind", "status", "created_at", "id"
        ),
    )

    project_key: str = Field(sa_column=Column(String(10), nullable=False))
    kind: str = Field(sa_column=Column(String(10), nullable=False))
    title: str = Field(max_length=200)
    status: str = Field(default="draft", max_length=20)
    owner: str = Field(max_length=200)
    revision: int = Field(default=1)
    approved_revision: int | None = Field(default=None)
    review_round: int = Field(default=0)
    quorum: int | None = Field(default=None)
    linked_items: list[str] = Field(default_factory=list, sa_column=json_column(nullable=False))
    submitted_by: str | None = Field(default=None, max_length=200)
    submitted_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class DocumentSection(SQLModel, table=True):
    """One fixed section of a document. Its `id` is stable for the document's whole life (every revision),
    so backlog items can link to it."""

    __tablename__ = "document_sections"
    __table_args__ = (UniqueConstraint("document_id", "key"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    document_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("documents.id", ondelete="CASCADE"), nullable=False)
    )
    project_key: str = Field(sa_column=Column(String(10), nullable=False))
    key: str = Field(max_length=40)
    position: int
    body: str = Field(default="", sa_column=Column(Text, nullable=False))
