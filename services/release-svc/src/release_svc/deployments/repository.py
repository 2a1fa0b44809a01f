"""Queries of the deployment table: records, lists, and the DORA aggregates (in SQL); and the release a
record names (the releases table belongs to releases/; the read moves there once it has a repository)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.pagination import paginate

from release_svc.deployments.models import Deployment
from release_svc.releases.models import Release

FINISHED = ("succeeded", "failed", "rolled_back")
SORTS = {"started": Deployment.started_at}


async def get(session: AsyncSession, deployment_id: uuid.UUID) -> Deployment | None:
    return await session.get(Deployment, deployment_id)


async def release(session: AsyncSession, release_id: uuid.UUID) -> Release | None:
    return await session.get(Release, release_id)


def add(session: AsyncSession, row: Deployment) -> None:
    session.add(row)


async def page_of_project(
    session: AsyncSession,
    project_key: str,
    *,
    environment: str | None,
    release_id: uuid.UUID | None,
    status: str | None,
    order: Any,
    sort_key: str,
    limit: int,
    cursor: str | None,
) -> tuple[list[Deployment], str | None]:
    stmt = select(Deployment).where(Deployment.project_key == project_key)
    if environment:
        stmt = stmt.where(Deployment.environment == environment)
    if release_id:
        stmt = stmt.where(Deployment.release_id == release_id)
    if status:
        stmt = stmt.where(Deployment.status == status)
    return await paginate(
        session, stmt, order=order, id_column=Deployment.id, limit=limit, cursor=cursor, sort_key=sort_key
    )


async def _median(session: AsyncSession, stmt: Select, count: int) -> float | None:
    """Median of the single column `stmt` selects (already filtered, non-null), read with OFFSET in SQL."""
    if count == 0:
        return None
    offset = (count - 1) // 2
    values = list(
        (
            await session.execute(
                stmt.order_by(stmt.selected_columns[0]).offset(offset).limit(1 if count % 2 else 2)
            )
        ).scalars()
    )
    return sum(values) / len(values)


@dataclass(frozen=True)
class DoraFigures:
    """Of the finished deployments in a window: how many, succeeded, failed (or caused a failure); the mean
    and median lead time of the successful ones; how many failures were restored, their median restore."""

    total: int
    succeeded: int
    failures: int
    lead_mean: Any
    lead_median: float | None
    restored: int
    restore_median: float | None


async def dora_figures(
    session: AsyncSession, *, project_key: str, environment: str, start: datetime, end: datetime
) -> DoraFigures:
    """The DORA figures of the finished deployments to `environment` started in [start, end)."""
    window = and_(
        Deployment.project_key == project_key,
        Deployment.environment == environment,
        Deployment.started_at >= start,
        Deployment.started_at < end,
        Deployment.status.in_(FINISHED),
    )
    failed = or_(Deployment.status.in_(("failed", "rolled_back")), Deployment.caused_failure.is_(True))
    succeeded = Deployment.status == "succeeded"
    row = (
        await session.execute(
            select(
                func.count(),
                func.sum(case((succeeded, 1), else_=0)),
                func.sum(case((failed, 1), else_=0)),
                func.sum(case((and_(succeeded, Deployment.lead_time_seconds.is_not(None)), 1), else_=0)),
                func.avg(case((succeeded, Deployment.lead_time_seconds), else_=None)),
                func.sum(case((and_(failed, Deployment.restore_seconds.is_not(None)), 1), else_=0)),
            ).where(window)
        )
    ).one()
    total, ok, failures, with_lead, lead_mean, restored = (
        row[0],
        row[1] or 0,
        row[2] or 0,
        row[3] or 0,
        row[4],
        row[5] or 0,
    )
    lead_median = await _median(
        session,
        select(Deployment.lead_time_seconds).where(
            window, succeeded, Deployment.lead_time_seconds.is_not(None)
        ),
        with_lead,
    )
    restore_median = await _median(
        session,
        select(Deployment.restore_seconds).where(window, failed, Deployment.restore_seconds.is_not(None)),
        restored,
    )
    return DoraFigures(total, ok, failures, lead_mean, lead_median, restored, restore_median)
