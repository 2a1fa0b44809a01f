"""Queries of the deployment protection request table."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from datetime import datetime

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session
from tpmhub_shared.pagination import paginate

from release_svc.protection.models import PENDING, ProtectionRequest


async def of_callback(
    session: AsyncSession, *, source_id: uuid.UUID, callback_url: str
) -> ProtectionRequest | None:
    stmt = select(ProtectionRequest).where(
        ProtectionRequest.source_id == source_id, ProtectionRequest.callback_url == callback_url
    )
    return (await session.execute(stmt)).scalar_one_or_none()


def add(session: AsyncSession, row: ProtectionRequest) -> None:
    session.add(row)


async def due(
    session: AsyncSession, now: datetime, *, limit: int, skip_locked: bool
) -> list[ProtectionRequest]:
    """Pending requests due for a check (or expired) and not leased, oldest due first; `skip_locked`:
    under `FOR UPDATE SKIP LOCKED` (PostgreSQL), so that replicas take different ones."""
    stmt = (
        select(ProtectionRequest)
        .where(
            ProtectionRequest.status == PENDING,
            or_(ProtectionRequest.next_check_at <= now, ProtectionRequest.expires_at <= now),
            or_(ProtectionRequest.locked_until.is_(None), ProtectionRequest.locked_until < now),
        )
        .order_by(ProtectionRequest.next_check_at, ProtectionRequest.id)
        .limit(limit)
    )
    if skip_locked:
        stmt = stmt.with_for_update(skip_locked=True)
    return list((await session.execute(stmt)).scalars().all())


async def locked_pending(session: AsyncSession, request_id: uuid.UUID) -> ProtectionRequest | None:
    """The request read afresh under the write lock, if it is still pending."""
    stmt = select(ProtectionRequest).where(ProtectionRequest.id == request_id).with_for_update()
    row = (await session.execute(stmt.execution_options(populate_existing=True))).scalar_one_or_none()
    return row if row is not None and row.status == PENDING else None


def mark_pending_due(
    session: Session, *, releases: Collection[uuid.UUID], projects: Collection[str], now: datetime
) -> None:
    """Make the pending requests of these releases or projects due at `now` (inside a flush: the sync
    session's connection)."""
    clauses = []
    if releases:
        clauses.append(ProtectionRequest.release_id.in_(releases))
    if projects:
        clauses.append(ProtectionRequest.project_key.in_(projects))
    session.connection().execute(
        update(ProtectionRequest)
        .where(ProtectionRequest.status == PENDING, or_(*clauses))
        .values(next_check_at=now)
        .execution_options(synchronize_session=False)
    )


async def page_of_project(
    session: AsyncSession, project_key: str, *, status: str | None, limit: int, cursor: str | None
) -> tuple[list[ProtectionRequest], str | None]:
    stmt = select(ProtectionRequest).where(ProtectionRequest.project_key == project_key)
    if status:
        stmt = stmt.where(ProtectionRequest.status == status)
    return await paginate(
        session,
        stmt,
        order=[],
        id_column=ProtectionRequest.id,
        limit=limit,
        cursor=cursor,
        sort_key="protection_requests",
    )
