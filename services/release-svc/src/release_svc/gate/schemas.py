import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

CheckName = Literal["state", "approvals", "checklist", "freeze", "scope", "risks", "rollout"]


class GateCheck(BaseModel):
    """One check of the gate: passed or not, why, and the ids that made it fail."""

    name: CheckName = Field(examples=["scope"])
    passed: bool = Field(examples=[False])
    reason: str = Field(examples=["2 scope item(s) not done or with acceptance criteria not passed"])
    offending_ids: list[str] = Field(default_factory=list, examples=[["PAY-42", "PAY-43"]])
    duration_ms: float | None = Field(
        default=None,
        description="For the checks that ask a sibling service (scope, risks): how long the call took, "
        "answer or not.",
        examples=[18.4],
    )


class GateOverrideRecord(BaseModel):
    """A tpm/admin went past a denied gate for a rollout action."""

    by: str = Field(examples=["tina"])
    reason: str = Field(examples=["Payment outage hotfix; freeze owner agreed on the bridge call"])


class GateResult(BaseModel):
    """The gate's answer: `allowed` only when every check passed. Always 200; CI reads `allowed`."""

    model_config = ConfigDict(from_attributes=True)

    decision_id: uuid.UUID = Field(description="The recorded decision (see `list_gate_decisions`).")
    release_id: uuid.UUID
    project_key: str = Field(examples=["PAY"])
    version: str = Field(examples=["1.4.0"])
    environment: str = Field(examples=["production"])
    allowed: bool = Field(examples=[False])
    checks: list[GateCheck]
    asked_by: str = Field(examples=["ci:payments-pipeline"])
    at: datetime
    duration_ms: float = Field(examples=[41.7])
    action: str | None = Field(
        default=None,
        description="Set when a rollout action asked: rollout.start, rollout.advance, rollout.complete or "
        "rollout.auto_advance (the scheduler). Null when CI or a person asked the gate.",
        examples=["rollout.start"],
    )
    rollout_id: uuid.UUID | None = Field(default=None, description="The rollout whose action asked.")
    override: GateOverrideRecord | None = Field(
        default=None, description="Set when the gate denied and a tpm/admin overrode it with a reason."
    )
