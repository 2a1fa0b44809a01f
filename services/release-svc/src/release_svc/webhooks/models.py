"""CI webhook tables: deliveries received (deduplication and the ignored/processed record) and pipeline
runs recorded on releases; both refer to `ci_sources` (release_svc.ci_sources.models)."""

import uuid
from datetime import datetime

from sqlalchemy import Column, ForeignKey, Index, String, UniqueConstraint, Uuid
from sqlmodel import Field, SQLModel
from tpmhub_shared.db import UTCDateTime
from tpmhub_shared.ids import new_id, utcnow

MAX_DELIVERY_ID_LENGTH = 200


class CiDelivery(SQLModel, table=True):
    """One webhook delivery we accepted for one CI source (its signature verified by that source's secret):
    deduplicates by the sender's id within that source only, so no other project's source (which signs
    with its own secret) can claim an id first and have the genuine delivery dropped."""

    __tablename__ = "ci_deliveries"
    __table_args__ = (
        UniqueConstraint("source_id", "delivery_id", name="uq_ci_deliveries_source_delivery_id"),
        Index("ix_ci_deliveries_project_id", "project_key", "id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    provider: str = Field(max_length=20)
    delivery_id: str = Field(max_length=MAX_DELIVERY_ID_LENGTH)
    source_id: uuid.UUID | None = Field(
        default=None, sa_column=Column(Uuid, ForeignKey("ci_sources.id", ondelete="SET NULL"), nullable=True)
    )
    project_key: str = Field(sa_column=Column(String(10), nullable=False))
    event: str = Field(max_length=100)
    action: str | None = Field(default=None, max_length=100)
    status: str = Field(max_length=12)
    summary: str = Field(default="", max_length=500)
    received_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)


class PipelineRun(SQLModel, table=True):
    """A CI run (workflow, job, check, pipeline, build) as last reported, on the release it matched."""

    __tablename__ = "pipeline_runs"
    __table_args__ = (
        UniqueConstraint("source_id", "kind", "external_id", name="uq_pipeline_runs_source_kind_external"),
        Index("ix_pipeline_runs_release_id", "release_id", "id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    project_key: str = Field(sa_column=Column(String(10), nullable=False))
    source_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("ci_sources.id", ondelete="CASCADE"), nullable=False)
    )
    release_id: uuid.UUID | None = Field(
        default=None, sa_column=Column(Uuid, ForeignKey("releases.id", ondelete="SET NULL"), nullable=True)
    )
    provider: str = Field(max_length=20)
    kind: str = Field(max_length=30)
    external_id: str = Field(max_length=100)
    name: str = Field(default="", max_length=300)
    ref: str | None = Field(default=None, max_length=300)
    sha: str | None = Field(default=None, max_length=64)
    status: str = Field(max_length=30)
    conclusion: str | None = Field(default=None, max_length=30)
    url: str | None = Field(default=None, max_length=2000)
    started_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    finished_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    delivery_id: str = Field(max_length=200)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
