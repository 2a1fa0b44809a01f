"""Review reminders: once a UTC day, each owner of open risks whose review is due that day or overdue gets
one `risk.review_due` event listing them (delivered through the outbound subscriptions).

Safe with several replicas: a reminder is a row keyed (project, owner, day) under a unique constraint,
inserted with ON CONFLICT DO NOTHING in the same transaction as the event. Only the replica whose insert
wins emits; on PostgreSQL a concurrent insert of the same key waits for the first transaction and then
does nothing, on SQLite writers are serialised (BEGIN IMMEDIATE)."""

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from tpmhub_shared import events
from tpmhub_shared.db import Database
from tpmhub_shared.logging import get_logger

from risk_svc.reviews import repository
from risk_svc.risks import repository as risks
from risk_svc.risks.models import Risk
from risk_svc.risks.service import SOURCE

EVENT_TYPE = "risk.review_due"
PAIR_BATCH = 500

log = get_logger(__name__)


def _day_bounds(now: datetime) -> tuple[date, datetime]:
    """The UTC day of `now` and the first instant of the next one (a review due before it is due)."""
    day = now.astimezone(UTC).date()
    return day, datetime.combine(day + timedelta(days=1), time.min, tzinfo=UTC)


async def _pending_owners(db: Database, *, day: date, end_of_day: datetime) -> list[tuple[str, str]]:
    """(project, owner) pairs with something due and no reminder yet today."""
    async with db.session(write=False) as session:
        return await risks.owners_with_review_due(
            session, end_of_day=end_of_day, reminded=repository.reminded_on(day), limit=PAIR_BATCH
        )


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
        due = await risks.review_due_of_owner(
            session, project_key=project_key, owner=owner, end_of_day=end_of_day
        )
        if not due:
            return False
        won = await repository.claim_reminder(
            session, project_key=project_key, owner=owner, day=day, risk_keys=[r.key for r in due], now=now
        )
        if not won:
            return False  # another replica (or an earlier pass) reminded this owner today
        entries = [_risk_entry(r, day) for r in due]
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
