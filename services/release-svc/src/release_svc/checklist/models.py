"""Tables of the go/no-go checklist: each release's items and each project's template."""

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Column, ForeignKey, Index, String, Uuid
from sqlmodel import Field
from tpmhub_shared.db import JSONType, TableBase, UTCDateTime


class ChecklistItem(TableBase, table=True):
    """One go/no-go checklist item of a release."""

    __tablename__ = "release_checklist_items"
    __table_args__ = (Index("ix_release_checklist_items_release_position", "release_id", "position"),)

    release_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("releases.id", ondelete="CASCADE"), nullable=False)
    )
    project_key: str = Field(sa_column=Column(String(10), nullable=False))
    position: int
    code: str | None = Field(default=None, max_length=50)
    title: str = Field(max_length=200)
    owner: str | None = Field(default=None, max_length=200)
    status: str = Field(default="pending", max_length=20)
    evidence_url: str | None = Field(default=None, max_length=2000)
    note: str = Field(default="", max_length=2000)
    # Who ticked the item and when, while it is `done`; cleared when it leaves `done` (history keeps it).
    done_by: str | None = Field(default=None, max_length=200)
    done_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class ChecklistTemplate(TableBase, table=True):
    """A project's go/no-go checklist template; new releases are seeded from it."""

    __tablename__ = "release_checklist_templates"

    project_key: str = Field(sa_column=Column(String(10), nullable=False, unique=True))
    items: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSONType, nullable=False))
