"""A project's environments over HTTP: the closed set every environment name is checked against."""

from fastapi import APIRouter, Response
from tpmhub_shared import history
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.concurrency import IfMatch, set_etag
from tpmhub_shared.deps import ProjectKeyPath, ReadSession, Session
from tpmhub_shared.history import HistoryEntryPublic
from tpmhub_shared.pagination import Cursor, Limit, Page
from tpmhub_shared.problems import responses

from release_svc.environments import service
from release_svc.environments.schemas import EnvironmentsIn, EnvironmentsPublic

router = APIRouter(prefix="/v1/projects/{key}/environments", tags=["environments"])


@router.get("", response_model=EnvironmentsPublic, responses=responses(401, 403, 422))
async def get_environments(
    key: ProjectKeyPath, session: ReadSession, principal: CurrentPrincipal, response: Response
) -> EnvironmentsPublic:
    """The project's environments and their aliases (the default development, staging, production until a
    list is saved). Gate, freeze windows, deployments, rollouts, DORA, verification and CI webhooks accept a
    name or an alias and store the name."""
    envs = await service.get_environments(session, principal=principal, project_key=key)
    set_etag(response, envs.version)
    return service.to_public(envs)


@router.put("", response_model=EnvironmentsPublic, responses=responses(401, 403, 409, 412, 413, 422))
async def put_environments(
    key: ProjectKeyPath,
    body: EnvironmentsIn,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
    if_match: IfMatch = None,
) -> EnvironmentsPublic:
    """Replace the list (tpm, admin). Send If-Match with the ETag you read (`"0"` for the default set); an
    environment still named by an unfinished rollout or a current or future freeze window cannot be removed
    (409)."""
    envs = await service.put_environments(
        session, principal=principal, project_key=key, data=body, if_match=if_match
    )
    set_etag(response, envs.version)
    return service.to_public(envs)


@router.get("/history", response_model=Page[HistoryEntryPublic], responses=responses(401, 403, 422))
async def list_environment_history(
    key: ProjectKeyPath,
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[HistoryEntryPublic]:
    """Every change of the project's environment list (who, when, before, after), oldest first."""
    await service.get_environments(session, principal=principal, project_key=key)
    return await history.list_history(
        session, resource_type=service.RESOURCE, resource_id=key, limit=limit, cursor=cursor
    )


TAGS = [
    {
        "name": "environments",
        "description": "The closed set of environments per project, with aliases (`prod` → `production`).",
    }
]
