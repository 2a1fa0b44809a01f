"""Tables of freeze windows and the exceptions that let one release deploy during one."""

import uuid
from datetime import datetime

from sqlalchemy import Column, ForeignKey, Index, String, UniqueConstraint, Uuid
from sqlmodel import Field
from tpmhub_shared.db import JSONType, TableBase, UTCDateTime


class FreezeWindow(TableBase, table=True):
    """A period in which a project does not deploy (to the listed environments, or to all)."""

    __tablename__ = "freeze_windows"
    __table_args__ = (Index("ix_freeze_windows_project_ends", "project_key", "ends_at"),)

    project_key: str = Field(sa_column=Column(String(10), nullable=False))
    name: str = Field(max_length=200)
    reason: str = Field(default="", max_length=2000)
    starts_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    ends_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    environments: list[str] = Field(default_factory=list, sa_column=Column(JSONType, nullable=False))
    created_by: str = Field(max_length=200)


class FreezeException(TableBase, table=True):
    """A request to deploy one release during one freeze window; approved by someone else."""

    __tablename__ = "freeze_exceptions"
    __table_args__ = (
        UniqueConstraint("release_id", "freeze_window_id", name="uq_freeze_exceptions_release_id"),
    )

    release_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("releases.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    freeze_window_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("freeze_windows.id", ondelete="CASCADE"), nullable=False)
    )
    project_key: str = Field(sa_column=Column(String(10), nullable=False))
    reason: str = Field(max_length=2000)
    status: str = Field(default="requested", max_length=20)
    requested_by: str = Field(max_length=200)
    decided_by: str | None = Field(default=None, max_length=200)
    decided_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    decision_note: str = Field(default="", max_length=2000)
