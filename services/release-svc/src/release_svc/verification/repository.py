"""Queries of verification results that other domains ask (the release state machine)."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from release_svc.verification.models import Verification


async def failed_ids(session: AsyncSession, release_id: uuid.UUID) -> list[uuid.UUID]:
    """The release's failed verifications."""
    rows = await session.execute(
        select(Verification.id).where(Verification.release_id == release_id, Verification.result == "failed")
    )
    return [r[0] for r in rows]
