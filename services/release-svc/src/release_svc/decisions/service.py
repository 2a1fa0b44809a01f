"""Cohort decisions: what deciding a unit needs of a rollout, from this process's snapshot when it keeps
one (decisions/snapshot.py), else one primary-key read."""

import uuid

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.auth import Principal, visible

from release_svc.decisions import snapshot as snapshots
from release_svc.decisions.snapshot import DecisionInputs, DecisionSnapshot
from release_svc.rollouts import repository


async def decision_target(
    session: AsyncSession,
    *,
    principal: Principal,
    rollout_id: uuid.UUID,
    snapshot: DecisionSnapshot | None,
) -> DecisionInputs:
    """(project, status, exposed percent, group id, unit kind) of a rollout the caller may read."""
    if snapshot is not None:
        inputs = await snapshots.decision_inputs(session, snapshot, rollout_id)
    else:
        row = await repository.decision_row(session, rollout_id)
        inputs = snapshots.inputs_of(row) if row is not None else None
    return visible(principal, inputs, f"Rollout {rollout_id} does not exist.")
