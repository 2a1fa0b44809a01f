"""Tables of the risk register: risks, their per-project key counter, links, assessments (the trend),
exposure points (the burndown), mitigation actions, reviews and escalations."""

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, Date, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint, Uuid
from sqlmodel import Field, SQLModel
from tpmhub_shared.db import TableBase, UTCDateTime, json_column
from tpmhub_shared.ids import new_id, utcnow


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


class RiskLink(SQLModel, table=True):
    """A risk's link to a backlog item (`PAY-42`), a PRD (id) or a release (id)."""

    __tablename__ = "risk_links"
    __table_args__ = (
        UniqueConstraint("risk_id", "target_type", "target_key", name="uq_risk_links_target"),
        Index("ix_risk_links_lookup", "project_key", "target_type", "target_key", "risk_id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    risk_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("risks.id", ondelete="CASCADE"), nullable=False)
    )
    project_key: str = Field(sa_column=Column(String(10), nullable=False))
    target_type: str = Field(max_length=10)
    target_key: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    created_by: str = Field(max_length=200)


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


class RiskReview(SQLModel, table=True):
    __tablename__ = "risk_reviews"
    __table_args__ = (Index("ix_risk_reviews_risk", "risk_id", "id"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    risk_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("risks.id", ondelete="CASCADE"), nullable=False)
    )
    project_key: str = Field(sa_column=Column(String(10), nullable=False))
    reviewed_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    reviewer: str = Field(max_length=200)
    outcome: str = Field(max_length=30)
    notes: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    level: str = Field(max_length=20)
    next_review_at: datetime = Field(sa_type=UTCDateTime, nullable=False)


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


class RiskReviewReminder(SQLModel, table=True):
    """One review reminder sent to a risk owner on a UTC day. The unique (project, owner, day) is what
    makes the reminder once a day with any number of replicas: a replica sends only if its insert wins."""

    __tablename__ = "risk_review_reminders"
    __table_args__ = (
        UniqueConstraint("project_key", "owner", "day", name="uq_risk_review_reminders_owner_day"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    project_key: str = Field(sa_column=Column(String(10), nullable=False))
    owner: str = Field(max_length=200)
    day: date = Field(sa_column=Column(Date, nullable=False))
    risk_keys: list[str] = Field(default_factory=list, sa_column=json_column(nullable=False))
    sent_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
