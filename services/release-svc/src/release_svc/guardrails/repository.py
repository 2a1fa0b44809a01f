"""The metric reading queries: latest baselines, the readings of each rollout's current stage, a rollout's
readings for listing."""

import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Select, and_, false, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from release_svc.guardrails.models import MetricReading


async def latest_baselines(
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


def in_current_stage(rollouts: Sequence[Any]) -> Any:
    """Readings of each rollout taken in its current stage (as entered: the stage index and since when),
    from the rollout rows the caller holds."""
    reading = MetricReading
    return or_(
        false(),  # a rollout never started has no stage to read (nor any at all)
        *(
            and_(
                reading.rollout_id == r.id,
                reading.stage_index == r.current_stage,
                reading.at >= r.stage_started_at,
            )
            for r in rollouts
            if r.stage_started_at is not None
        ),
    )


async def latest_canary_outcomes(session: AsyncSession, rollouts: Sequence[Any]) -> list[Any]:
    """(rollout id, metric, outcome) of the latest canary readings of each metric in the current stage (all
    readings at that latest instant)."""
    if not rollouts:
        return []
    reading = MetricReading
    latest = (
        select(reading.rollout_id, reading.metric, func.max(reading.at).label("at"))
        .where(in_current_stage(rollouts), reading.cohort == "canary")
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
    return list((await session.execute(stmt)).all())


async def stage_readings(
    session: AsyncSession, rollouts: Sequence[Any]
) -> tuple[dict[tuple[uuid.UUID, str], int], list[Any]]:
    """For the rollouts' current stages: (rollout id, metric) → number of canary readings, and the latest
    canary readings of each metric (rollout_id, metric, outcome, failed, checks); two queries."""
    if not rollouts:
        return {}, []
    reading = MetricReading
    counted = (
        select(reading.rollout_id, reading.metric, func.count().label("n"), func.max(reading.at).label("at"))
        .where(in_current_stage(rollouts), reading.cohort == "canary")
        .group_by(reading.rollout_id, reading.metric)
    )
    counts: dict[tuple[uuid.UUID, str], int] = {}
    for rollout_id, metric, n, _at in (await session.execute(counted)).all():
        counts[(rollout_id, metric)] = n
    latest = counted.subquery()
    stmt = (
        select(reading.rollout_id, reading.metric, reading.outcome, reading.failed, reading.checks)
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
    return counts, list((await session.execute(stmt)).all())


def readings_of(rollout_id: uuid.UUID, *, metric: str | None, cohort: str | None) -> Select:
    stmt = select(MetricReading).where(MetricReading.rollout_id == rollout_id)
    if metric:
        stmt = stmt.where(MetricReading.metric == metric)
    if cohort:
        stmt = stmt.where(MetricReading.cohort == cohort)
    return stmt


async def guardrail_trips(session: AsyncSession, rollout_ids: Sequence[uuid.UUID]) -> int:
    """How many guardrail readings of these rollouts failed."""
    return (
        await session.execute(
            select(func.count())
            .select_from(MetricReading)
            .where(MetricReading.rollout_id.in_(rollout_ids), MetricReading.outcome == "fail")
        )
    ).scalar_one()
