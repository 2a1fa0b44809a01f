"""Queries of the document versions table."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.pagination import paginate

from requirements_svc.document_versions.models import DocumentVersion


async def by_number(session: AsyncSession, document_id: uuid.UUID, number: int) -> DocumentVersion | None:
    stmt = select(DocumentVersion).where(
        DocumentVersion.document_id == document_id, DocumentVersion.number == number
    )
    return (await session.execute(stmt)).scalar_one_or_none()


async def list_page(
    session: AsyncSession, document_id: uuid.UUID, *, limit: int, cursor: str | None
) -> tuple[list[DocumentVersion], str | None]:
    """The document's versions, oldest first, one keyset page."""
    stmt = select(DocumentVersion).where(DocumentVersion.document_id == document_id)
    return await paginate(
        session,
        stmt,
        order=[(DocumentVersion.number, False)],
        id_column=DocumentVersion.id,
        limit=limit,
        cursor=cursor,
        sort_key="number",
    )


async def approved_between(
    session: AsyncSession, project_key: str, start: datetime, end: datetime, *, limit: int
) -> list[DocumentVersion]:
    """Versions of the project approved in [start, end), in approval order."""
    stmt = (
        select(DocumentVersion)
        .where(
            DocumentVersion.project_key == project_key,
            DocumentVersion.approved_at >= start,
            DocumentVersion.approved_at < end,
        )
        .order_by(DocumentVersion.approved_at)
        .limit(limit)
    )
    return list((await session.execute(stmt)).scalars().all())


async def of_project_after(
    session: AsyncSession, project_key: str, last: uuid.UUID | None, *, limit: int
) -> list[DocumentVersion]:
    """The project's versions by id, after `last` (None: from the first), one batch (the archive)."""
    stmt = select(DocumentVersion).where(DocumentVersion.project_key == project_key)
    if last is not None:
        stmt = stmt.where(DocumentVersion.id > last)
    return list((await session.execute(stmt.order_by(DocumentVersion.id).limit(limit))).scalars().all())
