from datetime import datetime
from typing import Any

from sqlalchemy import Column, String
from sqlmodel import Field
from tpmhub_shared.db import TableBase, UTCDateTime, json_column


class ProjectHealth(TableBase, table=True):
    """The last computed health of a project and the manual override, if any. Changes of either are
    written to history (resource `project_health`, id = project key)."""

    __tablename__ = "project_health"

    project_key: str = Field(sa_column=Column(String(10), nullable=False, unique=True))
    computed_status: str = Field(default="on_track", max_length=20)
    # Rule ids that fired at the last computation, e.g. ["critical_risk", "rollback"].
    fired_rules: list[str] = Field(default_factory=list, sa_column=json_column(nullable=False))
    computed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    override_status: str | None = Field(default=None, max_length=20)
    override_note: str | None = Field(default=None, max_length=2000)
    override_by: str | None = Field(default=None, max_length=200)
    override_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    override_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    details: dict[str, Any] = Field(default_factory=dict, sa_column=json_column(nullable=False))
