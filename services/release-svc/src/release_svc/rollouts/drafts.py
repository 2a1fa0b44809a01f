"""Editing a draft rollout: a JSON merge patch checked with the rules of create."""

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import events, history
from tpmhub_shared.auth import PLANNERS, Principal, ensure_role
from tpmhub_shared.concurrency import check_if_match
from tpmhub_shared.problems import InvalidTransition, UnprocessableEntity, field_error

from release_svc.environments.service import resolve_environment
from release_svc.rollouts.models import Rollout
from release_svc.rollouts.schemas import RolloutCreate, RolloutUpdate, StageCreate
from release_svc.rollouts.service import get_rollout, parse_stages
from release_svc.rollouts.states import RESOURCE, SOURCE, allowed_actions, state_of

_EDITABLE = ("name", "environment", "unit_kind", "group_id", "stages", "on_breach", "breach_threshold")


def _as_create(rollout: Rollout, patch: RolloutUpdate) -> RolloutCreate:
    given = patch.model_fields_set
    nulls = [f for f in given if getattr(patch, f) is None]
    if nulls:
        raise UnprocessableEntity(
            f"{len(nulls)} field(s) may not be null.",
            errors=[field_error(f"body.{f}", "may not be null", "null") for f in sorted(nulls)],
        )
    current: dict[str, Any] = {
        "name": rollout.name,
        "environment": rollout.environment,
        "unit_kind": rollout.unit_kind,
        "group_id": rollout.group_id,
        "stages": [
            StageCreate(
                percent=s["percent"],
                min_hold_seconds=s["min_hold_seconds"],
                operator=s["operator"],
                auto_advance=s["auto_advance"],
                guardrails=[g["expression"] for g in s["guardrails"]],
            )
            for s in rollout.stages
        ],
        "on_breach": rollout.on_breach,
        "breach_threshold": rollout.breach_threshold,
    }
    current.update({f: getattr(patch, f) for f in given})
    return RolloutCreate.model_construct(**current)


async def update_draft(
    session: AsyncSession,
    *,
    principal: Principal,
    rollout_id: uuid.UUID,
    patch: RolloutUpdate,
    if_match: str | None,
) -> Rollout:
    """Merge-patch a draft rollout with the rules of create (admin, pm, tpm). Any other state: 409 with the
    allowed actions. Invalid stages: 422 naming the field, nothing changed."""
    rollout = await get_rollout(session, principal=principal, rollout_id=rollout_id, for_update=True)
    ensure_role(principal, rollout.project_key, PLANNERS, action="edit a rollout")
    check_if_match(if_match, rollout.version)
    if rollout.status != "draft":
        raise InvalidTransition(
            "edit",
            rollout.status,
            allowed_actions(rollout),
            f"Only a draft rollout can be edited; this one is {rollout.status}.",
        )
    data = _as_create(rollout, patch)
    stages = parse_stages(data) if "stages" in patch.model_fields_set else rollout.stages
    environment = rollout.environment
    if "environment" in patch.model_fields_set:
        environment = await resolve_environment(
            session, rollout.project_key, data.environment, loc="body.environment"
        )
    before = history.snapshot(rollout, list(_EDITABLE))
    rollout.name = data.name
    rollout.environment = environment
    rollout.unit_kind = data.unit_kind
    rollout.group_id = data.group_id
    if stages != rollout.stages:
        rollout.stages = stages
        rollout.failed_checks = [0] * len(stages)
    rollout.on_breach = data.on_breach
    rollout.breach_threshold = data.breach_threshold
    after = history.snapshot(rollout, list(_EDITABLE))
    changed = sorted(k for k in _EDITABLE if before[k] != after[k])
    if changed:
        await history.record(
            session,
            principal=principal,
            project_key=rollout.project_key,
            resource_type=RESOURCE,
            resource_id=rollout.id,
            action="update",
            before=before,
            after=after,
        )
        events.emit(
            session,
            source=SOURCE,
            type="rollout.updated",
            subject=str(rollout.id),
            project_key=rollout.project_key,
            data={
                "rollout_id": rollout.id,
                "release_id": rollout.release_id,
                "project_key": rollout.project_key,
                "name": rollout.name,
                "action": "edit",
                "by": principal.sub,
                "by_name": principal.name,
                "reason": None,
                "from": state_of(rollout),
                "to": state_of(rollout),
                "stage_count": len(rollout.stages),
                "changed": changed,
            },
        )
    await session.flush()
    return rollout
