import uuid
from datetime import datetime

from sqlalchemy import Column, Float, ForeignKey, Index, String, Uuid
from sqlmodel import Field
from tpmhub_shared.db import TableBase, UTCDateTime


class Deployment(TableBase, table=True):
    """One deployment to an environment (from the API or CI): the raw data of the DORA metrics."""

    __tablename__ = "deployments"
    __table_args__ = (
        # DORA per project, environment and window; lists per project newest first.
        Index("ix_deployments_project_env_started", "project_key", "environment", "started_at"),
        Index("ix_deployments_project_started", "project_key", "started_at"),
        Index("ix_deployments_release_id", "release_id"),
    )

    project_key: str = Field(sa_column=Column(String(10), nullable=False))
    release_id: uuid.UUID | None = Field(
        default=None, sa_column=Column(Uuid, ForeignKey("releases.id", ondelete="SET NULL"))
    )
    environment: str = Field(max_length=50)
    commit_sha: str = Field(max_length=64)
    committed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    started_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    finished_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    status: str = Field(default="in_progress", max_length=20)
    # A deployment that succeeded but caused a failure in production (incident, hotfix, rollback).
    caused_failure: bool = False
    restored_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # Derived on write so that DORA aggregates are plain SQL on both backends.
    lead_time_seconds: float | None = Field(default=None, sa_column=Column(Float))
    restore_seconds: float | None = Field(default=None, sa_column=Column(Float))
    source: str = Field(default="api", max_length=20)
    url: str | None = Field(default=None, max_length=2000)
    created_by: str = Field(max_length=200)
