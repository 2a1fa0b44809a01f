"""Guardrail evaluation: one reading against the stage's guardrails, and each guardrail's state in a stage.

A reading is judged by every guardrail of the current stage that names its metric. Its `outcome` sums up
the acting guardrails only (fail > inconclusive > no_baseline > pass; `unchecked` when none names it); the
per-guardrail results, dry runs included, are kept in `checks`. A guardrail's state in a stage comes from
the latest canary reading of its metric taken in the stage and the number of such readings
(`min_readings`). Green means every acting guardrail passes; dry runs are shown and never hold."""

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from release_svc.guardrails import repository
from release_svc.guardrails.expressions import (
    FAIL,
    INCONCLUSIVE,
    NO_BASELINE,
    PASS,
    Guardrail,
    stage_state,
)
from release_svc.rollouts.models import Rollout

# Which of two outcomes wins (two readings at one instant, or a reading's acting guardrails).
RANK = {PASS: 0, NO_BASELINE: 1, INCONCLUSIVE: 2, FAIL: 3}


def worst(outcomes: Sequence[str]) -> str | None:
    return max(outcomes, key=lambda o: RANK.get(o, -1)) if outcomes else None


def judge_reading(
    guardrails: Sequence[tuple[int, Guardrail]], value: float, baseline: float | None
) -> tuple[str, list[str], list[dict[str, Any]]]:
    """(outcome over the acting guardrails, acting guardrails failed, per-guardrail checks) of one canary
    reading; `guardrails` are (index in the stage, guardrail) of those naming the reading's metric."""
    checks = []
    for index, guardrail in guardrails:
        checks.append(
            {
                "index": index,
                "guardrail": guardrail.expression,
                "outcome": guardrail.judge(value, baseline),
                "dry_run": guardrail.dry_run,
                "limit": guardrail.limit(baseline),
            }
        )
    acting = [c for c in checks if not c["dry_run"]]
    outcome = worst([c["outcome"] for c in acting]) or "unchecked"
    failed = [c["guardrail"] for c in acting if c["outcome"] == FAIL]
    return outcome, failed, checks


def _outcome_for(guardrail: Guardrail, index: int, row: Any) -> str | None:
    """This guardrail's outcome for one stored reading (readings stored before per-guardrail checks carry
    only the metric's outcome, which then counts for every guardrail of the metric)."""
    if row.checks:
        for check in row.checks:
            if check.get("index") == index and check.get("guardrail") == guardrail.expression:
                return check["outcome"]
        return None
    if guardrail.expression in (row.failed or []):
        return FAIL
    return row.outcome if row.outcome in RANK else None


async def stage_evidence(
    session: AsyncSession, rollouts: Sequence[Rollout]
) -> dict[uuid.UUID, dict[int, tuple[str | None, int]]]:
    """For each rollout, guardrail index → (outcome of the latest canary reading of its metric taken in the
    current stage, number of canary readings of the metric in the stage); two queries for any number."""
    ids = [r.id for r in rollouts]
    found: dict[uuid.UUID, dict[int, tuple[str | None, int]]] = {i: {} for i in ids}
    if not ids:
        return found
    counts, latest = await repository.stage_readings(session, rollouts)
    rows: dict[tuple[uuid.UUID, str], list[Any]] = {}
    for row in latest:
        rows.setdefault((row.rollout_id, row.metric), []).append(row)
    by_id = {r.id: r for r in rollouts}
    for rollout_id in ids:
        rollout = by_id[rollout_id]
        stage = rollout.stages[rollout.current_stage]
        for index, data in enumerate(stage["guardrails"]):
            guardrail = Guardrail.from_dict(data)
            key = (rollout_id, guardrail.metric)
            outcomes = [o for row in rows.get(key, []) if (o := _outcome_for(guardrail, index, row))]
            found[rollout_id][index] = (worst(outcomes), counts.get(key, 0))
    return found


def stage_checks(
    rollout: Rollout, evidence: dict[int, tuple[str | None, int]]
) -> tuple[bool, list[dict[str, Any]]]:
    """(green, [{guardrail, metric, state, dry_run, readings, min_readings, detail}]) of the current stage:
    green only when every acting guardrail passes with enough readings; no data means hold, never pass."""
    checks = []
    for index, data in enumerate(rollout.stages[rollout.current_stage]["guardrails"]):
        guardrail = Guardrail.from_dict(data)
        latest, readings = evidence.get(index, (None, 0))
        state = stage_state(guardrail, latest, readings)
        detail = None
        if state == INCONCLUSIVE and latest == PASS:
            detail = f"too few readings: {readings} of {guardrail.min_readings}"
        elif state == INCONCLUSIVE:
            detail = "latest reading in the grey band"
        checks.append(
            {
                "guardrail": guardrail.expression,
                "metric": guardrail.metric,
                "state": state,
                "dry_run": guardrail.dry_run,
                "on_fail": guardrail.on_fail,
                "readings": readings,
                "min_readings": guardrail.min_readings,
                "detail": detail,
            }
        )
    acting = [c for c in checks if not c["dry_run"]]
    return all(c["state"] == PASS for c in acting), checks


def inconclusive_checks(checks: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The acting guardrails that are inconclusive (what makes the scheduler pause for a person)."""
    return [c for c in checks if not c["dry_run"] and c["state"] == INCONCLUSIVE]
