"""Rollout rules and transactions: reading, creating, who may act, and the actions that ask no gate (pause,
resume, roll back); DORA counts of how rollouts ended.

Every change of a rollout records history and emits a `rollout.*` event in the caller's transaction (see
`machine`); the gated actions and abort are in `flows`."""

import math
import secrets
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import history
from tpmhub_shared.auth import PLANNERS, Principal, ensure_role, visible
from tpmhub_shared.concurrency import check_if_match
from tpmhub_shared.ids import as_utc
from tpmhub_shared.pagination import paginate
from tpmhub_shared.problems import Conflict, Forbidden, InvalidTransition, UnprocessableEntity, field_error

from release_svc.environments.service import resolve_environment
from release_svc.guardrails.expressions import GuardrailSyntaxError, parse, with_options
from release_svc.releases import service as releases
from release_svc.rollouts import repository
from release_svc.rollouts.machine import pause_rollout, record_change, roll_back_rollout
from release_svc.rollouts.models import Rollout
from release_svc.rollouts.schemas import AdvanceRequest, GuardrailSpec, RolloutActionRequest, RolloutCreate
from release_svc.rollouts.states import (
    RESOURCE,
    STEERING_ROLES,
    STOPPING_ROLES,
    SYSTEM,
    allowed_actions,
    is_baking,
    state_of,
)

FINISHED_RELEASE_STATES = ("released", "rolled_back", "cancelled")


# ---- reading ------------------------------------------------------------------------------------------


async def get_rollout(
    session: AsyncSession, *, principal: Principal, rollout_id: uuid.UUID, for_update: bool = False
) -> Rollout:
    rollout = await repository.get(session, rollout_id, for_update=for_update)
    return visible(principal, rollout, f"Rollout {rollout_id} does not exist.")


async def active_rollout(session: AsyncSession, *, release_id: uuid.UUID) -> Rollout | None:
    """The release's running or paused rollout, if any."""
    return await repository.active_for_release(session, release_id)


async def list_rollouts(
    session: AsyncSession,
    *,
    principal: Principal,
    release_id: uuid.UUID,
    status: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[Rollout], str | None]:
    await releases.get_release(session, principal=principal, release_id=release_id)
    return await paginate(
        session,
        repository.of_release(release_id, status),
        order=[],
        id_column=Rollout.id,
        limit=limit,
        cursor=cursor,
        sort_key="rollouts",
    )


# ---- creating ------------------------------------------------------------------------------------------


def _parse_guardrail(entry: str | GuardrailSpec, loc: str, errors: list[dict[str, str]]) -> dict | None:
    """One guardrail as given (a string, or an object with options), parsed; errors name the field."""
    if isinstance(entry, str):
        text, spec, where = entry, None, loc
    else:
        text, spec, where = entry.expression, entry, f"{loc}.expression"
    try:
        guardrail = parse(text)
    except GuardrailSyntaxError as exc:
        errors.append(field_error(where, str(exc), "guardrail_invalid"))
        return None
    if spec is not None:
        try:
            guardrail = with_options(
                guardrail,
                inconclusive=spec.inconclusive,
                min_readings=spec.min_readings,
                on_fail=spec.on_fail,
                dry_run=spec.dry_run,
            )
        except GuardrailSyntaxError as exc:
            errors.append(field_error(f"{loc}.inconclusive", str(exc), "guardrail_invalid"))
            return None
    return guardrail.as_dict()


def parse_stages(data: RolloutCreate) -> list[dict[str, Any]]:
    errors: list[dict[str, str]] = []
    stages: list[dict[str, Any]] = []
    previous = 0
    for i, stage in enumerate(data.stages):
        if stage.percent <= previous:
            errors.append(
                field_error(
                    f"body.stages.{i}.percent",
                    f"must be greater than the previous stage's {previous}%",
                    "percent_order",
                )
            )
        previous = max(previous, stage.percent)
        parsed = []
        for j, entry in enumerate(stage.guardrails):
            if (one := _parse_guardrail(entry, f"body.stages.{i}.guardrails.{j}", errors)) is not None:
                parsed.append(one)
        stages.append(
            {
                "percent": stage.percent,
                "min_hold_seconds": stage.min_hold_seconds,
                "operator": stage.operator,
                "auto_advance": stage.auto_advance,
                "guardrails": parsed,
            }
        )
    if errors:
        raise UnprocessableEntity(f"{len(errors)} invalid stage field(s).", errors=errors)
    return stages


async def create_rollout(
    session: AsyncSession, *, principal: Principal, release_id: uuid.UUID, data: RolloutCreate
) -> Rollout:
    release = await releases.get_release(session, principal=principal, release_id=release_id)
    ensure_role(principal, release.project_key, PLANNERS, action="create a rollout")
    stages = parse_stages(data)
    environment = await resolve_environment(
        session, release.project_key, data.environment, loc="body.environment"
    )
    if release.status in FINISHED_RELEASE_STATES:
        raise Conflict(
            f"Release {release.semver} is {release.status}; it takes no new rollouts.",
            release_status=release.status,
        )
    rollout = Rollout(
        project_key=release.project_key,
        release_id=release.id,
        name=data.name,
        environment=environment,
        unit_kind=data.unit_kind,
        group_id=data.group_id or secrets.token_hex(8),
        stages=stages,
        on_breach=data.on_breach,
        breach_threshold=data.breach_threshold,
        bake_seconds=data.bake_seconds,
        failed_checks=[0] * len(stages),
        created_by=principal.sub,
    )
    session.add(rollout)
    await history.record(
        session,
        principal=principal,
        project_key=rollout.project_key,
        resource_type=RESOURCE,
        resource_id=rollout.id,
        action="create",
        after=history.snapshot(rollout),
    )
    await session.flush()
    return rollout


# ---- who may act ---------------------------------------------------------------------------------------


def ensure_allowed(rollout: Rollout, action: str) -> None:
    allowed = allowed_actions(rollout)
    if action in allowed:
        return
    detail = None
    if rollout.status == "running" and action in ("advance", "complete"):
        detail = (
            "The last stage is reached: complete the rollout."
            if action == "advance"
            else f"Complete is allowed at the last stage; the rollout is at stage "
            f"{rollout.current_stage + 1} of {len(rollout.stages)}."
        )
    raise InvalidTransition(action, rollout.status, allowed, detail)


def is_operator(principal: Principal, rollout: Rollout, *, any_stage: bool = False) -> bool:
    if not principal.can_read(rollout.project_key):
        return False
    if any_stage:
        return any(s["operator"] == principal.sub for s in rollout.stages)
    return rollout.stages[rollout.current_stage]["operator"] == principal.sub


def ensure_steering(principal: Principal, rollout: Rollout, action: str) -> None:
    if is_operator(principal, rollout) or principal.can(rollout.project_key, STEERING_ROLES):
        return
    operator = rollout.stages[rollout.current_stage]["operator"]
    raise Forbidden(
        f"Only the stage operator ({operator}) or a tpm/admin may {action} this rollout.",
        operator=operator,
        required_roles=["admin", "tpm"],
    )


def _ensure_stopping(principal: Principal, rollout: Rollout, action: str) -> None:
    if is_operator(principal, rollout, any_stage=True) or principal.can(rollout.project_key, STOPPING_ROLES):
        return
    ensure_role(principal, rollout.project_key, STOPPING_ROLES, action=f"{action} a rollout")


def ensure_hold_passed(
    principal: Principal, rollout: Rollout, body: AdvanceRequest, now: datetime, action: str
) -> bool:
    """409 with the seconds left while the hold lasts, unless a tpm/admin overrides it with a reason.
    Returns whether the hold was overridden."""
    hold_until = as_utc(rollout.hold_until)
    if hold_until is None or now >= hold_until:
        return False
    left = math.ceil((hold_until - now).total_seconds())
    if not body.override_hold:
        raise Conflict(
            f"Stage {rollout.current_stage + 1} ({rollout.current_percent}%) must hold {left} more "
            f"second(s) before you may {action}; a tpm/admin may override with a reason.",
            title="Hold not passed",
            seconds_left=left,
            hold_until=hold_until.isoformat(),
        )
    if not principal.can(rollout.project_key, STEERING_ROLES):
        raise Forbidden("Only a tpm/admin may override the minimum hold.", required_roles=["admin", "tpm"])
    if not body.reason:
        raise UnprocessableEntity(
            "Overriding the hold needs a reason.",
            errors=[field_error("body.reason", "required when override_hold is true", "missing")],
        )
    return True


def ensure_bake_passed(rollout: Rollout, now: datetime) -> None:
    bake_until = as_utc(rollout.bake_until)
    if bake_until is None or not rollout.is_active or now >= bake_until:
        return
    left = math.ceil((bake_until - now).total_seconds())
    raise Conflict(
        f"The rollout is baking at 100% for {left} more second(s); it completes once the bake has passed "
        "(a breach meanwhile pauses or rolls it back). The bake cannot be skipped.",
        title="Bake not passed",
        seconds_left=left,
        bake_until=bake_until.isoformat(),
    )


# ---- actions without the gate --------------------------------------------------------------------------


async def pause(
    session: AsyncSession,
    *,
    principal: Principal,
    rollout_id: uuid.UUID,
    body: RolloutActionRequest,
    now: datetime,
    if_match: str | None = None,
) -> Rollout:
    rollout = await get_rollout(session, principal=principal, rollout_id=rollout_id, for_update=True)
    check_if_match(if_match, rollout.version)  # on the row locked for this write
    ensure_allowed(rollout, "pause")
    _ensure_stopping(principal, rollout, "pause")
    return await pause_rollout(session, principal=principal, rollout=rollout, reason=body.reason)


async def resume(
    session: AsyncSession,
    *,
    principal: Principal,
    rollout_id: uuid.UUID,
    body: RolloutActionRequest,
    now: datetime,
    if_match: str | None = None,
) -> Rollout:
    rollout = await get_rollout(session, principal=principal, rollout_id=rollout_id, for_update=True)
    check_if_match(if_match, rollout.version)  # on the row locked for this write
    ensure_allowed(rollout, "resume")
    ensure_steering(principal, rollout, "resume")
    before = state_of(rollout)
    paused_for = rollout.pause_reason
    rollout.status = "running"
    rollout.pause_reason = None
    if rollout.stages[rollout.current_stage]["auto_advance"] or is_baking(rollout):
        hold_until = as_utc(rollout.hold_until) or now
        rollout.next_check_at = max(hold_until, now)
    await record_change(
        session,
        principal=principal,
        rollout=rollout,
        action="resume",
        event="rollout.resumed",
        before=before,
        reason=body.reason,
        paused_for=paused_for,
    )
    await session.flush()
    return rollout


async def rollback(
    session: AsyncSession,
    *,
    principal: Principal,
    rollout_id: uuid.UUID,
    body: RolloutActionRequest,
    now: datetime,
    if_match: str | None = None,
) -> Rollout:
    rollout = await get_rollout(session, principal=principal, rollout_id=rollout_id, for_update=True)
    check_if_match(if_match, rollout.version)  # on the row locked for this write
    ensure_allowed(rollout, "rollback")
    _ensure_stopping(principal, rollout, "roll back")
    return await roll_back_rollout(session, principal=principal, rollout=rollout, reason=body.reason, now=now)


# ---- DORA: how rollouts ended --------------------------------------------------------------------------


async def rollout_outcomes(
    session: AsyncSession, *, project_key: str, environment: str, start: datetime, end: datetime
) -> dict[str, Any]:
    """Counts of the environment's rollouts that ended in [start, end): completions, guardrail and manual
    rollbacks (a rollback made by the rollout automation is a guardrail's), aborts after and before
    exposure. Change failures are the rollbacks and the aborts after exposure."""
    counts, rolled_back_ids = await repository.ended_counts(
        session, project_key=project_key, environment=environment, start=start, end=end
    )
    rolled_back = sum(n for (s, _), n in counts.items() if s == "rolled_back")
    guardrail = 0
    if rolled_back:
        guardrail = (
            await session.execute(
                select(func.count(func.distinct(history.HistoryEntry.resource_id))).where(
                    history.HistoryEntry.project_key == project_key,
                    history.HistoryEntry.resource_type == RESOURCE,
                    history.HistoryEntry.action == "rollback",
                    history.HistoryEntry.actor == SYSTEM.sub,
                    history.HistoryEntry.resource_id.in_(rolled_back_ids),
                )
            )
        ).scalar_one()
    completed = sum(n for (s, _), n in counts.items() if s == "completed")
    after = counts.get(("aborted", True), 0)
    failures = rolled_back + after
    return {
        "completed": completed,
        "guardrail_rollbacks": guardrail,
        "manual_rollbacks": rolled_back - guardrail,
        "aborted_after_exposure": after,
        "aborted_before_exposure": counts.get(("aborted", False), 0),
        "change_failures": failures,
        "change_failure_rate": round(failures / (completed + failures), 4) if completed + failures else None,
    }
