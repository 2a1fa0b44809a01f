"""Queries of the gate: its decisions, and what the local checks read of a release's approvals, checklist
and rollouts (those tables belong to releases/ and rollouts/; the reads move there once they have
repositories)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.pagination import paginate

from release_svc.approvals.models import ReleaseApproval
from release_svc.checklist.models import ChecklistItem
from release_svc.gate.models import GateDecision
from release_svc.releases.models import Release
from release_svc.rollouts.models import Rollout


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


async def checklist_states(session: AsyncSession, release_id: uuid.UUID) -> list[Any]:
    """(id, title, status) of each checklist item of the release, in checklist order."""
    return list(
        (
            await session.execute(
                select(ChecklistItem.id, ChecklistItem.title, ChecklistItem.status)
                .where(ChecklistItem.release_id == release_id)
                .order_by(ChecklistItem.position)
            )
        ).all()
    )


async def latest_rollout(session: AsyncSession, release_id: uuid.UUID) -> Rollout | None:
    return (
        await session.execute(
            select(Rollout).where(Rollout.release_id == release_id).order_by(Rollout.id.desc()).limit(1)
        )
    ).scalar_one_or_none()


def add_decision(session: AsyncSession, decision: GateDecision) -> None:
    session.add(decision)


async def page_of_release(
    session: AsyncSession,
    release_id: uuid.UUID,
    *,
    allowed: bool | None,
    environment: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[GateDecision], str | None]:
    """The release's decisions, newest first, optionally only allowed (or refused) ones in one environment."""
    stmt = select(GateDecision).where(GateDecision.release_id == release_id)
    if allowed is not None:
        stmt = stmt.where(GateDecision.allowed == allowed)
    if environment:
        stmt = stmt.where(GateDecision.environment == environment)
    return await paginate(
        session,
        stmt,
        order=[(GateDecision.id, True)],
        id_column=GateDecision.id,
        limit=limit,
        cursor=cursor,
        sort_key="-id",
    )
