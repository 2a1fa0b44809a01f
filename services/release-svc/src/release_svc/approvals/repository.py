"""Queries of reviewers' decisions on releases."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from release_svc.approvals.models import ReleaseApproval
from release_svc.releases.models import Release


async def round_approvals(
    session: AsyncSession, *, release_id: uuid.UUID, review_round: int
) -> list[ReleaseApproval]:
    """The decisions of one review round, in the order they were given."""
    rows = await session.execute(
        select(ReleaseApproval)
        .where(ReleaseApproval.release_id == release_id, ReleaseApproval.review_round == review_round)
        .order_by(ReleaseApproval.at, ReleaseApproval.id)
    )
    return list(rows.scalars())


async def add_approval(session: AsyncSession, **fields: Any) -> ReleaseApproval:
    approval = ReleaseApproval(**fields)
    session.add(approval)
    return approval


async def approvers_who_approved(session: AsyncSession, release: Release) -> set[str]:
    """Who approved the release in its current review round."""
    rows = await session.execute(
        select(ReleaseApproval.approver).where(
            ReleaseApproval.release_id == release.id,
            ReleaseApproval.review_round == release.review_round,
            ReleaseApproval.decision == "approve",
        )
    )
    return {r[0] for r in rows}
