"""Backlog items over HTTP: create (one, a batch, a CSV import), list and search, read, change, delete,
workflow, history. Three routers, listed apart in `main.py` so the OpenAPI document keeps its path order
around the look-up (`lookups`) and the move (`ranking`) routes."""

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response, status
from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import history
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.concurrency import IfMatch, etag, set_etag
from tpmhub_shared.deps import ItemKeyPath, ProjectKeyPath, ReadSession, Session
from tpmhub_shared.fast_reads import json_bytes
from tpmhub_shared.history import HistoryEntryPublic
from tpmhub_shared.pagination import Cursor, Limit, Page
from tpmhub_shared.problems import responses

from requirements_svc.items import csv_import, deletion, fast_reads, service
from requirements_svc.items.models import Item
from requirements_svc.items.read_models import publish
from requirements_svc.items.schemas import (
    ImportResult,
    ItemBatchCreate,
    ItemBatchResult,
    ItemCreate,
    ItemPublic,
    ItemStatus,
    ItemTransition,
    ItemType,
    ItemUpdate,
    Priority,
    Severity,
)

# Routes under /v1/projects/{key}/items, then those of one item (/v1/items/{key}), then its history.
backlog_router = APIRouter(tags=["items"])
router = APIRouter(tags=["items"])
history_router = APIRouter(tags=["items"])


async def _one(session: AsyncSession, item: Item | Row[Any]) -> ItemPublic:
    return (await publish(session, [item]))[0]


@backlog_router.post(
    "/v1/projects/{key}/items",
    status_code=status.HTTP_201_CREATED,
    response_model=ItemPublic,
    responses=responses(401, 403, 404, 409, 413, 422),
)
async def create_item(
    key: ProjectKeyPath, body: ItemCreate, session: Session, principal: CurrentPrincipal, response: Response
) -> ItemPublic:
    """Create a backlog item; the service assigns the next key of the project (`PAY-42`), gap-free."""
    item = await service.create_item(session, principal=principal, project_key=key, data=body)
    set_etag(response, item.version)
    response.headers["Location"] = f"/v1/items/{item.key}"
    return await _one(session, item)


@backlog_router.get(
    "/v1/projects/{key}/items", response_model=Page[ItemPublic], responses=responses(401, 403, 404, 422)
)
async def list_items(
    key: ProjectKeyPath,
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
    type: Annotated[list[ItemType] | None, Query(description="Any of these types.")] = None,
    status: Annotated[list[ItemStatus] | None, Query(description="Any of these statuses.")] = None,
    priority: Annotated[list[Priority] | None, Query(description="Any of these priorities.")] = None,
    severity: Annotated[list[Severity] | None, Query(description="Bugs of any of these severities.")] = None,
    assignee: Annotated[str | None, Query(max_length=200)] = None,
    label: Annotated[str | None, Query(max_length=50, description="Items carrying this label.")] = None,
    iteration_id: Annotated[uuid.UUID | None, Query()] = None,
    milestone_id: Annotated[uuid.UUID | None, Query()] = None,
    parent: Annotated[
        str | None,
        Query(pattern=r"^[A-Z][A-Z0-9]{1,9}-[1-9][0-9]{0,8}$", description="Direct children of this item."),
    ] = None,
    q: Annotated[
        str | None, Query(min_length=1, max_length=200, description="Text search in title and description.")
    ] = None,
    sort: Annotated[
        str | None,
        Query(
            description="rank, priority, rice, wsjf, created, updated, key; `-` for descending; default rank."
        ),
    ] = None,
) -> Response:
    """The project's backlog, filtered, searched and sorted, one keyset page at a time."""
    filters = {
        "type": type,
        "status": status,
        "priority": priority,
        "severity": severity,
        "assignee": assignee,
        "label": label,
        "iteration_id": iteration_id,
        "milestone_id": milestone_id,
        "parent": parent,
    }
    # A fast read (items/fast_reads.py): the documented Page[ItemPublic]'s bytes, built without models.
    body = await fast_reads.page_bytes(
        session,
        principal=principal,
        project_key=key,
        filters=filters,
        q=q,
        sort=sort,
        limit=limit,
        cursor=cursor,
    )
    return json_bytes(body)


@backlog_router.post(
    "/v1/projects/{key}/items/batch",
    status_code=status.HTTP_201_CREATED,
    response_model=ItemBatchResult,
    responses=responses(401, 403, 404, 409, 413, 422),
)
async def create_items(
    key: ProjectKeyPath, body: ItemBatchCreate, session: Session, principal: CurrentPrincipal
) -> ItemBatchResult:
    """Create up to 500 items at once, all or nothing; every invalid row is reported (`body.items.<row>`)."""
    rows = [
        ItemCreate.model_validate(r.model_dump(exclude={"parent"}, exclude_unset=True)) for r in body.items
    ]
    items = await service.create_items(
        session, principal=principal, project_key=key, rows=rows, parents=[r.parent for r in body.items]
    )
    return ItemBatchResult(items=await publish(session, items))


@backlog_router.post(
    "/v1/projects/{key}/items/import",
    status_code=status.HTTP_201_CREATED,
    response_model=ImportResult,
    responses=responses(400, 401, 403, 404, 409, 413, 415, 422),
    openapi_extra={
        "requestBody": {"required": True, "content": {"text/csv": {"schema": {"type": "string"}}}}
    },
)
async def import_items(
    key: ProjectKeyPath, request: Request, session: Session, principal: CurrentPrincipal
) -> ImportResult:
    """Import a Jira CSV export (Summary, Issue Type, Status, Priority, Description, Story Points, Labels,
    Parent / Epic Link; optional Issue key). All rows or none; every error names its CSV line."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    raw = await request.body()
    items = await csv_import.import_csv(
        session, principal=principal, project_key=key, raw=raw, content_type=content_type
    )
    return ImportResult(created=len(items), keys=[i.key for i in items])


@router.get("/v1/items/{key}", response_model=ItemPublic, responses=responses(401, 403, 404, 422))
async def get_item(key: ItemKeyPath, session: ReadSession, principal: CurrentPrincipal) -> Response:
    # A fast read (items/fast_reads.py): the documented ItemPublic's bytes, with the item's ETag.
    body, version = await fast_reads.item_bytes(session, principal=principal, key=key)
    return json_bytes(body, headers={"ETag": etag(version)})


@router.patch(
    "/v1/items/{key}", response_model=ItemPublic, responses=responses(401, 403, 404, 409, 412, 413, 422)
)
async def update_item(
    key: ItemKeyPath,
    body: ItemUpdate,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
    if_match: IfMatch = None,
) -> ItemPublic:
    """Change an item (merge patch). Send `If-Match` to refuse the change if someone else changed it."""
    item = await service.update_item(session, principal=principal, key=key, patch=body, if_match=if_match)
    set_etag(response, item.version)
    return await _one(session, item)


@router.delete(
    "/v1/items/{key}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=responses(401, 403, 404, 409, 412, 422, 428, 503),
)
async def delete_item(
    key: ItemKeyPath,
    request: Request,
    session: Session,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> Response:
    """Delete the item (tpm/pm/admin; `If-Match` required). A soft delete: the item is gone from every list,
    read (404) and look-up (reported missing), its history stays readable at `/v1/items/{key}/history`.
    Refused with 409 while it has child items (`children`) or while a release scope or a risk link holds it
    (`held_by: {releases, risks}`); 503 when release-svc or risk-svc cannot be asked (nothing is deleted)."""
    await deletion.delete_item(
        session, principal=principal, siblings=request.app.state.siblings, key=key, if_match=if_match
    )
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/v1/items/{key}/transition", response_model=ItemPublic, responses=responses(401, 403, 404, 409, 412, 422)
)
async def transition_item(
    key: ItemKeyPath,
    body: ItemTransition,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
    if_match: IfMatch = None,
) -> ItemPublic:
    """Move the item to another status. Not allowed from the current status → 409 with the allowed ones;
    done while an acceptance criterion has not passed → 409 listing them."""
    item = await service.transition_item(session, principal=principal, key=key, body=body, if_match=if_match)
    set_etag(response, item.version)
    return await _one(session, item)


@history_router.get(
    "/v1/items/{key}/history",
    response_model=Page[HistoryEntryPublic],
    responses=responses(401, 403, 404, 422),
)
async def list_item_history(
    key: ItemKeyPath,
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[HistoryEntryPublic]:
    """Every recorded change of the item, oldest first (a deleted item too: its last entry is `delete`)."""
    await service.get_item(session, principal=principal, key=key, include_deleted=True)
    return await history.list_history(
        session, resource_type=service.RESOURCE, resource_id=key, limit=limit, cursor=cursor
    )


TAGS = [
    {
        "name": "items",
        "description": "Backlog items: hierarchy, workflow, prioritization, ranking, search, batch "
        "create, CSV import and the batch look-up.",
    },
]
