"""Assessments of a risk: its trend, one row per (re)assessment."""

import uuid
from datetime import datetime

from sqlalchemy import Column, Float, ForeignKey, Index, String, Uuid
from sqlmodel import Field, SQLModel
from tpmhub_shared.db import UTCDateTime
from tpmhub_shared.ids import new_id, utcnow


class RiskAssessment(SQLModel, table=True):
    """One (re)assessment: who, when, the values and a note. Appended on every P/I change."""

    __tablename__ = "risk_assessments"
    __table_args__ = (Index("ix_risk_assessments_risk", "risk_id", "id"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    risk_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("risks.id", ondelete="CASCADE"), nullable=False)
    )
    project_key: str = Field(sa_column=Column(String(10), nullable=False))
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    actor: str = Field(max_length=200)
    probability: int
    impact: int
    score: int
    level: str = Field(max_length=20)
    residual_probability: int | None = None
    residual_impact: int | None = None
    residual_score: int | None = None
    cost_impact: float | None = Field(default=None, sa_column=Column(Float, nullable=True))
    emv: float | None = Field(default=None, sa_column=Column(Float, nullable=True))
    note: str | None = Field(default=None, max_length=2000)
