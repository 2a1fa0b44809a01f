"""The gate's read model: what its local checks need of the release, its project's environments, approvals,
checklist, freeze windows (with the release's approved exceptions) and latest rollout, read as fast reads on
the driver connection (tpmhub_shared.fast_reads), each once per gate. It writes nothing; the one write of
the gate, the recorded decision, is in gate/repository.py.

Held to the ORM reads it replaced by services/release-svc/tests/test_gate_fast.py (both backends)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.fast_reads import (
    Statement,
    datetime_value,
    fetch,
    fetch_one,
    json_value,
    uuid_text,
)

RELEASE = Statement(
    "SELECT r.project_key, r.semver, r.status, r.scope, r.approvers, r.required_approvals, r.review_round, "
    "e.environments, e.version FROM releases r "
    "LEFT JOIN project_environments e ON e.project_key = r.project_key WHERE r.id = $1"
)
APPROVERS = Statement(
    "SELECT approver FROM release_approvals "
    "WHERE release_id = $1 AND review_round = $2 AND decision = 'approve'"
)
CHECKLIST = Statement(
    "SELECT id, title, status FROM release_checklist_items WHERE release_id = $1 ORDER BY position"
)
# Windows active at $3 with, for each, whether the release holds an approved exception to it.
FREEZES = Statement(
    "SELECT w.id, w.name, w.ends_at, w.environments, EXISTS (SELECT 1 FROM freeze_exceptions x "
    "WHERE x.freeze_window_id = w.id AND x.release_id = $2 AND x.status = 'approved') "
    "FROM freeze_windows w WHERE w.project_key = $1 AND w.ends_at > $3 AND w.starts_at <= $3"
)
LATEST_ROLLOUT = Statement(
    "SELECT id, status, current_stage, current_percent, pause_reason, failed_checks FROM rollouts "
    "WHERE release_id = $1 ORDER BY id DESC LIMIT 1"
)


@dataclass(frozen=True, slots=True)
class ReleaseFacts:
    """What the gate reads of a release (the attributes the local checks use of a `Release`), and its
    project's environments row (None: the default set)."""

    id: uuid.UUID
    project_key: str
    semver: str
    status: str
    scope: list[str]
    approvers: list[str]
    required_approvals: int
    review_round: int
    environments: list[dict[str, Any]] | None
    environments_version: int


@dataclass(frozen=True, slots=True)
class FreezeFacts:
    id: str
    name: str
    ends_at: datetime
    environments: list[str]
    excepted: bool


@dataclass(frozen=True, slots=True)
class RolloutFacts:
    id: str
    status: str
    current_stage: int
    current_percent: int
    pause_reason: str | None
    failed_checks: list[int]


async def release_facts(session: AsyncSession, release_id: uuid.UUID) -> ReleaseFacts | None:
    row = await fetch_one(session, RELEASE, release_id)
    if row is None:
        return None
    project_key, semver, status, scope, approvers, required, review_round, envs, envs_version = row
    return ReleaseFacts(
        release_id,
        project_key,
        semver,
        status,
        json_value(scope),
        json_value(approvers),
        required,
        review_round,
        json_value(envs),
        envs_version or 0,
    )


async def approvers_who_approved(session: AsyncSession, release_id: uuid.UUID, review_round: int) -> set[str]:
    return {r[0] for r in await fetch(session, APPROVERS, release_id, review_round)}


async def checklist_states(session: AsyncSession, release_id: uuid.UUID) -> list[tuple[str, str, str]]:
    """(id, title, status) of each checklist item, in checklist order."""
    return [(uuid_text(i) or "", t, s) for i, t, s in await fetch(session, CHECKLIST, release_id)]


async def active_freezes(
    session: AsyncSession, project_key: str, release_id: uuid.UUID, at: datetime
) -> list[FreezeFacts]:
    """Every window of the project active at `at` (whatever its environments), each with whether the
    release has an approved exception to it."""
    return [
        FreezeFacts(uuid_text(i) or "", n, datetime_value(e) or at, json_value(envs), bool(x))
        for i, n, e, envs, x in await fetch(session, FREEZES, project_key, release_id, at)
    ]


async def latest_rollout(session: AsyncSession, release_id: uuid.UUID) -> RolloutFacts | None:
    row = await fetch_one(session, LATEST_ROLLOUT, release_id)
    if row is None:
        return None
    rid, status, stage, percent, reason, failed = row
    return RolloutFacts(uuid_text(rid) or "", status, stage, percent, reason, json_value(failed))
