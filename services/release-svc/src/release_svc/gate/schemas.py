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
