"""The gate's sibling checks: scope (requirements-svc's item look-up) and risks (risk-svc's gate query),
asked concurrently, each bounded by the sibling budget (`sibling_timeout_seconds`); a sibling that fails,
is slow or answers an unexpected body fails its check (fail closed). The bodies are written and the answers
read as plain JSON by orjson (no contract models built per call); the contracts
(tpmhub_shared.contracts ItemLookupRequest/Response, RiskGateQuery/Result) are what they hold."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Coroutine, Sequence
from dataclasses import dataclass
from typing import Any

import orjson
from tpmhub_shared.fast_reads import encode
from tpmhub_shared.http import SiblingClient, SiblingError
from tpmhub_shared.vocabulary import BLOCKING_SEVERITIES_TEXT

DONE_ITEM_STATUSES = frozenset({"done"})
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
        budget = settings.gate_budget if settings is not None else DEFAULT_BUDGET
        return cls(siblings.get("requirements"), siblings.get("risk"), budget)


def check(name: str, passed: bool, reason: str, offending: list[Any] | None = None) -> dict[str, Any]:
    return {
        "name": name,
        "passed": passed,
        "reason": reason,
        "offending_ids": [str(o) for o in offending or []],
    }


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


class UnexpectedAnswer(Exception):
    """A sibling's answer that does not have the contract's shape (fail closed)."""


def _bug_label(bug: dict[str, Any]) -> str:
    """`PAY-9 (S1, under PAY-1 › PAY-4)` for a bug found below a scope item, `PAY-9 (S1)` otherwise."""
    path = bug.get("path")
    if path and len(path) > 1:
        return f"{bug['key']} ({bug.get('severity')}, under {' › '.join(path[:-1])})"
    return f"{bug['key']} ({bug.get('severity')})"


async def _ask(client: SiblingClient, path: str, body: dict[str, Any], budget: float) -> dict[str, Any]:
    """POST a contract body (encoded by orjson from values the gate read) and the answer as plain JSON,
    bounded by `budget`; SiblingError when the sibling fails or is slow, UnexpectedAnswer when the answer is
    not a JSON object."""
    answer = await _bounded(
        client.post_bytes(path, encode(body), idempotent=True, timeout=budget), budget, client.name
    )
    try:
        data = orjson.loads(answer)
    except orjson.JSONDecodeError as exc:
        raise UnexpectedAnswer from exc
    if not isinstance(data, dict):
        raise UnexpectedAnswer
    return data


def _scope_problems(result: dict[str, Any]) -> tuple[list[str], list[str]]:
    """The look-up answer (ItemLookupResponse's JSON) judged: (problems, offending keys). Reads only the
    fields the check needs; a missing field or a wrong type raises (KeyError, TypeError, AttributeError)."""
    missing = [str(k) for k in result.get("missing", [])]
    items = result["items"]
    bugs = result.get("open_bugs", [])
    problems: list[str] = []
    offending: list[str] = list(missing)
    if missing:
        problems.append(f"missing: {', '.join(missing)}")
    not_done = [i["key"] for i in items if i["status"] not in DONE_ITEM_STATUSES]
    if not_done:
        problems.append(f"not done: {', '.join(not_done)}")
    criteria = []
    for i in items:
        a = i.get("acceptance") or {}
        if a.get("failed", 0) or a.get("pending", 0) or a.get("passed", 0) < a.get("total", 0):
            criteria.append(i["key"])
    if criteria:
        problems.append(f"acceptance criteria not passed: {', '.join(criteria)}")
    bug_keys = [b["key"] for b in bugs]
    if bug_keys:
        labels = ", ".join(_bug_label(b) for b in bugs)
        problems.append(f"open {BLOCKING_SEVERITIES_TEXT} bugs: {labels}")
    for key in [*not_done, *criteria, *bug_keys]:
        if key not in offending:
            offending.append(key)
    return problems, offending


async def _scope_check(
    client: SiblingClient | None, scope: list[str], version: str, budget: float
) -> dict[str, Any]:
    if not scope:
        return check("scope", True, "the release has no scope items")
    if client is None:
        return check("scope", False, "requirements-svc is not configured (fail closed)")
    try:
        result = await _ask(client, "/v1/items/lookup", {"keys": scope, "found_in": version}, budget)
        problems, offending = _scope_problems(result)
    except SiblingError as exc:
        return check("scope", False, f"requirements-svc did not answer: {exc.reason} (fail closed)")
    except (UnexpectedAnswer, KeyError, TypeError, AttributeError):
        return check("scope", False, "requirements-svc answered an unexpected body (fail closed)")
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
    body = {"project_key": project_key, "release_id": str(release_id), "item_keys": scope}
    try:
        result = await _ask(client, "/v1/risks/gate-query", body, budget)
        blocking = result["blocking"]
        gate_level = result["gate_level"]
        listed = "; ".join(f"{r['key']} {r['level']} ({r['reason']})" for r in blocking[:10])
        keys = [r["key"] for r in blocking]
    except SiblingError as exc:
        return check("risks", False, f"risk-svc did not answer: {exc.reason} (fail closed)")
    except (UnexpectedAnswer, KeyError, TypeError, AttributeError):
        return check("risks", False, "risk-svc answered an unexpected body (fail closed)")
    if blocking:
        return check("risks", False, f"{len(blocking)} open blocking risk(s): {listed}", keys)
    return check("risks", True, f"no open risk at or above the gate level ({gate_level})")


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
