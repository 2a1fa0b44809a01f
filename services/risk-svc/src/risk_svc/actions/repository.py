"""Queries of the mitigation actions table."""

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, case, exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.pagination import paginate

from risk_svc.actions.models import MitigationAction
from risk_svc.risks import repository as risks

OPEN_ACTION_STATUSES = ("open", "in_progress")


async def by_id(session: AsyncSession, action_id: uuid.UUID) -> MitigationAction | None:
    return await session.get(MitigationAction, action_id)


async def add(session: AsyncSession, action: MitigationAction) -> MitigationAction:
    session.add(action)
    await session.flush()
    return action


def has_open(risk_id: Any, *, due_before: date | None = None) -> ColumnElement[bool]:
    """The risk of `risk_id` (the risks table's id column) has an open action (due before the date)."""
    conditions = [MitigationAction.risk_id == risk_id, MitigationAction.status.in_(OPEN_ACTION_STATUSES)]
    if due_before is not None:
        conditions.append(MitigationAction.due_date < due_before)
    return exists().where(*conditions)


async def open_counts(
    session: AsyncSession, risk_ids: Sequence[uuid.UUID], today: date
) -> dict[uuid.UUID, tuple[int, int]]:
    """Open and overdue action counts per risk, in one aggregate query."""
    if not risk_ids:
        return {}
    rows = await session.execute(
        select(
            MitigationAction.risk_id,
            func.count(),
            func.sum(case((MitigationAction.due_date < today, 1), else_=0)),
        )
        .where(MitigationAction.risk_id.in_(risk_ids), MitigationAction.status.in_(OPEN_ACTION_STATUSES))
        .group_by(MitigationAction.risk_id)
    )
    return {rid: (int(n), int(overdue or 0)) for rid, n, overdue in rows}


async def open_of_risk(session: AsyncSession, risk_id: uuid.UUID) -> list[MitigationAction]:
    return list(
        (
            await session.execute(
                select(MitigationAction)
                .where(MitigationAction.risk_id == risk_id, MitigationAction.status.in_(OPEN_ACTION_STATUSES))
                .order_by(MitigationAction.id)
            )
        )
        .scalars()
        .all()
    )


async def page_of_risk(
    session: AsyncSession, risk_id: uuid.UUID, *, limit: int, cursor: str | None
) -> tuple[list[MitigationAction], str | None]:
    stmt = select(MitigationAction).where(MitigationAction.risk_id == risk_id)
    return await paginate(
        session,
        stmt,
        order=[(MitigationAction.due_date, False)],
        id_column=MitigationAction.id,
        limit=limit,
        cursor=cursor,
        sort_key="due",
    )


async def page_overdue(
    session: AsyncSession, *, project_key: str, today: date, limit: int, cursor: str | None
) -> tuple[list[MitigationAction], str | None]:
    """Open actions of open risks of the project past their due date, most overdue first."""
    stmt = select(MitigationAction).where(
        MitigationAction.project_key == project_key,
        MitigationAction.status.in_(OPEN_ACTION_STATUSES),
        MitigationAction.due_date < today,
        risks.is_open_risk(MitigationAction.risk_id),
    )
    return await paginate(
        session,
        stmt,
        order=[(MitigationAction.due_date, False)],
        id_column=MitigationAction.id,
        limit=limit,
        cursor=cursor,
        sort_key="overdue_action",
    )


async def overdue(
    session: AsyncSession, *, project_key: str, today: date, limit: int
) -> list[MitigationAction]:
    """The first `limit` open actions of open risks of the project past their due date, most overdue first."""
    stmt = (
        select(MitigationAction)
        .where(
            MitigationAction.project_key == project_key,
            MitigationAction.status.in_(OPEN_ACTION_STATUSES),
            MitigationAction.due_date < today,
            risks.is_open_risk(MitigationAction.risk_id),
        )
        .order_by(MitigationAction.due_date, MitigationAction.id)
        .limit(limit)
    )
    return list((await session.execute(stmt)).scalars())
