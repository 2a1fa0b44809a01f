"""The metric readings a rollout's guardrails judge."""

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Column, Float, ForeignKey, Index, Integer, String, Uuid
from sqlmodel import Field, SQLModel
from tpmhub_shared.db import UTCDateTime, json_column
from tpmhub_shared.ids import new_id, utcnow


class MetricReading(SQLModel, table=True):
    """One metric value posted by monitoring or CI, with the outcome of the guardrail check it fed."""

    __tablename__ = "rollout_metric_readings"
    __table_args__ = (
        # Latest reading of a metric per cohort (baselines, and the scheduler's green check per stage).
        Index("ix_rollout_metric_readings_lookup", "rollout_id", "metric", "cohort", "at"),
        Index("ix_rollout_metric_readings_rollout_id_id", "rollout_id", "id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    project_key: str = Field(sa_column=Column(String(10), nullable=False))
    rollout_id: uuid.UUID = Field(sa_column=Column(Uuid(), ForeignKey("rollouts.id"), nullable=False))
    stage_index: int = Field(sa_type=Integer, nullable=False)
    metric: str = Field(max_length=64)
    value: float = Field(sa_column=Column(Float, nullable=False))
    cohort: str = Field(max_length=20)
    at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    source: str = Field(default="", max_length=200)
    # pass / fail for a canary reading checked by guardrails; unchecked (no guardrail, or a baseline
    # reading); no_baseline (a relative guardrail with no baseline yet: neither pass nor fail).
    outcome: str = Field(default="unchecked", max_length=20)
    # The guardrail expressions this reading failed, if any.
    failed: list[str] = Field(default_factory=list, sa_column=json_column(nullable=False))
    # Each guardrail of the stage naming the metric: [{index, guardrail, outcome, dry_run, limit}] (dry runs
    # included; `outcome` above judges the acting ones only). Empty for readings recorded before.
    checks: list[dict[str, Any]] = Field(default_factory=list, sa_column=json_column(nullable=False))
    created_by: str = Field(max_length=200)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
