"""Queries of the retrospective table, and what a draft reads of the release's record: its history, gate
decisions, rollouts and their guardrail readings (tables of other domains; those reads move there once they
have repositories)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.history import HistoryEntry

from release_svc.gate.models import GateDecision
from release_svc.guardrails.models import MetricReading
from release_svc.retrospectives.models import Retrospective
from release_svc.rollouts.models import Rollout


async def of_release(
    session: AsyncSession, release_id: uuid.UUID, *, for_update: bool = False
) -> Retrospective | None:
    stmt = select(Retrospective).where(Retrospective.release_id == release_id)
    if for_update:
        stmt = stmt.with_for_update()
    return (await session.execute(stmt)).scalar_one_or_none()


async def exists_for(session: AsyncSession, release_id: uuid.UUID) -> bool:
    found = await session.execute(select(Retrospective.id).where(Retrospective.release_id == release_id))
    return found.first() is not None


def add(session: AsyncSession, row: Retrospective) -> None:
    session.add(row)


async def release_history(session: AsyncSession, release_id: uuid.UUID, *, limit: int) -> list[HistoryEntry]:
    """The release's history entries, oldest first."""
    return list(
        (
            await session.execute(
                select(HistoryEntry)
                .where(HistoryEntry.resource_type == "release", HistoryEntry.resource_id == str(release_id))
                .order_by(HistoryEntry.id)
                .limit(limit)
            )
        ).scalars()
    )


async def gate_counts(session: AsyncSession, release_id: uuid.UUID) -> dict[bool, int]:
    """How many gate decisions on the release allowed (True) and denied (False)."""
    rows = (
        await session.execute(
            select(GateDecision.allowed, func.count())
            .where(GateDecision.release_id == release_id)
            .group_by(GateDecision.allowed)
        )
    ).all()
    return {bool(a): n for a, n in rows}


async def denied_checks(session: AsyncSession, release_id: uuid.UUID, *, limit: int) -> list[Any]:
    """The checks of the release's latest denied gate decisions, newest first."""
    return list(
        (
            await session.execute(
                select(GateDecision.checks)
                .where(GateDecision.release_id == release_id, GateDecision.allowed.is_(False))
                .order_by(GateDecision.id.desc())
                .limit(limit)
            )
        ).scalars()
    )


async def overridden_decisions(
    session: AsyncSession, release_id: uuid.UUID, *, limit: int
) -> list[GateDecision]:
    """The release's gate decisions someone went past (an override), oldest first."""
    return list(
        (
            await session.execute(
                select(GateDecision)
                .where(GateDecision.release_id == release_id, GateDecision.overridden_by.is_not(None))
                .order_by(GateDecision.id)
                .limit(limit)
            )
        ).scalars()
    )


async def rollout_ids(session: AsyncSession, release_id: uuid.UUID) -> list[uuid.UUID]:
    return [
        r
        for (r,) in (await session.execute(select(Rollout.id).where(Rollout.release_id == release_id))).all()
    ]


async def rollout_action_counts(session: AsyncSession, rollout_ids: Sequence[uuid.UUID]) -> dict[str, int]:
    """How often each action appears in these rollouts' history."""
    rows = await session.execute(
        select(HistoryEntry.action, func.count())
        .where(
            HistoryEntry.resource_type == "rollout",
            HistoryEntry.resource_id.in_([str(r) for r in rollout_ids]),
        )
        .group_by(HistoryEntry.action)
    )
    return {a: n for a, n in rows}


async def guardrail_trips(session: AsyncSession, rollout_ids: Sequence[uuid.UUID]) -> int:
    """How many guardrail readings of these rollouts failed."""
    return (
        await session.execute(
            select(func.count())
            .select_from(MetricReading)
            .where(MetricReading.rollout_id.in_(rollout_ids), MetricReading.outcome == "fail")
        )
    ).scalar_one()
