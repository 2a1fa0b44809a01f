"""The release gate: may this release deploy to this environment now? Local checks come from this
database; scope and risks are asked of requirements-svc and risk-svc concurrently, each bounded by the
sibling timeout, and a sibling that fails or is slow fails its check (fail closed). Every answer is
recorded."""

from __future__ import annotations

import asyncio
import time
import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.auth import Principal, visible
from tpmhub_shared.fast_reads import encode
from tpmhub_shared.http import SiblingClient
from tpmhub_shared.ids import new_id, utcnow

from release_svc.environments.service import DEFAULT_ENVIRONMENTS, EnvironmentSet, resolve_environment
from release_svc.environments.service import unknown as unknown_environment
from release_svc.gate import reads, repository
from release_svc.gate.models import GateDecision
from release_svc.gate.siblings import GateSiblings, check, sibling_checks
from release_svc.releases import service as releases
from release_svc.releases.models import Release

DEPLOYABLE_STATES = frozenset({"approved", "deploying", "verifying"})
CHECKLIST_PASSING = frozenset({"done", "waived"})
__all__ = ["GateSiblings", "check", "sibling_checks"]  # the rollout actions and the scheduler use them here


# ---- local checks ----------------------------------------------------------------------------------------
# `release` is a `Release` (the rollout actions, under its row lock) or the gate's `ReleaseFacts`: both have
# the attributes read here. Each check is one fast read (gate/reads.py).


def _state_check(release: Release | reads.ReleaseFacts) -> dict[str, Any]:
    if release.status in DEPLOYABLE_STATES:
        return check("state", True, f"release is {release.status}")
    return check(
        "state",
        False,
        f"release is {release.status}; deploys need approved, deploying or verifying",
        [release.id],
    )


async def _approvals_check(session: AsyncSession, release: Release | reads.ReleaseFacts) -> dict[str, Any]:
    who = await reads.approvers_who_approved(session, release.id, release.review_round)
    approved = who & set(release.approvers)
    pending = [a for a in release.approvers if a not in approved]
    n = release.required_approvals
    if release.approvers and len(approved) >= n:
        return check(
            "approvals", True, f"{len(approved)} of {len(release.approvers)} approvers approved (needs {n})"
        )
    return check(
        "approvals",
        False,
        f"{len(approved)} of {len(release.approvers)} approvers approved in review "
        f"round {release.review_round}; needs {n}",
        pending,
    )


async def _checklist_check(session: AsyncSession, release_id: uuid.UUID) -> dict[str, Any]:
    rows = await reads.checklist_states(session, release_id)
    open_items = [r for r in rows if r[2] not in CHECKLIST_PASSING]
    if not open_items:
        return check("checklist", True, f"all {len(rows)} checklist item(s) done or waived")
    names = ", ".join(f"{title} ({status})" for _, title, status in open_items[:10])
    return check(
        "checklist",
        False,
        f"{len(open_items)} of {len(rows)} checklist item(s) not done: {names}",
        [r[0] for r in open_items],
    )


async def _freeze_check(
    session: AsyncSession, release: Release | reads.ReleaseFacts, environment: str
) -> dict[str, Any]:
    windows = [
        w
        for w in await reads.active_freezes(session, release.project_key, release.id, utcnow())
        if not w.environments or environment in w.environments
    ]
    if not windows:
        return check("freeze", True, f"no freeze window covers {environment} now")
    blocking = [w for w in windows if not w.excepted]
    if not blocking:
        return check(
            "freeze", True, f"{len(windows)} freeze window(s) active, each with an approved exception"
        )
    names = ", ".join(f"{w.name} until {w.ends_at.isoformat()}" for w in blocking)
    return check(
        "freeze",
        False,
        f"freeze window active without an approved exception: {names}",
        [w.id for w in blocking],
    )


async def _rollout_check(session: AsyncSession, release_id: uuid.UUID) -> dict[str, Any]:
    rollout = await reads.latest_rollout(session, release_id)
    if rollout is None:
        return check("rollout", True, "no rollout yet")
    stage = rollout.current_stage
    if rollout.status == "paused":
        return check(
            "rollout",
            False,
            f"rollout paused at {rollout.current_percent}%: {rollout.pause_reason or 'no reason given'}",
            [rollout.id],
        )
    if rollout.status == "rolled_back":
        return check("rollout", False, "the latest rollout was rolled back", [rollout.id])
    breaches = rollout.failed_checks[stage] if 0 <= stage < len(rollout.failed_checks) else 0
    if rollout.status == "running" and breaches > 0:
        return check(
            "rollout",
            False,
            f"{breaches} failed guardrail check(s) at stage {stage + 1} ({rollout.current_percent}%)",
            [rollout.id],
        )
    return check("rollout", True, f"rollout {rollout.status} at {rollout.current_percent}%, guardrails green")


async def local_checks(
    session: AsyncSession,
    release: Release | reads.ReleaseFacts,
    environment: str,
    *,
    with_rollout: bool = True,
) -> list[dict[str, Any]]:
    """state, approvals, checklist, freeze (for `environment`, canonical) and, unless left out, rollout."""
    if session.new or session.dirty:  # the reads below go past the unit of work: write it first
        await session.flush()
    checks = [
        _state_check(release),
        await _approvals_check(session, release),
        await _checklist_check(session, release.id),
        await _freeze_check(session, release, environment),
    ]
    if with_rollout:
        checks.append(await _rollout_check(session, release.id))
    return checks


def ordered(local: list[dict[str, Any]], siblings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The checks in the gate's order: state, approvals, checklist, freeze, scope, risks, rollout."""
    return [*local[:4], *siblings, *local[4:]]


async def record_decision(
    session: AsyncSession,
    *,
    principal: Principal,
    release_id: uuid.UUID,
    project_key: str,
    version: str,
    environment: str,
    checks: list[dict[str, Any]],
    duration_ms: float,
    request_id: str | None = None,
    action: str | None = None,
    rollout_id: uuid.UUID | None = None,
    override_reason: str | None = None,
) -> dict[str, Any]:
    """Write the decision (one INSERT, in the session's transaction) and return its columns."""
    allowed = all(c["passed"] for c in checks)
    row: dict[str, Any] = {
        "id": new_id(),
        "release_id": release_id,
        "project_key": project_key,
        "version": version,
        "environment": environment,
        "allowed": allowed,
        "checks": checks,
        "asked_by": principal.sub,
        "asked_by_name": principal.name,
        "request_id": request_id,
        "at": utcnow(),
        "duration_ms": float(duration_ms),
        "action": action,
        "rollout_id": rollout_id,
        "overridden_by": principal.sub if override_reason and not allowed else None,
        "override_reason": override_reason if not allowed else None,
    }
    await repository.insert_decision(session, row)
    return row


def _check_answer(c: dict[str, Any]) -> dict[str, Any]:
    """A stored check as `GateCheck` writes it (its fields in order, `duration_ms` null when unset)."""
    return {
        "name": c["name"],
        "passed": c["passed"],
        "reason": c["reason"],
        "offending_ids": c.get("offending_ids", []),
        "duration_ms": c.get("duration_ms"),
    }


def answer_bytes(row: dict[str, Any]) -> bytes:
    """The gate's answer for a decision recorded by `record_decision`: the bytes `GateResult` gives
    (tests/test_gate_fast.py holds them equal), encoded by orjson from the values."""
    rollout_id = row["rollout_id"]
    by, reason = row["overridden_by"], row["override_reason"]
    return encode(
        {
            "decision_id": str(row["id"]),
            "release_id": str(row["release_id"]),
            "project_key": row["project_key"],
            "version": row["version"],
            "environment": row["environment"],
            "allowed": row["allowed"],
            "checks": [_check_answer(c) for c in row["checks"]],
            "asked_by": row["asked_by"],
            "at": row["at"],
            "duration_ms": row["duration_ms"],
            "action": row["action"],
            "rollout_id": None if rollout_id is None else str(rollout_id),
            "override": {"by": by, "reason": reason} if by and reason else None,
        }
    )


async def gate_release(
    session: AsyncSession, principal: Principal, release_id: uuid.UUID, environment: str
) -> tuple[reads.ReleaseFacts, str]:
    """The release (404 unless the caller may read it) and `environment` resolved in its project (422
    naming the allowed ones): one read."""
    release = visible(
        principal, await reads.release_facts(session, release_id), f"Release {release_id} does not exist."
    )
    envs = EnvironmentSet(
        release.project_key,
        DEFAULT_ENVIRONMENTS if release.environments is None else list(release.environments),
        release.environments_version,
        release.environments is None,
    )
    canonical = envs.lookup(environment)
    if canonical is None:
        raise unknown_environment(envs, environment, "query.environment")
    return release, canonical


async def evaluate_gate(
    session: AsyncSession,
    *,
    principal: Principal,
    release_id: uuid.UUID,
    environment: str,
    requirements: SiblingClient | None,
    risk: SiblingClient | None,
    budget: float,
    request_id: str | None = None,
) -> dict[str, Any]:
    """Judge the gate and record the decision; returns its columns (see `answer_bytes`)."""
    started = time.perf_counter()
    release, environment = await gate_release(session, principal, release_id, environment)
    project_key, version, scope = release.project_key, release.semver, list(release.scope)
    # The siblings are asked first and concurrently; the local checks run while they answer.
    siblings = asyncio.ensure_future(
        sibling_checks(
            GateSiblings(requirements, risk, budget),
            project_key=project_key,
            release_id=release_id,
            version=version,
            scope=scope,
        )
    )
    try:
        local = await local_checks(session, release, environment)
        # End the read transaction: no snapshot or connection is held while waiting on the siblings.
        await session.rollback()
    except BaseException:
        siblings.cancel()
        await asyncio.gather(siblings, return_exceptions=True)
        raise
    checks = ordered(local, await siblings)
    return await record_decision(
        session,
        principal=principal,
        release_id=release_id,
        project_key=project_key,
        version=version,
        environment=environment,
        checks=checks,
        duration_ms=round((time.perf_counter() - started) * 1000, 2),
        request_id=request_id,
    )


async def list_gate_decisions(
    session: AsyncSession,
    *,
    principal: Principal,
    release_id: uuid.UUID,
    allowed: bool | None,
    environment: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[GateDecision], str | None]:
    release = await releases.get_release(session, principal=principal, release_id=release_id)
    if environment:
        environment = await resolve_environment(session, release.project_key, environment)
    return await repository.page_of_release(
        session, release_id, allowed=allowed, environment=environment or None, limit=limit, cursor=cursor
    )
