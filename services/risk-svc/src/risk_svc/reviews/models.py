"""Risk reviews and the daily review reminders sent to owners."""

import uuid
from datetime import date, datetime

from sqlalchemy import Column, Date, ForeignKey, Index, String, Text, UniqueConstraint, Uuid
from sqlmodel import Field, SQLModel
from tpmhub_shared.db import UTCDateTime, json_column
from tpmhub_shared.ids import new_id, utcnow


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
