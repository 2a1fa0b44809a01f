"""Queries of the acceptance criteria table: every select and count of criteria goes through here."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import fast_reads
from tpmhub_shared.db import among, among_param
from tpmhub_shared.history import HistoryEntry

from requirements_svc.criteria.models import AcceptanceCriterion


def _status_counts_statement(dialect: str) -> Select:
    """Criteria counts per item and status, built once per dialect (see the item read models): `:ids` is
    one array parameter on PostgreSQL, an expanding IN elsewhere."""
    return (
        select(AcceptanceCriterion.item_id, AcceptanceCriterion.status, func.count())
        .where(among_param(dialect, AcceptanceCriterion.item_id, "ids"))
        .group_by(AcceptanceCriterion.item_id, AcceptanceCriterion.status)
    )


_STATUS_COUNTS = {dialect: _status_counts_statement(dialect) for dialect in ("postgresql", "sqlite")}


async def status_counts(
    session: AsyncSession, item_ids: Sequence[uuid.UUID]
) -> list[tuple[uuid.UUID, str, int]]:
    """(item id, status, count) for every status present among the items' criteria: one GROUP BY."""
    statement = _STATUS_COUNTS[session.get_bind().dialect.name]
    return [(i, s, c) for i, s, c in await session.execute(statement, {"ids": list(item_ids)})]


# The same counts on the driver connection (the hot reads: `fast_reads`), ids as the driver gives them.
STATUS_COUNTS = fast_reads.Statement(
    "SELECT item_id, status, count(*) FROM acceptance_criteria WHERE item_id = ANY($1)"
    " GROUP BY item_id, status",
    "SELECT item_id, status, count(*) FROM acceptance_criteria"
    " WHERE item_id IN (SELECT value FROM json_each(?1)) GROUP BY item_id, status",
)


async def fast_status_counts(session: AsyncSession, item_ids: Sequence[Any]) -> Sequence[Sequence[Any]]:
    """`status_counts` as driver rows."""
    return await fast_reads.fetch(session, STATUS_COUNTS, list(item_ids))


async def get(session: AsyncSession, criterion_id: uuid.UUID) -> AcceptanceCriterion | None:
    return await session.get(AcceptanceCriterion, criterion_id)


async def list_for_item(session: AsyncSession, item_id: uuid.UUID) -> list[AcceptanceCriterion]:
    """The item's criteria in order."""
    return list(
        (
            await session.execute(
                select(AcceptanceCriterion)
                .where(AcceptanceCriterion.item_id == item_id)
                .order_by(AcceptanceCriterion.position, AcceptanceCriterion.id)
            )
        ).scalars()
    )


async def count_and_last_position(session: AsyncSession, item_id: uuid.UUID) -> tuple[int, int | None]:
    count, last = (
        await session.execute(
            select(func.count(), func.max(AcceptanceCriterion.position)).where(
                AcceptanceCriterion.item_id == item_id
            )
        )
    ).one()
    return count, last


async def project_key_from_history(
    session: AsyncSession, resource_type: str, criterion_id: uuid.UUID
) -> str | None:
    """The project of a criterion that may be gone, from its history rows."""
    return (
        await session.execute(
            select(HistoryEntry.project_key)
            .where(HistoryEntry.resource_type == resource_type, HistoryEntry.resource_id == str(criterion_id))
            .limit(1)
        )
    ).scalar_one_or_none()


async def passed_for_items(session: AsyncSession, item_ids: Sequence[uuid.UUID]) -> list[AcceptanceCriterion]:
    return list(
        (
            await session.execute(
                select(AcceptanceCriterion).where(
                    AcceptanceCriterion.item_id.in_(item_ids), AcceptanceCriterion.status == "passed"
                )
            )
        )
        .scalars()
        .all()
    )


async def count_passed(session: AsyncSession, item_ids: Sequence[uuid.UUID]) -> int:
    return (
        await session.execute(
            select(func.count()).where(
                AcceptanceCriterion.item_id.in_(item_ids), AcceptanceCriterion.status == "passed"
            )
        )
    ).scalar_one()


async def unpassed_for_item(session: AsyncSession, item_id: uuid.UUID) -> list[AcceptanceCriterion]:
    return list(
        (
            await session.execute(
                select(AcceptanceCriterion)
                .where(AcceptanceCriterion.item_id == item_id, AcceptanceCriterion.status != "passed")
                .order_by(AcceptanceCriterion.position, AcceptanceCriterion.id)
            )
        ).scalars()
    )


async def unpassed_counts(session: AsyncSession, item_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, int]:
    """Criteria not passed per item (items with none are left out)."""
    return dict(
        (
            await session.execute(
                select(AcceptanceCriterion.item_id, func.count())
                .where(AcceptanceCriterion.item_id.in_(item_ids), AcceptanceCriterion.status != "passed")
                .group_by(AcceptanceCriterion.item_id)
            )
        ).all()
    )


async def in_project(
    session: AsyncSession, criterion_ids: Sequence[uuid.UUID], project_key: str
) -> list[AcceptanceCriterion]:
    """The criteria among `criterion_ids` of the project, by item key and position."""
    return list(
        (
            await session.execute(
                select(AcceptanceCriterion)
                .where(
                    AcceptanceCriterion.id.in_(criterion_ids), AcceptanceCriterion.project_key == project_key
                )
                .order_by(AcceptanceCriterion.item_key, AcceptanceCriterion.position)
            )
        )
        .scalars()
        .all()
    )


async def for_items(session: AsyncSession, item_ids: Sequence[uuid.UUID]) -> list[AcceptanceCriterion]:
    """Every criterion of the items, by item and position (the archive)."""
    found = await session.execute(
        select(AcceptanceCriterion)
        .where(AcceptanceCriterion.item_id.in_(item_ids))
        .order_by(AcceptanceCriterion.item_id, AcceptanceCriterion.position)
    )
    return list(found.scalars())


async def refs(session: AsyncSession, criterion_ids: Sequence[uuid.UUID]) -> list[Row[Any]]:
    """Id, item key, project and status of the criteria among `criterion_ids`, in one query (the look-up)."""
    stmt = select(
        AcceptanceCriterion.id,
        AcceptanceCriterion.item_key,
        AcceptanceCriterion.project_key,
        AcceptanceCriterion.status,
    ).where(among(session, AcceptanceCriterion.id, list(criterion_ids)))
    return list(await session.execute(stmt))
