"""Acceptance criteria over HTTP: list and add under an item, change, verify, delete, history."""

import uuid

from fastapi import APIRouter, Response, status
from tpmhub_shared import history
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.concurrency import IfMatch, set_etag
from tpmhub_shared.deps import ItemKeyPath, ReadSession, Session
from tpmhub_shared.history import HistoryEntryPublic
from tpmhub_shared.pagination import Cursor, Limit, Page
from tpmhub_shared.problems import responses

from requirements_svc.criteria import flows, service
from requirements_svc.criteria.schemas import (
    CriterionCreate,
    CriterionPublic,
    CriterionUpdate,
    CriterionVerify,
)

router = APIRouter(tags=["acceptance criteria"])


@router.get(
    "/v1/items/{key}/criteria", response_model=list[CriterionPublic], responses=responses(401, 403, 404, 422)
)
async def list_criteria(
    key: ItemKeyPath, session: ReadSession, principal: CurrentPrincipal
) -> list[CriterionPublic]:
    """The item's acceptance criteria in order (at most 100 per item)."""
    rows = await flows.list_criteria(session, principal=principal, key=key)
    return [CriterionPublic.model_validate(r) for r in rows]


@router.post(
    "/v1/items/{key}/criteria",
    status_code=status.HTTP_201_CREATED,
    response_model=CriterionPublic,
    responses=responses(401, 403, 404, 409, 413, 422),
)
async def create_criterion(
    key: ItemKeyPath, body: CriterionCreate, session: Session, principal: CurrentPrincipal, response: Response
) -> CriterionPublic:
    """Add an acceptance criterion (pending) to the item."""
    criterion = await flows.add_criterion(session, principal=principal, key=key, data=body)
    set_etag(response, criterion.version)
    response.headers["Location"] = f"/v1/criteria/{criterion.id}"
    return CriterionPublic.model_validate(criterion)


@router.patch(
    "/v1/criteria/{criterion_id}",
    response_model=CriterionPublic,
    responses=responses(401, 403, 404, 412, 413, 422),
)
async def update_criterion(
    criterion_id: uuid.UUID,
    body: CriterionUpdate,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
    if_match: IfMatch = None,
) -> CriterionPublic:
    """Change the text; a passed or failed criterion whose text changes goes back to pending."""
    criterion = await flows.update_criterion(
        session, principal=principal, criterion_id=criterion_id, patch=body, if_match=if_match
    )
    set_etag(response, criterion.version)
    return CriterionPublic.model_validate(criterion)


@router.post(
    "/v1/criteria/{criterion_id}/verify",
    response_model=CriterionPublic,
    responses=responses(401, 403, 404, 412, 422),
)
async def verify_criterion(
    criterion_id: uuid.UUID,
    body: CriterionVerify,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
    if_match: IfMatch = None,
) -> CriterionPublic:
    """Record passed or failed (with evidence), or pending to clear a result; the caller is `verified_by`."""
    criterion = await flows.verify_criterion(
        session, principal=principal, criterion_id=criterion_id, data=body, if_match=if_match
    )
    set_etag(response, criterion.version)
    return CriterionPublic.model_validate(criterion)


@router.delete(
    "/v1/criteria/{criterion_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=responses(401, 403, 404, 412, 422),
)
async def delete_criterion(
    criterion_id: uuid.UUID, session: Session, principal: CurrentPrincipal, if_match: IfMatch = None
) -> Response:
    await flows.delete_criterion(session, principal=principal, criterion_id=criterion_id, if_match=if_match)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/v1/criteria/{criterion_id}/history",
    response_model=Page[HistoryEntryPublic],
    responses=responses(401, 403, 404, 422),
)
async def list_criterion_history(
    criterion_id: uuid.UUID,
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[HistoryEntryPublic]:
    """Every recorded change of the criterion (text edits, verifications, resets, deletion), oldest first;
    readable after the criterion is deleted."""
    await flows.ensure_history_readable(session, principal=principal, criterion_id=criterion_id)
    return await history.list_history(
        session, resource_type=service.RESOURCE, resource_id=criterion_id, limit=limit, cursor=cursor
    )


TAGS = [
    {"name": "acceptance criteria", "description": "Acceptance criteria, first-class children of an item."},
]
