"""Cohort decisions: what deciding a unit needs of a rollout, from this process's snapshot
(decisions/snapshot.py; on a miss one primary-key read)."""

import uuid

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.auth import Principal, visible

from release_svc.decisions.snapshot import DecisionInputs, DecisionSnapshot, decision_inputs


async def decision_target(
    session: AsyncSession, *, principal: Principal, rollout_id: uuid.UUID, snapshot: DecisionSnapshot
) -> DecisionInputs:
    """(project, status, exposed percent, group id, unit kind) of a rollout the caller may read."""
    inputs = await decision_inputs(session, snapshot, rollout_id)
    return visible(principal, inputs, f"Rollout {rollout_id} does not exist.")
