"""Queries of the documents tables (documents, sections, reviews, versions)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.db import among

from requirements_svc.documents.models import Document

PRD_SUMMARY_COLUMNS = (
    Document.id,
    Document.project_key,
    Document.title,
    Document.status,
    Document.revision,
    Document.approved_revision,
)


async def prd_summary_rows(session: AsyncSession, ids: Sequence[uuid.UUID]) -> list[Row[Any]]:
    """The PRDs among `ids`, only the columns a summary needs, in one query."""
    stmt = select(*PRD_SUMMARY_COLUMNS).where(among(session, Document.id, list(ids)), Document.kind == "prd")
    return list(await session.execute(stmt))
