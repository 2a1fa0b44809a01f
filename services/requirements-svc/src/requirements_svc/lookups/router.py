"""The batch look-up over HTTP (sibling services and any reader)."""

from fastapi import APIRouter, Response
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.contracts import ItemLookupRequest, ItemLookupResponse
from tpmhub_shared.deps import ReadSession
from tpmhub_shared.fast_reads import json_bytes
from tpmhub_shared.problems import responses

from requirements_svc.lookups import fast

router = APIRouter(tags=["items"])


@router.post("/v1/items/lookup", response_model=ItemLookupResponse, responses=responses(401, 413, 422))
async def lookup_items(
    body: ItemLookupRequest, session: ReadSession, principal: CurrentPrincipal
) -> Response:
    """Status, type, points and acceptance summary of many items, and PRDs by id, in one call (for sibling
    services and any reader); keys and PRDs the caller may not read are reported as missing."""
    # A fast read (lookups/fast.py): ItemLookupResponse's bytes, built without models.
    return json_bytes(await fast.lookup_bytes(session, principal=principal, body=body))
