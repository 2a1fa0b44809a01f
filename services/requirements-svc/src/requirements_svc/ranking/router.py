"""Re-ranking an item over HTTP."""

from fastapi import APIRouter, Response
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.concurrency import IfMatch, set_etag
from tpmhub_shared.deps import ItemKeyPath, Session
from tpmhub_shared.problems import responses

from requirements_svc.items.schemas import ItemMove, ItemPublic
from requirements_svc.ranking import service

router = APIRouter(tags=["items"])


@router.post(
    "/v1/items/{key}/move", response_model=ItemPublic, responses=responses(401, 403, 404, 412, 422, 503)
)
async def move_item(
    key: ItemKeyPath,
    body: ItemMove,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
    if_match: IfMatch = None,
) -> ItemPublic:
    """Re-rank the item (planners): only the moved item's row is written."""
    item, view = await service.move_item(session, principal=principal, key=key, body=body, if_match=if_match)
    set_etag(response, item.version)
    return view
