"""What the summary reads, all of it from other domains' tables (releases, gate decisions, rollouts,
verifications, release history). A read model: a few aggregate queries answer the whole view (rather than
one call per domain and release), and it writes nothing."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.history import HistoryEntry

from release_svc.gate.models import GateDecision
from release_svc.releases.models import Release
from release_svc.releases.service import RESOURCE as RELEASE_RESOURCE
from release_svc.rollouts.models import ACTIVE_STATUSES, Rollout
from release_svc.verification.models import Verification


async def release_states(session: AsyncSession, project_key: str) -> dict[str, int]:
    """How many of the project's releases are in each state."""
    return {
        s: int(n)
        for s, n in await session.execute(
            select(Release.status, func.count())
            .where(Release.project_key == project_key)
            .group_by(Release.status)
        )
    }


async def open_or_changed_releases(
    session: AsyncSession,
    project_key: str,
    lo: datetime,
    hi: datetime,
    *,
    finished: Collection[str],
    limit: int,
) -> list[Release]:
    """The project's releases not in a `finished` state, or changed in [lo, hi), oldest first."""
    return list(
        (
            await session.execute(
                select(Release)
                .where(
                    Release.project_key == project_key,
                    or_(
                        Release.status.not_in(finished),
                        (Release.updated_at >= lo) & (Release.updated_at < hi),
                    ),
                )
                .order_by(Release.created_at, Release.id)
                .limit(limit)
            )
        )
        .scalars()
        .all()
    )


async def release_versions(session: AsyncSession, ids: Collection[uuid.UUID]) -> dict[uuid.UUID, str]:
    return {
        rid: semver
        for rid, semver in await session.execute(
            select(Release.id, Release.semver).where(Release.id.in_(ids))
        )
    }


async def release_created_at(session: AsyncSession, ids: Collection[uuid.UUID]) -> dict[uuid.UUID, Any]:
    return dict(
        (await session.execute(select(Release.id, Release.created_at).where(Release.id.in_(ids)))).all()
    )


async def gate_denials(
    session: AsyncSession, project_key: str, lo: datetime, hi: datetime, *, limit: int
) -> list[GateDecision]:
    """The project's denied gate decisions in [lo, hi), oldest first."""
    return list(
        (
            await session.execute(
                select(GateDecision)
                .where(
                    GateDecision.project_key == project_key,
                    GateDecision.allowed.is_(False),
                    GateDecision.at >= lo,
                    GateDecision.at < hi,
                )
                .order_by(GateDecision.at, GateDecision.id)
                .limit(limit)
            )
        )
        .scalars()
        .all()
    )


async def active_rollouts(session: AsyncSession, project_key: str, *, limit: int) -> list[Rollout]:
    return list(
        (
            await session.execute(
                select(Rollout)
                .where(Rollout.project_key == project_key, Rollout.status.in_(ACTIVE_STATUSES))
                .order_by(Rollout.started_at, Rollout.id)
                .limit(limit)
            )
        )
        .scalars()
        .all()
    )


async def rolled_back_rollouts(
    session: AsyncSession, project_key: str, lo: datetime, hi: datetime
) -> list[Rollout]:
    """The project's rollouts rolled back in [lo, hi)."""
    return list(
        (
            await session.execute(
                select(Rollout).where(
                    Rollout.project_key == project_key,
                    Rollout.status == "rolled_back",
                    Rollout.finished_at >= lo,
                    Rollout.finished_at < hi,
                )
            )
        )
        .scalars()
        .all()
    )


async def release_moves(
    session: AsyncSession, project_key: str, lo: datetime, hi: datetime
) -> list[HistoryEntry]:
    """History entries of the project's releases being released or rolled back in [lo, hi), oldest first."""
    return list(
        (
            await session.execute(
                select(HistoryEntry)
                .where(
                    HistoryEntry.project_key == project_key,
                    HistoryEntry.resource_type == RELEASE_RESOURCE,
                    HistoryEntry.action.in_(("mark_released", "roll_back")),
                    HistoryEntry.at >= lo,
                    HistoryEntry.at < hi,
                )
                .order_by(HistoryEntry.at, HistoryEntry.id)
            )
        )
        .scalars()
        .all()
    )


async def verifications(
    session: AsyncSession, project_key: str, lo: datetime, hi: datetime, *, limit: int
) -> list[Verification]:
    """The project's verifications in [lo, hi), oldest first."""
    return list(
        (
            await session.execute(
                select(Verification)
                .where(
                    Verification.project_key == project_key,
                    Verification.verified_at >= lo,
                    Verification.verified_at < hi,
                )
                .order_by(Verification.verified_at, Verification.id)
                .limit(limit)
            )
        )
        .scalars()
        .all()
    )
