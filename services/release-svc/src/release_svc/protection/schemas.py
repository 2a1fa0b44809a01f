import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ProtectionStatus = Literal["pending", "approved", "rejected"]


class FailingCheck(BaseModel):
    name: str = Field(examples=["checklist"])
    reason: str = Field(examples=["1 of 3 checklist item(s) not done: Pressure test (pending)"])


class DeploymentProtectionRequestPublic(BaseModel):
    """A deployment GitHub asked TPM Hub to gate (custom deployment protection rule), and where it stands."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    project_key: str = Field(examples=["PAY"])
    source_id: uuid.UUID
    release_id: uuid.UUID | None = Field(description="The matched release (none: rejected at once).")
    repository: str = Field(examples=["acme/payments"])
    environment: str = Field(examples=["production"], description="GitHub's environment name.")
    gate_environment: str | None = Field(examples=["production"], description="The gate's environment.")
    event: str = Field(examples=["push"], description="The workflow's trigger event.")
    ref: str | None = Field(examples=["refs/tags/v1.4.0"])
    sha: str | None
    installation_id: int
    status: ProtectionStatus = Field(examples=["pending"])
    reason: str = Field(description="Why it is pending or was decided so.")
    failing_checks: list[FailingCheck] = Field(description="The gate's failing checks when last evaluated.")
    reports_posted: int = Field(description="Status reports posted to GitHub (at most 10).")
    last_decision_id: uuid.UUID | None = Field(description="The gate decision last reported to GitHub.")
    next_check_at: datetime
    expires_at: datetime = Field(description="When a still pending request is rejected.")
    decided_at: datetime | None
    created_at: datetime
    updated_at: datetime
