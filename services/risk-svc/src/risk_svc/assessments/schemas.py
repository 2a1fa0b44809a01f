"""Request and response models of risk assessments."""

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, model_validator
from tpmhub_shared.vocabulary import RiskLevel as Level

from risk_svc.risks.schemas import Scale


class AssessmentIn(BaseModel):
    """A (re)assessment of probability and impact, with an optional note."""

    model_config = ConfigDict(extra="forbid")

    probability: Scale
    impact: Scale
    residual_probability: Scale | None = None
    residual_impact: Scale | None = None
    cost_impact: float | None = Field(default=None, ge=0, le=1e12)
    note: str | None = Field(default=None, max_length=2000, examples=["Load test showed headroom at 2x"])

    @model_validator(mode="after")
    def _check(self) -> "AssessmentIn":
        if (self.residual_probability is None) != (self.residual_impact is None):
            raise ValueError("residual_probability and residual_impact go together")
        if (
            self.residual_probability is not None
            and self.residual_probability * self.residual_impact > self.probability * self.impact
        ):
            raise ValueError("residual score may not exceed the inherent score")
        return self


class AssessmentPublic(BaseModel):
    """One point of a risk's trend."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    at: datetime
    actor: str = Field(examples=["alice"])
    probability: int
    impact: int
    score: int
    level: Level
    residual_probability: int | None
    residual_impact: int | None
    residual_score: int | None
    cost_impact: float | None
    emv: float | None
    note: str | None
