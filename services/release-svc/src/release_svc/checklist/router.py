"""The go/no-go checklist over HTTP: the project's template and each release's items."""

import uuid

from fastapi import APIRouter, Response, status
from tpmhub_shared import history
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.concurrency import IfMatch, set_etag
from tpmhub_shared.deps import ProjectKeyPath, ReadSession, Session
from tpmhub_shared.history import HistoryEntryPublic
from tpmhub_shared.pagination import Cursor, Limit, Page
from tpmhub_shared.problems import responses

from release_svc.checklist import service
from release_svc.checklist.schemas import (
    ChecklistItemCreate,
    ChecklistItemPublic,
    ChecklistItemUpdate,
    ChecklistTemplateItem,
    ChecklistTemplatePublic,
    ChecklistTemplatePut,
)
from release_svc.releases import flows

router = APIRouter(tags=["releases"])


@router.get(
    "/v1/projects/{key}/checklist-template",
    response_model=ChecklistTemplatePublic,
    responses=responses(401, 403, 422),
)
async def get_checklist_template(
    key: ProjectKeyPath, session: ReadSession, principal: CurrentPrincipal
) -> ChecklistTemplatePublic:
    """The go/no-go items new releases of the project start with (the six defaults until set)."""
    items, is_default = await service.get_checklist_template(session, principal=principal, project_key=key)
    return ChecklistTemplatePublic(
        project_key=key, items=[ChecklistTemplateItem(**i) for i in items], is_default=is_default
    )


@router.put(
    "/v1/projects/{key}/checklist-template",
    response_model=ChecklistTemplatePublic,
    responses=responses(401, 403, 413, 422),
)
async def put_checklist_template(
    key: ProjectKeyPath, body: ChecklistTemplatePut, session: Session, principal: CurrentPrincipal
) -> ChecklistTemplatePublic:
    """Replace the project's checklist template (admin, pm, tpm); existing releases keep their items."""
    items = await service.put_checklist_template(
        session, principal=principal, project_key=key, items=body.items
    )
    return ChecklistTemplatePublic(
        project_key=key, items=[ChecklistTemplateItem(**i) for i in items], is_default=False
    )


@router.get(
    "/v1/releases/{release_id}/checklist",
    response_model=list[ChecklistItemPublic],
    responses=responses(401, 404, 422),
)
async def list_checklist_items(
    release_id: uuid.UUID, session: ReadSession, principal: CurrentPrincipal
) -> list[ChecklistItemPublic]:
    rows = await service.list_checklist(session, principal=principal, release_id=release_id)
    return [ChecklistItemPublic.model_validate(r) for r in rows]


@router.post(
    "/v1/releases/{release_id}/checklist",
    status_code=status.HTTP_201_CREATED,
    response_model=ChecklistItemPublic,
    responses=responses(401, 403, 404, 409, 413, 422),
)
async def create_checklist_item(
    release_id: uuid.UUID,
    body: ChecklistItemCreate,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
) -> ChecklistItemPublic:
    """Add an item to this release's checklist (admin, pm, tpm)."""
    item = await flows.add_checklist_item(session, principal=principal, release_id=release_id, data=body)
    set_etag(response, item.version)
    return ChecklistItemPublic.model_validate(item)


@router.patch(
    "/v1/releases/{release_id}/checklist/{item_id}",
    response_model=ChecklistItemPublic,
    responses=responses(401, 403, 404, 412, 413, 422),
)
async def update_checklist_item(
    release_id: uuid.UUID,
    item_id: uuid.UUID,
    body: ChecklistItemUpdate,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
    if_match: IfMatch = None,
) -> ChecklistItemPublic:
    """Tick (`done`, with evidence), fail or waive (admin, pm, tpm) an item."""
    item = await service.update_checklist_item(
        session, principal=principal, release_id=release_id, item_id=item_id, patch=body, if_match=if_match
    )
    set_etag(response, item.version)
    return ChecklistItemPublic.model_validate(item)


@router.get(
    "/v1/releases/{release_id}/checklist/{item_id}/history",
    response_model=Page[HistoryEntryPublic],
    responses=responses(401, 404, 422),
)
async def list_checklist_item_history(
    release_id: uuid.UUID,
    item_id: uuid.UUID,
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[HistoryEntryPublic]:
    """Every recorded change of a checklist item (seeded or added, ticked, unticked, failed, waived, its
    owner, evidence and note), by people and by CI, oldest first."""
    await service.get_checklist_item(session, principal=principal, release_id=release_id, item_id=item_id)
    return await history.list_history(
        session, resource_type=service.CHECKLIST_ITEM, resource_id=item_id, limit=limit, cursor=cursor
    )
