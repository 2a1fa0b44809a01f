"""Queries of the change requests table."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.pagination import paginate, parse_sort

from requirements_svc.change_requests.models import ChangeRequest

SORTS = {"created": ChangeRequest.number, "updated": ChangeRequest.updated_at}


async def find_by_key(session: AsyncSession, key: str) -> ChangeRequest | None:
    return (await session.execute(select(ChangeRequest).where(ChangeRequest.key == key))).scalar_one_or_none()


async def last_number(session: AsyncSession, project_key: str) -> int | None:
    return (
        await session.execute(
            select(func.max(ChangeRequest.number)).where(ChangeRequest.project_key == project_key)
        )
    ).scalar_one()


async def list_page(
    session: AsyncSession,
    *,
    project_key: str,
    status: str | None,
    sort: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[ChangeRequest], str | None]:
    sort_key, order = parse_sort(sort, SORTS, "created")
    stmt = select(ChangeRequest).where(ChangeRequest.project_key == project_key)
    if status:
        stmt = stmt.where(ChangeRequest.status == status)
    return await paginate(
        session, stmt, order=order, id_column=ChangeRequest.id, limit=limit, cursor=cursor, sort_key=sort_key
    )
