"""Tables of the risk register itself: risks and their per-project key counter."""

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, Date, Float, Index, Integer, String, Text, UniqueConstraint, Uuid
from sqlmodel import Field, SQLModel
from tpmhub_shared.db import TableBase, UTCDateTime, json_column


class RiskCounter(SQLModel, table=True):
    """Last risk number per project; incremented with an upsert inside the creating transaction, so keys
    are gap-free (a rolled-back creation rolls the counter back) and unique under concurrency."""

    __tablename__ = "risk_counters"

    project_key: str = Field(sa_column=Column(String(10), primary_key=True))
    last_seq: int = Field(default=0, sa_column=Column(Integer, nullable=False))


class Risk(TableBase, table=True):
    __tablename__ = "risks"
    __table_args__ = (
        UniqueConstraint("project_key", "seq", name="uq_risks_project_key_seq"),
        Index("ix_risks_project_status_score", "project_key", "status", "score"),
        Index("ix_risks_project_status_level", "project_key", "status", "level"),
        Index("ix_risks_project_next_review", "project_key", "next_review_at"),
        Index("ix_risks_project_updated", "project_key", "updated_at"),
        Index("ix_risks_open_escalation", "status", "level", "escalated"),
    )

    project_key: str = Field(sa_column=Column(String(10), nullable=False))
    seq: int = Field(sa_column=Column(Integer, nullable=False))
    key: str = Field(sa_column=Column(String(24), nullable=False, unique=True))
    title: str = Field(max_length=200)
    category: str = Field(max_length=30)
    kind: str = Field(default="threat", max_length=20)
    cause: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    event: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    effect: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    owner: str | None = Field(default=None, max_length=200)
    status: str = Field(default="identified", max_length=20)
    probability: int = Field(sa_column=Column(Integer, nullable=False))
    impact: int = Field(sa_column=Column(Integer, nullable=False))
    score: int = Field(sa_column=Column(Integer, nullable=False))
    level: str = Field(max_length=20)
    residual_probability: int | None = Field(default=None, sa_column=Column(Integer, nullable=True))
    residual_impact: int | None = Field(default=None, sa_column=Column(Integer, nullable=True))
    residual_score: int | None = Field(default=None, sa_column=Column(Integer, nullable=True))
    residual_level: str | None = Field(default=None, max_length=20)
    proximity_date: date | None = Field(default=None, sa_column=Column(Date, nullable=True))
    response_strategy: str | None = Field(default=None, max_length=20)
    response_plan: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    contingency_plan: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    # [{"metric": "error_rate", "comparator": ">", "threshold": 0.01}]
    triggers: list[dict[str, Any]] = Field(default_factory=list, sa_column=json_column(nullable=False))
    cost_impact: float | None = Field(default=None, sa_column=Column(Float, nullable=True))
    probability_share: float | None = Field(default=None, sa_column=Column(Float, nullable=True))
    emv: float | None = Field(default=None, sa_column=Column(Float, nullable=True))
    blocks_release: bool = Field(default=False)
    next_review_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_reviewed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    escalated: bool = Field(default=False)
    escalated_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # Set by a manual de-escalation: automatic escalation stays quiet until the level changes.
    escalation_suppressed_level: str | None = Field(default=None, max_length=20)
    occurred_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    occurrence: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    closed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # One of CLOSE_REASONS (None on a risk closed before reasons were codes) and the rationale.
    close_reason: str | None = Field(default=None, max_length=2000)
    close_comment: str | None = Field(default=None, max_length=2000)
    change_request_id: uuid.UUID | None = Field(
        default=None, sa_column=Column(Uuid, nullable=True, unique=True)
    )
    created_by: str = Field(max_length=200)
