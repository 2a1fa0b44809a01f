"""Scheduled reports: per project a daily and/or a weekly schedule in a time zone. The scheduler builds the
Markdown report for the period that became due and, in one transaction, claims the unique (project,
period) delivery row and queues a `report.scheduled` event in the outbox; the dispatcher then posts it to
the project's webhook subscriptions (Slack, DingTalk, Feishu formats carry the Markdown). With several
replicas, the unique row lets exactly one of them send each period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import events, history
from tpmhub_shared.auth import PLANNERS, Principal, ensure_role
from tpmhub_shared.db import Database
from tpmhub_shared.http import SiblingClient
from tpmhub_shared.ids import utcnow
from tpmhub_shared.logging import get_logger
from tpmhub_shared.problems import Conflict, NotFound

from requirements_svc.projects import service as projects
from requirements_svc.reports import render
from requirements_svc.reports import service as reports
from requirements_svc.reports.models import ReportDelivery, ReportSchedule
from requirements_svc.reports.period import resolve
from requirements_svc.reports.schemas import WEEKDAYS, DeliveryPublic, ScheduleCreate, SchedulePublic

log = get_logger(__name__)
RESOURCE = "report_schedule"
SOURCE = "/tpmhub/requirements-svc"
EVENT_TYPE = "report.scheduled"
SCHEDULER = Principal(
    sub="service:requirements-svc",
    name="requirements-svc scheduler",
    roles={"*": "viewer"},
    service="requirements-svc",
)


@dataclass(frozen=True)
class Due:
    schedule: ReportSchedule
    moment: datetime  # the scheduled moment (UTC) that became due
    period_kind: str
    local_date: date


def _clock(row: ReportSchedule) -> time:
    hh, mm = row.time_of_day.split(":")
    return time(int(hh), int(mm))


def last_moment(row: ReportSchedule, now: datetime) -> datetime:
    """The latest scheduled moment at or before `now`, in UTC."""
    zone = ZoneInfo(row.timezone)
    local_now = now.astimezone(zone)
    candidate_day = local_now.date()
    for _ in range(8):
        moment = datetime.combine(candidate_day, _clock(row), tzinfo=zone)
        weekday_ok = row.cadence == "daily" or candidate_day.weekday() == row.weekday
        if weekday_ok and moment <= local_now:
            return moment.astimezone(now.tzinfo)
        candidate_day -= timedelta(days=1)
    raise AssertionError("a schedule is due at least once a week")


def next_moment(row: ReportSchedule, now: datetime) -> datetime:
    zone = ZoneInfo(row.timezone)
    local_now = now.astimezone(zone)
    day = local_now.date()
    for _ in range(9):
        moment = datetime.combine(day, _clock(row), tzinfo=zone)
        if (row.cadence == "daily" or day.weekday() == row.weekday) and moment > local_now:
            return moment.astimezone(now.tzinfo)
        day += timedelta(days=1)
    raise AssertionError("a schedule is due at least once a week")


def public(row: ReportSchedule, now: datetime) -> SchedulePublic:
    return SchedulePublic(
        id=row.id,
        project_key=row.project_key,
        cadence=row.cadence,
        time=row.time_of_day,
        timezone=row.timezone,
        weekday=WEEKDAYS[row.weekday] if row.weekday is not None else None,
        enabled=row.enabled,
        created_by=row.created_by,
        version=row.version,
        created_at=row.created_at,
        next_run_at=next_moment(row, now) if row.enabled else None,
    )


# ---- CRUD ---------------------------------------------------------------------------------------------


async def create_schedule(
    session: AsyncSession, *, principal: Principal, key: str, data: ScheduleCreate
) -> ReportSchedule:
    await projects.get_project(session, principal=principal, key=key)
    ensure_role(principal, key, PLANNERS, action="schedule reports")
    exists = await session.execute(
        select(ReportSchedule.id).where(
            ReportSchedule.project_key == key, ReportSchedule.cadence == data.cadence
        )
    )
    if exists.first() is not None:
        raise Conflict(f"Project {key} already has a {data.cadence} schedule; delete it first.")
    row = ReportSchedule(
        project_key=key,
        cadence=data.cadence,
        time_of_day=data.time,
        timezone=data.timezone,
        weekday=WEEKDAYS.index(data.weekday) if data.weekday else None,
        enabled=data.enabled,
        created_by=principal.sub,
    )
    session.add(row)
    await session.flush()
    await history.record(
        session,
        principal=principal,
        project_key=key,
        resource_type=RESOURCE,
        resource_id=row.id,
        action="create",
        after=history.snapshot(row),
    )
    return row


async def list_schedules(session: AsyncSession, *, principal: Principal, key: str) -> list[ReportSchedule]:
    await projects.get_project(session, principal=principal, key=key)
    return list(
        (
            await session.execute(
                select(ReportSchedule)
                .where(ReportSchedule.project_key == key)
                .order_by(ReportSchedule.cadence)
            )
        ).scalars()
    )


async def delete_schedule(session: AsyncSession, *, principal: Principal, key: str, cadence: str) -> None:
    await projects.get_project(session, principal=principal, key=key)
    ensure_role(principal, key, PLANNERS, action="delete a report schedule")
    row = (
        await session.execute(
            select(ReportSchedule).where(ReportSchedule.project_key == key, ReportSchedule.cadence == cadence)
        )
    ).scalar_one_or_none()
    if row is None:
        raise NotFound(f"Project {key} has no {cadence} schedule.")
    await history.record(
        session,
        principal=principal,
        project_key=key,
        resource_type=RESOURCE,
        resource_id=row.id,
        action="delete",
        before=history.snapshot(row),
    )
    await session.delete(row)
    await session.flush()


async def list_deliveries(
    session: AsyncSession, *, principal: Principal, key: str, limit: int
) -> list[DeliveryPublic]:
    await projects.get_project(session, principal=principal, key=key)
    rows = (
        await session.execute(
            select(ReportDelivery)
            .where(ReportDelivery.project_key == key)
            .order_by(ReportDelivery.created_at.desc(), ReportDelivery.id.desc())
            .limit(limit)
        )
    ).scalars()
    return [DeliveryPublic.model_validate(r, from_attributes=True) for r in rows]


# ---- the scheduler ------------------------------------------------------------------------------------


async def due(db: Database, now: datetime) -> list[Due]:
    """Enabled schedules whose latest moment has passed and whose period has not been delivered."""
    out: list[Due] = []
    async with db.session(write=False) as session:
        rows = (
            (await session.execute(select(ReportSchedule).where(ReportSchedule.enabled.is_(True))))
            .scalars()
            .all()
        )
        for row in rows:
            moment = last_moment(row, now)
            if moment < row.created_at:
                continue  # never post for a moment before the schedule existed
            local_date = moment.astimezone(ZoneInfo(row.timezone)).date()
            kind = "day" if row.cadence == "daily" else "week"
            start = resolve(kind, local_date, local_date).start
            sent = await session.execute(
                select(ReportDelivery.id).where(
                    ReportDelivery.project_key == row.project_key,
                    ReportDelivery.period_kind == kind,
                    ReportDelivery.period_start == start,
                )
            )
            if sent.first() is None:
                out.append(Due(row, moment, kind, local_date))
    return out


async def deliver(db: Database, siblings: dict[str, SiblingClient], item: Due) -> bool:
    """Build the report, then claim the period and queue the event in one transaction. False when another
    replica claimed it first."""
    row = item.schedule
    period = resolve(item.period_kind, item.local_date, item.local_date)
    async with db.session(write=False) as session:
        report = await reports.build_report(
            session, principal=SCHEDULER, siblings=siblings, key=row.project_key, period=period
        )
    markdown = render.markdown(report)
    data: dict[str, Any] = {
        "project_key": row.project_key,
        "title": f"{report.project.name} — {'daily' if period.kind == 'day' else 'weekly'}"
        f" report {period.label}",
        "period": period.kind,
        "period_start": period.start,
        "period_end": period.end,
        "status": report.health.status,
        "markdown": markdown,
        "schedule_id": row.id,
        "risks_available": report.risks.available,
        "releases_available": report.releases.available,
    }
    try:
        async with db.session() as session, session.begin():
            event = events.emit(
                session,
                source=SOURCE,
                type=EVENT_TYPE,
                subject=f"{row.project_key}/{period.kind}/{period.start.isoformat()}",
                project_key=row.project_key,
                data=data,
            )
            session.add(
                ReportDelivery(
                    project_key=row.project_key,
                    schedule_id=row.id,
                    period_kind=period.kind,
                    period_start=period.start,
                    event_id=event.id,
                )
            )
    except IntegrityError:
        return False
    log.info("report_scheduled", project=row.project_key, period=period.kind, start=period.start.isoformat())
    return True


async def run_due(db: Database, siblings: dict[str, SiblingClient], now: datetime | None = None) -> int:
    """One pass of the scheduler; returns how many reports this replica queued."""
    sent = 0
    for item in await due(db, now or utcnow()):
        try:
            sent += await deliver(db, siblings, item)
        except Exception:  # one project's failure must not stop the others; retried next pass
            log.exception("report_schedule_failed", project=item.schedule.project_key)
    return sent
