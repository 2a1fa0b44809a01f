import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from tpmhub_shared.contracts import ItemKey

Result = Literal["passed", "failed", "blocked"]


class VerificationCreate(BaseModel):
    """A verification run in production (线上试单). A `failed` one blocks marking the release released
    until it is re-run and updated to `passed`."""

    model_config = ConfigDict(extra="forbid")

    scenario: str = Field(
        min_length=1, max_length=500, examples=["Pay 0.01 CNY with a wallet, then refund it"]
    )
    result: Result = Field(examples=["passed"])
    evidence: str = Field(
        default="", max_length=4000, examples=["Order 8812 paid and refunded; ledger balanced"]
    )
    evidence_url: str | None = Field(default=None, max_length=2000, pattern=r"^https?://\S+$")
    environment: str = Field(default="production", max_length=50, pattern=r"^[a-z0-9][a-z0-9_-]{0,49}$")
    criterion_ids: list[uuid.UUID] = Field(
        default_factory=list,
        max_length=200,
        description="Acceptance criteria (requirements-svc ids) of the release's project this verifies. "
        "Each is checked with requirements-svc; a failed verification fails them, a passed one passes "
        "those still pending.",
    )
    item_keys: list[ItemKey] = Field(
        default_factory=list,
        max_length=200,
        examples=[["PAY-42"]],
        description="Items of the release's project this verifies; the item of every linked criterion is "
        "added.",
    )


class VerificationUpdate(BaseModel):
    """Record a re-run (merge patch)."""

    model_config = ConfigDict(extra="forbid")

    result: Result | None = None
    evidence: str | None = Field(default=None, max_length=4000)
    evidence_url: str | None = Field(default=None, max_length=2000, pattern=r"^https?://\S+$")
    criterion_ids: list[uuid.UUID] | None = Field(
        default=None, max_length=200, description="Replace the linked criteria (checked as on create)."
    )
    item_keys: list[ItemKey] | None = Field(
        default=None, max_length=200, description="Replace the linked items (checked as on create)."
    )


class VerificationPublic(BaseModel):
    """A verification result linked to acceptance criteria."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    release_id: uuid.UUID
    project_key: str
    scenario: str
    result: Result
    evidence: str
    evidence_url: str | None
    environment: str
    verified_by: str = Field(examples=["qa-lin"])
    verified_at: datetime
    criterion_ids: list[uuid.UUID]
    item_keys: list[str]
    version: int
