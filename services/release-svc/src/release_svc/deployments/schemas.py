import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from release_svc.releases.schemas import UtcDateTime

DeploymentStatus = Literal["in_progress", "succeeded", "failed", "rolled_back"]
ENV_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,49}$"


class DeploymentCreate(BaseModel):
    """A deployment to an environment, reported by CI or a person."""

    model_config = ConfigDict(extra="forbid")

    environment: str = Field(pattern=ENV_PATTERN, examples=["production"])
    release_id: uuid.UUID | None = Field(default=None, description="The release deployed, if any.")
    commit_sha: str = Field(
        pattern=r"^[0-9a-f]{7,64}$", examples=["9fceb02d0ae598e95dc970b74767f19372d61af8"]
    )
    committed_at: UtcDateTime | None = Field(
        default=None,
        description="When the deployed change was committed (start of lead time).",
        examples=["2026-11-20T09:12:00Z"],
    )
    started_at: UtcDateTime | None = Field(
        default=None, description="Default: now.", examples=["2026-11-21T10:00:00Z"]
    )
    finished_at: UtcDateTime | None = Field(default=None, examples=["2026-11-21T10:07:00Z"])
    status: DeploymentStatus = Field(default="in_progress", examples=["succeeded"])
    url: str | None = Field(default=None, max_length=2000, pattern=r"^https?://\S+$")

    @model_validator(mode="after")
    def _times(self) -> "DeploymentCreate":
        if self.status == "in_progress" and self.finished_at is not None:
            raise ValueError("an in-progress deployment has no finished_at")
        if self.status != "in_progress" and self.finished_at is None:
            raise ValueError("a finished deployment needs finished_at")
        return self


class DeploymentUpdate(BaseModel):
    """Finish a deployment, flag it as having caused a failure, or record when service was restored."""

    model_config = ConfigDict(extra="forbid")

    status: DeploymentStatus | None = None
    finished_at: UtcDateTime | None = None
    caused_failure: bool | None = Field(
        default=None,
        description="It succeeded but caused a production failure (incident, hotfix or rollback).",
    )
    restored_at: UtcDateTime | None = Field(
        default=None, description="When service was restored after the failure."
    )
    url: str | None = Field(default=None, max_length=2000, pattern=r"^https?://\S+$")


class DeploymentPublic(BaseModel):
    """A deployment record."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    project_key: str = Field(examples=["PAY"])
    release_id: uuid.UUID | None
    environment: str = Field(examples=["production"])
    commit_sha: str
    committed_at: datetime | None
    started_at: datetime
    finished_at: datetime | None
    status: DeploymentStatus
    caused_failure: bool
    restored_at: datetime | None
    lead_time_seconds: float | None = Field(description="finished_at − committed_at.", examples=[86400])
    restore_seconds: float | None = Field(description="restored_at − finished_at for a failed change.")
    source: str
    url: str | None
    created_by: str
    version: int


class RolloutOutcomes(BaseModel):
    """How the environment's gray rollouts ended in the window (by `finished_at`). A guardrail rollback, a
    manual rollback and an abort after units were exposed are change failures; an abort before any
    exposure (a draft called off) is not: nothing reached users."""

    completed: int = Field(examples=[9])
    guardrail_rollbacks: int = Field(description="Rolled back by a guardrail breach.", examples=[1])
    manual_rollbacks: int = Field(description="Rolled back by a person.", examples=[0])
    aborted_after_exposure: int = Field(
        description="Aborted while running or paused: counted as change failures.", examples=[1]
    )
    aborted_before_exposure: int = Field(
        description="Aborted as drafts: not counted (no change reached users).", examples=[2]
    )
    change_failures: int = Field(
        description="guardrail_rollbacks + manual_rollbacks + aborted_after_exposure.", examples=[2]
    )
    change_failure_rate: float | None = Field(
        description="change_failures ÷ (completed + change_failures); null without finished exposures.",
        examples=[0.1818],
    )


class DoraMetrics(BaseModel):
    """The four DORA keys for one project, environment and window (by deployment start)."""

    project_key: str = Field(examples=["PAY"])
    environment: str = Field(examples=["production"])
    window_start: datetime
    window_end: datetime
    days: float = Field(examples=[30])
    deployments: int = Field(description="Finished deployments in the window.", examples=[42])
    successful_deployments: int = Field(examples=[40])
    deployment_frequency_per_day: float = Field(
        description="Successful deployments per day.", examples=[1.33]
    )
    deployment_frequency_per_week: float = Field(examples=[9.33])
    lead_time_median_seconds: float | None = Field(
        description="Median commit-to-production time of successful deployments.", examples=[93600]
    )
    lead_time_mean_seconds: float | None = None
    change_failure_rate: float | None = Field(
        description="Failed, rolled back or failure-causing deployments ÷ finished deployments.",
        examples=[0.05],
    )
    failed_deployments: int = Field(examples=[2])
    time_to_restore_median_seconds: float | None = Field(
        description="Median time from a failed change to restored service.", examples=[1800]
    )
    restored_failures: int = Field(examples=[2])
    rollouts: RolloutOutcomes | None = Field(
        default=None,
        description="The environment's gray rollouts that ended in the window, with change failures told "
        "apart: guardrail and manual rollbacks and aborts after exposure count, aborts of drafts do not.",
    )
