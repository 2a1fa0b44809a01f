"""Queries of the verification table (also what the release state machine asks of it)."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.pagination import paginate

from release_svc.verification.models import Verification


async def get(session: AsyncSession, verification_id: uuid.UUID) -> Verification | None:
    return await session.get(Verification, verification_id)


def add(session: AsyncSession, row: Verification) -> None:
    session.add(row)


async def page_of_release(
    session: AsyncSession, release_id: uuid.UUID, *, result: str | None, limit: int, cursor: str | None
) -> tuple[list[Verification], str | None]:
    stmt = select(Verification).where(Verification.release_id == release_id)
    if result:
        stmt = stmt.where(Verification.result == result)
    return await paginate(
        session, stmt, order=[], id_column=Verification.id, limit=limit, cursor=cursor, sort_key="id"
    )


async def failed_ids(session: AsyncSession, release_id: uuid.UUID) -> list[uuid.UUID]:
    """The release's failed verifications."""
    rows = await session.execute(
        select(Verification.id).where(Verification.release_id == release_id, Verification.result == "failed")
    )
    return [r[0] for r in rows]
