"""Queries of the documents and document sections tables."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.db import among
from tpmhub_shared.pagination import paginate, parse_sort

from requirements_svc.documents.models import Document, DocumentSection

SORTS = {
    "created": Document.created_at,
    "updated": Document.updated_at,
    "title": Document.title,
}
PRD_SUMMARY_COLUMNS = (
    Document.id,
    Document.project_key,
    Document.title,
    Document.status,
    Document.revision,
    Document.approved_revision,
)


async def load(session: AsyncSession, kind: str, doc_id: uuid.UUID, *, lock: bool = False) -> Document | None:
    stmt = select(Document).where(Document.id == doc_id, Document.kind == kind)
    if lock:
        # Serialises concurrent decisions and edits on PostgreSQL; SQLite write transactions are already
        # serialised (BEGIN IMMEDIATE).
        stmt = stmt.with_for_update()
    return (await session.execute(stmt)).scalar_one_or_none()


async def sections(session: AsyncSession, doc_id: uuid.UUID) -> list[DocumentSection]:
    rows = await session.execute(
        select(DocumentSection)
        .where(DocumentSection.document_id == doc_id)
        .order_by(DocumentSection.position)
    )
    return list(rows.scalars().all())


async def list_page(
    session: AsyncSession,
    *,
    kind: str,
    project_key: str,
    status: str | None,
    owner: str | None,
    sort: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[Document], str | None]:
    sort_key, order = parse_sort(sort, SORTS, "created")
    stmt = select(Document).where(Document.project_key == project_key, Document.kind == kind)
    if status:
        stmt = stmt.where(Document.status == status)
    if owner:
        stmt = stmt.where(Document.owner == owner)
    return await paginate(
        session, stmt, order=order, id_column=Document.id, limit=limit, cursor=cursor, sort_key=sort_key
    )


async def sections_with_documents(
    session: AsyncSession, section_ids: Sequence[uuid.UUID]
) -> list[tuple[DocumentSection, Document]]:
    rows = await session.execute(
        select(DocumentSection, Document)
        .join(Document, Document.id == DocumentSection.document_id)
        .where(DocumentSection.id.in_(list(section_ids)))
    )
    return [(section, doc) for section, doc in rows.all()]


async def prd_summary_rows(session: AsyncSession, ids: Sequence[uuid.UUID]) -> list[Row[Any]]:
    """The PRDs among `ids`, only the columns a summary needs, in one query."""
    stmt = select(*PRD_SUMMARY_COLUMNS).where(among(session, Document.id, list(ids)), Document.kind == "prd")
    return list(await session.execute(stmt))


async def in_review_rows(session: AsyncSession, project_key: str, *, limit: int) -> list[Row[Any]]:
    """(id, kind, title, submitted_at, updated_at) of the project's documents in review, oldest first."""
    stmt = (
        select(Document.id, Document.kind, Document.title, Document.submitted_at, Document.updated_at)
        .where(Document.project_key == project_key, Document.status == "in_review")
        .order_by(Document.created_at)
        .limit(limit)
    )
    return list((await session.execute(stmt)).all())


async def in_review_by_submission(session: AsyncSession, project_key: str, *, limit: int) -> list[Document]:
    """The project's documents in review, first submitted first."""
    stmt = (
        select(Document)
        .where(Document.project_key == project_key, Document.status == "in_review")
        .order_by(Document.submitted_at, Document.id)
        .limit(limit)
    )
    return list((await session.execute(stmt)).scalars().all())
