"""Cohort decisions: what deciding a unit needs of a rollout, read once."""

import uuid

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.auth import Principal, visible

from release_svc.decisions import cohorts
from release_svc.rollouts import repository


async def decision_target(
    session: AsyncSession, *, principal: Principal, rollout_id: uuid.UUID
) -> tuple[str, int, str, str]:
    """One primary-key read of what a decision needs: (status, exposed percent, group id, unit kind)."""
    row = await repository.decision_row(session, rollout_id)
    visible(principal, row, f"Rollout {rollout_id} does not exist.")
    return row.status, cohorts.exposure(row.status, row.current_percent), row.group_id, row.unit_kind
