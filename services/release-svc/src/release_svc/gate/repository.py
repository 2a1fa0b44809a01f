"""Queries of the gate's own table: its recorded decisions (what its checks read of approvals, the
checklist and rollouts is asked of those domains' repositories)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.fast_reads import Statement, encode, fetch
from tpmhub_shared.pagination import paginate

from release_svc.gate.models import GateDecision

# The recorded decision: one INSERT on the session's connection (inside its transaction), no unit of work.
DECISION_COLUMNS = (
    "id",
    "release_id",
    "project_key",
    "version",
    "environment",
    "allowed",
    "checks",
    "asked_by",
    "asked_by_name",
    "request_id",
    "at",
    "duration_ms",
    "action",
    "rollout_id",
    "overridden_by",
    "override_reason",
)
INSERT_DECISION = Statement(
    f"INSERT INTO gate_decisions ({', '.join(DECISION_COLUMNS)}) "
    f"VALUES ({', '.join(f'${n}' for n in range(1, len(DECISION_COLUMNS) + 1))})"
)


async def insert_decision(session: AsyncSession, row: dict[str, Any]) -> None:
    """Write one decision (a dict holding every column of `gate_decisions`)."""
    values = [row[c] for c in DECISION_COLUMNS]
    values[DECISION_COLUMNS.index("checks")] = encode(row["checks"]).decode()
    await fetch(session, INSERT_DECISION, *values)


DELETE_DECISION = Statement("DELETE FROM gate_decisions WHERE id = $1")


async def delete_decision(session: AsyncSession, decision_id: uuid.UUID) -> None:
    await fetch(session, DELETE_DECISION, decision_id)


async def page_of_release(
    session: AsyncSession,
    release_id: uuid.UUID,
    *,
    allowed: bool | None,
    environment: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[GateDecision], str | None]:
    """The release's decisions, newest first, optionally only allowed (or refused) ones in one environment."""
    stmt = select(GateDecision).where(GateDecision.release_id == release_id)
    if allowed is not None:
        stmt = stmt.where(GateDecision.allowed == allowed)
    if environment:
        stmt = stmt.where(GateDecision.environment == environment)
    return await paginate(
        session,
        stmt,
        order=[(GateDecision.id, True)],
        id_column=GateDecision.id,
        limit=limit,
        cursor=cursor,
        sort_key="-id",
    )


async def gate_counts(session: AsyncSession, release_id: uuid.UUID) -> dict[bool, int]:
    """How many gate decisions on the release allowed (True) and denied (False)."""
    rows = (
        await session.execute(
            select(GateDecision.allowed, func.count())
            .where(GateDecision.release_id == release_id)
            .group_by(GateDecision.allowed)
        )
    ).all()
    return {bool(a): n for a, n in rows}


async def denied_checks(session: AsyncSession, release_id: uuid.UUID, *, limit: int) -> list[Any]:
    """The checks of the release's latest denied gate decisions, newest first."""
    return list(
        (
            await session.execute(
                select(GateDecision.checks)
                .where(GateDecision.release_id == release_id, GateDecision.allowed.is_(False))
                .order_by(GateDecision.id.desc())
                .limit(limit)
            )
        ).scalars()
    )


async def overridden_decisions(
    session: AsyncSession, release_id: uuid.UUID, *, limit: int
) -> list[GateDecision]:
    """The release's gate decisions someone went past (an override), oldest first."""
    return list(
        (
            await session.execute(
                select(GateDecision)
                .where(GateDecision.release_id == release_id, GateDecision.overridden_by.is_not(None))
                .order_by(GateDecision.id)
                .limit(limit)
            )
        ).scalars()
    )
