"""Queries of the document reviews table."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.pagination import paginate

from requirements_svc.document_reviews.models import DocumentReview


async def round_reviews(
    session: AsyncSession, document_id: uuid.UUID, review_round: int
) -> list[DocumentReview]:
    """The reviewers of one round, in assignment order."""
    if review_round == 0:
        return []
    rows = await session.execute(
        select(DocumentReview)
        .where(DocumentReview.document_id == document_id, DocumentReview.review_round == review_round)
        .order_by(DocumentReview.id)
    )
    return list(rows.scalars().all())


async def list_page(
    session: AsyncSession, document_id: uuid.UUID, *, limit: int, cursor: str | None
) -> tuple[list[DocumentReview], str | None]:
    """Every review of the document, oldest round first, one keyset page."""
    stmt = select(DocumentReview).where(DocumentReview.document_id == document_id)
    return await paginate(
        session,
        stmt,
        order=[(DocumentReview.review_round, False)],
        id_column=DocumentReview.id,
        limit=limit,
        cursor=cursor,
        sort_key="round",
    )
