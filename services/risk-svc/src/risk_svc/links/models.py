"""A risk's links to backlog items, PRDs and releases."""

import uuid
from datetime import datetime

from sqlalchemy import Column, ForeignKey, Index, String, UniqueConstraint, Uuid
from sqlmodel import Field, SQLModel
from tpmhub_shared.db import UTCDateTime
from tpmhub_shared.ids import new_id, utcnow


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
