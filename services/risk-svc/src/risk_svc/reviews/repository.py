"""Queries of the reviews and review reminders tables."""

import uuid
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.ids import new_id
from tpmhub_shared.pagination import paginate

from risk_svc.reviews.models import RiskReview, RiskReviewReminder


def add(session: AsyncSession, review: RiskReview) -> None:
    session.add(review)


async def page_of_risk(
    session: AsyncSession, risk_id: uuid.UUID, *, limit: int, cursor: str | None
) -> tuple[list[RiskReview], str | None]:
    stmt = select(RiskReview).where(RiskReview.risk_id == risk_id)
    return await paginate(
        session, stmt, order=[], id_column=RiskReview.id, limit=limit, cursor=cursor, sort_key="reviews"
    )


def reminded_on(day: date) -> Callable[[Any, Any], ColumnElement[bool]]:
    """A clause factory: (project column, owner column) already reminded on `day`."""

    def reminded(project_key: Any, owner: Any) -> ColumnElement[bool]:
        return exists().where(
            RiskReviewReminder.project_key == project_key,
            RiskReviewReminder.owner == owner,
            RiskReviewReminder.day == day,
        )

    return reminded


async def claim_reminder(
    session: AsyncSession, *, project_key: str, owner: str, day: date, risk_keys: list[str], now: datetime
) -> bool:
    """Insert the (project, owner, day) reminder unless it exists; True when this insert won."""
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    won = await session.execute(
        insert(RiskReviewReminder)
        .values(
            id=new_id(),
            project_key=project_key,
            owner=owner,
            day=day,
            risk_keys=risk_keys,
            sent_at=now,
        )
        .on_conflict_do_nothing(index_elements=["project_key", "owner", "day"])
        .returning(RiskReviewReminder.id)
    )
    return won.scalar_one_or_none() is not None
