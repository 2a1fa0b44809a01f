"""The batch look-up over HTTP (sibling services and any reader)."""

from fastapi import APIRouter
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.contracts import ItemLookupRequest, ItemLookupResponse
from tpmhub_shared.deps import ReadSession
from tpmhub_shared.problems import responses

from requirements_svc.lookups import service

router = APIRouter(tags=["items"])


@router.post("/v1/items/lookup", response_model=ItemLookupResponse, responses=responses(401, 413, 422))
async def lookup_items(
    body: ItemLookupRequest, session: ReadSession, principal: CurrentPrincipal
) -> ItemLookupResponse:
    """Status, type, points and acceptance summary of many items, and PRDs by id, in one call (for sibling
    services and any reader); keys and PRDs the caller may not read are reported as missing."""
    return await service.lookup_items(session, principal=principal, body=body)
