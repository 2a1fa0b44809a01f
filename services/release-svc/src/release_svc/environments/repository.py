"""Queries of the project environments table, and what a removal checks: the environments named by
unfinished rollouts and by freeze windows not yet over (those tables belong to rollouts/ and releases/; the
reads move there once they have repositories)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from release_svc.environments.models import ProjectEnvironments
from release_svc.freezes.models import FreezeWindow
from release_svc.rollouts.models import Rollout


async def project_row(
    session: AsyncSession, project_key: str, *, for_update: bool = False
) -> ProjectEnvironments | None:
    stmt = select(ProjectEnvironments).where(ProjectEnvironments.project_key == project_key)
    if for_update:
        stmt = stmt.with_for_update().execution_options(populate_existing=True)
    return (await session.execute(stmt)).scalar_one_or_none()


def add(session: AsyncSession, row: ProjectEnvironments) -> None:
    session.add(row)


async def unfinished_rollouts_in(
    session: AsyncSession, project_key: str, environments: Collection[str]
) -> list[Any]:
    """(id, environment) of the project's draft, running or paused rollouts to any of `environments`."""
    rows = await session.execute(
        select(Rollout.id, Rollout.environment).where(
            Rollout.project_key == project_key,
            Rollout.status.in_(("draft", "running", "paused")),
            Rollout.environment.in_(sorted(environments)),
        )
    )
    return list(rows)


async def freeze_windows_not_ended(session: AsyncSession, project_key: str, now: datetime) -> list[Any]:
    """(id, environments) of the project's freeze windows that end after `now`."""
    rows = await session.execute(
        select(FreezeWindow.id, FreezeWindow.environments).where(
            FreezeWindow.project_key == project_key, FreezeWindow.ends_at > now
        )
    )
    return list(rows)
