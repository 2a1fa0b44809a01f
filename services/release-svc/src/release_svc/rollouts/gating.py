"""The release gate as rollouts ask it.

Starting a rollout and every advance (manual, complete, the scheduler's) ask the release gate for the
rollout's environment: state, approvals, checklist, freeze, scope and risks. The gate's `rollout` check is
left out: it judges the release's current rollout, which is the one asking; its own hold, guardrails and
breach threshold already govern its advance. The siblings are asked with no transaction open, the local
checks run under the row locks of the write. A denial is 409 with the failing checks; a tpm/admin may go
past it with `override_gate.reason`, recorded in history, the event, the gate decision and the
retrospective."""

import time
from collections.abc import Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.auth import Principal
from tpmhub_shared.problems import Conflict, Forbidden

from release_svc.gate import service as gate
from release_svc.gate.service import GateSiblings
from release_svc.releases.models import Release
from release_svc.rollouts.models import Rollout
from release_svc.rollouts.schemas import GateOverride
from release_svc.rollouts.states import STEERING_ROLES


class GateDenied(Conflict):
    slug, title = "gate-denied", "Gate denied"


def brief(checks: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {"name": c["name"], "reason": c["reason"], "offending_ids": c.get("offending_ids", [])}
        for c in checks
        if not c["passed"]
    ]


def ensure_may_override(principal: Principal, rollout: Rollout, override: GateOverride | None) -> None:
    if override is not None and not principal.can(rollout.project_key, STEERING_ROLES):
        raise Forbidden(
            "Only a tpm/admin may override the gate.",
            required_roles=["admin", "tpm"],
            override="override_gate",
        )


async def ask_siblings(
    session: AsyncSession, siblings: GateSiblings, rollout: Rollout
) -> list[dict[str, Any]]:
    """The gate's sibling checks for the rollout's release, asked after ending the read transaction (no
    lock, snapshot or connection is held while they answer)."""
    release = await session.get(Release, rollout.release_id)
    assert release is not None
    facts = {
        "project_key": release.project_key,
        "release_id": release.id,
        "version": release.semver,
        "scope": list(release.scope),
    }
    await session.rollback()
    return await gate.sibling_checks(siblings, **facts)


async def judge_gate(
    session: AsyncSession,
    *,
    principal: Principal,
    rollout: Rollout,
    release: Release,
    sibling_checks: list[dict[str, Any]],
    override: GateOverride | None,
    action: str,
    started: float,
) -> dict[str, Any]:
    """Under the row locks: the local checks with the siblings' answers. Denied without an override → 409
    with the failing checks (nothing written); otherwise the decision is recorded and a summary returned for
    history and the event."""
    local = await gate.local_checks(session, release, rollout.environment, with_rollout=False)
    checks = gate.ordered(local, sibling_checks)
    failing = brief(checks)
    if failing and override is None:
        names = ", ".join(f"{c['name']} ({c['reason']})" for c in failing)
        raise GateDenied(
            f"The gate denies {action} of this rollout to {rollout.environment}: {names}. A tpm/admin may "
            "override it with override_gate.reason.",
            environment=rollout.environment,
            action=action,
            checks=failing,
            override="override_gate",
        )
    decision = await gate.record_decision(
        session,
        principal=principal,
        release_id=release.id,
        project_key=release.project_key,
        version=release.semver,
        environment=rollout.environment,
        checks=checks,
        duration_ms=round((time.perf_counter() - started) * 1000, 2),
        action=f"rollout.{action}",
        rollout_id=rollout.id,
        override_reason=override.reason if override else None,
    )
    verdict: dict[str, Any] = {
        "decision_id": str(decision["id"]),
        "environment": rollout.environment,
        "allowed": not failing,
    }
    if failing and override is not None:
        verdict.update(
            overridden=True,
            overridden_by=principal.sub,
            override_reason=override.reason,
            failed_checks=failing,
        )
    return verdict
