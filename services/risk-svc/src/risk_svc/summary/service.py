"""The risk register of one project over a period, in one answer (for requirements-svc's health and
reports)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.auth import Principal, ensure_read
from tpmhub_shared.contracts import (
    ExposurePointDay,
    RiskBrief,
    RiskSummary,
    SummaryHeatmapCell,
    SummaryOverdueAction,
    SummaryOverdueReview,
    UnresolvedEscalation,
)
from tpmhub_shared.problems import UnprocessableEntity, field_error

from risk_svc.actions.models import MitigationAction
from risk_svc.escalations.models import RiskEscalation
from risk_svc.risks.models import Risk
from risk_svc.risks.scoring import OPEN_STATUSES
from risk_svc.views import service as views

MAX_DAYS = 92
LIST_LIMIT = 50
OPEN_ACTION_STATUSES = ("open", "in_progress")


def _start(d: date) -> datetime:
    return datetime.combine(d, time.min, tzinfo=UTC)


def check_range(start: date, end: date, trend_from: date | None, today: date) -> date:
    if start > end:
        raise UnprocessableEntity(
            "`from` is after `to`.",
            errors=[field_error("query.from", "must be on or before `to`", "date_order")],
        )
    if start > today:
        raise UnprocessableEntity(
            "The period has not started yet.",
            errors=[field_error("query.from", "must not be in the future", "future_period")],
        )
    trend_from = trend_from or start
    if trend_from > start:
        raise UnprocessableEntity(
            "`trend_from` is after `from`.",
            errors=[field_error("query.trend_from", "must be on or before `from`", "date_order")],
        )
    if (end - trend_from).days + 1 > MAX_DAYS:
        raise UnprocessableEntity(
            f"At most {MAX_DAYS} days per summary.",
            errors=[field_error("query.from", f"range spans more than {MAX_DAYS} days", "range")],
        )
    return trend_from


def _brief(r: Risk, now: datetime, at: datetime | None = None) -> RiskBrief:
    return RiskBrief(
        key=r.key,
        title=r.title,
        level=r.level,
        score=r.score,
        status=r.status,
        owner=r.owner,
        escalated=r.escalated,
        at=at,
        age_days=max((now - r.created_at).days, 0),
    )


async def risk_summary(
    session: AsyncSession,
    *,
    principal: Principal,
    project_key: str,
    start: date,
    end: date,
    trend_from: date | None,
    now: datetime,
) -> RiskSummary:
    ensure_read(principal, project_key)
    trend_from = check_range(start, end, trend_from, now.date())
    lo, hi = _start(start), _start(end + timedelta(days=1))
    mine = Risk.project_key == project_key
    is_open = Risk.status.in_(OPEN_STATUSES)

    new = (
        (
            await session.execute(
                select(Risk)
                .where(mine, Risk.created_at >= lo, Risk.created_at < hi)
                .order_by(Risk.seq)
                .limit(LIST_LIMIT)
            )
        )
        .scalars()
        .all()
    )
    closed = (
        (
            await session.execute(
                select(Risk)
                .where(mine, Risk.closed_at >= lo, Risk.closed_at < hi)
                .order_by(Risk.closed_at, Risk.seq)
                .limit(LIST_LIMIT)
            )
        )
        .scalars()
        .all()
    )
    escalations = (
        await session.execute(
            select(RiskEscalation, Risk)
            .join(Risk, Risk.id == RiskEscalation.risk_id)
            .where(
                RiskEscalation.project_key == project_key,
                RiskEscalation.escalated_at >= lo,
                RiskEscalation.escalated_at < hi,
            )
            .order_by(RiskEscalation.escalated_at)
            .limit(LIST_LIMIT)
        )
    ).all()
    unresolved = (
        await session.execute(
            select(RiskEscalation, Risk)
            .join(Risk, Risk.id == RiskEscalation.risk_id)
            .where(RiskEscalation.project_key == project_key, RiskEscalation.resolved_at.is_(None))
            .order_by(RiskEscalation.escalated_at)
            .limit(LIST_LIMIT)
        )
    ).all()
    critical = (
        (
            await session.execute(
                select(Risk)
                .where(mine, is_open, Risk.level == "critical")
                .order_by(Risk.score.desc(), Risk.seq)
                .limit(LIST_LIMIT)
            )
        )
        .scalars()
        .all()
    )
    top = (
        (
            await session.execute(
                select(Risk).where(mine, is_open).order_by(Risk.score.desc(), Risk.seq).limit(5)
            )
        )
        .scalars()
        .all()
    )
    overdue_reviews = (
        (
            await session.execute(
                select(Risk)
                .where(mine, is_open, Risk.next_review_at < now)
                .order_by(Risk.next_review_at, Risk.seq)
                .limit(LIST_LIMIT)
            )
        )
        .scalars()
        .all()
    )
    overdue_actions = (
        await session.execute(
            select(MitigationAction, Risk.key)
            .join(Risk, Risk.id == MitigationAction.risk_id)
            .where(
                MitigationAction.project_key == project_key,
                MitigationAction.status.in_(OPEN_ACTION_STATUSES),
                MitigationAction.due_date < now.date(),
                is_open,
            )
            .order_by(MitigationAction.due_date, MitigationAction.id)
            .limit(LIST_LIMIT)
        )
    ).all()

    heat = await views.heatmap(
        session, principal=principal, project_key=project_key, basis="inherent", kind=None
    )
    trend = await views.exposure_trend(
        session,
        principal=principal,
        project_key=project_key,
        start=trend_from,
        end=end,
        interval="day",
        now=now,
    )
    current = await views.exposure_trend(
        session,
        principal=principal,
        project_key=project_key,
        start=now.date(),
        end=now.date(),
        interval="day",
        now=now,
    )
    now_point = current.periods[-1] if current.periods else None

    return RiskSummary(
        project_key=project_key,
        from_date=start.isoformat(),
        to_date=end.isoformat(),
        generated_at=now,
        open_count=now_point.open_risks if now_point else 0,
        exposure=now_point.score if now_point else 0,
        new=[_brief(r, now, r.created_at) for r in new],
        escalated=[_brief(r, now, e.escalated_at) for e, r in escalations],
        closed=[_brief(r, now, r.closed_at) for r in closed],
        exposure_series=[
            ExposurePointDay(date=p.period_start.isoformat(), exposure=p.score, open=p.open_risks)
            for p in trend.periods
        ],
        top=[_brief(r, now) for r in top],
        overdue_reviews=[
            SummaryOverdueReview(
                key=r.key,
                title=r.title,
                level=r.level,
                next_review_at=r.next_review_at,
                days_overdue=max((now - r.next_review_at).days, 0),
            )
            for r in overdue_reviews
            if r.next_review_at is not None
        ],
        overdue_actions=[
            SummaryOverdueAction(
                risk_key=k,
                title=a.title,
                owner=a.owner,
                due_date=a.due_date.isoformat(),
                days_overdue=(now.date() - a.due_date).days,
            )
            for a, k in overdue_actions
        ],
        heatmap=[
            SummaryHeatmapCell(probability=c.probability, impact=c.impact, count=c.count)
            for c in heat.cells
            if c.count
        ],
        critical=[_brief(r, now) for r in critical],
        unresolved_escalations=[
            UnresolvedEscalation(
                risk_key=r.key,
                title=r.title,
                level=e.level,
                trigger=e.trigger,
                reason=e.reason,
                escalated_at=e.escalated_at,
                age_days=max((now - e.escalated_at).days, 0),
            )
            for e, r in unresolved
        ],
    )
