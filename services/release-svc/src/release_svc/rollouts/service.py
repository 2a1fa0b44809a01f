"""Rollout rules and transactions: stages, actions, guardrail evaluation, scheduled advance, cohorts.

Every change of a rollout records history and emits a `rollout.*` event in the caller's transaction; a
change that moves the release (first start, completion, rollback) goes through the release state machine
(`release_svc.releases.flows.transition`) in the same transaction."""

import asyncio
import math
import secrets
import time
import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, and_, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import events, history
from tpmhub_shared.auth import PLANNERS, Principal, ensure_role, visible
from tpmhub_shared.concurrency import check_if_match
from tpmhub_shared.ids import as_utc
from tpmhub_shared.pagination import paginate
from tpmhub_shared.problems import (
    Conflict,
    Forbidden,
    InvalidTransition,
    ProblemError,
    UnprocessableEntity,
    field_error,
)

from release_svc.environments.service import resolve_environment
from release_svc.gate import service as gate
from release_svc.gate.service import GateSiblings
from release_svc.releases import flows as release_flows
from release_svc.releases import service as releases
from release_svc.releases.models import Release
from release_svc.rollouts import cohorts, evaluation
from release_svc.rollouts.guardrails import (
    FAIL,
    INCONCLUSIVE,
    SEVERITY,
    Guardrail,
    GuardrailSyntaxError,
    parse,
    with_options,
)
from release_svc.rollouts.models import ACTIVE_STATUSES, MetricReading, Rollout
from release_svc.rollouts.schemas import (
    AdvanceRequest,
    GateOverride,
    GuardrailSpec,
    ReadingCreate,
    RolloutActionRequest,
    RolloutCreate,
    StartRequest,
)

SOURCE = "/tpmhub/release-svc"
RESOURCE = "rollout"
# Who acts when the service itself pauses, rolls back or advances a rollout.
SYSTEM = Principal(sub="tpmhub:rollouts", name="Rollout automation", service="release-svc")
# Besides the stage operator: who may start, advance, resume and complete (and override a hold).
STEERING_ROLES = frozenset({"tpm"})
# Besides any stage operator: who may pause or roll back (stopping is always safe).
STOPPING_ROLES = frozenset({"pm", "tpm", "engineer", "qa", "ci"})
# Who may post metric readings (service tokens always may).
READING_ROLES = frozenset({"tpm", "engineer", "qa", "ci"})
# A reading may be stamped at most this far in the future (clock skew).
FUTURE_SKEW = timedelta(minutes=5)
# How soon the scheduler looks again at a due rollout whose guardrails are not green yet.
RECHECK = timedelta(seconds=5)
# How soon it asks the gate again for a due rollout the gate held.
GATE_RECHECK = timedelta(seconds=30)
RELEASE_STATES_FOR_START = ("approved", "deploying")
FINISHED_RELEASE_STATES = ("released", "rolled_back", "cancelled")


# ---- reading ------------------------------------------------------------------------------------------


def stage_guardrails(rollout: Rollout, index: int | None = None) -> list[Guardrail]:
    stage = rollout.stages[rollout.current_stage if index is None else index]
    return [Guardrail.from_dict(g) for g in stage["guardrails"]]


def is_last_stage(rollout: Rollout) -> bool:
    return rollout.current_stage >= len(rollout.stages) - 1


def allowed_actions(rollout: Rollout) -> list[str]:
    if rollout.status == "draft":
        return ["start", "edit", "abort"]
    if rollout.status == "running":
        return ["complete" if is_last_stage(rollout) else "advance", "pause", "rollback", "abort"]
    if rollout.status == "paused":
        return ["resume", "rollback", "abort"]
    return []


async def get_rollout(
    session: AsyncSession, *, principal: Principal, rollout_id: uuid.UUID, for_update: bool = False
) -> Rollout:
    stmt = select(Rollout).where(Rollout.id == rollout_id)
    if for_update:
        stmt = stmt.with_for_update().execution_options(populate_existing=True)
    rollout = (await session.execute(stmt)).scalar_one_or_none()
    return visible(principal, rollout, f"Rollout {rollout_id} does not exist.")


async def active_rollout(session: AsyncSession, *, release_id: uuid.UUID) -> Rollout | None:
    """The release's running or paused rollout, if any (for the gate)."""
    stmt = select(Rollout).where(Rollout.release_id == release_id, Rollout.status.in_(ACTIVE_STATUSES))
    return (await session.execute(stmt)).scalar_one_or_none()


async def list_rollouts(
    session: AsyncSession,
    *,
    principal: Principal,
    release_id: uuid.UUID,
    status: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[Rollout], str | None]:
    await releases.get_release(session, principal=principal, release_id=release_id)
    stmt = select(Rollout).where(Rollout.release_id == release_id)
    if status:
        stmt = stmt.where(Rollout.status == status)
    return await paginate(
        session, stmt, order=[], id_column=Rollout.id, limit=limit, cursor=cursor, sort_key="rollouts"
    )


async def list_readings(
    session: AsyncSession,
    *,
    principal: Principal,
    rollout_id: uuid.UUID,
    metric: str | None,
    cohort: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[MetricReading], str | None]:
    await get_rollout(session, principal=principal, rollout_id=rollout_id)
    stmt = select(MetricReading).where(MetricReading.rollout_id == rollout_id)
    if metric:
        stmt = stmt.where(MetricReading.metric == metric)
    if cohort:
        stmt = stmt.where(MetricReading.cohort == cohort)
    return await paginate(
        session, stmt, order=[], id_column=MetricReading.id, limit=limit, cursor=cursor, sort_key="readings"
    )


async def latest_outcomes(
    session: AsyncSession, rollouts: Sequence[Rollout]
) -> dict[uuid.UUID, dict[str, str]]:
    """For each rollout, metric → outcome of its latest canary reading taken in the current stage (one query
    for any number of rollouts). A metric without such a reading is absent: no data."""
    ids = [r.id for r in rollouts]
    if not ids:
        return {}
    reading = MetricReading
    in_stage = and_(
        reading.rollout_id == Rollout.id,
        reading.stage_index == Rollout.current_stage,
        reading.at >= Rollout.stage_started_at,
    )
    latest = (
        select(reading.rollout_id, reading.metric, func.max(reading.at).label("at"))
        .join(Rollout, in_stage)
        .where(reading.rollout_id.in_(ids), reading.cohort == "canary")
        .group_by(reading.rollout_id, reading.metric)
        .subquery()
    )
    stmt = (
        select(reading.rollout_id, reading.metric, reading.outcome)
        .join(
            latest,
            and_(
                reading.rollout_id == latest.c.rollout_id,
                reading.metric == latest.c.metric,
                reading.at == latest.c.at,
            ),
        )
        .where(reading.cohort == "canary")
    )
    found: dict[uuid.UUID, dict[str, str]] = {i: {} for i in ids}
    for rollout_id, metric, outcome in (await session.execute(stmt)).all():
        previous = found[rollout_id].get(metric)
        # Two readings at the same instant: a failure wins.
        found[rollout_id][metric] = "fail" if "fail" in (previous, outcome) else outcome
    return found


def guardrails_green(rollout: Rollout, outcomes: dict[str, str]) -> tuple[bool, list[dict[str, Any]]]:
    """Green only when every guardrail of the current stage has a passing latest reading in this stage;
    no data means hold, never pass."""
    checks = []
    for guardrail in stage_guardrails(rollout):
        outcome = outcomes.get(guardrail.metric)
        state = {"pass": "pass", "fail": "fail", "no_baseline": "no_baseline"}.get(outcome or "", "no_data")
        checks.append({"guardrail": guardrail.expression, "metric": guardrail.metric, "state": state})
    return all(c["state"] == "pass" for c in checks), checks


async def guardrail_status(session: AsyncSession, rollout: Rollout) -> tuple[bool, list[dict[str, Any]]]:
    """(green, [{guardrail, metric, state: pass|inconclusive|fail|no_baseline|no_data, dry_run, readings,
    min_readings, detail}]) of the rollout's current stage (dry-run guardrails never make it red)."""
    evidence = (await evaluation.stage_evidence(session, [rollout]))[rollout.id]
    return evaluation.stage_checks(rollout, evidence)


def _parse_guardrail(entry: str | GuardrailSpec, loc: str, errors: list[dict[str, str]]) -> dict | None:
    """One guardrail as given (a string, or an object with options), parsed; errors name the field."""
    if isinstance(entry, str):
        text, spec, where = entry, None, loc
    else:
        text, spec, where = entry.expression, entry, f"{loc}.expression"
    try:
        guardrail = parse(text)
    except GuardrailSyntaxError as exc:
        errors.append(field_error(where, str(exc), "guardrail_invalid"))
        return None
    if spec is not None:
        try:
            guardrail = with_options(
                guardrail,
                inconclusive=spec.inconclusive,
                min_readings=spec.min_readings,
                on_fail=spec.on_fail,
                dry_run=spec.dry_run,
            )
        except GuardrailSyntaxError as exc:
            errors.append(field_error(f"{loc}.inconclusive", str(exc), "guardrail_invalid"))
            return None
    return guardrail.as_dict()


# ---- creating ------------------------------------------------------------------------------------------


def _parse_stages(data: RolloutCreate) -> list[dict[str, Any]]:
    errors: list[dict[str, str]] = []
    stages: list[dict[str, Any]] = []
    previous = 0
    for i, stage in enumerate(data.stages):
        if stage.percent <= previous:
            errors.append(
                field_error(
                    f"body.stages.{i}.percent",
                    f"must be greater than the previous stage's {previous}%",
                    "percent_order",
                )
            )
        previous = max(previous, stage.percent)
        parsed = []
        for j, entry in enumerate(stage.guardrails):
            if (one := _parse_guardrail(entry, f"body.stages.{i}.guardrails.{j}", errors)) is not None:
                parsed.append(one)
        stages.append(
            {
                "percent": stage.percent,
                "min_hold_seconds": stage.min_hold_seconds,
                "operator": stage.operator,
                "auto_advance": stage.auto_advance,
                "guardrails": parsed,
            }
        )
    if errors:
        raise UnprocessableEntity(f"{len(errors)} invalid stage field(s).", errors=errors)
    return stages


async def create_rollout(
    session: AsyncSession, *, principal: Principal, release_id: uuid.UUID, data: RolloutCreate
) -> Rollout:
    release = await releases.get_release(session, principal=principal, release_id=release_id)
    ensure_role(principal, release.project_key, PLANNERS, action="create a rollout")
    stages = _parse_stages(data)
    environment = await resolve_environment(
        session, release.project_key, data.environment, loc="body.environment"
    )
    if release.status in FINISHED_RELEASE_STATES:
        raise Conflict(
            f"Release {release.semver} is {release.status}; it takes no new rollouts.",
            release_status=release.status,
        )
    rollout = Rollout(
        project_key=release.project_key,
        release_id=release.id,
        name=data.name,
        environment=environment,
        unit_kind=data.unit_kind,
        group_id=data.group_id or secrets.token_hex(8),
        stages=stages,
        on_breach=data.on_breach,
        breach_threshold=data.breach_threshold,
        bake_seconds=data.bake_seconds,
        failed_checks=[0] * len(stages),
        created_by=principal.sub,
    )
    session.add(rollout)
    await history.record(
        session,
        principal=principal,
        project_key=rollout.project_key,
        resource_type=RESOURCE,
        resource_id=rollout.id,
        action="create",
        after=history.snapshot(rollout),
    )
    await session.flush()
    return rollout


# ---- actions -------------------------------------------------------------------------------------------


def _ensure_allowed(rollout: Rollout, action: str) -> None:
    allowed = allowed_actions(rollout)
    if action in allowed:
        return
    detail = None
    if rollout.status == "running" and action in ("advance", "complete"):
        detail = (
            "The last stage is reached: complete the rollout."
            if action == "advance"
            else f"Complete is allowed at the last stage; the rollout is at stage "
            f"{rollout.current_stage + 1} of {len(rollout.stages)}."
        )
    raise InvalidTransition(action, rollout.status, allowed, detail)


def _is_operator(principal: Principal, rollout: Rollout, *, any_stage: bool = False) -> bool:
    if not principal.can_read(rollout.project_key):
        return False
    if any_stage:
        return any(s["operator"] == principal.sub for s in rollout.stages)
    return rollout.stages[rollout.current_stage]["operator"] == principal.sub


def _ensure_steering(principal: Principal, rollout: Rollout, action: str) -> None:
    if _is_operator(principal, rollout) or principal.can(rollout.project_key, STEERING_ROLES):
        return
    operator = rollout.stages[rollout.current_stage]["operator"]
    raise Forbidden(
        f"Only the stage operator ({operator}) or a tpm/admin may {action} this rollout.",
        operator=operator,
        required_roles=["admin", "tpm"],
    )


def _ensure_stopping(principal: Principal, rollout: Rollout, action: str) -> None:
    if _is_operator(principal, rollout, any_stage=True) or principal.can(rollout.project_key, STOPPING_ROLES):
        return
    ensure_role(principal, rollout.project_key, STOPPING_ROLES, action=f"{action} a rollout")


def _ensure_hold_passed(
    principal: Principal, rollout: Rollout, body: AdvanceRequest, now: datetime, action: str
) -> bool:
    """409 with the seconds left while the hold lasts, unless a tpm/admin overrides it with a reason.
    Returns whether the hold was overridden."""
    hold_until = as_utc(rollout.hold_until)
    if hold_until is None or now >= hold_until:
        return False
    left = math.ceil((hold_until - now).total_seconds())
    if not body.override_hold:
        raise Conflict(
            f"Stage {rollout.current_stage + 1} ({rollout.current_percent}%) must hold {left} more "
            f"second(s) before you may {action}; a tpm/admin may override with a reason.",
            title="Hold not passed",
            seconds_left=left,
            hold_until=hold_until.isoformat(),
        )
    if not principal.can(rollout.project_key, STEERING_ROLES):
        raise Forbidden("Only a tpm/admin may override the minimum hold.", required_roles=["admin", "tpm"])
    if not body.reason:
        raise UnprocessableEntity(
            "Overriding the hold needs a reason.",
            errors=[field_error("body.reason", "required when override_hold is true", "missing")],
        )
    return True


def _state(rollout: Rollout) -> dict[str, Any]:
    return {"status": rollout.status, "stage": rollout.current_stage, "percent": rollout.current_percent}


def _enter_stage(rollout: Rollout, index: int, now: datetime) -> None:
    stage = rollout.stages[index]
    rollout.current_stage = index
    rollout.current_percent = stage["percent"]
    rollout.stage_started_at = now
    rollout.hold_until = now + timedelta(seconds=stage["min_hold_seconds"])
    rollout.next_check_at = rollout.hold_until if stage["auto_advance"] else None


async def _changed(
    session: AsyncSession,
    *,
    principal: Principal,
    rollout: Rollout,
    action: str,
    event: str,
    before: dict[str, Any],
    reason: str | None,
    **extra: Any,
) -> None:
    """History and the `rollout.*` event for one change, in the caller's transaction."""
    after = _state(rollout)
    await history.record(
        session,
        principal=principal,
        project_key=rollout.project_key,
        resource_type=RESOURCE,
        resource_id=rollout.id,
        action=action,
        before=before,
        after=after,
        note=reason,
    )
    events.emit(
        session,
        source=SOURCE,
        type=event,
        subject=str(rollout.id),
        project_key=rollout.project_key,
        data={
            "rollout_id": rollout.id,
            "release_id": rollout.release_id,
            "project_key": rollout.project_key,
            "name": rollout.name,
            "action": action,
            "by": principal.sub,
            "by_name": principal.name,
            "reason": reason,
            "from": before,
            "to": after,
            "stage_count": len(rollout.stages),
            **extra,
        },
    )


async def _release_for_update(session: AsyncSession, rollout: Rollout) -> Release:
    stmt = select(Release).where(Release.id == rollout.release_id).with_for_update()
    return (await session.execute(stmt.execution_options(populate_existing=True))).scalar_one()


# ---- the gate on start and advance ------------------------------------------------------------------
#
# Starting a rollout and every advance (manual, complete, the scheduler's) ask the release gate for the
# rollout's environment: state, approvals, checklist, freeze, scope and risks. The gate's `rollout` check is
# left out: it judges the release's current rollout, which is the one asking; its own hold, guardrails and
# breach threshold already govern its advance. The siblings are asked with no transaction open, the local
# checks run under the row locks of the write. A denial is 409 with the failing checks; a tpm/admin may go
# past it with `override_gate.reason`, recorded in history, the event, the gate decision and the
# retrospective.


class GateDenied(Conflict):
    slug, title = "gate-denied", "Gate denied"


def brief(checks: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {"name": c["name"], "reason": c["reason"], "offending_ids": c.get("offending_ids", [])}
        for c in checks
        if not c["passed"]
    ]


def _ensure_may_override(principal: Principal, rollout: Rollout, override: GateOverride | None) -> None:
    if override is not None and not principal.can(rollout.project_key, STEERING_ROLES):
        raise Forbidden(
            "Only a tpm/admin may override the gate.",
            required_roles=["admin", "tpm"],
            override="override_gate",
        )


async def _ask_siblings(
    session: AsyncSession, siblings: GateSiblings, rollout: Rollout
) -> list[dict[str, Any]]:
    """The gate's sibling checks for the rollout's release, asked after ending the read transaction (no
    lock, snapshot or connection is held while they answer)."""
    release = await session.get(Release, rollout.release_id)
    assert release is not None
    facts = {
        "project_key": release.project_key,
        "release_id": release.id,
        "version": release.semver,
        "scope": list(release.scope),
    }
    await session.rollback()
    return await gate.sibling_checks(siblings, **facts)


async def _judge_gate(
    session: AsyncSession,
    *,
    principal: Principal,
    rollout: Rollout,
    release: Release,
    sibling_checks: list[dict[str, Any]],
    override: GateOverride | None,
    action: str,
    started: float,
) -> dict[str, Any]:
    """Under the row locks: the local checks with the siblings' answers. Denied without an override → 409
    with the failing checks (nothing written); otherwise the decision is recorded and a summary returned for
    history and the event."""
    local = await gate.local_checks(session, release, rollout.environment, with_rollout=False)
    checks = gate.ordered(local, sibling_checks)
    failing = brief(checks)
    if failing and override is None:
        names = ", ".join(f"{c['name']} ({c['reason']})" for c in failing)
        raise GateDenied(
            f"The gate denies {action} of this rollout to {rollout.environment}: {names}. A tpm/admin may "
            "override it with override_gate.reason.",
            environment=rollout.environment,
            action=action,
            checks=failing,
            override="override_gate",
        )
    decision = gate.record_decision(
        session,
        principal=principal,
        release_id=release.id,
        project_key=release.project_key,
        version=release.semver,
        environment=rollout.environment,
        checks=checks,
        duration_ms=round((time.perf_counter() - started) * 1000, 2),
        action=f"rollout.{action}",
        rollout_id=rollout.id,
        override_reason=override.reason if override else None,
    )
    verdict: dict[str, Any] = {
        "decision_id": str(decision.id),
        "environment": rollout.environment,
        "allowed": not failing,
    }
    if failing and override is not None:
        verdict.update(
            overridden=True,
            overridden_by=principal.sub,
            override_reason=override.reason,
            failed_checks=failing,
        )
    return verdict


async def _record_override(
    session: AsyncSession, *, principal: Principal, rollout: Rollout, action: str, verdict: dict[str, Any]
) -> None:
    if not verdict.get("overridden"):
        return
    await history.record(
        session,
        principal=principal,
        project_key=rollout.project_key,
        resource_type=RESOURCE,
        resource_id=rollout.id,
        action="override_gate",
        after={
            "action": action,
            "environment": verdict["environment"],
            "failed_checks": verdict["failed_checks"],
            "decision_id": verdict["decision_id"],
        },
        note=verdict["override_reason"],
    )


def _start_preflight(principal: Principal, rollout: Rollout, body: StartRequest) -> None:
    _ensure_allowed(rollout, "start")
    _ensure_steering(principal, rollout, "start")
    _ensure_may_override(principal, rollout, body.override_gate)


async def start(
    session: AsyncSession,
    *,
    principal: Principal,
    rollout_id: uuid.UUID,
    body: StartRequest,
    now: datetime,
    siblings: GateSiblings,
    if_match: str | None = None,
) -> Rollout:
    started = time.perf_counter()
    rollout = await get_rollout(session, principal=principal, rollout_id=rollout_id)
    _start_preflight(principal, rollout, body)
    answers = await _ask_siblings(session, siblings, rollout)
    rollout = await get_rollout(session, principal=principal, rollout_id=rollout_id, for_update=True)
    check_if_match(if_match, rollout.version)  # on the row locked for this write
    _start_preflight(principal, rollout, body)
    release = await _release_for_update(session, rollout)
    if release.status not in RELEASE_STATES_FOR_START:
        raise Conflict(
            f"Release {release.semver} is {release.status}; a rollout starts only when the release is "
            "approved or deploying.",
            release_status=release.status,
        )
    other = await active_rollout(session, release_id=release.id)
    if other is not None:
        raise Conflict(
            f"Rollout {other.id} of this release is {other.status}; finish it first.",
            active_rollout_id=str(other.id),
        )
    verdict = await _judge_gate(
        session,
        principal=principal,
        rollout=rollout,
        release=release,
        sibling_checks=answers,
        override=body.override_gate,
        action="start",
        started=started,
    )
    if release.status == "approved":
        await release_flows.transition(
            session,
            principal=principal,
            release=release,
            action="start_deploy",
            reason=body.reason or "gray rollout started",
            data={"rollout_id": rollout.id},
        )
    before = _state(rollout)
    rollout.status = "running"
    rollout.started_at = now
    rollout.gate_hold = None
    _enter_stage(rollout, 0, now)
    await _changed(
        session,
        principal=principal,
        rollout=rollout,
        action="start",
        event="rollout.started",
        before=before,
        reason=body.reason,
        gate=verdict,
    )
    await _record_override(session, principal=principal, rollout=rollout, action="start", verdict=verdict)
    await session.flush()
    return rollout


async def _advance(
    session: AsyncSession,
    *,
    principal: Principal,
    rollout: Rollout,
    reason: str | None,
    now: datetime,
    overridden: bool = False,
    automatic: bool = False,
    verdict: dict[str, Any] | None = None,
) -> Rollout:
    before = _state(rollout)
    rollout.gate_hold = None
    _enter_stage(rollout, rollout.current_stage + 1, now)
    await _changed(
        session,
        principal=principal,
        rollout=rollout,
        action="advance",
        event="rollout.stage_changed",
        before=before,
        reason=reason,
        hold_overridden=overridden,
        automatic=automatic,
        gate=verdict,
    )
    if verdict:
        await _record_override(
            session, principal=principal, rollout=rollout, action="advance", verdict=verdict
        )
    await session.flush()
    return rollout


async def _complete(
    session: AsyncSession,
    *,
    principal: Principal,
    rollout: Rollout,
    reason: str | None,
    now: datetime,
    overridden: bool = False,
    automatic: bool = False,
    verdict: dict[str, Any] | None = None,
    release: Release | None = None,
) -> Rollout:
    if bake_pending(rollout):
        return await _start_bake(
            session,
            principal=principal,
            rollout=rollout,
            reason=reason,
            now=now,
            overridden=overridden,
            automatic=automatic,
            verdict=verdict,
        )
    release = release or await _release_for_update(session, rollout)
    before = _state(rollout)
    rollout.gate_hold = None
    rollout.status = "completed"
    rollout.current_percent = 100
    rollout.finished_at = now
    rollout.next_check_at = None
    await release_flows.transition(
        session,
        principal=principal,
        release=release,
        action="start_verification",
        reason=reason or "gray rollout completed",
        data={"rollout_id": rollout.id},
    )
    await _changed(
        session,
        principal=principal,
        rollout=rollout,
        action="complete",
        event="rollout.completed",
        before=before,
        reason=reason,
        hold_overridden=overridden,
        automatic=automatic,
        gate=verdict,
    )
    if verdict:
        await _record_override(
            session, principal=principal, rollout=rollout, action="complete", verdict=verdict
        )
    await session.flush()
    return rollout


def _advance_preflight(
    principal: Principal, rollout: Rollout, body: AdvanceRequest, now: datetime, action: str
) -> bool:
    _ensure_allowed(rollout, action)
    _ensure_steering(principal, rollout, action)
    _ensure_may_override(principal, rollout, body.override_gate)
    _ensure_bake_passed(rollout, now)
    return _ensure_hold_passed(principal, rollout, body, now, action)


async def _gated_advance(
    session: AsyncSession,
    *,
    principal: Principal,
    rollout_id: uuid.UUID,
    body: AdvanceRequest,
    now: datetime,
    siblings: GateSiblings,
    action: str,
    if_match: str | None = None,
) -> Rollout:
    started = time.perf_counter()
    rollout = await get_rollout(session, principal=principal, rollout_id=rollout_id)
    _advance_preflight(principal, rollout, body, now, action)
    answers = await _ask_siblings(session, siblings, rollout)
    rollout = await get_rollout(session, principal=principal, rollout_id=rollout_id, for_update=True)
    check_if_match(if_match, rollout.version)  # on the row locked for this write
    overridden = _advance_preflight(principal, rollout, body, now, action)
    release = await _release_for_update(session, rollout)
    verdict = await _judge_gate(
        session,
        principal=principal,
        rollout=rollout,
        release=release,
        sibling_checks=answers,
        override=body.override_gate,
        action=action,
        started=started,
    )
    if action == "complete":
        return await _complete(
            session,
            principal=principal,
            rollout=rollout,
            reason=body.reason,
            now=now,
            overridden=overridden,
            verdict=verdict,
            release=release,
        )
    return await _advance(
        session,
        principal=principal,
        rollout=rollout,
        reason=body.reason,
        now=now,
        overridden=overridden,
        verdict=verdict,
    )


async def advance(
    session: AsyncSession,
    *,
    principal: Principal,
    rollout_id: uuid.UUID,
    body: AdvanceRequest,
    now: datetime,
    siblings: GateSiblings,
    if_match: str | None = None,
) -> Rollout:
    return await _gated_advance(
        session,
        principal=principal,
        rollout_id=rollout_id,
        body=body,
        now=now,
        siblings=siblings,
        action="advance",
        if_match=if_match,
    )


async def complete(
    session: AsyncSession,
    *,
    principal: Principal,
    rollout_id: uuid.UUID,
    body: AdvanceRequest,
    now: datetime,
    siblings: GateSiblings,
    if_match: str | None = None,
) -> Rollout:
    return await _gated_advance(
        session,
        principal=principal,
        rollout_id=rollout_id,
        body=body,
        now=now,
        siblings=siblings,
        action="complete",
        if_match=if_match,
    )


async def _pause(
    session: AsyncSession, *, principal: Principal, rollout: Rollout, reason: str | None, **extra: Any
) -> Rollout:
    before = _state(rollout)
    rollout.status = "paused"
    rollout.pause_reason = reason or f"paused by {principal.sub}"
    rollout.next_check_at = None
    await _changed(
        session,
        principal=principal,
        rollout=rollout,
        action="pause",
        event="rollout.paused",
        before=before,
        reason=rollout.pause_reason,
        **extra,
    )
    await session.flush()
    return rollout


async def pause(
    session: AsyncSession,
    *,
    principal: Principal,
    rollout_id: uuid.UUID,
    body: RolloutActionRequest,
    now: datetime,
) -> Rollout:
    rollout = await get_rollout(session, principal=principal, rollout_id=rollout_id, for_update=True)
    _ensure_allowed(rollout, "pause")
    _ensure_stopping(principal, rollout, "pause")
    return await _pause(session, principal=principal, rollout=rollout, reason=body.reason)


async def resume(
    session: AsyncSession,
    *,
    principal: Principal,
    rollout_id: uuid.UUID,
    body: RolloutActionRequest,
    now: datetime,
) -> Rollout:
    rollout = await get_rollout(session, principal=principal, rollout_id=rollout_id, for_update=True)
    _ensure_allowed(rollout, "resume")
    _ensure_steering(principal, rollout, "resume")
    before = _state(rollout)
    paused_for = rollout.pause_reason
    rollout.status = "running"
    rollout.pause_reason = None
    if rollout.stages[rollout.current_stage]["auto_advance"] or is_baking(rollout):
        hold_until = as_utc(rollout.hold_until) or now
        rollout.next_check_at = max(hold_until, now)
    await _changed(
        session,
        principal=principal,
        rollout=rollout,
        action="resume",
        event="rollout.resumed",
        before=before,
        reason=body.reason,
        paused_for=paused_for,
    )
    await session.flush()
    return rollout


async def _rollback(
    session: AsyncSession,
    *,
    principal: Principal,
    rollout: Rollout,
    reason: str | None,
    now: datetime,
    **extra: Any,
) -> Rollout:
    release = await _release_for_update(session, rollout)
    before = _state(rollout)
    rollout.status = "rolled_back"
    rollout.current_percent = 0
    rollout.finished_at = now
    rollout.next_check_at = None
    await release_flows.transition(
        session,
        principal=principal,
        release=release,
        action="roll_back",
        reason=reason or "gray rollout rolled back",
        data={"rollout_id": rollout.id},
    )
    await _changed(
        session,
        principal=principal,
        rollout=rollout,
        action="rollback",
        event="rollout.rolled_back",
        before=before,
        reason=reason,
        **extra,
    )
    await session.flush()
    return rollout


async def rollback(
    session: AsyncSession,
    *,
    principal: Principal,
    rollout_id: uuid.UUID,
    body: RolloutActionRequest,
    now: datetime,
) -> Rollout:
    rollout = await get_rollout(session, principal=principal, rollout_id=rollout_id, for_update=True)
    _ensure_allowed(rollout, "rollback")
    _ensure_stopping(principal, rollout, "roll back")
    return await _rollback(session, principal=principal, rollout=rollout, reason=body.reason, now=now)


# ---- bake ----------------------------------------------------------------------------------------------
#
# With `bake_seconds`, completing the last stage (by its operator, a tpm/admin or the scheduler, through the
# gate as ever) first enters the bake: 100% exposed, the last stage's guardrails judged on readings taken
# from then on, hold until `bake_until`. A breach acts as in any stage (pause or rollback); an inconclusive
# guardrail pauses for a person. The scheduler completes the rollout once the bake has passed with green
# guardrails (a person may complete it once the bake has passed); nobody can skip the bake.


def bake_pending(rollout: Rollout) -> bool:
    return rollout.bake_seconds > 0 and rollout.bake_until is None


def is_baking(rollout: Rollout) -> bool:
    return rollout.bake_until is not None and rollout.is_active


def _ensure_bake_passed(rollout: Rollout, now: datetime) -> None:
    bake_until = as_utc(rollout.bake_until)
    if bake_until is None or not rollout.is_active or now >= bake_until:
        return
    left = math.ceil((bake_until - now).total_seconds())
    raise Conflict(
        f"The rollout is baking at 100% for {left} more second(s); it completes once the bake has passed "
        "(a breach meanwhile pauses or rolls it back). The bake cannot be skipped.",
        title="Bake not passed",
        seconds_left=left,
        bake_until=bake_until.isoformat(),
    )


async def _start_bake(
    session: AsyncSession,
    *,
    principal: Principal,
    rollout: Rollout,
    reason: str | None,
    now: datetime,
    overridden: bool = False,
    automatic: bool = False,
    verdict: dict[str, Any] | None = None,
) -> Rollout:
    before = _state(rollout)
    rollout.gate_hold = None
    rollout.current_percent = 100
    rollout.stage_started_at = now  # the bake judges readings taken from now on
    rollout.bake_until = now + timedelta(seconds=rollout.bake_seconds)
    rollout.hold_until = rollout.bake_until
    rollout.next_check_at = rollout.bake_until
    await _changed(
        session,
        principal=principal,
        rollout=rollout,
        action="bake",
        event="rollout.bake_started",
        before=before,
        reason=reason,
        hold_overridden=overridden,
        automatic=automatic,
        gate=verdict,
        bake_seconds=rollout.bake_seconds,
        bake_until=rollout.bake_until,
    )
    if verdict:
        await _record_override(
            session, principal=principal, rollout=rollout, action="complete", verdict=verdict
        )
    await session.flush()
    return rollout


async def _bake_due(
    session: AsyncSession, *, rollout: Rollout, green: bool, checks: list[dict[str, Any]], now: datetime
) -> bool:
    """The scheduler at a baking rollout: complete once the bake has passed with green guardrails (no gate:
    it allowed the completion that started the bake, and the bake widens nothing); pause once on an
    inconclusive guardrail; else look again later. Returns whether it completed."""
    bake_until = as_utc(rollout.bake_until)
    if bake_until is not None and now < bake_until:
        rollout.next_check_at = bake_until
        return False
    if not green:
        if not await _pause_if_inconclusive(session, rollout=rollout, checks=checks, now=now):
            rollout.next_check_at = now + RECHECK
        return False
    try:
        async with session.begin_nested():
            await _complete(
                session,
                principal=SYSTEM,
                rollout=rollout,
                now=now,
                automatic=True,
                reason=f"bake of {rollout.bake_seconds} s passed with guardrails green",
            )
    except ProblemError:
        await session.refresh(rollout)
        rollout.next_check_at = None
        return False
    return True


# ---- inconclusive guardrails when a stage is due -------------------------------------------------------


def current_inconclusive_hold(rollout: Rollout) -> dict[str, Any] | None:
    """The scheduler's inconclusive pause marker, if it is for the current stage (or bake) as entered."""
    marker = rollout.inconclusive_hold or {}
    started = as_utc(rollout.stage_started_at)
    if (
        marker
        and marker.get("stage") == rollout.current_stage
        and marker.get("stage_started_at") == (started.isoformat() if started else None)
    ):
        return marker
    return None


def _fail_action(rollout: Rollout, check: dict[str, Any]) -> str:
    return check.get("on_fail") or rollout.on_breach


async def _pause_if_inconclusive(
    session: AsyncSession, *, rollout: Rollout, checks: list[dict[str, Any]], now: datetime
) -> bool:
    """A due stage (hold or bake passed) with an inconclusive acting guardrail never advances: the rollout
    pauses for a person's decision (only `warn` guardrails: a notification, no pause), recorded once per
    stage. After a resume the stage holds until green without pausing again. Returns whether it acted."""
    found = evaluation.inconclusive_checks(checks)
    if not found:
        return False
    if current_inconclusive_hold(rollout) is not None:
        return False
    started = as_utc(rollout.stage_started_at)
    pausing = any(_fail_action(rollout, c) != "warn" for c in found)
    rollout.inconclusive_hold = {
        "since": now.isoformat(),
        "stage": rollout.current_stage,
        "bake": is_baking(rollout),
        "stage_started_at": started.isoformat() if started else None,
        "checks": found,
    }
    names = ", ".join(f"{c['guardrail']} ({c['detail']})" for c in found)
    phase = "bake" if is_baking(rollout) else f"stage {rollout.current_stage + 1}"
    note = f"guardrail inconclusive when the {phase} was due: {names}; a person decides"
    _emit_guardrail_event(
        session,
        rollout,
        "rollout.guardrail_inconclusive",
        by=SYSTEM.sub,
        dry_run=False,
        items=[{**c, "action": _fail_action(rollout, c)} for c in found],
        action_taken="pause" if pausing else None,
        trigger="due",
    )
    if pausing:
        rollout.next_check_at = None
        await _pause(
            session, principal=SYSTEM, rollout=rollout, reason=note, automatic=True, inconclusive=True
        )
    else:
        state = _state(rollout)
        await history.record(
            session,
            principal=SYSTEM,
            project_key=rollout.project_key,
            resource_type=RESOURCE,
            resource_id=rollout.id,
            action="guardrail_inconclusive",
            before=state,
            after={**state, "inconclusive": found},
            note=note,
        )
        rollout.next_check_at = now + RECHECK
    return True


def _emit_guardrail_event(
    session: AsyncSession,
    rollout: Rollout,
    type_: str,
    *,
    by: str,
    dry_run: bool,
    items: list[dict[str, Any]],
    action_taken: str | None,
    **extra: Any,
) -> None:
    events.emit(
        session,
        source=SOURCE,
        type=type_,
        subject=str(rollout.id),
        project_key=rollout.project_key,
        data={
            "rollout_id": rollout.id,
            "release_id": rollout.release_id,
            "project_key": rollout.project_key,
            "name": rollout.name,
            "stage": rollout.current_stage,
            "percent": rollout.current_percent,
            "baking": is_baking(rollout),
            "by": by,
            "dry_run": dry_run,
            "guardrails": sorted({i["guardrail"] for i in items}),
            "items": items[:20],
            "action_taken": action_taken,
            **extra,
        },
    )


# ---- metric readings -----------------------------------------------------------------------------------


async def _latest_baselines(
    session: AsyncSession, rollout_id: uuid.UUID, metrics: Iterable[str]
) -> dict[str, float]:
    metrics = sorted(set(metrics))
    if not metrics:
        return {}
    reading = MetricReading
    latest = (
        select(reading.metric, func.max(reading.at).label("at"))
        .where(reading.rollout_id == rollout_id, reading.cohort == "baseline", reading.metric.in_(metrics))
        .group_by(reading.metric)
        .subquery()
    )
    stmt = (
        select(reading.metric, reading.value)
        .join(latest, and_(reading.metric == latest.c.metric, reading.at == latest.c.at))
        .where(reading.rollout_id == rollout_id, reading.cohort == "baseline")
        .order_by(reading.id)
    )
    return {metric: value for metric, value in (await session.execute(stmt)).all()}


async def record_readings(
    session: AsyncSession,
    *,
    principal: Principal,
    rollout_id: uuid.UUID,
    readings: Sequence[ReadingCreate],
    now: datetime,
) -> tuple[Rollout, list[MetricReading], str | None]:
    """Store readings and judge the canary ones against the current stage's guardrails; at the breach
    threshold the rollout pauses or rolls back by itself. Returns the rollout, the readings and the action
    taken (if any)."""
    rollout = await get_rollout(session, principal=principal, rollout_id=rollout_id, for_update=True)
    if not principal.is_service:
        ensure_role(principal, rollout.project_key, READING_ROLES, action="post metric readings")
    if not rollout.is_active:
        word = "finished" if rollout.is_finished else "not started"
        raise Conflict(
            f"The rollout is {rollout.status} ({word}); it takes no metric readings.", state=rollout.status
        )
    late = [i for i, r in enumerate(readings) if r.at is not None and as_utc(r.at) > now + FUTURE_SKEW]
    if late:
        raise UnprocessableEntity(
            "Readings may not be stamped in the future.",
            errors=[field_error(f"body.readings.{i}.at", "is in the future", "future") for i in late],
        )
    by_metric = _guardrails_by_metric(rollout)
    baselines = await _latest_baselines(
        session, rollout.id, (m for m, gs in by_metric.items() if any(g.relative for _, g in gs))
    )
    stage = rollout.current_stage
    ordered = sorted(readings, key=lambda r: as_utc(r.at) or now)
    rows: list[MetricReading] = []
    failures: list[dict[str, Any]] = []
    judged: list[dict[str, Any]] = []
    for item in ordered:
        at = as_utc(item.at) or now
        outcome, failed, checks = "unchecked", [], []
        if item.cohort == "baseline":
            baselines[item.metric] = item.value
        elif item.metric in by_metric:
            baseline = baselines.get(item.metric)
            outcome, failed, checks = evaluation.judge_reading(by_metric[item.metric], item.value, baseline)
            judged.extend(
                {"metric": item.metric, "value": item.value, "at": at, "baseline": baseline, **c}
                for c in checks
            )
            if failed:
                failures.append(
                    {
                        "metric": item.metric,
                        "value": item.value,
                        "at": at,
                        "failed": failed,
                        "baseline": baseline,
                    }
                )
        rows.append(
            MetricReading(
                project_key=rollout.project_key,
                rollout_id=rollout.id,
                stage_index=stage,
                metric=item.metric,
                value=item.value,
                cohort=item.cohort,
                at=at,
                source=item.source,
                outcome=outcome,
                failed=failed,
                checks=checks,
                created_by=principal.sub,
            )
        )
    session.add_all(rows)
    action_taken = await _act_on_readings(
        session, principal=principal, rollout=rollout, failures=failures, judged=judged, now=now
    )
    await session.flush()
    return rollout, rows, action_taken


def _guardrails_by_metric(rollout: Rollout) -> dict[str, list[tuple[int, Guardrail]]]:
    by_metric: dict[str, list[tuple[int, Guardrail]]] = {}
    for index, guardrail in enumerate(stage_guardrails(rollout)):
        by_metric.setdefault(guardrail.metric, []).append((index, guardrail))
    return by_metric


def _action_of(rollout: Rollout, guardrail: str, stage_guardrails_: list[Guardrail]) -> str:
    for g in stage_guardrails_:
        if g.expression == guardrail:
            return g.action(rollout.on_breach)
    return rollout.on_breach


async def _act_on_readings(
    session: AsyncSession,
    *,
    principal: Principal,
    rollout: Rollout,
    failures: list[dict[str, Any]],
    judged: list[dict[str, Any]],
    now: datetime,
) -> str | None:
    """What one request's judged readings do. Acting failures count for the stage (one per failing reading);
    at the breach threshold the strongest action of the guardrails that failed happens — rollback (also
    while paused: a breach during a pause or an operator's wait still rolls back), pause (while running),
    warn (a notification only). Otherwise an inconclusive reading of an acting guardrail pauses a running
    rollout for a person's decision (`warn` guardrails only notify). Dry runs are recorded and notified,
    never acted on. Every failure and inconclusive reading is in the history entry and an event."""
    stage = rollout.current_stage
    guardrails = stage_guardrails(rollout)
    for j in judged:
        j["action"] = "none" if j["dry_run"] else _action_of(rollout, j["guardrail"], guardrails)
    notable = [j for j in judged if j["outcome"] in (FAIL, INCONCLUSIVE)]
    acting_fail = [j for j in notable if j["outcome"] == FAIL and not j["dry_run"]]
    acting_grey = [j for j in notable if j["outcome"] == INCONCLUSIVE and not j["dry_run"]]
    dry_fail = [j for j in notable if j["outcome"] == FAIL and j["dry_run"]]
    dry_grey = [j for j in notable if j["outcome"] == INCONCLUSIVE and j["dry_run"]]
    action_taken, cause = None, None
    counts = list(rollout.failed_checks)
    if failures:
        counts[stage] += len(failures)
        rollout.failed_checks = counts
        if counts[stage] >= rollout.breach_threshold:
            wanted = max((j["action"] for j in acting_fail), key=lambda a: SEVERITY.get(a, 0))
            if wanted == "rollback" or (wanted == "pause" and rollout.status == "running"):
                action_taken, cause = wanted, "breach"
    if action_taken is None and rollout.status == "running":
        if any(j["action"] != "warn" for j in acting_grey):
            action_taken, cause = "pause", "inconclusive"
    if failures:
        breached = sorted({e for f in failures for e in f["failed"]})
        events.emit(
            session,
            source=SOURCE,
            type="rollout.guardrail_breached",
            subject=str(rollout.id),
            project_key=rollout.project_key,
            data={
                "rollout_id": rollout.id,
                "release_id": rollout.release_id,
                "project_key": rollout.project_key,
                "name": rollout.name,
                "stage": stage,
                "percent": rollout.current_percent,
                "baking": is_baking(rollout),
                "by": principal.sub,
                "guardrails": breached,
                "failures": failures[:20],
                "failed_checks": counts[stage],
                "breach_threshold": rollout.breach_threshold,
                "action_taken": action_taken if cause == "breach" else None,
                "actions": {j["guardrail"]: j["action"] for j in acting_fail},
                "dry_run": False,
            },
        )
    for type_, items, dry in (
        ("rollout.guardrail_breached", dry_fail, True),
        ("rollout.guardrail_inconclusive", acting_grey, False),
        ("rollout.guardrail_inconclusive", dry_grey, True),
    ):
        if not items:
            continue
        taken = action_taken if (not dry and cause == "inconclusive") else None
        extra: dict[str, Any] = {"trigger": "reading"}
        if type_ == "rollout.guardrail_breached":
            extra.update(
                failures=items[:20], failed_checks=counts[stage], breach_threshold=rollout.breach_threshold
            )
        _emit_guardrail_event(
            session, rollout, type_, by=principal.sub, dry_run=dry, items=items, action_taken=taken, **extra
        )
    if notable or any(j["dry_run"] for j in judged):
        tally: dict[str, dict[str, int]] = {"acting": {}, "dry_run": {}}
        for j in judged:
            side = tally["dry_run" if j["dry_run"] else "acting"]
            side[j["outcome"]] = side.get(j["outcome"], 0) + 1
        await history.record(
            session,
            principal=principal,
            project_key=rollout.project_key,
            resource_type=RESOURCE,
            resource_id=rollout.id,
            action="guardrails_judged",
            after=history.jsonable(
                {
                    "stage": stage,
                    "baking": is_baking(rollout),
                    "outcomes": tally,
                    "notable": notable[:20],
                    "failed_checks": counts[stage],
                    "action_taken": action_taken,
                }
            ),
            note=f"{len(notable)} failing or inconclusive guardrail check(s)" if notable else "dry run",
        )
    if action_taken is None:
        return None
    if cause == "breach":
        breached = sorted({e for f in failures for e in f["failed"]})
        reason = (
            f"guardrail breached: {', '.join(breached)} ({counts[stage]} failed check(s) in stage "
            f"{stage + 1}, threshold {rollout.breach_threshold})"
        )
    else:
        names = ", ".join(sorted({j["guardrail"] for j in acting_grey if j["action"] != "warn"}))
        reason = f"guardrail inconclusive: {names} (a reading in the grey band); a person decides"
    if action_taken == "pause":
        await _pause(
            session,
            principal=SYSTEM,
            rollout=rollout,
            reason=reason,
            automatic=True,
            triggered_by=principal.sub,
            inconclusive=cause == "inconclusive",
        )
    else:
        await _rollback(
            session,
            principal=SYSTEM,
            rollout=rollout,
            reason=reason,
            now=now,
            automatic=True,
            triggered_by=principal.sub,
        )
    return action_taken


# ---- the scheduler -------------------------------------------------------------------------------------


def due_query(*, now: datetime, limit: int) -> Select:
    """Running rollouts whose next automatic check is due, locked; rows another replica holds are skipped
    (`FOR UPDATE SKIP LOCKED` on PostgreSQL; SQLite serializes writers instead)."""
    return (
        select(Rollout)
        .where(Rollout.status == "running", Rollout.next_check_at <= now)
        .order_by(Rollout.next_check_at, Rollout.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
        .execution_options(populate_existing=True)
    )


def _ready(rollout: Rollout, evidence: dict[int, tuple[str | None, int]], now: datetime) -> bool:
    """Auto-advance on, the hold passed and every guardrail green: the scheduler would move it through the
    gate (a baking rollout completes without asking it)."""
    hold_until = as_utc(rollout.hold_until)
    auto = rollout.stages[rollout.current_stage]["auto_advance"]
    green, _ = evaluation.stage_checks(rollout, evidence)
    return auto and green and not is_baking(rollout) and (hold_until is None or now >= hold_until)


async def gate_candidates(session: AsyncSession, *, now: datetime, limit: int = 50) -> list[dict[str, Any]]:
    """Read only, no locks: the releases of due rollouts the scheduler would move now, for asking the gate's
    siblings before the pass takes its locks."""
    stmt = (
        select(Rollout)
        .where(Rollout.status == "running", Rollout.next_check_at <= now)
        .order_by(Rollout.next_check_at, Rollout.id)
        .limit(limit)
    )
    due = list((await session.execute(stmt)).scalars().all())
    evidence = await evaluation.stage_evidence(session, due)
    release_ids = {r.release_id for r in due if _ready(r, evidence[r.id], now)}
    if not release_ids:
        return []
    rows = await session.execute(
        select(Release.id, Release.project_key, Release.semver, Release.scope).where(
            Release.id.in_(release_ids)
        )
    )
    return [
        {"release_id": r.id, "project_key": r.project_key, "version": r.semver, "scope": list(r.scope)}
        for r in rows
    ]


async def ask_siblings_for(
    siblings: GateSiblings, candidates: list[dict[str, Any]]
) -> dict[uuid.UUID, list[dict[str, Any]]]:
    """The gate's sibling checks for each candidate release, concurrently (each call within the budget)."""
    answers = await asyncio.gather(*(gate.sibling_checks(siblings, **c) for c in candidates))
    return {c["release_id"]: a for c, a in zip(candidates, answers, strict=True)}


async def _hold_for_gate(
    session: AsyncSession, *, rollout: Rollout, release: Release, checks: list[dict[str, Any]], now: datetime
) -> None:
    """The gate denies a due automatic advance: the stage waits and is asked again later. The denial is
    recorded once (history, a `rollout.gate_held` notification, a gate decision) and again only when its
    reasons change, so a long freeze does not write every pass."""
    failing = brief(checks)
    rollout.next_check_at = now + GATE_RECHECK
    previous = rollout.gate_hold or {}
    key = [(c["name"], c["reason"]) for c in failing]
    if (
        previous.get("environment") == rollout.environment
        and [(c["name"], c["reason"]) for c in previous.get("checks", [])] == key
    ):
        return
    hold = {"since": now.isoformat(), "environment": rollout.environment, "checks": failing}
    rollout.gate_hold = hold
    decision = gate.record_decision(
        session,
        principal=SYSTEM,
        release_id=release.id,
        project_key=release.project_key,
        version=release.semver,
        environment=rollout.environment,
        checks=checks,
        duration_ms=0,
        action="rollout.auto_advance",
        rollout_id=rollout.id,
    )
    names = ", ".join(f"{c['name']} ({c['reason']})" for c in failing)
    note = f"automatic advance held: the gate denies {rollout.environment}: {names}"
    state = _state(rollout)
    await history.record(
        session,
        principal=SYSTEM,
        project_key=rollout.project_key,
        resource_type=RESOURCE,
        resource_id=rollout.id,
        action="gate_hold",
        before=state,
        after={**state, "gate_hold": hold},
        note=note,
    )
    events.emit(
        session,
        source=SOURCE,
        type="rollout.gate_held",
        subject=str(rollout.id),
        project_key=rollout.project_key,
        data={
            "rollout_id": rollout.id,
            "release_id": rollout.release_id,
            "project_key": rollout.project_key,
            "name": rollout.name,
            "action": "gate_hold",
            "by": SYSTEM.sub,
            "by_name": SYSTEM.name,
            "reason": note,
            "from": state,
            "to": state,
            "stage_count": len(rollout.stages),
            "environment": rollout.environment,
            "checks": failing,
            "decision_id": str(decision.id),
        },
    )


async def advance_due(
    session: AsyncSession,
    *,
    now: datetime,
    sibling_checks: dict[uuid.UUID, list[dict[str, Any]]],
    limit: int = 50,
) -> list[uuid.UUID]:
    """One scheduler pass in the caller's transaction: lock due running rollouts (skipping those another
    replica holds), and for those whose hold has passed with every guardrail green ask the gate (the
    siblings' answers come in `sibling_checks`, asked before the locks were taken; the local checks run now)
    and advance (or complete, at the last stage) when it allows; look again later at the others. A rollout
    that became ready after the siblings were asked waits for the next pass. Returns the ids moved."""
    due = list((await session.execute(due_query(now=now, limit=limit))).scalars().all())
    evidence = await evaluation.stage_evidence(session, due)
    moved = []
    for rollout in due:
        green, checks = evaluation.stage_checks(rollout, evidence[rollout.id])
        hold_until = as_utc(rollout.hold_until)
        auto = rollout.stages[rollout.current_stage]["auto_advance"]
        if is_baking(rollout):
            if await _bake_due(session, rollout=rollout, green=green, checks=checks, now=now):
                moved.append(rollout.id)
            continue
        if not auto:
            rollout.next_check_at = None
            continue
        if not green or (hold_until is not None and now < hold_until):
            if hold_until is None or now >= hold_until:
                # Due, but inconclusive: pause for a person (once per stage); never advance.
                if await _pause_if_inconclusive(session, rollout=rollout, checks=checks, now=now):
                    continue
            rollout.next_check_at = max(now + RECHECK, hold_until or now)
            continue
        answers = sibling_checks.get(rollout.release_id)
        if answers is None:
            continue
        release = await _release_for_update(session, rollout)
        local = await gate.local_checks(session, release, rollout.environment, with_rollout=False)
        gate_checks = gate.ordered(local, answers)
        if not all(c["passed"] for c in gate_checks):
            await _hold_for_gate(session, rollout=rollout, release=release, checks=gate_checks, now=now)
            continue
        decision = gate.record_decision(
            session,
            principal=SYSTEM,
            release_id=release.id,
            project_key=release.project_key,
            version=release.semver,
            environment=rollout.environment,
            checks=gate_checks,
            duration_ms=0,
            action="rollout.auto_advance",
            rollout_id=rollout.id,
        )
        verdict = {"decision_id": str(decision.id), "environment": rollout.environment, "allowed": True}
        reason = "hold passed, guardrails green and the gate allows"
        try:
            async with session.begin_nested():
                if is_last_stage(rollout):
                    await _complete(
                        session,
                        principal=SYSTEM,
                        rollout=rollout,
                        reason=reason,
                        now=now,
                        automatic=True,
                        verdict=verdict,
                        release=release,
                    )
                else:
                    await _advance(
                        session,
                        principal=SYSTEM,
                        rollout=rollout,
                        reason=reason,
                        now=now,
                        automatic=True,
                        verdict=verdict,
                    )
        except ProblemError:
            # The release cannot follow (e.g. it left `deploying`): leave the rollout to people.
            await session.refresh(rollout)
            rollout.next_check_at = None
            continue
        moved.append(rollout.id)
    await session.flush()
    return moved


# ---- cohort decisions ----------------------------------------------------------------------------------


async def decision_target(
    session: AsyncSession, *, principal: Principal, rollout_id: uuid.UUID
) -> tuple[str, int, str, str]:
    """One primary-key read of what a decision needs: (status, exposed percent, group id, unit kind)."""
    stmt = select(
        Rollout.project_key, Rollout.status, Rollout.current_percent, Rollout.group_id, Rollout.unit_kind
    ).where(Rollout.id == rollout_id)
    row = (await session.execute(stmt)).first()
    visible(principal, row, f"Rollout {rollout_id} does not exist.")
    return row.status, cohorts.exposure(row.status, row.current_percent), row.group_id, row.unit_kind
