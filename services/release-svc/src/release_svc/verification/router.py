"""Verification results (线上试单) over HTTP."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status
from tpmhub_shared import history
from tpmhub_shared.app import get_sibling
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.concurrency import IfMatch, set_etag
from tpmhub_shared.deps import ReadSession, Session
from tpmhub_shared.history import HistoryEntryPublic
from tpmhub_shared.pagination import Cursor, Limit, Page
from tpmhub_shared.problems import responses

from release_svc.verification import service
from release_svc.verification.schemas import (
    Result,
    VerificationCreate,
    VerificationPublic,
    VerificationUpdate,
)

router = APIRouter(tags=["verification"])


@router.post(
    "/v1/releases/{release_id}/verifications",
    status_code=status.HTTP_201_CREATED,
    response_model=VerificationPublic,
    responses=responses(401, 403, 404, 409, 413, 422, 503),
)
async def create_verification(
    release_id: uuid.UUID,
    body: VerificationCreate,
    session: Session,
    principal: CurrentPrincipal,
    request: Request,
    response: Response,
) -> VerificationPublic:
    """Record a verification while the release is deploying or verifying (admin, pm, tpm, engineer, qa,
    ci). Linked criteria and items are checked with requirements-svc in one call: unknown ones, or ones of
    another project, are a 422 naming each; requirements-svc not answering is a 503; either way nothing is
    saved. The item of each linked criterion is added to `item_keys`. A `failed` result fails the linked
    criteria in requirements-svc (event `verification.recorded`), a `passed` one passes those pending."""
    row = await service.create_verification(
        session,
        principal=principal,
        release_id=release_id,
        data=body,
        requirements=get_sibling(request, "requirements"),
        release_url=request.app.state.settings.common.release_url,
    )
    set_etag(response, row.version)
    return VerificationPublic.model_validate(row)


@router.get(
    "/v1/releases/{release_id}/verifications",
    response_model=Page[VerificationPublic],
    responses=responses(401, 404, 422),
)
async def list_verifications(
    release_id: uuid.UUID,
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
    result: Annotated[Result | None, Query()] = None,
) -> Page[VerificationPublic]:
    rows, next_cursor = await service.list_verifications(
        session, principal=principal, release_id=release_id, result=result, limit=limit, cursor=cursor
    )
    return Page[VerificationPublic](
        items=[VerificationPublic.model_validate(r) for r in rows], next_cursor=next_cursor
    )


@router.get(
    "/v1/verifications/{verification_id}",
    response_model=VerificationPublic,
    responses=responses(401, 404, 422),
)
async def get_verification(
    verification_id: uuid.UUID, session: ReadSession, principal: CurrentPrincipal, response: Response
) -> VerificationPublic:
    row = await service.get_verification(session, principal=principal, verification_id=verification_id)
    set_etag(response, row.version)
    return VerificationPublic.model_validate(row)


@router.patch(
    "/v1/verifications/{verification_id}",
    response_model=VerificationPublic,
    responses=responses(401, 403, 404, 409, 412, 413, 422, 503),
)
async def update_verification(
    verification_id: uuid.UUID,
    body: VerificationUpdate,
    session: Session,
    principal: CurrentPrincipal,
    request: Request,
    response: Response,
    if_match: IfMatch = None,
) -> VerificationPublic:
    """Record a re-run of the scenario (merge patch, `If-Match`). Changed links are checked as on create;
    the new result reaches the linked criteria as on create."""
    row = await service.update_verification(
        session,
        principal=principal,
        verification_id=verification_id,
        patch=body,
        if_match=if_match,
        requirements=get_sibling(request, "requirements"),
        release_url=request.app.state.settings.common.release_url,
    )
    set_etag(response, row.version)
    return VerificationPublic.model_validate(row)


@router.get(
    "/v1/verifications/{verification_id}/history",
    response_model=Page[HistoryEntryPublic],
    responses=responses(401, 404, 422),
)
async def list_verification_history(
    verification_id: uuid.UUID,
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[HistoryEntryPublic]:
    """Every recorded change of a verification (the first result and each re-run), oldest first."""
    await service.get_verification(session, principal=principal, verification_id=verification_id)
    return await history.list_history(
        session, resource_type=service.RESOURCE, resource_id=verification_id, limit=limit, cursor=cursor
    )


TAGS = [
    {
        "name": "verification",
        "description": "Online-trial verification (线上试单) linked to acceptance "
        "criteria; a failed verification blocks `released` and fails its criteria.",
    }
]
