"""Projects over HTTP."""

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response, status
from tpmhub_shared import history
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.concurrency import IfMatch, set_etag
from tpmhub_shared.deps import ReadSession, Session
from tpmhub_shared.history import HistoryEntryPublic
from tpmhub_shared.pagination import Cursor, Limit, Page
from tpmhub_shared.problems import responses

from requirements_svc.projects import service
from requirements_svc.projects.schemas import ProjectCreate, ProjectPublic, ProjectUpdate

router = APIRouter(prefix="/v1/projects", tags=["projects"])


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=ProjectPublic,
    responses=responses(401, 403, 409, 413, 422),
)
async def create_project(
    body: ProjectCreate, session: Session, principal: CurrentPrincipal, response: Response
) -> ProjectPublic:
    """Create a project (admin, pm or tpm)."""
    project = await service.create_project(session, principal=principal, data=body)
    set_etag(response, project.version)
    response.headers["Location"] = f"/v1/projects/{project.key}"
    return ProjectPublic.model_validate(project)


@router.get("", response_model=Page[ProjectPublic], responses=responses(401, 422))
async def list_projects(
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
    status: Annotated[Literal["active", "archived"] | None, Query()] = None,
    sort: Annotated[str | None, Query(description="key, name, created, updated; `-` for descending")] = None,
) -> Page[ProjectPublic]:
    """Projects the caller may see."""
    rows, next_cursor = await service.list_projects(
        session, principal=principal, status=status, sort=sort, limit=limit, cursor=cursor
    )
    return Page[ProjectPublic](items=[ProjectPublic.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.get("/{key}", response_model=ProjectPublic, responses=responses(401, 403, 404))
async def get_project(
    key: str, session: ReadSession, principal: CurrentPrincipal, response: Response
) -> ProjectPublic:
    project = await service.get_project(session, principal=principal, key=key)
    set_etag(response, project.version)
    return ProjectPublic.model_validate(project)


@router.patch("/{key}", response_model=ProjectPublic, responses=responses(401, 403, 404, 409, 412, 413, 422))
async def update_project(
    key: str,
    body: ProjectUpdate,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
    if_match: IfMatch = None,
) -> ProjectPublic:
    """Change a project (merge patch). Send `If-Match` to refuse the change if someone else changed it."""
    project = await service.update_project(
        session, principal=principal, key=key, patch=body, if_match=if_match
    )
    set_etag(response, project.version)
    return ProjectPublic.model_validate(project)


@router.get(
    "/{key}/history", response_model=Page[HistoryEntryPublic], responses=responses(401, 403, 404, 422)
)
async def list_project_history(
    key: str, session: ReadSession, principal: CurrentPrincipal, limit: Limit = 50, cursor: Cursor = None
) -> Page[HistoryEntryPublic]:
    """Every recorded change of the project, oldest first."""
    await service.get_project(session, principal=principal, key=key)
    return await history.list_history(
        session, resource_type=service.RESOURCE, resource_id=key, limit=limit, cursor=cursor
    )


TAGS = [{"name": "projects", "description": "Projects: background, goals, scope."}]
