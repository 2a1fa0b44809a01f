"""Escalation records of risks."""

import uuid
from datetime import datetime

from sqlalchemy import Column, ForeignKey, Index, String, Uuid
from sqlmodel import Field, SQLModel
from tpmhub_shared.db import UTCDateTime
from tpmhub_shared.ids import new_id, utcnow


class RiskEscalation(SQLModel, table=True):
    __tablename__ = "risk_escalations"
    __table_args__ = (Index("ix_risk_escalations_risk", "risk_id", "id"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    risk_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("risks.id", ondelete="CASCADE"), nullable=False)
    )
    project_key: str = Field(sa_column=Column(String(10), nullable=False))
    trigger: str = Field(max_length=20)  # critical | high_overdue | manual
    reason: str = Field(max_length=2000)
    level: str = Field(max_length=20)
    escalated_by: str = Field(max_length=200)
    escalated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    resolved_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    resolved_by: str | None = Field(default=None, max_length=200)
    resolve_reason: str | None = Field(default=None, max_length=2000)
