import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Column, Index, String, Uuid
from sqlmodel import Field, SQLModel
from tpmhub_shared.db import JSONType, UTCDateTime
from tpmhub_shared.ids import new_id, utcnow


class GateDecision(SQLModel, table=True):
    """One answer of the release gate, kept for CI traceability (who asked, result, every check)."""

    __tablename__ = "gate_decisions"
    __table_args__ = (
        Index("ix_gate_decisions_release_id_id", "release_id", "id"),
        Index("ix_gate_decisions_project_key_id", "project_key", "id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    release_id: uuid.UUID = Field(sa_column=Column(Uuid, nullable=False))
    project_key: str = Field(sa_column=Column(String(10), nullable=False))
    version: str = Field(max_length=100)
    environment: str = Field(max_length=50)
    allowed: bool
    checks: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSONType, nullable=False))
    asked_by: str = Field(max_length=200)
    asked_by_name: str = Field(default="", max_length=200)
    request_id: str | None = Field(default=None, max_length=128)
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    duration_ms: float = 0
    # Set when a rollout action asked the gate (start, advance, complete, the scheduler's automatic advance).
    action: str | None = Field(default=None, max_length=40)
    rollout_id: uuid.UUID | None = Field(default=None, sa_column=Column(Uuid, nullable=True))
    # A tpm/admin went past a denied gate: who and why.
    overridden_by: str | None = Field(default=None, max_length=200)
    override_reason: str | None = Field(default=None, max_length=2000)
