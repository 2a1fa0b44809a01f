"""Request and response models of escalation."""

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from tpmhub_shared.vocabulary import RiskLevel as Level

from risk_svc.risks.schemas import Reason


class ReasonIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: Reason = Field(examples=["Needs a decision from the VP of engineering"])


class EscalationPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    trigger: Literal["critical", "high_overdue", "manual"]
    reason: str
    level: Level
    escalated_by: str
    escalated_at: datetime
    resolved_at: datetime | None
    resolved_by: str | None
    resolve_reason: str | None
