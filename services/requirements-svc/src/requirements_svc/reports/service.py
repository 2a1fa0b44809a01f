"""Daily and weekly reports: this service's progress and requirements facts plus the risk and release
summaries, which are asked concurrently and degrade to `available: false` on their own.
A read model over this service's tables (items, iterations, change requests): it writes nothing."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.auth import Principal
from tpmhub_shared.http import SiblingClient
from tpmhub_shared.ids import utcnow

from requirements_svc.change_requests.models import ChangeRequest
from requirements_svc.document_versions import repository as versions_repository
from requirements_svc.documents import repository as documents_repository
from requirements_svc.health import service as health
from requirements_svc.health.facts import CONTAINER_TYPES, day_start
from requirements_svc.health.rules import Facts
from requirements_svc.health.sources import fetch_summaries
from requirements_svc.items.models import LIVE, OPEN_STATUSES, Item
from requirements_svc.iterations import service as iterations
from requirements_svc.iterations.models import Iteration
from requirements_svc.projects import service as projects
from requirements_svc.reports.period import Period
from requirements_svc.reports.schemas import (
    ChangeRequestRef,
    DocumentRef,
    ItemCount,
    ItemRef,
    IterationBrief,
    MilestoneProjection,
    PeriodPublic,
    ProgressSection,
    ProjectRef,
    ReleasesSection,
    Report,
    ReportBurndownPoint,
    RequirementsSection,
    RisksSection,
)

LIST_LIMIT = 20
TREND_DAYS = 14


def _ref(item: Item) -> ItemRef:
    return ItemRef(key=item.key, title=item.title, type=item.type, status=item.status, points=item.points)


async def _count(session: AsyncSession, *conditions) -> ItemCount:  # noqa: ANN002
    n, points = (
        await session.execute(
            select(func.count(), func.coalesce(func.sum(Item.points), 0.0)).where(LIVE, *conditions)
        )
    ).one()
    rows = (
        (await session.execute(select(Item).where(LIVE, *conditions).order_by(Item.number).limit(LIST_LIMIT)))
        .scalars()
        .all()
    )
    return ItemCount(count=int(n), points=float(points), items=[_ref(r) for r in rows])


async def _iteration(session: AsyncSession, key: str, on: date) -> Iteration | None:
    current = (
        await session.execute(
            select(Iteration)
            .where(Iteration.project_key == key, Iteration.start_date <= on, Iteration.end_date >= on)
            .order_by(Iteration.start_date.desc(), Iteration.id)
            .limit(1)
        )
    ).scalar_one_or_none()
    if current is not None:
        return current
    return (
        await session.execute(
            select(Iteration)
            .where(Iteration.project_key == key, Iteration.start_date <= on)
            .order_by(Iteration.end_date.desc(), Iteration.id)
            .limit(1)
        )
    ).scalar_one_or_none()


async def _burndown(
    session: AsyncSession, it: Iteration, today: date
) -> tuple[float, float, list[ReportBurndownPoint]]:
    """Committed points of the iteration, remaining now, and remaining vs the ideal line per day: the
    iteration's own burndown (`iterations.service.burndown`, the figures of its endpoint), continued to the
    last day with the ideal line of the latest scope and no remaining for days ahead."""
    days = await iterations.burndown(session, it)
    committed = days[-1].scope_points if days else 0.0
    remaining_now = days[-1].remaining_points if days else 0.0
    series = [
        ReportBurndownPoint(date=p.date, remaining=p.remaining_points, ideal=p.ideal_points) for p in days
    ]
    d = days[-1].date + timedelta(days=1) if days else it.start_date
    while d <= it.end_date:
        ideal = iterations.ideal_points(it, committed, d)
        series.append(ReportBurndownPoint(date=d, remaining=None, ideal=ideal))
        d += timedelta(days=1)
    return committed, remaining_now, series


async def _progress(
    session: AsyncSession, key: str, period: Period, facts: Facts, today: date
) -> ProgressSection:
    start, end = day_start(period.start), day_start(period.end + timedelta(days=1))
    own = (Item.project_key == key, Item.type.not_in(CONTAINER_TYPES))
    done = await _count(session, *own, Item.status == "done", Item.done_at >= start, Item.done_at < end)
    added = await _count(session, Item.project_key == key, Item.created_at >= start, Item.created_at < end)
    ended = select(Iteration.id).where(
        Iteration.project_key == key,
        Iteration.end_date >= period.start,
        Iteration.end_date <= period.end,
        Iteration.end_date < today,
    )
    carried = await _count(session, *own, Item.status.in_(OPEN_STATUSES), Item.iteration_id.in_(ended))
    it = await _iteration(session, key, min(period.end, today))
    iteration, burndown, planned = None, [], 0.0
    if it is not None:
        committed, remaining, burndown = await _burndown(session, it, today)
        span = max((it.end_date - it.start_date).days, 1)
        overlap = sum(1 for d in period.dates() if it.start_date < d <= it.end_date)
        planned = round(committed * overlap / span, 2)
        iteration = IterationBrief(
            id=str(it.id),
            name=it.name,
            start_date=it.start_date,
            end_date=it.end_date,
            status=it.status,
            capacity_points=it.capacity_points,
            committed_points=committed,
            remaining_points=remaining,
        )
    milestones = [
        MilestoneProjection(
            id=m.id,
            name=m.name,
            status=m.status,
            target_date=m.target_date,
            projected_finish=m.projected_finish,
            points_total=m.points_total,
            points_done=m.points_done,
            remaining_points=m.remaining_points,
            items_total=m.items_total,
            open_items=m.open_items,
            slip_days=m.slip_days,
        )
        for m in facts.milestones
    ]
    return ProgressSection(
        done=done,
        added=added,
        carried_over=carried,
        points_burned=done.points,
        points_planned=planned,
        velocity_points_per_day=round(facts.velocity_points_per_day, 3),
        iteration=iteration,
        burndown=burndown,
        milestones=milestones,
    )


async def _requirements(
    session: AsyncSession, key: str, period: Period, now: datetime
) -> RequirementsSection:
    start, end = day_start(period.start), day_start(period.end + timedelta(days=1))
    versions = await versions_repository.approved_between(session, key, start, end, limit=50)
    approved = [
        DocumentRef(
            id=str(v.document_id),
            kind=v.kind,
            title=v.title,
            status="approved",
            version=v.number,
            at=v.approved_at,
        )
        for v in versions
    ]
    waiting = await documents_repository.in_review_by_submission(session, key, limit=50)
    in_review = [
        DocumentRef(
            id=str(d.id),
            kind=d.kind,
            title=d.title,
            status=d.status,
            version=d.revision,
            at=d.submitted_at,
            days_waiting=(now - (d.submitted_at or d.updated_at)).days,
        )
        for d in waiting
    ]

    def cr(c: ChangeRequest) -> ChangeRequestRef:
        return ChangeRequestRef(
            key=c.key,
            title=c.title,
            status=c.status,
            effort_delta_points=c.effort_delta_points,
            date_delta_days=c.date_delta_days,
            affected_items=len(c.affected_items),
            decided_at=c.decided_at,
        )

    open_crs = (
        (
            await session.execute(
                select(ChangeRequest)
                .where(ChangeRequest.project_key == key, ChangeRequest.status == "proposed")
                .order_by(ChangeRequest.number)
                .limit(50)
            )
        )
        .scalars()
        .all()
    )
    decided = (
        (
            await session.execute(
                select(ChangeRequest)
                .where(
                    ChangeRequest.project_key == key,
                    ChangeRequest.decided_at >= start,
                    ChangeRequest.decided_at < end,
                )
                .order_by(ChangeRequest.decided_at)
                .limit(50)
            )
        )
        .scalars()
        .all()
    )
    return RequirementsSection(
        approved=approved,
        in_review=in_review,
        open_change_requests=[cr(c) for c in open_crs],
        decided_change_requests=[cr(c) for c in decided],
    )


async def build_report(
    session: AsyncSession,
    *,
    principal: Principal,
    siblings: dict[str, SiblingClient],
    key: str,
    period: Period,
) -> Report:
    project = await projects.get_project(session, principal=principal, key=key)
    now = utcnow()
    trend_from = min(period.start, period.end - timedelta(days=TREND_DAYS - 1))
    risk, release = await fetch_summaries(
        siblings, project_key=key, start=period.start, end=period.end, trend_from=trend_from
    )
    fired, facts, sources = await health.evaluate_health(
        session, project_key=key, now=now, risk=risk, release=release
    )
    row = await health.stored(session, project_key=key)
    return Report(
        project=ProjectRef(key=project.key, name=project.name),
        period=PeriodPublic(kind=period.kind, start=period.start, end=period.end, label=period.label),
        generated_at=now,
        health=health.public(key, row, fired, facts, sources, now),
        progress=await _progress(session, key, period, facts, now.date()),
        requirements=await _requirements(session, key, period, now),
        risks=RisksSection(available=risk.available, reason=risk.reason, summary=risk.value),
        releases=ReleasesSection(available=release.available, reason=release.reason, summary=release.value),
    )
