"""The risk register of one project over a period, in one answer (for requirements-svc's health and
reports)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

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

from risk_svc.actions import repository as actions
from risk_svc.escalations import repository as escalations
from risk_svc.risks import repository as risks
from risk_svc.risks.models import Risk
from risk_svc.views import service as views

MAX_DAYS = 92
LIST_LIMIT = 50


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
    new = await risks.created_between(session, project_key=project_key, lo=lo, hi=hi, limit=LIST_LIMIT)
    closed = await risks.closed_between(session, project_key=project_key, lo=lo, hi=hi, limit=LIST_LIMIT)
    raised = await escalations.of_project(
        session, project_key=project_key, between=(lo, hi), limit=LIST_LIMIT
    )
    unresolved = await escalations.of_project(
        session, project_key=project_key, unresolved=True, limit=LIST_LIMIT
    )
    critical = await risks.open_by_score(session, project_key=project_key, level="critical", limit=LIST_LIMIT)
    top = await risks.open_by_score(session, project_key=project_key, limit=5)
    overdue_reviews = await risks.review_overdue(session, project_key=project_key, now=now, limit=LIST_LIMIT)
    overdue_actions = await actions.overdue(
        session, project_key=project_key, today=now.date(), limit=LIST_LIMIT
    )
    escalated_risks = await risks.by_ids(session, {e.risk_id for e in [*raised, *unresolved]})
    action_keys = await risks.keys_by_id(session, {a.risk_id for a in overdue_actions})

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
        escalated=[_brief(escalated_risks[e.risk_id], now, e.escalated_at) for e in raised],
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
                risk_key=action_keys[a.risk_id],
                title=a.title,
                owner=a.owner,
                due_date=a.due_date.isoformat(),
                days_overdue=(now.date() - a.due_date).days,
            )
            for a in overdue_actions
        ],
        heatmap=[
            SummaryHeatmapCell(probability=c.probability, impact=c.impact, count=c.count)
            for c in heat.cells
            if c.count
        ],
        critical=[_brief(r, now) for r in critical],
        unresolved_escalations=[
            UnresolvedEscalation(
                risk_key=escalated_risks[e.risk_id].key,
                title=escalated_risks[e.risk_id].title,
                level=e.level,
                trigger=e.trigger,
                reason=e.reason,
                escalated_at=e.escalated_at,
                age_days=max((now - e.escalated_at).days, 0),
            )
            for e in unresolved
        ],
    )
