"""The release gate: may this release deploy to this environment now? Local checks come from this
database; scope and risks are asked of requirements-svc and risk-svc concurrently, each bounded by the
sibling timeout, and a sibling that fails or is slow fails its check (fail closed). Every answer is
recorded."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Coroutine, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.auth import Principal
from tpmhub_shared.contracts import (
    ItemLookupRequest,
    ItemLookupResponse,
    ItemSummary,
    RiskGateQuery,
    RiskGateResult,
)
from tpmhub_shared.http import SiblingClient, SiblingError
from tpmhub_shared.ids import utcnow
from tpmhub_shared.vocabulary import BLOCKING_SEVERITIES_TEXT

from release_svc.approvals import repository as approvals_repository
from release_svc.checklist import repository as checklist_repository
from release_svc.environments.service import resolve_environment
from release_svc.freezes import service as freezes
from release_svc.gate import repository
from release_svc.gate.models import GateDecision
from release_svc.releases import service as releases
from release_svc.releases.models import Release
from release_svc.rollouts import repository as rollouts_repository

DEPLOYABLE_STATES = frozenset({"approved", "deploying", "verifying"})
DONE_ITEM_STATUSES = frozenset({"done"})
CHECKLIST_PASSING = frozenset({"done", "waived"})
# Used when an app carries no settings (the sibling timeout's default).
DEFAULT_BUDGET = 1.5


@dataclass(frozen=True)
class GateSiblings:
    """What asking the siblings needs: their clients (None: not configured, which fails closed) and the
    time budget of each call."""

    requirements: SiblingClient | None
    risk: SiblingClient | None
    budget: float

    @classmethod
    def of(cls, app: Any) -> GateSiblings:
        state = app.state
        siblings = getattr(state, "siblings", None) or {}
        settings = getattr(state, "settings", None)
        budget = settings.common.sibling_timeout_seconds if settings is not None else DEFAULT_BUDGET
        return cls(siblings.get("requirements"), siblings.get("risk"), budget)


def check(name: str, passed: bool, reason: str, offending: list[Any] | None = None) -> dict[str, Any]:
    return {
        "name": name,
        "passed": passed,
        "reason": reason,
        "offending_ids": [str(o) for o in offending or []],
    }


# ---- local checks ----------------------------------------------------------------------------------------


def _state_check(release: Release) -> dict[str, Any]:
    if release.status in DEPLOYABLE_STATES:
        return check("state", True, f"release is {release.status}")
    return check(
        "state",
        False,
        f"release is {release.status}; deploys need approved, deploying or verifying",
        [release.id],
    )


async def _approvals_check(session: AsyncSession, release: Release) -> dict[str, Any]:
    approved = await approvals_repository.approvers_who_approved(session, release) & set(release.approvers)
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


async def _checklist_check(session: AsyncSession, release: Release) -> dict[str, Any]:
    rows = await checklist_repository.checklist_states(session, release.id)
    open_items = [r for r in rows if r.status not in CHECKLIST_PASSING]
    if not open_items:
        return check("checklist", True, f"all {len(rows)} checklist item(s) done or waived")
    names = ", ".join(f"{r.title} ({r.status})" for r in open_items[:10])
    return check(
        "checklist",
        False,
        f"{len(open_items)} of {len(rows)} checklist item(s) not done: {names}",
        [r.id for r in open_items],
    )


async def _freeze_check(session: AsyncSession, release: Release, environment: str) -> dict[str, Any]:
    now = utcnow()
    windows = await freezes.active_freezes(
        session, project_key=release.project_key, environment=environment, at=now
    )
    if not windows:
        return check("freeze", True, f"no freeze window covers {environment} now")
    excepted = await freezes.approved_exception_windows(session, release.id)
    blocking = [w for w in windows if w.id not in excepted]
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


async def _rollout_check(session: AsyncSession, release: Release) -> dict[str, Any]:
    rollout = await rollouts_repository.latest_rollout(session, release.id)
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


# ---- sibling checks --------------------------------------------------------------------------------------


async def _timed(check_coro: Coroutine[Any, Any, dict[str, Any]]) -> dict[str, Any]:
    """Run a sibling check and record in it how long it took (`duration_ms`)."""
    started = time.perf_counter()
    result = await check_coro
    result["duration_ms"] = round((time.perf_counter() - started) * 1000, 2)
    return result


async def _bounded(coro: Any, budget: float, service: str) -> Any:
    try:
        async with asyncio.timeout(budget):
            return await coro
    except TimeoutError as exc:
        raise SiblingError(service, f"timed out after {budget:g}s") from exc


def _bug_label(bug: ItemSummary) -> str:
    """`PAY-9 (S1, under PAY-1 › PAY-4)` for a bug found below a scope item, `PAY-9 (S1)` otherwise."""
    if bug.path and len(bug.path) > 1:
        return f"{bug.key} ({bug.severity}, under {' › '.join(bug.path[:-1])})"
    return f"{bug.key} ({bug.severity})"


async def _scope_check(
    client: SiblingClient | None, scope: list[str], version: str, budget: float
) -> dict[str, Any]:
    if not scope:
        return check("scope", True, "the release has no scope items")
    if client is None:
        return check("scope", False, "requirements-svc is not configured (fail closed)")
    payload = ItemLookupRequest(keys=scope, found_in=version)
    try:
        result = await _bounded(
            client.post_model(
                "/v1/items/lookup", payload, ItemLookupResponse, idempotent=True, timeout=budget
            ),
            budget,
            client.name,
        )
    except SiblingError as exc:
        return check("scope", False, f"requirements-svc did not answer: {exc.reason} (fail closed)")
    except ValidationError:
        return check("scope", False, "requirements-svc answered an unexpected body (fail closed)")
    problems: list[str] = []
    offending: list[str] = list(result.missing)
    if result.missing:
        problems.append(f"missing: {', '.join(result.missing)}")
    not_done = [i.key for i in result.items if i.status not in DONE_ITEM_STATUSES]
    if not_done:
        problems.append(f"not done: {', '.join(not_done)}")
    criteria = [
        i.key
        for i in result.items
        if i.acceptance.failed or i.acceptance.pending or i.acceptance.passed < i.acceptance.total
    ]
    if criteria:
        problems.append(f"acceptance criteria not passed: {', '.join(criteria)}")
    bugs = [b.key for b in result.open_bugs]
    if bugs:
        labels = ", ".join(_bug_label(b) for b in result.open_bugs)
        problems.append(f"open {BLOCKING_SEVERITIES_TEXT} bugs: {labels}")
    for key in [*not_done, *criteria, *bugs]:
        if key not in offending:
            offending.append(key)
    if problems:
        return check("scope", False, "; ".join(problems), offending)
    return check(
        "scope",
        True,
        f"all {len(scope)} scope item(s) done with acceptance criteria passed; "
        f"no open {BLOCKING_SEVERITIES_TEXT} bug",
    )


async def _risk_check(
    client: SiblingClient | None, project_key: str, release_id: uuid.UUID, scope: list[str], budget: float
) -> dict[str, Any]:
    if client is None:
        return check("risks", False, "risk-svc is not configured (fail closed)")
    payload = RiskGateQuery(project_key=project_key, release_id=release_id, item_keys=scope)
    try:
        result = await _bounded(
            client.post_model(
                "/v1/risks/gate-query", payload, RiskGateResult, idempotent=True, timeout=budget
            ),
            budget,
            client.name,
        )
    except SiblingError as exc:
        return check("risks", False, f"risk-svc did not answer: {exc.reason} (fail closed)")
    except ValidationError:
        return check("risks", False, "risk-svc answered an unexpected body (fail closed)")
    if result.blocking:
        listed = "; ".join(f"{r.key} {r.level} ({r.reason})" for r in result.blocking[:10])
        return check(
            "risks",
            False,
            f"{len(result.blocking)} open blocking risk(s): {listed}",
            [r.key for r in result.blocking],
        )
    return check("risks", True, f"no open risk at or above the gate level ({result.gate_level})")


# ---- the gate --------------------------------------------------------------------------------------------


async def sibling_checks(
    siblings: GateSiblings, *, project_key: str, release_id: uuid.UUID, version: str, scope: Sequence[str]
) -> list[dict[str, Any]]:
    """The scope and risks checks, asked concurrently. Call it with no transaction open: it waits on the
    network."""
    scope = list(scope)
    return list(
        await asyncio.gather(
            _timed(_scope_check(siblings.requirements, scope, version, siblings.budget)),
            _timed(_risk_check(siblings.risk, project_key, release_id, scope, siblings.budget)),
        )
    )


async def local_checks(
    session: AsyncSession, release: Release, environment: str, *, with_rollout: bool = True
) -> list[dict[str, Any]]:
    """state, approvals, checklist, freeze (for `environment`, canonical) and, unless left out, rollout."""
    checks = [
        _state_check(release),
        await _approvals_check(session, release),
        await _checklist_check(session, release),
        await _freeze_check(session, release, environment),
    ]
    if with_rollout:
        checks.append(await _rollout_check(session, release))
    return checks


def ordered(local: list[dict[str, Any]], siblings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The checks in the gate's order: state, approvals, checklist, freeze, scope, risks, rollout."""
    return [*local[:4], *siblings, *local[4:]]


def record_decision(
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
) -> GateDecision:
    allowed = all(c["passed"] for c in checks)
    decision = GateDecision(
        release_id=release_id,
        project_key=project_key,
        version=version,
        environment=environment,
        allowed=allowed,
        checks=checks,
        asked_by=principal.sub,
        asked_by_name=principal.name,
        request_id=request_id,
        duration_ms=duration_ms,
        action=action,
        rollout_id=rollout_id,
        overridden_by=principal.sub if override_reason and not allowed else None,
        override_reason=override_reason if not allowed else None,
    )
    repository.add_decision(session, decision)
    return decision


async def evaluate_gate(
    session: AsyncSession,
    *,
    principal: Principal,
    release_id: uuid.UUID,
    environment: str,
    requirements: SiblingClient,
    risk: SiblingClient,
    budget: float,
    request_id: str | None = None,
) -> GateDecision:
    started = time.perf_counter()
    release = await releases.get_release(session, principal=principal, release_id=release_id)
    environment = await resolve_environment(session, release.project_key, environment)
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
    decision = record_decision(
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
    await session.flush()
    return decision


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
