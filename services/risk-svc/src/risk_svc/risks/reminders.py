"""Review reminders: once a UTC day, each owner of open risks whose review is due that day or overdue gets
one `risk.review_due` event listing them (delivered through the outbound subscriptions).

Safe with several replicas: a reminder is a row keyed (project, owner, day) under a unique constraint,
inserted with ON CONFLICT DO NOTHING in the same transaction as the event. Only the replica whose insert
wins emits; on PostgreSQL a concurrent insert of the same key waits for the first transaction and then
does nothing, on SQLite writers are serialised (BEGIN IMMEDIATE)."""

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, exists, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from tpmhub_shared import events
from tpmhub_shared.db import Database
from tpmhub_shared.ids import new_id
from tpmhub_shared.logging import get_logger

from risk_svc.risks.models import Risk, RiskReviewReminder
from risk_svc.risks.scoring import OPEN_STATUSES

SOURCE = "/tpmhub/risk-svc"
EVENT_TYPE = "risk.review_due"
PAIR_BATCH = 500

log = get_logger(__name__)


def _day_bounds(now: datetime) -> tuple[date, datetime]:
    """The UTC day of `now` and the first instant of the next one (a review due before it is due)."""
    day = now.astimezone(UTC).date()
    return day, datetime.combine(day + timedelta(days=1), time.min, tzinfo=UTC)


def _due(end_of_day: datetime):  # noqa: ANN202
    return and_(Risk.status.in_(OPEN_STATUSES), Risk.owner.is_not(None), Risk.next_review_at < end_of_day)


async def _pending_owners(db: Database, *, day: date, end_of_day: datetime) -> list[tuple[str, str]]:
    """(project, owner) pairs with something due and no reminder yet today."""
    reminded = exists().where(
        RiskReviewReminder.project_key == Risk.project_key,
        RiskReviewReminder.owner == Risk.owner,
        RiskReviewReminder.day == day,
    )
    async with db.session(write=False) as session:
        rows = await session.execute(
            select(Risk.project_key, Risk.owner)
            .where(_due(end_of_day), ~reminded)
            .group_by(Risk.project_key, Risk.owner)
            .order_by(Risk.project_key, Risk.owner)
            .limit(PAIR_BATCH)
        )
        return [(p, o) for p, o in rows.all()]


def _risk_entry(risk: Risk, day: date) -> dict[str, Any]:
    assert risk.next_review_at is not None
    due = risk.next_review_at.date()
    return {
        "key": risk.key,
        "title": risk.title,
        "level": risk.level,
        "status": risk.status,
        "next_review_at": risk.next_review_at,
        "due_date": due,
        "days_overdue": max((day - due).days, 0),
    }


async def _remind(
    db: Database, project_key: str, owner: str, *, day: date, end_of_day: datetime, now: datetime
) -> bool:
    async with db.session(write=True) as session, session.begin():
        risks = list(
            (
                await session.execute(
                    select(Risk)
                    .where(_due(end_of_day), Risk.project_key == project_key, Risk.owner == owner)
                    .order_by(Risk.next_review_at, Risk.seq)
                )
            ).scalars()
        )
        if not risks:
            return False
        insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
        won = await session.execute(
            insert(RiskReviewReminder)
            .values(
                id=new_id(),
                project_key=project_key,
                owner=owner,
                day=day,
                risk_keys=[r.key for r in risks],
                sent_at=now,
            )
            .on_conflict_do_nothing(index_elements=["project_key", "owner", "day"])
            .returning(RiskReviewReminder.id)
        )
        if won.scalar_one_or_none() is None:
            return False  # another replica (or an earlier pass) reminded this owner today
        entries = [_risk_entry(r, day) for r in risks]
        events.emit(
            session,
            source=SOURCE,
            type=EVENT_TYPE,
            subject=f"{project_key}/{owner}",
            project_key=project_key,
            data={
                "project_key": project_key,
                "owner": owner,
                "day": day,
                "count": len(entries),
                "overdue": sum(1 for e in entries if e["days_overdue"] > 0),
                "risks": entries,
            },
        )
        return True


async def check_review_reminders(db: Database, *, now: datetime) -> list[tuple[str, str]]:
    """One pass: remind every owner not yet reminded today; returns the (project, owner) pairs this pass
    reminded (another replica's pairs are not in it)."""
    day, end_of_day = _day_bounds(now)
    sent: list[tuple[str, str]] = []
    while True:
        pairs = await _pending_owners(db, day=day, end_of_day=end_of_day)
        progressed = False
        for project_key, owner in pairs:
            if await _remind(db, project_key, owner, day=day, end_of_day=end_of_day, now=now):
                sent.append((project_key, owner))
                progressed = True
        if len(pairs) < PAIR_BATCH or not progressed:
            break
    if sent:
        log.info("review_reminders_sent", count=len(sent))
    return sent
