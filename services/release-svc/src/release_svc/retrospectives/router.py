"""Release retrospectives over HTTP."""

import uuid

from fastapi import APIRouter, Request, Response, status
from tpmhub_shared.app import get_sibling
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.concurrency import IfMatch, set_etag
from tpmhub_shared.deps import ReadSession, Session
from tpmhub_shared.problems import responses

from release_svc.retrospectives import service
from release_svc.retrospectives.models import Retrospective
from release_svc.retrospectives.schemas import RetrospectivePublic, RetrospectiveUpdate, SendToRisk

router = APIRouter(tags=["retrospectives"])


def _public(row: Retrospective, response: Response) -> RetrospectivePublic:
    set_etag(response, row.version)
    return RetrospectivePublic.model_validate(row)


@router.post(
    "/v1/releases/{release_id}/retrospective",
    status_code=status.HTTP_201_CREATED,
    response_model=RetrospectivePublic,
    responses=responses(401, 403, 404, 409, 422),
)
async def create_retrospective(
    release_id: uuid.UUID, session: Session, principal: CurrentPrincipal, response: Response
) -> RetrospectivePublic:
    """Draft the retrospective from the audit trail: planned vs actual dates, timeline, approval latency,
    gate denials, guardrail trips, pauses and rollbacks (admin, pm, tpm, engineer, qa)."""
    return _public(
        await service.create_retrospective(session, principal=principal, release_id=release_id), response
    )


@router.get(
    "/v1/releases/{release_id}/retrospective",
    response_model=RetrospectivePublic,
    responses=responses(401, 404, 422),
)
async def get_retrospective(
    release_id: uuid.UUID, session: ReadSession, principal: CurrentPrincipal, response: Response
) -> RetrospectivePublic:
    return _public(
        await service.get_retrospective(session, principal=principal, release_id=release_id), response
    )


@router.patch(
    "/v1/releases/{release_id}/retrospective",
    response_model=RetrospectivePublic,
    responses=responses(401, 403, 404, 412, 413, 422),
)
async def update_retrospective(
    release_id: uuid.UUID,
    body: RetrospectiveUpdate,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
    if_match: IfMatch = None,
) -> RetrospectivePublic:
    """Edit what went well, what went badly and the action items (merge patch, `If-Match`)."""
    row = await service.update_retrospective(
        session, principal=principal, release_id=release_id, patch=body, if_match=if_match
    )
    return _public(row, response)


@router.post(
    "/v1/releases/{release_id}/retrospective/refresh",
    response_model=RetrospectivePublic,
    responses=responses(401, 403, 404, 412, 422),
)
async def refresh_retrospective(
    release_id: uuid.UUID,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
    if_match: IfMatch = None,
) -> RetrospectivePublic:
    """Re-draft only the facts from the audit trail; what people wrote stays."""
    return _public(
        await service.refresh_facts(session, principal=principal, release_id=release_id, if_match=if_match),
        response,
    )


@router.post(
    "/v1/releases/{release_id}/retrospective/action-items/{item_id}/send-to-risk",
    response_model=RetrospectivePublic,
    responses=responses(401, 403, 404, 409, 422, 503),
)
async def send_action_item_to_risk(
    release_id: uuid.UUID,
    item_id: uuid.UUID,
    session: Session,
    principal: CurrentPrincipal,
    request: Request,
    response: Response,
    body: SendToRisk | None = None,
) -> RetrospectivePublic:
    """Raise the action item as a risk in risk-svc (linked to the release, created as the caller; admin,
    pm, tpm). 409 if already sent; 503 if risk-svc cannot answer (nothing changes)."""
    row = await service.send_action_item_to_risk(
        session,
        principal=principal,
        release_id=release_id,
        item_id=item_id,
        options=body or SendToRisk(),
        risk=get_sibling(request, "risk"),
        authorization=request.headers.get("authorization"),
    )
    return _public(row, response)


TAGS = [{"name": "retrospectives", "description": "Release retrospectives drafted from the audit trail."}]
