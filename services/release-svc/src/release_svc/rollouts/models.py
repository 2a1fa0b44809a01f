"""Gray rollouts of a release: the rollout with its stages, and the metric readings its guardrails judge.

The gate reads a rollout's current state from `Rollout` directly: `release_id`, `status`,
`current_stage` (0-based index into `stages`), `current_percent`, `pause_reason`."""

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Column, Float, ForeignKey, Index, Integer, String, Uuid, text
from sqlmodel import Field, SQLModel
from tpmhub_shared.db import TableBase, UTCDateTime, json_column
from tpmhub_shared.ids import new_id, utcnow

ACTIVE_STATUSES = ("running", "paused")
FINISHED_STATUSES = ("completed", "rolled_back", "aborted")


class Rollout(TableBase, table=True):
    __tablename__ = "rollouts"
    __table_args__ = (
        Index("ix_rollouts_release_id_id", "release_id", "id"),
        # The scheduler's scan: running rollouts whose next automatic check is due.
        Index("ix_rollouts_status_next_check_at", "status", "next_check_at"),
        # The portfolio (`GET /v1/rollouts?status=running,paused`): by status and project, keyset on id.
        Index("ix_rollouts_status_project_key_id", "status", "project_key", "id"),
        # At most one running or paused rollout per release (concurrent starts cannot both win).
        Index(
            "uq_rollouts_active_release",
            "release_id",
            unique=True,
            sqlite_where=text("status IN ('running', 'paused')"),
            postgresql_where=text("status IN ('running', 'paused')"),
        ),
    )

    project_key: str = Field(sa_column=Column(String(10), nullable=False, index=True))
    release_id: uuid.UUID = Field(sa_column=Column(Uuid(), ForeignKey("releases.id"), nullable=False))
    name: str = Field(default="", max_length=200)
    status: str = Field(default="draft", max_length=20)
    # Canonical name in the project's environments (see release_svc.environments): the gate is asked for it.
    environment: str = Field(default="production", max_length=50)
    unit_kind: str = Field(default="user", max_length=20)
    group_id: str = Field(max_length=200)
    # Stages as created: [{percent, min_hold_seconds, operator, auto_advance, guardrails: [parsed]}].
    stages: list[dict[str, Any]] = Field(default_factory=list, sa_column=json_column(nullable=False))
    current_stage: int = Field(default=0, sa_type=Integer, nullable=False)
    current_percent: int = Field(default=0, sa_type=Integer, nullable=False)
    stage_started_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    hold_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # When the scheduler should look at this rollout next (null: nothing automatic to do).
    next_check_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    pause_reason: str | None = Field(default=None, max_length=2000)
    # Set while the scheduler holds a due automatic advance because the gate denies it:
    # {"since", "environment", "checks": [failed checks]}; cleared when the rollout moves.
    gate_hold: dict[str, Any] | None = Field(default=None, sa_column=json_column(nullable=True))
    on_breach: str = Field(default="pause", max_length=20)
    breach_threshold: int = Field(default=3, sa_type=Integer, nullable=False)
    # Bake after the last stage: held at 100% this long with the last stage's guardrails judged, then
    # completed. `bake_until` is set while baking (and then doubles as `hold_until`).
    bake_seconds: int = Field(default=0, sa_column=Column(Integer, nullable=False, server_default=text("0")))
    bake_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # Set when the scheduler paused the stage on an inconclusive guardrail: {"since", "stage", "bake",
    # "stage_started_at", "checks"}; valid only for that stage (and phase), so after a resume the scheduler
    # holds instead of pausing again.
    inconclusive_hold: dict[str, Any] | None = Field(default=None, sa_column=json_column(nullable=True))
    # Failed guardrail checks per stage (index = stage); the current stage's count triggers `on_breach`.
    failed_checks: list[int] = Field(default_factory=list, sa_column=json_column(nullable=False))
    started_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # Why a person aborted the rollout (status `aborted`); null otherwise.
    abort_reason: str | None = Field(default=None, max_length=2000)
    finished_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_by: str = Field(max_length=200)

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED_STATUSES


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


SCHEDULE_STATUSES = ("pending", "running", "done", "failed", "cancelled")


class RolloutSchedule(TableBase, table=True):
    """A start or advance of a rollout planned for a given time, run by the rollout scheduler through the
    same rules as the HTTP action (operator, hold, gate), as the person who scheduled it."""

    __tablename__ = "rollout_schedules"
    __table_args__ = (
        # The scheduler's scan: pending schedules that are due.
        Index("ix_rollout_schedules_status_at", "status", "at"),
        Index("ix_rollout_schedules_rollout_id_id", "rollout_id", "id"),
    )

    project_key: str = Field(sa_column=Column(String(10), nullable=False))
    rollout_id: uuid.UUID = Field(sa_column=Column(Uuid(), ForeignKey("rollouts.id"), nullable=False))
    action: str = Field(max_length=20)
    at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    reason: str = Field(max_length=2000)
    # pending → running (claimed by one scheduler) → done | failed; pending → cancelled.
    status: str = Field(default="pending", max_length=20)
    created_by: str = Field(max_length=200)
    created_by_name: str = Field(default="", max_length=200)
    # The scheduler acts as the creator with the role they had on the project when they scheduled it.
    created_by_role: str | None = Field(default=None, max_length=20)
    claimed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    executed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    failure_reason: str | None = Field(default=None, max_length=2000)
    # The problem the action answered with ({type, title, status, detail, ...extensions}).
    failure: dict[str, Any] | None = Field(default=None, sa_column=json_column(nullable=True))
    cancelled_by: str | None = Field(default=None, max_length=200)
    cancelled_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
