"""Request and response models of risk reviews."""

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from tpmhub_shared.vocabulary import RiskLevel as Level

from risk_svc.risks.schemas import ShortText


class ReviewCreate(BaseModel):
    """A recorded review; the next review date follows from the risk level's cadence."""

    model_config = ConfigDict(extra="forbid")

    outcome: Literal["unchanged", "reassessed", "escalate", "close_recommended"] = Field(
        examples=["unchanged"]
    )
    notes: ShortText = Field(default="", examples=["Mitigation on track; cap negotiation next week"])


class ReviewPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    reviewed_at: datetime
    reviewer: str
    outcome: str
    notes: str
    level: Level
    next_review_at: datetime


class OverdueReview(BaseModel):
    key: str = Field(examples=["PAY-R7"])
    title: str
    level: Level
    owner: str | None
    next_review_at: datetime
    days_overdue: int
