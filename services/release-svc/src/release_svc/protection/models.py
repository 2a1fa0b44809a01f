"""GitHub custom deployment protection requests: one row per deployment GitHub asked TPM Hub to gate,
pending until the gate allows it (approved), a reason that cannot change rejects it, or it expires."""

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Column, ForeignKey, Index, String, UniqueConstraint, Uuid
from sqlmodel import Field, SQLModel
from tpmhub_shared.db import UTCDateTime, json_column
from tpmhub_shared.ids import new_id, utcnow

PENDING, APPROVED, REJECTED = "pending", "approved", "rejected"


class ProtectionRequest(SQLModel, table=True):
    __tablename__ = "deployment_protection_requests"
    __table_args__ = (
        UniqueConstraint("source_id", "callback_url", name="uq_deployment_protection_requests_callback"),
        Index("ix_deployment_protection_requests_due", "status", "next_check_at"),
        Index("ix_deployment_protection_requests_project_id", "project_key", "id"),
        Index("ix_deployment_protection_requests_release", "release_id", "status"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    project_key: str = Field(sa_column=Column(String(10), nullable=False))
    source_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("ci_sources.id", ondelete="CASCADE"), nullable=False)
    )
    release_id: uuid.UUID | None = Field(
        default=None, sa_column=Column(Uuid, ForeignKey("releases.id", ondelete="SET NULL"), nullable=True)
    )
    delivery_id: str = Field(max_length=200)
    repository: str = Field(max_length=300)
    environment: str = Field(max_length=255)
    gate_environment: str | None = Field(default=None, max_length=50)
    event: str = Field(default="", max_length=100)
    ref: str | None = Field(default=None, max_length=300)
    sha: str | None = Field(default=None, max_length=64)
    installation_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    callback_url: str = Field(max_length=2000)
    status: str = Field(default=PENDING, max_length=12)
    reason: str = Field(default="", max_length=1000)
    failing_checks: list[dict[str, Any]] = Field(default_factory=list, sa_column=json_column(nullable=False))
    reasons_digest: str | None = Field(default=None, max_length=64)
    reports_posted: int = 0
    last_decision_id: uuid.UUID | None = Field(default=None, sa_column=Column(Uuid, nullable=True))
    next_check_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    locked_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    decided_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
