"""Queries of the risk links table (the link index the gate, impact and holder queries read)."""

import uuid
from collections import defaultdict
from typing import Any

from sqlalchemy import ColumnElement, Row, exists, select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import fast_reads
from tpmhub_shared.db import among

from risk_svc.links.models import RiskLink
from risk_svc.links.schemas import Links

TYPES = {"items": "item", "prds": "prd", "releases": "release"}


async def targets_of(session: AsyncSession, risk_id: uuid.UUID) -> set[tuple[str, str]]:
    """(target type, target key) of every link the risk has."""
    rows = await session.execute(select(RiskLink).where(RiskLink.risk_id == risk_id))
    return {(link.target_type, link.target_key) for link in rows.scalars()}


def add(
    session: AsyncSession, *, risk_id: uuid.UUID, project_key: str, target_type: str, target: str, actor: str
) -> None:
    session.add(
        RiskLink(
            risk_id=risk_id,
            project_key=project_key,
            target_type=target_type,
            target_key=target,
            created_by=actor,
        )
    )


async def find(
    session: AsyncSession, *, risk_id: uuid.UUID, target_type: str, target: str
) -> RiskLink | None:
    return (
        await session.execute(
            select(RiskLink).where(
                RiskLink.risk_id == risk_id,
                RiskLink.target_type == target_type,
                RiskLink.target_key == target,
            )
        )
    ).scalar_one_or_none()


async def delete(session: AsyncSession, link: RiskLink) -> None:
    await session.delete(link)


async def load_many(session: AsyncSession, risk_ids: list[uuid.UUID]) -> dict[uuid.UUID, Links]:
    """Links of many risks in one query."""
    grouped: dict[uuid.UUID, dict[str, list[str]]] = defaultdict(
        lambda: {"items": [], "prds": [], "releases": []}
    )
    if risk_ids:
        rows = await session.execute(
            select(RiskLink.risk_id, RiskLink.target_type, RiskLink.target_key)
            .where(RiskLink.risk_id.in_(risk_ids))
            .order_by(RiskLink.target_type, RiskLink.target_key)
        )
        plural = {v: k for k, v in TYPES.items()}
        for risk_id, target_type, target_key in rows:
            grouped[risk_id][plural[target_type]].append(target_key)
    return {rid: Links(**grouped[rid]) for rid in risk_ids}


def links_item(risk_id: Any, *, project_key: str, item: str) -> ColumnElement[bool]:
    """The risk of `risk_id` (the risks table's id column) is linked to the item."""
    return exists().where(
        RiskLink.risk_id == risk_id,
        RiskLink.project_key == project_key,
        RiskLink.target_type == "item",
        RiskLink.target_key == item,
    )


# The gate query's links: (risk id, item key) of the project's ($1) links to the release ($2, its id as
# text; NULL item key) and to any of the items ($3), each an index-only scan of `ix_risk_links_lookup`.
# The risks' gate statement joins it on `risk_id` (`risks.repository.gate_statement`).
GATE_LINKS = fast_reads.Statement(
    "SELECT risk_id, NULL AS item_key FROM risk_links"
    " WHERE project_key = $1 AND target_type = 'release' AND target_key = $2"
    " UNION ALL SELECT risk_id, target_key FROM risk_links"
    " WHERE project_key = $1 AND target_type = 'item' AND target_key = ANY($3)",
    "SELECT risk_id, NULL AS item_key FROM risk_links"
    " WHERE project_key = ?1 AND target_type = 'release' AND target_key = ?2"
    " UNION ALL SELECT risk_id, target_key FROM risk_links"
    " WHERE project_key = ?1 AND target_type = 'item' AND target_key IN (SELECT value FROM json_each(?3))",
)


async def item_links(session: AsyncSession, *, project_key: str, item_keys: list[str]) -> list[Row]:
    """(risk id, item key) of the project's links to any of the items, by item key."""
    return list(
        (
            await session.execute(
                select(RiskLink.risk_id, RiskLink.target_key)
                .where(
                    RiskLink.project_key == project_key,
                    RiskLink.target_type == "item",
                    among(session, RiskLink.target_key, item_keys),
                )
                .order_by(RiskLink.target_key)
            )
        ).all()
    )
