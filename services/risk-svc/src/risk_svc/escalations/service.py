"""Escalation (上升): records, the `risk.escalated` event, manual escalate/de-escalate, and the automatic
check run by the background worker (safe with several replicas)."""

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import events, history
from tpmhub_shared.auth import PLANNERS, Principal, ensure_role
from tpmhub_shared.db import Database
from tpmhub_shared.logging import get_logger
from tpmhub_shared.problems import InvalidTransition

from risk_svc.actions import repository as actions
from risk_svc.escalations import repository
from risk_svc.escalations.models import RiskEscalation
from risk_svc.risks import repository as risks_repository
from risk_svc.risks import service as risks
from risk_svc.risks.models import Risk

SOURCE = risks.SOURCE
RESOURCE = risks.RESOURCE
SYSTEM = Principal(sub="risk-svc", name="automatic escalation", service="risk-svc")
BATCH = 200

log = get_logger(__name__)


async def escalate(
    session: AsyncSession, risk: Risk, *, trigger: str, actor: Principal, reason: str, now: datetime
) -> RiskEscalation | None:
    """Escalate in the caller's transaction; an automatic trigger on an escalated risk does nothing."""
    if risk.escalated:
        if trigger != "manual":
            return None
        raise InvalidTransition(
            "escalate", "escalated", ["deescalate"], detail=f"{risk.key} is already escalated."
        )
    record = RiskEscalation(
        risk_id=risk.id,
        project_key=risk.project_key,
        trigger=trigger,
        reason=reason,
        level=risk.level,
        escalated_by=actor.sub,
        escalated_at=now,
    )
    repository.add(session, record)
    before = history.snapshot(risk, ["escalated", "escalated_at"])
    risk.escalated = True
    risk.escalated_at = now
    risk.escalation_suppressed_level = None
    await history.record(
        session,
        principal=actor,
        project_key=risk.project_key,
        resource_type=RESOURCE,
        resource_id=risk.key,
        action="escalate",
        before=before,
        after=history.snapshot(risk, ["escalated", "escalated_at"]),
        note=reason,
    )
    events.emit(
        session,
        source=SOURCE,
        type="risk.escalated",
        subject=risk.key,
        project_key=risk.project_key,
        data={
            "key": risk.key,
            "project_key": risk.project_key,
            "title": risk.title,
            "level": risk.level,
            "score": risk.score,
            "status": risk.status,
            "owner": risk.owner,
            "trigger": trigger,
            "reason": reason,
            "escalated_by": actor.sub,
            "escalated_at": now,
            "escalation_id": record.id,
        },
    )
    return record


async def deescalate(
    session: AsyncSession, risk: Risk, *, actor: Principal, reason: str, now: datetime
) -> None:
    if not risk.escalated:
        raise InvalidTransition(
            "deescalate", "not escalated", ["escalate"], detail=f"{risk.key} is not escalated."
        )
    for record in await repository.unresolved_of_risk(session, risk.id):
        record.resolved_at, record.resolved_by, record.resolve_reason = now, actor.sub, reason
    before = history.snapshot(risk, ["escalated", "escalated_at"])
    risk.escalated = False
    risk.escalated_at = None
    # Automatic escalation stays quiet for this risk until its level changes.
    risk.escalation_suppressed_level = risk.level
    await history.record(
        session,
        principal=actor,
        project_key=risk.project_key,
        resource_type=RESOURCE,
        resource_id=risk.key,
        action="deescalate",
        before=before,
        after=history.snapshot(risk, ["escalated", "escalated_at"]),
        note=reason,
    )
    events.emit(
        session,
        source=SOURCE,
        type="risk.deescalated",
        subject=risk.key,
        project_key=risk.project_key,
        data={
            "key": risk.key,
            "project_key": risk.project_key,
            "level": risk.level,
            "reason": reason,
            "deescalated_by": actor.sub,
            "deescalated_at": now,
        },
    )


async def _lock_candidates(
    session: AsyncSession, *, now: datetime, high_overdue_days: int, skip_locked: bool
) -> list[Risk]:
    """Open, not escalated risks that must be: critical, or high with a review or action overdue for
    longer than `high_overdue_days`; minus those a person de-escalated at their current level."""
    cutoff = now - timedelta(days=high_overdue_days)
    overdue_action = actions.has_open(risks_repository.RISK_ID, due_before=cutoff.date())
    return await risks_repository.escalation_candidates(
        session, cutoff=cutoff, overdue_action=overdue_action, limit=BATCH, skip_locked=skip_locked
    )


async def check_escalations(db: Database, *, now: datetime, high_overdue_days: int) -> list[str]:
    """One pass of the automatic check; returns the keys escalated. Each batch is one transaction; on
    PostgreSQL candidates are locked `FOR UPDATE SKIP LOCKED`, so replicas split the work and never
    escalate a risk twice (SQLite serialises writers with BEGIN IMMEDIATE)."""
    escalated: list[str] = []
    while True:
        async with db.session(write=True) as session, session.begin():
            candidates = await _lock_candidates(
                session, now=now, high_overdue_days=high_overdue_days, skip_locked=not db.is_sqlite
            )
            for risk in candidates:
                if risk.level == "critical":
                    reason = "The risk is critical."
                    trigger = "critical"
                else:
                    reason = (
                        "High with a review or mitigation action overdue for more than "
                        f"{high_overdue_days} days."
                    )
                    trigger = "high_overdue"
                await escalate(session, risk, trigger=trigger, actor=SYSTEM, reason=reason, now=now)
                escalated.append(risk.key)
        if len(candidates) < BATCH:
            break
    if escalated:
        log.info("risks_escalated", count=len(escalated))
    return escalated


# ---- over HTTP ----------------------------------------------------------------------------------------


async def escalate_risk(
    session: AsyncSession, *, principal: Principal, key: str, reason: str, now: datetime
) -> Risk:
    risk = await risks.get_risk(session, principal=principal, key=key)
    risks.ensure_editor(principal, risk, action="escalate the risk")
    risks.ensure_open(risk, "escalate")
    await escalate(session, risk, trigger="manual", actor=principal, reason=reason, now=now)
    await session.flush()
    return risk


async def deescalate_risk(
    session: AsyncSession, *, principal: Principal, key: str, reason: str, now: datetime
) -> Risk:
    risk = await risks.get_risk(session, principal=principal, key=key)
    ensure_role(principal, risk.project_key, PLANNERS, action="de-escalate a risk")
    await deescalate(session, risk, actor=principal, reason=reason, now=now)
    await session.flush()
    return risk


async def list_escalations(
    session: AsyncSession, *, principal: Principal, key: str, limit: int, cursor: str | None
) -> tuple[list[RiskEscalation], str | None]:
    risk = await risks.get_risk(session, principal=principal, key=key)
    return await repository.page_of_risk(session, risk.id, limit=limit, cursor=cursor)
