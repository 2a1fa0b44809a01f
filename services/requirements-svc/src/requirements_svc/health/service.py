"""Project health: facts from this service and both siblings, the rules, the stored computation and the
manual override. Changes of the computed status and every override are kept as history."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import history
from tpmhub_shared.auth import PLANNERS, Principal, ensure_role
from tpmhub_shared.concurrency import check_if_match
from tpmhub_shared.contracts import ReleaseSummary, RiskSummary
from tpmhub_shared.http import SiblingClient
from tpmhub_shared.ids import as_utc, new_id, utcnow
from tpmhub_shared.problems import NotFound, UnprocessableEntity, field_error

from requirements_svc.health import facts as req_facts
from requirements_svc.health.models import ProjectHealth
from requirements_svc.health.rules import WINDOW_DAYS, Facts, Fired, evaluate, worst
from requirements_svc.health.schemas import (
    FiredRule,
    HealthOverrideCreate,
    HealthOverridePublic,
    HealthPublic,
    SourceStatus,
)
from requirements_svc.health.sources import Fetched, fetch_summaries
from requirements_svc.projects import service as projects

RESOURCE = "project_health"


async def collect_facts(
    session: AsyncSession,
    *,
    project_key: str,
    now: datetime,
    risk: RiskSummary | None,
    release: ReleaseSummary | None,
) -> Facts:
    velocity, _ = await req_facts.velocity(session, project_key=project_key, now=now)
    return Facts(
        project_key=project_key,
        now=now,
        velocity_points_per_day=velocity,
        milestones=await req_facts.milestones(
            session, project_key=project_key, today=now.date(), velocity_per_day=velocity
        ),
        open_s1_bugs=await req_facts.open_s1_bugs(session, project_key=project_key),
        documents_in_review=await req_facts.documents_in_review(session, project_key=project_key),
        risk=risk,
        release=release,
    )


def sources_of(risk: Fetched[RiskSummary], release: Fetched[ReleaseSummary]) -> dict[str, SourceStatus]:
    return {
        "requirements": SourceStatus(available=True),
        "risk": SourceStatus(available=risk.available, reason=risk.reason),
        "release": SourceStatus(available=release.available, reason=release.reason),
    }


def public(
    project_key: str,
    row: ProjectHealth | None,
    fired: list[Fired],
    facts: Facts,
    sources: dict[str, SourceStatus],
    now: datetime,
) -> HealthPublic:
    computed = worst([f.severity for f in fired])
    override = None
    if row is not None and row.override_status and not _lapsed(row, now):
        override = HealthOverridePublic(
            status=row.override_status,
            note=row.override_note or "",
            by=row.override_by or "",
            at=row.override_at or now,
            until=row.override_until,
        )
    return HealthPublic(
        project_key=project_key,
        status=override.status if override else computed,
        computed_status=computed,
        override=override,
        rules=[FiredRule(**asdict(f)) for f in fired],
        velocity_points_per_day=round(facts.velocity_points_per_day, 3),
        complete=all(s.available for s in sources.values()),
        sources=sources,
        evaluated_at=now,
    )


def _lapsed(row: ProjectHealth, now: datetime) -> bool:
    return row.override_until is not None and row.override_until <= now


async def evaluate_health(
    session: AsyncSession,
    *,
    project_key: str,
    now: datetime,
    risk: Fetched[RiskSummary],
    release: Fetched[ReleaseSummary],
) -> tuple[list[Fired], Facts, dict[str, SourceStatus]]:
    facts = await collect_facts(
        session, project_key=project_key, now=now, risk=risk.value, release=release.value
    )
    return evaluate(facts), facts, sources_of(risk, release)


async def _locked_row(session: AsyncSession, project_key: str) -> ProjectHealth:
    """The project's health row, created if missing, locked for this transaction (concurrent evaluations
    of one project queue here, so each change is recorded once)."""
    values = {
        "id": new_id(),
        "project_key": project_key,
        "computed_status": "on_track",
        "fired_rules": [],
        "details": {},
        "created_at": utcnow(),
        "updated_at": utcnow(),
        "version": 1,
    }
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    await session.execute(
        insert(ProjectHealth).values(**values).on_conflict_do_nothing(index_elements=["project_key"])
    )
    row = (
        await session.execute(
            select(ProjectHealth)
            .where(ProjectHealth.project_key == project_key)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
    ).scalar_one()
    return row


def _state(row: ProjectHealth) -> dict[str, object]:
    return history.snapshot(
        row,
        [
            "computed_status",
            "fired_rules",
            "override_status",
            "override_note",
            "override_by",
            "override_until",
        ],
    )


async def _store(
    session: AsyncSession,
    *,
    principal: Principal,
    project_key: str,
    fired: list[Fired],
    complete: bool,
    now: datetime,
) -> ProjectHealth:
    """Record the computed status when it changed (only from a complete evaluation: a sibling outage is
    not a change of health) and lapse an expired override."""
    row = await _locked_row(session, project_key)
    if row.override_status and _lapsed(row, now):
        before = _state(row)
        row.override_status = row.override_note = row.override_by = None
        row.override_at = row.override_until = None
        await history.record(
            session,
            principal=principal,
            project_key=project_key,
            resource_type=RESOURCE,
            resource_id=project_key,
            action="override_lapsed",
            before=before,
            after=_state(row),
        )
    computed = worst([f.severity for f in fired])
    rules = sorted({f.rule for f in fired})
    if complete and (
        row.computed_status != computed or sorted(row.fired_rules) != rules or row.computed_at is None
    ):
        before = _state(row)
        row.computed_status, row.fired_rules, row.computed_at = computed, rules, now
        row.details = {"rules": [{"rule": f.rule, "severity": f.severity, "title": f.title} for f in fired]}
        await history.record(
            session,
            principal=principal,
            project_key=project_key,
            resource_type=RESOURCE,
            resource_id=project_key,
            action="compute",
            before=before,
            after=_state(row),
        )
    await session.flush()
    return row


async def get_health(
    session: AsyncSession, *, principal: Principal, siblings: dict[str, SiblingClient], key: str
) -> tuple[HealthPublic, int]:
    await projects.get_project(session, principal=principal, key=key)
    now = utcnow()
    risk, release = await fetch_summaries(
        siblings, project_key=key, start=(now - timedelta(days=WINDOW_DAYS - 1)).date(), end=now.date()
    )
    fired, facts, sources = await evaluate_health(
        session, project_key=key, now=now, risk=risk, release=release
    )
    complete = all(s.available for s in sources.values())
    row = await _store(session, principal=principal, project_key=key, fired=fired, complete=complete, now=now)
    return public(key, row, fired, facts, sources, now), row.version


async def set_override(
    session: AsyncSession,
    *,
    principal: Principal,
    siblings: dict[str, SiblingClient],
    key: str,
    data: HealthOverrideCreate,
    if_match: str | None,
) -> tuple[HealthPublic, int]:
    await projects.get_project(session, principal=principal, key=key)
    ensure_role(principal, key, PLANNERS, action="override the project health")
    now = utcnow()
    until = as_utc(data.until)
    if until is not None and until <= now:
        raise UnprocessableEntity(
            "The override would lapse before it starts.",
            errors=[field_error("body.until", "must be in the future")],
        )
    row = await _locked_row(session, key)
    check_if_match(if_match, row.version)
    before = _state(row)
    row.override_status, row.override_note, row.override_by = data.status, data.note, principal.sub
    row.override_at, row.override_until = now, until
    await history.record(
        session,
        principal=principal,
        project_key=key,
        resource_type=RESOURCE,
        resource_id=key,
        action="override",
        before=before,
        after=_state(row),
        note=data.note,
    )
    await session.flush()
    return await get_health(session, principal=principal, siblings=siblings, key=key)


async def clear_override(
    session: AsyncSession,
    *,
    principal: Principal,
    siblings: dict[str, SiblingClient],
    key: str,
    note: str,
    if_match: str | None,
) -> tuple[HealthPublic, int]:
    await projects.get_project(session, principal=principal, key=key)
    ensure_role(principal, key, PLANNERS, action="clear the health override")
    row = await _locked_row(session, key)
    check_if_match(if_match, row.version)
    if not row.override_status:
        raise NotFound(f"Project {key} has no health override.")
    before = _state(row)
    row.override_status = row.override_note = row.override_by = None
    row.override_at = row.override_until = None
    await history.record(
        session,
        principal=principal,
        project_key=key,
        resource_type=RESOURCE,
        resource_id=key,
        action="clear_override",
        before=before,
        after=_state(row),
        note=note,
    )
    await session.flush()
    return await get_health(session, principal=principal, siblings=siblings, key=key)


async def stored(session: AsyncSession, *, project_key: str) -> ProjectHealth | None:
    return (
        await session.execute(select(ProjectHealth).where(ProjectHealth.project_key == project_key))
    ).scalar_one_or_none()
