"""Scoring: the project's matrix applied to a risk (score, level, EMV, next review) and the register's
open states."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from risk_svc.matrix import repository as matrices
from risk_svc.matrix.schemas import DEFAULT_CADENCE, DEFAULT_THRESHOLDS, LEVELS, level_for
from risk_svc.risks.models import Risk

RESOURCE = "risk"
OPEN_STATUSES = ("identified", "assessed", "mitigating", "monitoring", "occurred")
# EMV needs a probability share; unless a risk gives its own, P on the 1–5 scale maps to the midpoint
# of five equal bands (documented in docs/decisions/risks.md).
PROBABILITY_SHARE = {1: 0.1, 2: 0.3, 3: 0.5, 4: 0.7, 5: 0.9}


@dataclass(frozen=True)
class Matrix:
    thresholds: list[dict[str, Any]]
    cadence: dict[str, int]
    gate_level: str

    def level(self, score: int | None) -> str | None:
        return None if score is None else level_for(score, self.thresholds)

    def levels_at_or_above(self, level: str) -> list[str]:
        return list(LEVELS[LEVELS.index(level) :])

    def review_due(self, level: str, since: datetime) -> datetime:
        return since + timedelta(days=int(self.cadence[level]))


DEFAULT = Matrix(
    thresholds=[t.model_dump() for t in DEFAULT_THRESHOLDS], cadence=dict(DEFAULT_CADENCE), gate_level="high"
)


async def matrix_for(session: AsyncSession, project_key: str) -> Matrix:
    row = await matrices.load_matrix(session, project_key)
    if row is None:
        return DEFAULT
    return Matrix(
        thresholds=list(row.thresholds), cadence=dict(row.review_cadence_days), gate_level=row.gate_level
    )


def compute(risk: Risk, matrix: Matrix) -> None:
    """Derived fields from P, I, residual P/I and cost."""
    risk.score = risk.probability * risk.impact
    risk.level = matrix.level(risk.score)
    if risk.residual_probability is not None and risk.residual_impact is not None:
        risk.residual_score = risk.residual_probability * risk.residual_impact
        risk.residual_level = matrix.level(risk.residual_score)
    else:
        risk.residual_score = None
        risk.residual_level = None
    if risk.cost_impact is None:
        risk.emv = None
    else:
        share = (
            risk.probability_share
            if risk.probability_share is not None
            else PROBABILITY_SHARE[risk.probability]
        )
        risk.emv = round(share * risk.cost_impact, 2)


def pull_in_review(risk: Risk, matrix: Matrix) -> None:
    """A higher level has a shorter cadence: bring the next review forward, never push it back."""
    base = risk.last_reviewed_at or risk.created_at
    due = matrix.review_due(risk.level, base)
    if risk.next_review_at is None or due < risk.next_review_at:
        risk.next_review_at = due
