"""Change requests over HTTP."""

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response, status
from tpmhub_shared import history
from tpmhub_shared.app import get_sibling
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.concurrency import IfMatch, set_etag
from tpmhub_shared.deps import ProjectKeyPath, ReadSession, Session
from tpmhub_shared.history import HistoryEntryPublic
from tpmhub_shared.pagination import Cursor, Limit, Page
from tpmhub_shared.problems import responses

from requirements_svc.change_requests import flows, service
from requirements_svc.change_requests.models import ChangeRequest
from requirements_svc.change_requests.schemas import (
    ChangeRequestCreate,
    ChangeRequestPublic,
    ChangeRequestUpdate,
    CRStatus,
    Decision,
)

router = APIRouter(tags=["change requests"])
CRKeyPath = Annotated[str, Path(pattern=r"^[A-Z][A-Z0-9]{1,9}-CR[1-9][0-9]{0,8}$", examples=["PAY-CR3"])]


def _siblings(request: Request) -> dict:
    return {"releases": get_sibling(request, "release"), "risks": get_sibling(request, "risk")}


def _public(cr: ChangeRequest, response: Response | None = None) -> ChangeRequestPublic:
    if response is not None:
        set_etag(response, cr.version)
    return ChangeRequestPublic.model_validate(cr)


@router.post(
    "/v1/projects/{key}/change-requests",
    status_code=status.HTTP_201_CREATED,
    response_model=ChangeRequestPublic,
    responses=responses(401, 403, 404, 409, 413, 422),
)
async def create_change_request(
    key: ProjectKeyPath,
    body: ChangeRequestCreate,
    session: Session,
    principal: CurrentPrincipal,
    request: Request,
    response: Response,
) -> ChangeRequestPublic:
    """Propose a change; the answer carries the computed impact: items, effort, dates, milestones, the
    releases it touches (and which go back to review), the linked risks and the requirement_change risk
    approval creates. Keys are gap-free per project (`PAY-CR3`). When release-svc or risk-svc does not
    answer, the change request is still created and `impact.unknown` names the missing part."""
    cr = await service.create_change_request(
        session, principal=principal, project_key=key, data=body, **_siblings(request)
    )
    response.headers["Location"] = f"/v1/change-requests/{cr.key}"
    return _public(cr, response)


@router.get(
    "/v1/projects/{key}/change-requests",
    response_model=Page[ChangeRequestPublic],
    responses=responses(401, 403, 404, 422),
)
async def list_change_requests(
    key: ProjectKeyPath,
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
    status: Annotated[CRStatus | None, Query()] = None,
    sort: Annotated[
        str | None, Query(description="created (default) or updated; `-` for descending.")
    ] = None,
) -> Page[ChangeRequestPublic]:
    rows, next_cursor = await service.list_change_requests(
        session, principal=principal, project_key=key, status=status, sort=sort, limit=limit, cursor=cursor
    )
    return Page[ChangeRequestPublic](items=[_public(r) for r in rows], next_cursor=next_cursor)


@router.get(
    "/v1/change-requests/{key}", response_model=ChangeRequestPublic, responses=responses(401, 403, 404, 422)
)
async def get_change_request(
    key: CRKeyPath, session: ReadSession, principal: CurrentPrincipal, response: Response
) -> ChangeRequestPublic:
    return _public(await service.get_change_request(session, principal=principal, key=key), response)


@router.patch(
    "/v1/change-requests/{key}",
    response_model=ChangeRequestPublic,
    responses=responses(401, 403, 404, 409, 412, 413, 422),
)
async def update_change_request(
    key: CRKeyPath,
    body: ChangeRequestUpdate,
    session: Session,
    principal: CurrentPrincipal,
    request: Request,
    response: Response,
    if_match: IfMatch = None,
) -> ChangeRequestPublic:
    """Edit a proposed change request (its requester or a planner); the impact is recomputed."""
    cr = await service.update_change_request(
        session, principal=principal, key=key, patch=body, if_match=if_match, **_siblings(request)
    )
    return _public(cr, response)


@router.post(
    "/v1/change-requests/{key}/approve",
    response_model=ChangeRequestPublic,
    responses=responses(401, 403, 404, 409, 412, 422),
)
async def approve_change_request(
    key: CRKeyPath,
    body: Decision,
    session: Session,
    principal: CurrentPrincipal,
    request: Request,
    response: Response,
    if_match: IfMatch = None,
) -> ChangeRequestPublic:
    """Approve (pm, tpm, admin): recomputes the impact (releases and risks included) and emits
    `change_request.approved`."""
    cr = await service.approve_change_request(
        session, principal=principal, key=key, decision=body, if_match=if_match, **_siblings(request)
    )
    return _public(cr, response)


@router.post(
    "/v1/change-requests/{key}/reject",
    response_model=ChangeRequestPublic,
    responses=responses(401, 403, 404, 409, 412, 422),
)
async def reject_change_request(
    key: CRKeyPath,
    body: Decision,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
    if_match: IfMatch = None,
) -> ChangeRequestPublic:
    """Reject (pm, tpm, admin)."""
    cr = await service.reject_change_request(
        session, principal=principal, key=key, decision=body, if_match=if_match
    )
    return _public(cr, response)


@router.post(
    "/v1/change-requests/{key}/apply",
    response_model=ChangeRequestPublic,
    responses=responses(401, 403, 404, 409, 412, 422),
)
async def apply_change_request(
    key: CRKeyPath,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
    if_match: IfMatch = None,
) -> ChangeRequestPublic:
    """Apply an approved change (pm, tpm, admin): item patches are written and passed criteria of the
    affected items go back to pending, in one transaction."""
    cr = await flows.apply_change_request(session, principal=principal, key=key, if_match=if_match)
    return _public(cr, response)


@router.get(
    "/v1/change-requests/{key}/history",
    response_model=Page[HistoryEntryPublic],
    responses=responses(401, 403, 404, 422),
)
async def list_change_request_history(
    key: CRKeyPath,
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[HistoryEntryPublic]:
    await service.get_change_request(session, principal=principal, key=key)
    return await history.list_history(
        session, resource_type=service.RESOURCE, resource_id=key, limit=limit, cursor=cursor
    )


TAGS = [
    {
        "name": "change requests",
        "description": "Change requests (需求变更) with computed impact and a decision.",
    }
]
