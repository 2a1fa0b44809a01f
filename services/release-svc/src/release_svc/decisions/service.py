"""Cohort decisions: what deciding a unit needs of a rollout, from this process's snapshot
(decisions/snapshot.py; on a miss one primary-key read), and the answers as bytes, encoded by orjson from
the computed values in the documented models' field order (`DecisionPublic`, `DecisionBatchPublic`;
tests/test_decide_fast.py holds them to the models' bytes)."""

import uuid
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.auth import Principal, visible
from tpmhub_shared.fast_reads import encode

from release_svc.decisions import cohorts
from release_svc.decisions.snapshot import DecisionInputs, DecisionSnapshot, decision_inputs


async def decision_target(
    session: AsyncSession, *, principal: Principal, rollout_id: uuid.UUID, snapshot: DecisionSnapshot
) -> DecisionInputs:
    """(project, status, exposed percent, group id, unit kind) of a rollout the caller may read."""
    inputs = await decision_inputs(session, snapshot, rollout_id)
    return visible(principal, inputs, f"Rollout {rollout_id} does not exist.")


def single_answer(rollout_id: uuid.UUID, target: DecisionInputs, unit: str) -> bytes:
    """`DecisionPublic` of one unit."""
    bucket, enabled = cohorts.decide(target.group_id, unit, target.percent)
    return encode(
        {
            "unit": unit,
            "bucket": bucket,
            "enabled": enabled,
            "rollout_id": str(rollout_id),
            "status": target.status,
            "percent": target.percent,
            "unit_kind": target.unit_kind,
            "group_id": target.group_id,
        }
    )


def batch_answer(rollout_id: uuid.UUID, target: DecisionInputs, units: Sequence[str]) -> bytes:
    """`DecisionBatchPublic` of the units, in the order asked (duplicates answered again)."""
    decisions, enabled_count = cohorts.decide_all(target.group_id, units, target.percent)
    return encode(
        {
            "rollout_id": str(rollout_id),
            "status": target.status,
            "percent": target.percent,
            "unit_kind": target.unit_kind,
            "group_id": target.group_id,
            "decisions": decisions,
            "enabled_count": enabled_count,
        }
    )
