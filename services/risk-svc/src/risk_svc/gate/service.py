"""The read-only queries sibling services ask about risks: the release gate (release-svc), a change
request's impact and the risks holding items (requirements-svc)."""

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.auth import Principal, ensure_read
from tpmhub_shared.contracts import (
    ItemHoldersQuery,
    LinkedRisk,
    PredictedRisk,
    RiskGateQuery,
    RiskImpactQuery,
    RiskImpactResult,
    RiskLinkedToItems,
    RisksLinkedToItems,
)

from risk_svc.links import repository as links
from risk_svc.matrix import repository as matrices
from risk_svc.matrix.schemas import LEVELS
from risk_svc.risks import repository as risks
from risk_svc.risks import scoring
from risk_svc.risks.change_requests import derive_scores, linked_items

# Composed once: the gate query's one statement from the matrix's, the links' and the risks' parts.
BLOCKING = risks.gate_statement(matrices.GATE_LEVEL, links.GATE_LINKS)
# Per gate level, the reason written for a blocking risk of each level.
REASONS = {
    gate: {
        level: f"level {level} ≥ gate level {gate}"
        if level in scoring.DEFAULT.levels_at_or_above(gate)
        else f"blocks_release is set (level {level} is below gate level {gate})"
        for level in LEVELS
    }
    for gate in LEVELS
}


async def gate_query(session: AsyncSession, *, principal: Principal, query: RiskGateQuery) -> dict[str, Any]:
    """Open risks at or above the gate level (or marked `blocks_release`) linked to the release or to any
    of the item keys, as the plain values of `RiskGateResult` in its field order (a fast read: the bytes
    are tested equal to the model's). One statement: the gate level, and the blocking risks joined to
    their linked targets (a risk's rows together, its item keys in order)."""
    ensure_read(principal, query.project_key)
    rows = await risks.gate_rows(
        session,
        BLOCKING,
        project_key=query.project_key,
        release_key=None if query.release_id is None else str(query.release_id),
        item_keys=query.item_keys,
    )
    gate_level = rows[0][0]
    reasons = REASONS[gate_level]
    blocking: list[dict[str, Any]] = []
    last = None
    items: list[str] = []
    for _, risk_id, key, title, level, score, status, item_key in rows:
        if risk_id is None:  # the one row of an answer without blocking risks
            break
        if risk_id != last:
            last, items = risk_id, []
            reason = reasons.get(level)
            if reason is None:  # not a level of the vocabulary: it can only block by its flag
                reason = f"blocks_release is set (level {level} is below gate level {gate_level})"
            blocking.append(
                {
                    "key": key,
                    "title": title,
                    "level": level,
                    "score": score,
                    "status": status,
                    "reason": reason,
                    "linked_items": items,
                }
            )
        if item_key is not None:
            items.append(item_key)
    return {"gate_level": gate_level, "blocking": blocking}


async def _item_links_by_risk(session: AsyncSession, project_key: str, item_keys: list[str]) -> dict:
    """Risk id → the keys of its links to any of the items (by key)."""
    by_risk: dict = {}
    for risk_id, item_key in await links.item_links(session, project_key=project_key, item_keys=item_keys):
        by_risk.setdefault(risk_id, []).append(item_key)
    return by_risk


async def impact_query(
    session: AsyncSession, *, principal: Principal, query: RiskImpactQuery
) -> RiskImpactResult:
    """For change-request impact: the project's risks (not closed) linked to any of the items, and the
    requirement_change risk that approving the change creates, scored by the same rule and matrix as the
    `change_request.approved` handler (or the one it already created for this change request)."""
    ensure_read(principal, query.project_key)
    matrix = await scoring.matrix_for(session, query.project_key)
    item_keys = sorted(set(query.item_keys))
    linked: list[LinkedRisk] = []
    if item_keys:
        by_risk = await _item_links_by_risk(session, query.project_key, item_keys)
        rows = await risks.briefs(
            session, project_key=query.project_key, ids=list(by_risk), include_closed=False, by_score=True
        )
        linked = [
            LinkedRisk(
                key=r.key,
                title=r.title,
                level=r.level,
                score=r.score,
                status=r.status,
                linked_items=by_risk[r.id],
            )
            for r in rows
        ]
    existing = None
    if query.change_request_id is not None:
        existing = await risks.scores_of_change_request(session, query.change_request_id)
    probability, impact = derive_scores(query)
    own = linked_items(query.project_key, query.item_keys)
    if existing is not None:
        predicted = PredictedRisk(
            probability=existing.probability,
            impact=existing.impact,
            score=existing.score,
            level=existing.level,
            linked_items=own,
            existing_key=existing.key,
        )
    else:
        score = probability * impact
        predicted = PredictedRisk(
            probability=probability,
            impact=impact,
            score=score,
            level=matrix.level(score) or "low",
            linked_items=own,
        )
    return RiskImpactResult(linked=linked, requirement_change_risk=predicted)


async def risks_linked_to_items(
    session: AsyncSession, *, principal: Principal, query: ItemHoldersQuery
) -> RisksLinkedToItems:
    """Risks of the project, open or closed, linked to any of the items: one query over the link index and
    one for the risks."""
    ensure_read(principal, query.project_key)
    keys = sorted(set(query.item_keys))
    by_risk = await _item_links_by_risk(session, query.project_key, keys)
    rows = await risks.briefs(
        session, project_key=query.project_key, ids=list(by_risk), include_closed=True, by_score=False
    )
    return RisksLinkedToItems(
        risks=[
            RiskLinkedToItems(
                key=r.key, title=r.title, status=r.status, level=r.level, item_keys=by_risk[r.id]
            )
            for r in rows
        ]
    )
