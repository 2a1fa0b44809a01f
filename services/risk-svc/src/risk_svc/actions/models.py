"""Mitigation actions of risks."""

import uuid
from datetime import date, datetime

from sqlalchemy import Column, Date, ForeignKey, Index, String, Text, Uuid
from sqlmodel import Field
from tpmhub_shared.db import TableBase, UTCDateTime


class MitigationAction(TableBase, table=True):
    __tablename__ = "risk_actions"
    __table_args__ = (
        Index("ix_risk_actions_risk", "risk_id", "status"),
        Index("ix_risk_actions_project_due", "project_key", "status", "due_date"),
    )

    risk_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("risks.id", ondelete="CASCADE"), nullable=False)
    )
    project_key: str = Field(sa_column=Column(String(10), nullable=False))
    title: str = Field(max_length=200)
    description: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    owner: str = Field(max_length=200)
    due_date: date = Field(sa_column=Column(Date, nullable=False))
    status: str = Field(default="open", max_length=20)
    completed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
