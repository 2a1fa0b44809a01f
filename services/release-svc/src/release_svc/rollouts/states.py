"""What a rollout is at a moment: its vocabulary (who acts, which roles steer) and the pure state rules
(allowed actions, the stage, bake and inconclusive markers). No database access."""

from datetime import datetime, timedelta
from typing import Any

from tpmhub_shared.auth import Principal
from tpmhub_shared.ids import as_utc

from release_svc.guardrails.expressions import Guardrail
from release_svc.rollouts.models import Rollout

SOURCE = "/tpmhub/release-svc"
RESOURCE = "rollout"

# Who acts when the service itself pauses, rolls back or advances a rollout.
SYSTEM = Principal(sub="tpmhub:rollouts", name="Rollout automation", service="release-svc")

# Besides the stage operator: who may start, advance, resume and complete (and override a hold).
STEERING_ROLES = frozenset({"tpm"})

# Besides any stage operator: who may pause or roll back (stopping is always safe).
STOPPING_ROLES = frozenset({"pm", "tpm", "engineer", "qa", "ci"})

# How soon the scheduler looks again at a due rollout whose guardrails are not green yet.
RECHECK = timedelta(seconds=5)


def stage_guardrails(rollout: Rollout, index: int | None = None) -> list[Guardrail]:
    stage = rollout.stages[rollout.current_stage if index is None else index]
    return [Guardrail.from_dict(g) for g in stage["guardrails"]]


def is_last_stage(rollout: Rollout) -> bool:
    return rollout.current_stage >= len(rollout.stages) - 1


def allowed_actions(rollout: Rollout) -> list[str]:
    if rollout.status == "draft":
        return ["start", "edit", "abort"]
    if rollout.status == "running":
        return ["complete" if is_last_stage(rollout) else "advance", "pause", "rollback", "abort"]
    if rollout.status == "paused":
        return ["resume", "rollback", "abort"]
    return []


def state_of(rollout: Rollout) -> dict[str, Any]:
    return {"status": rollout.status, "stage": rollout.current_stage, "percent": rollout.current_percent}


def enter_stage(rollout: Rollout, index: int, now: datetime) -> None:
    stage = rollout.stages[index]
    rollout.current_stage = index
    rollout.current_percent = stage["percent"]
    rollout.stage_started_at = now
    rollout.hold_until = now + timedelta(seconds=stage["min_hold_seconds"])
    rollout.next_check_at = rollout.hold_until if stage["auto_advance"] else None


def bake_pending(rollout: Rollout) -> bool:
    return rollout.bake_seconds > 0 and rollout.bake_until is None


def is_baking(rollout: Rollout) -> bool:
    return rollout.bake_until is not None and rollout.is_active


def current_inconclusive_hold(rollout: Rollout) -> dict[str, Any] | None:
    """The scheduler's inconclusive pause marker, if it is for the current stage (or bake) as entered."""
    marker = rollout.inconclusive_hold or {}
    started = as_utc(rollout.stage_started_at)
    if (
        marker
        and marker.get("stage") == rollout.current_stage
        and marker.get("stage_started_at") == (started.isoformat() if started else None)
    ):
        return marker
    return None
