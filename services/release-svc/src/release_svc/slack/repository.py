"""Queries of the Slack user mapping, and the rollout or release a button names (tables of rollouts/ and
releases/; those reads move there once they have repositories)."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from release_svc.releases.models import Release
from release_svc.rollouts.models import Rollout
from release_svc.slack.models import SlackUser


async def mapping(
    session: AsyncSession, project_key: str, slack_user_id: str, *, for_update: bool = False
) -> SlackUser | None:
    stmt = select(SlackUser).where(
        SlackUser.project_key == project_key, SlackUser.slack_user_id == slack_user_id
    )
    if for_update:
        stmt = stmt.with_for_update()
    return (await session.execute(stmt)).scalar_one_or_none()


async def mappings_of(session: AsyncSession, project_key: str) -> list[SlackUser]:
    rows = await session.execute(
        select(SlackUser).where(SlackUser.project_key == project_key).order_by(SlackUser.slack_user_id)
    )
    return list(rows.scalars())


def add(session: AsyncSession, row: SlackUser) -> None:
    session.add(row)


async def delete(session: AsyncSession, row: SlackUser) -> None:
    await session.delete(row)


async def rollout(session: AsyncSession, rollout_id: uuid.UUID) -> Rollout | None:
    return await session.get(Rollout, rollout_id)


async def release(session: AsyncSession, release_id: uuid.UUID) -> Release | None:
    return await session.get(Release, release_id)
