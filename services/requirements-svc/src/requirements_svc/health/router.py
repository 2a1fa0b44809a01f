"""Project health over HTTP."""

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from tpmhub_shared import history
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.concurrency import IfMatch, set_etag
from tpmhub_shared.deps import ReadSession, Session
from tpmhub_shared.history import HistoryEntryPublic
from tpmhub_shared.pagination import Cursor, Limit, Page
from tpmhub_shared.problems import responses

from requirements_svc.health import service
from requirements_svc.health.schemas import HealthOverrideCreate, HealthPublic, Note
from requirements_svc.projects import service as projects

router = APIRouter(prefix="/v1/projects/{key}/health", tags=["health"])


@router.get("", response_model=HealthPublic, responses=responses(401, 403, 404))
async def get_project_health(
    key: str, request: Request, session: Session, principal: CurrentPrincipal, response: Response
) -> HealthPublic:
    """The project's health: on_track / at_risk / off_track from the rules over the facts of all three
    services,
    every rule that fired with its facts and links, and the manual override if one is set. A sibling that does
    not answer leaves `complete` false and its rules unevaluated; the answer is still 200."""
    body, version = await service.get_health(
        session, principal=principal, siblings=request.app.state.siblings, key=key
    )
    set_etag(response, version)
    return body


@router.post("/override", response_model=HealthPublic, responses=responses(401, 403, 404, 412, 422))
async def override_project_health(
    key: str,
    body: HealthOverrideCreate,
    request: Request,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
    if_match: IfMatch = None,
) -> HealthPublic:
    """Set the health by hand (admin, pm or tpm) with a mandatory note; kept in the health history."""
    result, version = await service.set_override(
        session,
        principal=principal,
        siblings=request.app.state.siblings,
        key=key,
        data=body,
        if_match=if_match,
    )
    set_etag(response, version)
    return result


@router.delete("/override", response_model=HealthPublic, responses=responses(401, 403, 404, 412, 422))
async def delete_health_override(
    key: str,
    note: Annotated[Note, Query(description="Why the override ends.")],
    request: Request,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
    if_match: IfMatch = None,
) -> HealthPublic:
    """Remove the override (admin, pm or tpm); the computed health applies again."""
    result, version = await service.clear_override(
        session,
        principal=principal,
        siblings=request.app.state.siblings,
        key=key,
        note=note,
        if_match=if_match,
    )
    set_etag(response, version)
    return result


@router.get("/history", response_model=Page[HistoryEntryPublic], responses=responses(401, 403, 404, 422))
async def list_health_history(
    key: str, session: ReadSession, principal: CurrentPrincipal, limit: Limit = 50, cursor: Cursor = None
) -> Page[HistoryEntryPublic]:
    """Computed health changes, overrides and their removal, oldest first."""
    await projects.get_project(session, principal=principal, key=key)
    return await history.list_history(
        session, resource_type=service.RESOURCE, resource_id=key, limit=limit, cursor=cursor
    )


TAGS = [{"name": "health", "description": "Project health derived by rules, with reasons; manual override."}]
