"""The queries sibling services ask over HTTP: release gate, change-request impact, items' holders."""

from fastapi import APIRouter
from starlette.responses import Response
from tpmhub_shared import fast_reads
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.contracts import (
    ItemHoldersQuery,
    RiskGateQuery,
    RiskGateResult,
    RiskImpactQuery,
    RiskImpactResult,
    RisksLinkedToItems,
)
from tpmhub_shared.deps import ReadSession
from tpmhub_shared.problems import responses

from risk_svc.gate import service
from risk_svc.risks.http import TAG

router = APIRouter(prefix="/v1", tags=[TAG])


@router.post("/risks/gate-query", response_model=RiskGateResult, responses=responses(401, 403, 413, 422))
async def query_risk_gate(body: RiskGateQuery, session: ReadSession, principal: CurrentPrincipal) -> Response:
    """For release gates (service tokens and project readers): open risks at or above the project's gate
    level, or marked `blocks_release`, linked to the release or to any of the item keys."""
    answer = await service.gate_query(session, principal=principal, query=body)
    return fast_reads.json_bytes(fast_reads.encode(answer))


@router.post("/risks/impact-query", response_model=RiskImpactResult, responses=responses(401, 403, 413, 422))
async def query_risk_impact(
    body: RiskImpactQuery, session: ReadSession, principal: CurrentPrincipal
) -> RiskImpactResult:
    """Read-only, for change-request impact (service tokens and project readers): the risks (not closed)
    linked to any of the items, and the requirement_change risk that approving the change creates, scored
    by the same rule as the approval's handler (`existing_key` once it exists)."""
    return await service.impact_query(session, principal=principal, query=body)


@router.post("/risks/link-query", response_model=RisksLinkedToItems, responses=responses(401, 403, 413, 422))
async def query_risk_links(
    body: ItemHoldersQuery, session: ReadSession, principal: CurrentPrincipal
) -> RisksLinkedToItems:
    """Risks of the project (open or closed) linked to any of the items (for requirements-svc before it
    deletes an item; service tokens and project readers). Read-only."""
    return await service.risks_linked_to_items(session, principal=principal, query=body)
