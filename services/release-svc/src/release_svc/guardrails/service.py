"""Metric readings and guardrail evaluation in a rollout: recording and judging readings, what a breach or
an inconclusive reading does (pause or roll back through the rollout state machine), where each guardrail
of the current stage stands, and the inconclusive pause when a stage is due."""

import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import events, history
from tpmhub_shared.auth import Principal, ensure_role
from tpmhub_shared.ids import as_utc
from tpmhub_shared.pagination import paginate
from tpmhub_shared.problems import Conflict, UnprocessableEntity, field_error

from release_svc.guardrails import evaluation, repository
from release_svc.guardrails.expressions import FAIL, INCONCLUSIVE, SEVERITY, Guardrail
from release_svc.guardrails.models import MetricReading
from release_svc.guardrails.schemas import ReadingCreate
from release_svc.rollouts.machine import pause_rollout, roll_back_rollout
from release_svc.rollouts.models import Rollout
from release_svc.rollouts.service import get_rollout
from release_svc.rollouts.states import (
    RECHECK,
    RESOURCE,
    SOURCE,
    SYSTEM,
    current_inconclusive_hold,
    is_baking,
    stage_guardrails,
    state_of,
)

# Who may post metric readings (service tokens always may).
READING_ROLES = frozenset({"tpm", "engineer", "qa", "ci"})

# A reading may be stamped at most this far in the future (clock skew).
FUTURE_SKEW = timedelta(minutes=5)


# ---- where the guardrails stand ------------------------------------------------------------------------


async def latest_outcomes(
    session: AsyncSession, rollouts: Sequence[Rollout]
) -> dict[uuid.UUID, dict[str, str]]:
    """For each rollout, metric → outcome of its latest canary reading taken in the current stage (one query
    for any number of rollouts). A metric without such a reading is absent: no data."""
    found: dict[uuid.UUID, dict[str, str]] = {r.id: {} for r in rollouts}
    for rollout_id, metric, outcome in await repository.latest_canary_outcomes(session, rollouts):
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
    return await paginate(
        session,
        repository.readings_of(rollout_id, metric=metric, cohort=cohort),
        order=[],
        id_column=MetricReading.id,
        limit=limit,
        cursor=cursor,
        sort_key="readings",
    )


# ---- inconclusive guardrails when a stage is due -------------------------------------------------------


def _fail_action(rollout: Rollout, check: dict[str, Any]) -> str:
    return check.get("on_fail") or rollout.on_breach


async def pause_if_inconclusive(
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
        await pause_rollout(
            session, principal=SYSTEM, rollout=rollout, reason=note, automatic=True, inconclusive=True
        )
    else:
        state = state_of(rollout)
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
    baselines = await repository.latest_baselines(
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
        await pause_rollout(
            session,
            principal=SYSTEM,
            rollout=rollout,
            reason=reason,
            automatic=True,
            triggered_by=principal.sub,
            inconclusive=cause == "inconclusive",
        )
    else:
        await roll_back_rollout(
            session,
            principal=SYSTEM,
            rollout=rollout,
            reason=reason,
            now=now,
            automatic=True,
            triggered_by=principal.sub,
        )
    return action_taken
