"""Review rules: recording a review (the next date follows the level's cadence; the outcome `escalate`
escalates), listing a risk's reviews and the project's overdue ones. Every function works in the
caller's session (one request, one transaction)."""

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import history
from tpmhub_shared.auth import Principal, ensure_read

from risk_svc.escalations import service as escalations
from risk_svc.reviews import repository
from risk_svc.reviews.models import RiskReview
from risk_svc.risks import repository as risks_repository
from risk_svc.risks import scoring
from risk_svc.risks import service as risks
from risk_svc.risks.models import Risk


async def create_review(
    session: AsyncSession, *, principal: Principal, key: str, outcome: str, notes: str, now: datetime
) -> RiskReview:
    risk = await risks.get_risk(session, principal=principal, key=key)
    risks.ensure_editor(principal, risk, action="review the risk")
    risks.ensure_open(risk, "review")
    matrix = await scoring.matrix_for(session, risk.project_key)
    before = history.snapshot(risk, ["last_reviewed_at", "next_review_at"])
    risk.last_reviewed_at = now
    risk.next_review_at = matrix.review_due(risk.level, now)
    review = RiskReview(
        risk_id=risk.id,
        project_key=risk.project_key,
        reviewed_at=now,
        reviewer=principal.sub,
        outcome=outcome,
        notes=notes,
        level=risk.level,
        next_review_at=risk.next_review_at,
    )
    repository.add(session, review)
    await history.record(
        session,
        principal=principal,
        project_key=risk.project_key,
        resource_type=risks.RESOURCE,
        resource_id=risk.key,
        action="review",
        before=before,
        after=history.snapshot(risk, ["last_reviewed_at", "next_review_at"]),
        note=outcome,
    )
    if outcome == "escalate" and not risk.escalated:
        await escalations.escalate(
            session, risk, trigger="manual", actor=principal, reason=notes or "Escalated at review.", now=now
        )
    await session.flush()
    return review


async def list_reviews(
    session: AsyncSession, *, principal: Principal, key: str, limit: int, cursor: str | None
) -> tuple[list[RiskReview], str | None]:
    risk = await risks.get_risk(session, principal=principal, key=key)
    return await repository.page_of_risk(session, risk.id, limit=limit, cursor=cursor)


async def list_overdue_reviews(
    session: AsyncSession,
    *,
    principal: Principal,
    project_key: str,
    as_of: datetime,
    limit: int,
    cursor: str | None,
) -> tuple[list[Risk], str | None]:
    ensure_read(principal, project_key)
    return await risks_repository.page_review_overdue(
        session, project_key=project_key, as_of=as_of, limit=limit, cursor=cursor
    )
