"""Tables kept for the read models: heatmap counters and exposure points (the burndown)."""

import uuid
from datetime import datetime

from sqlalchemy import Column, Float, ForeignKey, Index, Integer, String, Uuid
from sqlmodel import Field, SQLModel
from tpmhub_shared.db import UTCDateTime
from tpmhub_shared.ids import new_id, utcnow


class RiskHeatCell(SQLModel, table=True):
    """Open risks per P × I cell, kept in step with every change of a risk (same transaction), so the
    heatmap reads at most 50 rows whatever the size of the register."""

    __tablename__ = "risk_heat_cells"

    project_key: str = Field(sa_column=Column(String(10), primary_key=True))
    kind: str = Field(sa_column=Column(String(20), primary_key=True))
    basis: str = Field(sa_column=Column(String(10), primary_key=True))  # inherent | residual
    probability: int = Field(sa_column=Column(Integer, primary_key=True, autoincrement=False))
    impact: int = Field(sa_column=Column(Integer, primary_key=True, autoincrement=False))
    count: int = Field(default=0, sa_column=Column(Integer, nullable=False))


class ExposurePoint(SQLModel, table=True):
    """The exposure a risk contributes from `at` until its next point: written whenever score, residual
    score, EMV or openness changes. The project burndown sums the point valid at each period end."""

    __tablename__ = "risk_exposure_points"
    __table_args__ = (Index("ix_risk_exposure_points_project_at", "project_key", "at"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    risk_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("risks.id", ondelete="CASCADE"), nullable=False)
    )
    project_key: str = Field(sa_column=Column(String(10), nullable=False))
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    is_open: bool
    score: int
    residual_score: int
    emv: float = Field(sa_column=Column(Float, nullable=False))
