"""Scoring: the project's matrix applied to a risk (score, level, EMV, next review), exposure points, and
re-levelling every open risk when the matrix changes."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import case, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import history
from tpmhub_shared.auth import Principal

from risk_svc.matrix.models import RiskMatrix
from risk_svc.matrix.schemas import DEFAULT_CADENCE, DEFAULT_THRESHOLDS, LEVELS, level_for
from risk_svc.risks import escalation
from risk_svc.risks.models import ExposurePoint, Risk

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
    row = (
        await session.execute(select(RiskMatrix).where(RiskMatrix.project_key == project_key))
    ).scalar_one_or_none()
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


def add_exposure_point(session: AsyncSession, risk: Risk, at: datetime) -> None:
    """What this risk adds to the project's open exposure from `at` on (opportunities add nothing)."""
    counts = risk.status != "closed" and risk.kind == "threat"
    session.add(
        ExposurePoint(
            risk_id=risk.id,
            project_key=risk.project_key,
            at=at,
            is_open=counts,
            score=risk.score if counts else 0,
            residual_score=(risk.residual_score if risk.residual_score is not None else risk.score)
            if counts
            else 0,
            emv=(risk.emv or 0.0) if counts else 0.0,
        )
    )


def pull_in_review(risk: Risk, matrix: Matrix) -> None:
    """A higher level has a shorter cadence: bring the next review forward, never push it back."""
    base = risk.last_reviewed_at or risk.created_at
    due = matrix.review_due(risk.level, base)
    if risk.next_review_at is None or due < risk.next_review_at:
        risk.next_review_at = due


def _level_case(column: Any, thresholds: list[dict[str, Any]]) -> Any:
    return case(*[(column.between(t["min_score"], t["max_score"]), t["level"]) for t in thresholds])


async def relevel_open_risks(
    session: AsyncSession, *, principal: Principal, project_key: str, matrix: Matrix, now: datetime
) -> int:
    """Apply a new matrix to every open risk of the project in the caller's transaction; each risk whose
    level changes gets a history entry (and, newly critical, an escalation). Returns how many changed."""
    inherent = _level_case(Risk.score, matrix.thresholds)
    residual = _level_case(Risk.residual_score, matrix.thresholds)
    stmt = (
        select(Risk)
        .where(
            Risk.project_key == project_key,
            Risk.status.in_(OPEN_STATUSES),
            or_(
                Risk.level != inherent, (Risk.residual_score.is_not(None) & (Risk.residual_level != residual))
            ),
        )
        .order_by(Risk.seq)
    )
    changed = list((await session.execute(stmt)).scalars().all())
    for risk in changed:
        before = history.snapshot(risk, ["level", "residual_level", "next_review_at"])
        risk.level = matrix.level(risk.score)
        risk.residual_level = matrix.level(risk.residual_score)
        pull_in_review(risk, matrix)
        if risk.level != before["level"]:
            risk.escalation_suppressed_level = None
        await history.record(
            session,
            principal=principal,
            project_key=project_key,
            resource_type=RESOURCE,
            resource_id=risk.key,
            action="relevel",
            before=before,
            after=history.snapshot(risk, ["level", "residual_level", "next_review_at"]),
            note="risk matrix changed",
        )
        if risk.level == "critical" and before["level"] != "critical":
            await escalation.escalate(
                session,
                risk,
                trigger="critical",
                actor=principal,
                reason="Became critical under the new risk matrix.",
                now=now,
            )
    await session.flush()
    return len(changed)
