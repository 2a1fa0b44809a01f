"""Gray rollouts of a release: the rollout with its stages.

The gate reads a rollout's current state from `Rollout` directly: `release_id`, `status`,
`current_stage` (0-based index into `stages`), `current_percent`, `pause_reason`."""

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Column, ForeignKey, Index, Integer, String, Uuid, text
from sqlmodel import Field
from tpmhub_shared.db import TableBase, UTCDateTime, json_column

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
