"""A rollout row as the API shows it (`RolloutPublic`), for every router that answers with a rollout."""

from release_svc.rollouts.models import Rollout
from release_svc.rollouts.schemas import (
    GateHold,
    GuardrailPublic,
    InconclusiveHold,
    RolloutPublic,
    StagePublic,
)
from release_svc.rollouts.states import allowed_actions, current_inconclusive_hold, is_baking


def to_public(rollout: Rollout) -> RolloutPublic:
    stages = [
        StagePublic(
            index=i,
            percent=s["percent"],
            min_hold_seconds=s["min_hold_seconds"],
            operator=s["operator"],
            auto_advance=s["auto_advance"],
            guardrails=[GuardrailPublic(**g) for g in s["guardrails"]],
            failed_checks=rollout.failed_checks[i] if i < len(rollout.failed_checks) else 0,
        )
        for i, s in enumerate(rollout.stages)
    ]
    return RolloutPublic(
        id=rollout.id,
        release_id=rollout.release_id,
        project_key=rollout.project_key,
        name=rollout.name,
        environment=rollout.environment,
        status=rollout.status,
        unit_kind=rollout.unit_kind,
        group_id=rollout.group_id,
        stages=stages,
        current_stage=rollout.current_stage,
        current_percent=rollout.current_percent,
        stage_started_at=rollout.stage_started_at,
        hold_until=rollout.hold_until,
        pause_reason=rollout.pause_reason,
        gate_hold=GateHold.model_validate(rollout.gate_hold) if rollout.gate_hold else None,
        on_breach=rollout.on_breach,
        breach_threshold=rollout.breach_threshold,
        abort_reason=rollout.abort_reason,
        bake_seconds=rollout.bake_seconds,
        baking=is_baking(rollout),
        bake_until=rollout.bake_until if is_baking(rollout) else None,
        inconclusive_hold=(
            InconclusiveHold.model_validate(hold)
            if (hold := current_inconclusive_hold(rollout)) and rollout.is_active
            else None
        ),
        started_at=rollout.started_at,
        finished_at=rollout.finished_at,
        created_by=rollout.created_by,
        created_at=rollout.created_at,
        updated_at=rollout.updated_at,
        revision=rollout.version,
        allowed_actions=allowed_actions(rollout),
    )
