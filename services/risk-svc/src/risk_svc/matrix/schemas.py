from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator
from tpmhub_shared.vocabulary import RISK_LEVELS
from tpmhub_shared.vocabulary import RiskLevel as Level

LEVELS = RISK_LEVELS
Label = Annotated[str, StringConstraints(min_length=1, max_length=60)]

DEFAULT_PROBABILITY = ["rare", "unlikely", "possible", "likely", "almost certain"]
DEFAULT_IMPACT = ["negligible", "minor", "moderate", "major", "severe"]


class LevelThreshold(BaseModel):
    model_config = ConfigDict(extra="forbid")

    level: Level
    min_score: int = Field(ge=1, le=25)
    max_score: int = Field(ge=1, le=25)


DEFAULT_THRESHOLDS = [
    LevelThreshold(level="low", min_score=1, max_score=4),
    LevelThreshold(level="medium", min_score=5, max_score=9),
    LevelThreshold(level="high", min_score=10, max_score=16),
    LevelThreshold(level="critical", min_score=17, max_score=25),
]
DEFAULT_CADENCE = {"critical": 7, "high": 14, "medium": 30, "low": 90}


class RiskMatrixIn(BaseModel):
    """The whole matrix (PUT replaces it). Thresholds must cover scores 1–25 with no gap or overlap,
    in level order."""

    model_config = ConfigDict(extra="forbid")

    probability_labels: list[Label] = Field(min_length=5, max_length=5, examples=[DEFAULT_PROBABILITY])
    impact_labels: list[Label] = Field(min_length=5, max_length=5, examples=[DEFAULT_IMPACT])
    thresholds: list[LevelThreshold] = Field(min_length=4, max_length=4)
    review_cadence_days: dict[str, Annotated[int, Field(ge=1, le=365)]] = Field(
        examples=[DEFAULT_CADENCE],
        description="Days between reviews for each level (low, medium, high, critical).",
    )
    gate_level: Level = Field(default="high", description="Open risks at or above this level block releases.")

    @model_validator(mode="after")
    def _thresholds_partition_scores(self) -> "RiskMatrixIn":
        ordered = sorted(self.thresholds, key=lambda t: t.min_score)
        if [t.level for t in ordered] != list(LEVELS):
            raise ValueError(
                "thresholds must list low, medium, high and critical once each, in rising score order"
            )
        expected = 1
        for t in ordered:
            if t.min_score > t.max_score:
                raise ValueError(f"{t.level}: min_score is above max_score")
            if t.min_score != expected:
                kind = "gap" if t.min_score > expected else "overlap"
                raise ValueError(
                    f"thresholds leave a {kind} at score {expected} ({t.level} starts at {t.min_score})"
                )
            expected = t.max_score + 1
        if expected != 26:
            raise ValueError("thresholds must end at score 25")
        if set(self.review_cadence_days) != set(LEVELS):
            raise ValueError(
                "review_cadence_days needs exactly one value for each of low, medium, high, critical"
            )
        return self


class RiskMatrixPublic(RiskMatrixIn):
    model_config = ConfigDict(from_attributes=True, extra="ignore")

    # Its own title, so that SDK generators name the two inline maps apart.
    review_cadence_days: dict[str, int] = Field(
        title="Review cadence", examples=[DEFAULT_CADENCE], description="Days between reviews for each level."
    )

    project_key: str = Field(examples=["PAY"])
    is_default: bool = Field(description="True until someone saves a matrix for the project.")
    version: int
    updated_at: datetime | None = None


def level_for(score: int, thresholds: list[LevelThreshold] | list[dict]) -> str:
    for t in thresholds:
        t = t if isinstance(t, LevelThreshold) else LevelThreshold(**t)
        if t.min_score <= score <= t.max_score:
            return t.level
    raise ValueError(f"score {score} is outside the matrix")
