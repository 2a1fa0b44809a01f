"""Retrospectives: drafted from the audit trail (release history, gate decisions, rollout history and
guardrail readings), then edited; an action item can become a risk in risk-svc."""

import uuid
from collections import Counter
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import history
from tpmhub_shared.auth import PLANNERS, Principal, ensure_role
from tpmhub_shared.concurrency import lock_and_check
from tpmhub_shared.http import SiblingClient, SiblingError
from tpmhub_shared.problems import Conflict, NotFound, ServiceUnavailable, UnprocessableEntity

from release_svc.gate import repository as gate_repository
from release_svc.guardrails import repository as guardrails_repository
from release_svc.releases.models import Release
from release_svc.releases.service import get_release
from release_svc.retrospectives import repository
from release_svc.retrospectives.models import Retrospective
from release_svc.retrospectives.schemas import RetrospectiveUpdate, SendToRisk
from release_svc.rollouts import repository as rollouts_repository

RESOURCE = "retrospective"
EDITORS = PLANNERS | {"engineer", "qa"}
TIMELINE_LIMIT = 500


def _seconds(a: datetime | None, b: datetime | None) -> float | None:
    return (b - a).total_seconds() if a and b else None


async def draft_facts(session: AsyncSession, release: Release) -> dict[str, Any]:
    """What happened, from the records: one query per source, aggregates in SQL."""
    entries = await repository.release_history(session, release.id, limit=TIMELINE_LIMIT)
    timeline = [
        {"at": history.jsonable(e.at), "action": e.action, "actor": e.actor, "note": e.note}
        for e in entries
        if e.action != "update"
    ]
    first = {}
    for e in entries:
        first.setdefault(e.action, e.at)
    last_submit = None
    latencies = []
    for e in entries:
        if e.action in ("submit", "reopen_review"):
            last_submit = e.at
        elif e.action == "approve" and last_submit is not None:
            latencies.append((e.at - last_submit).total_seconds())
            last_submit = None
    released_at = first.get("mark_released")
    planned = release.target_date
    gate_counts = await gate_repository.gate_counts(session, release.id)
    denied_checks: Counter[str] = Counter()
    for checks in await gate_repository.denied_checks(session, release.id, limit=200):
        denied_checks.update(c["name"] for c in checks if not c["passed"])
    # Every time a tpm/admin went past a denied gate to start or advance a rollout.
    overrides = [
        {
            "at": history.jsonable(d.at),
            "action": d.action,
            "rollout_id": str(d.rollout_id) if d.rollout_id else None,
            "environment": d.environment,
            "by": d.overridden_by,
            "reason": d.override_reason,
            "failed_checks": [c["name"] for c in d.checks if not c["passed"]],
        }
        for d in await gate_repository.overridden_decisions(session, release.id, limit=TIMELINE_LIMIT)
    ]
    rollout_ids = await rollouts_repository.rollout_ids(session, release.id)
    rollout_actions: dict[str, int] = {}
    trips = 0
    if rollout_ids:
        rollout_actions = await repository.rollout_action_counts(session, rollout_ids)
        trips = await guardrails_repository.guardrail_trips(session, rollout_ids)
    return {
        "planned_date": history.jsonable(planned),
        "actual_release_at": history.jsonable(released_at),
        "slip_days": (released_at.date() - planned).days if released_at and planned else None,
        "created_at": history.jsonable(release.created_at),
        "first_submitted_at": history.jsonable(first.get("submit")),
        "first_approved_at": history.jsonable(first.get("approve")),
        "deploy_started_at": history.jsonable(first.get("start_deploy")),
        "approval_latency_seconds": latencies,
        "review_rounds": release.review_round,
        "reopened_reviews": sum(1 for e in entries if e.action == "reopen_review"),
        "gate": {
            "asked": sum(gate_counts.values()),
            "allowed": gate_counts.get(True, 0),
            "denied": gate_counts.get(False, 0),
            "failed_checks": dict(denied_checks),
            "overrides": overrides,
        },
        "rollouts": len(rollout_ids),
        "guardrail_trips": trips,
        "pauses": rollout_actions.get("pause", 0),
        "rollbacks": rollout_actions.get("rollback", 0) + sum(1 for e in entries if e.action == "roll_back"),
        "final_status": release.status,
        "timeline": timeline,
    }


async def get_retrospective(
    session: AsyncSession, *, principal: Principal, release_id: uuid.UUID
) -> Retrospective:
    await get_release(session, principal=principal, release_id=release_id)
    row = await repository.of_release(session, release_id)
    if row is None:
        raise NotFound(f"Release {release_id} has no retrospective yet; POST one to draft it.")
    return row


async def create_retrospective(
    session: AsyncSession, *, principal: Principal, release_id: uuid.UUID
) -> Retrospective:
    release = await get_release(session, principal=principal, release_id=release_id)
    ensure_role(principal, release.project_key, EDITORS, action="draft a retrospective")
    if await repository.exists_for(session, release_id):
        raise Conflict("This release already has a retrospective; refresh its facts or edit it.")
    facts = await draft_facts(session, release)
    went_badly = []
    if facts["gate"]["denied"]:
        went_badly.append(
            f"The gate denied {facts['gate']['denied']} time(s): "
            + ", ".join(f"{k} ×{v}" for k, v in sorted(facts["gate"]["failed_checks"].items()))
        )
    for o in facts["gate"].get("overrides", []):
        went_badly.append(
            f"The gate was overridden by {o['by']} to {(o['action'] or 'act').removeprefix('rollout.')} the "
            f"rollout in {o['environment']} despite {', '.join(o['failed_checks'])}: {o['reason']}"
        )
    if facts["slip_days"] and facts["slip_days"] > 0:
        went_badly.append(f"Released {facts['slip_days']} day(s) after the target date")
    if facts["rollbacks"]:
        went_badly.append(f"{facts['rollbacks']} rollback(s)")
    if facts["guardrail_trips"]:
        went_badly.append(f"{facts['guardrail_trips']} guardrail trip(s)")
    row = Retrospective(
        release_id=release.id,
        project_key=release.project_key,
        facts=facts,
        went_badly=went_badly,
        created_by=principal.sub,
    )
    repository.add(session, row)
    await history.record(
        session,
        principal=principal,
        project_key=release.project_key,
        resource_type=RESOURCE,
        resource_id=row.id,
        action="create",
        after={"went_badly": went_badly},
    )
    await session.flush()
    return row


async def refresh_facts(
    session: AsyncSession, *, principal: Principal, release_id: uuid.UUID, if_match: str | None
) -> Retrospective:
    row = await get_retrospective(session, principal=principal, release_id=release_id)
    ensure_role(principal, row.project_key, EDITORS, action="refresh a retrospective")
    await lock_and_check(session, row, if_match)
    release = await get_release(session, principal=principal, release_id=release_id)
    row.facts = await draft_facts(session, release)
    await history.record(
        session,
        principal=principal,
        project_key=row.project_key,
        resource_type=RESOURCE,
        resource_id=row.id,
        action="refresh_facts",
    )
    await session.flush()
    return row


async def update_retrospective(
    session: AsyncSession,
    *,
    principal: Principal,
    release_id: uuid.UUID,
    patch: RetrospectiveUpdate,
    if_match: str | None,
) -> Retrospective:
    row = await get_retrospective(session, principal=principal, release_id=release_id)
    ensure_role(principal, row.project_key, EDITORS, action="edit a retrospective")
    await lock_and_check(session, row, if_match)
    before = history.snapshot(row, ["summary", "went_well", "went_badly", "action_items"])
    sent = patch.model_fields_set
    for name in ("summary", "went_well", "went_badly"):
        if name in sent:
            value = getattr(patch, name)
            if value is None:
                raise UnprocessableEntity(f"{name} may not be null.")
            setattr(row, name, value)
    if "action_items" in sent:
        if patch.action_items is None:
            raise UnprocessableEntity("action_items may not be null; send [] to clear.")
        existing = {a["id"]: a for a in row.action_items}
        unknown = [str(a.id) for a in patch.action_items if a.id is not None and str(a.id) not in existing]
        if unknown:
            raise UnprocessableEntity(f"Unknown action item ids: {', '.join(unknown)}.")
        items = []
        for a in patch.action_items:
            kept = existing.get(str(a.id)) if a.id else None
            items.append(
                {
                    "id": str(a.id or uuid.uuid4()),
                    "title": a.title,
                    "owner": a.owner,
                    "due_date": history.jsonable(a.due_date),
                    "risk_key": kept["risk_key"] if kept else None,
                }
            )
        row.action_items = items
    await history.record(
        session,
        principal=principal,
        project_key=row.project_key,
        resource_type=RESOURCE,
        resource_id=row.id,
        action="update",
        before=before,
        after=history.snapshot(row, ["summary", "went_well", "went_badly", "action_items"]),
    )
    await session.flush()
    return row


async def send_action_item_to_risk(
    session: AsyncSession,
    *,
    principal: Principal,
    release_id: uuid.UUID,
    item_id: uuid.UUID,
    options: SendToRisk,
    risk: SiblingClient,
    authorization: str | None,
) -> Retrospective:
    """Create a risk in risk-svc from the action item, as the caller (their token, so risk-svc checks their
    role), linked to the release; the item remembers the risk key. The retrospective row is locked for the
    call and the request carries an Idempotency-Key derived from the item, so a concurrent or retried send
    never creates a second risk. 503 when risk-svc cannot answer."""
    await get_release(session, principal=principal, release_id=release_id)
    row = await repository.of_release(session, release_id, for_update=True)
    if row is None:
        raise NotFound(f"Release {release_id} has no retrospective yet; POST one to draft it.")
    ensure_role(principal, row.project_key, PLANNERS, action="raise a risk from a retrospective")
    items = [dict(a) for a in row.action_items]
    item = next((a for a in items if a["id"] == str(item_id)), None)
    if item is None:
        raise NotFound(f"Action item {item_id} does not exist in this retrospective.")
    if item.get("risk_key"):
        raise Conflict(
            f"Action item already sent to risk-svc as {item['risk_key']}.", risk_key=item["risk_key"]
        )
    release = await get_release(session, principal=principal, release_id=release_id)
    body = {
        "title": item["title"][:200],
        "category": options.category,
        "probability": options.probability,
        "impact": options.impact,
        "owner": item.get("owner"),
        "cause": f"Retrospective of release {release.semver}",
        "links": {"releases": [str(release.id)]},
    }
    headers = {"Idempotency-Key": f"retro-action-{item_id}"}
    if authorization:
        headers["Authorization"] = authorization
    try:
        created = await risk.post_json(f"/v1/projects/{row.project_key}/risks", body, headers=headers)
    except SiblingError as exc:
        if exc.status is not None and 400 <= exc.status < 500:
            detail = exc.body.get("detail") if isinstance(exc.body, dict) else None
            raise UnprocessableEntity(
                f"risk-svc refused the risk ({exc.status}): {detail or exc.reason}.",
                sibling_status=exc.status,
            ) from exc
        raise ServiceUnavailable(
            f"Cannot create the risk: {exc.service} {exc.reason}.", sibling=exc.service
        ) from exc
    risk_key = str(created["key"])
    item["risk_key"] = risk_key
    row.action_items = items
    await history.record(
        session,
        principal=principal,
        project_key=row.project_key,
        resource_type=RESOURCE,
        resource_id=row.id,
        action="send_to_risk",
        after={"action_item": str(item_id), "risk_key": risk_key},
    )
    await session.flush()
    return row
