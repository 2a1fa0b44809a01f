"""Deployment records and DORA metrics over HTTP."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status
from tpmhub_shared import history
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.concurrency import IfMatch, set_etag
from tpmhub_shared.deps import ProjectKeyPath, ReadSession, Session
from tpmhub_shared.history import HistoryEntryPublic
from tpmhub_shared.pagination import Cursor, Limit, Page
from tpmhub_shared.params import QueryDateTime
from tpmhub_shared.problems import responses

from release_svc.deployments import service
from release_svc.deployments.schemas import (
    ENV_PATTERN,
    DeploymentCreate,
    DeploymentPublic,
    DeploymentStatus,
    DeploymentUpdate,
    DoraMetrics,
)

router = APIRouter(tags=["deployments"])


@router.post(
    "/v1/projects/{key}/deployments",
    status_code=status.HTTP_201_CREATED,
    response_model=DeploymentPublic,
    responses=responses(401, 403, 413, 422),
)
async def create_deployment(
    key: ProjectKeyPath,
    body: DeploymentCreate,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
) -> DeploymentPublic:
    """Record a deployment (admin, pm, tpm, engineer, ci)."""
    row = await service.create_deployment(session, principal=principal, project_key=key, data=body)
    set_etag(response, row.version)
    response.headers["Location"] = f"/v1/deployments/{row.id}"
    return DeploymentPublic.model_validate(row)


@router.get(
    "/v1/projects/{key}/deployments",
    response_model=Page[DeploymentPublic],
    responses=responses(401, 403, 422),
)
async def list_deployments(
    key: ProjectKeyPath,
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
    environment: Annotated[str | None, Query(pattern=ENV_PATTERN)] = None,
    release_id: Annotated[uuid.UUID | None, Query()] = None,
    status: Annotated[DeploymentStatus | None, Query()] = None,
    sort: Annotated[str | None, Query(description="started (default `-started`)")] = None,
) -> Page[DeploymentPublic]:
    rows, next_cursor = await service.list_deployments(
        session,
        principal=principal,
        project_key=key,
        environment=environment,
        release_id=release_id,
        status=status,
        sort=sort,
        limit=limit,
        cursor=cursor,
    )
    return Page[DeploymentPublic](
        items=[DeploymentPublic.model_validate(r) for r in rows], next_cursor=next_cursor
    )


@router.get(
    "/v1/deployments/{deployment_id}", response_model=DeploymentPublic, responses=responses(401, 404, 422)
)
async def get_deployment(
    deployment_id: uuid.UUID, session: ReadSession, principal: CurrentPrincipal, response: Response
) -> DeploymentPublic:
    row = await service.get_deployment(session, principal=principal, deployment_id=deployment_id)
    set_etag(response, row.version)
    return DeploymentPublic.model_validate(row)


@router.patch(
    "/v1/deployments/{deployment_id}",
    response_model=DeploymentPublic,
    responses=responses(401, 403, 404, 412, 413, 422),
)
async def update_deployment(
    deployment_id: uuid.UUID,
    body: DeploymentUpdate,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
    if_match: IfMatch = None,
) -> DeploymentPublic:
    """Finish a deployment, flag a failure it caused, or record when service was restored (merge patch)."""
    row = await service.update_deployment(
        session, principal=principal, deployment_id=deployment_id, patch=body, if_match=if_match
    )
    set_etag(response, row.version)
    return DeploymentPublic.model_validate(row)


@router.get(
    "/v1/deployments/{deployment_id}/history",
    response_model=Page[HistoryEntryPublic],
    responses=responses(401, 404, 422),
)
async def list_deployment_history(
    deployment_id: uuid.UUID,
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[HistoryEntryPublic]:
    """Every recorded change of a deployment (recorded by a person or a CI webhook, finished, flagged as
    a failure, restored), oldest first."""
    await service.get_deployment(session, principal=principal, deployment_id=deployment_id)
    return await history.list_history(
        session, resource_type=service.RESOURCE, resource_id=deployment_id, limit=limit, cursor=cursor
    )


@router.get("/v1/projects/{key}/dora", response_model=DoraMetrics, responses=responses(401, 403, 422))
async def get_dora_metrics(
    key: ProjectKeyPath,
    session: ReadSession,
    principal: CurrentPrincipal,
    environment: Annotated[str, Query(pattern=ENV_PATTERN)] = "production",
    from_: Annotated[
        QueryDateTime | None, Query(alias="from", description="Window start (default: 30 days before `to`).")
    ] = None,
    to: Annotated[QueryDateTime | None, Query(description="Window end (default: now).")] = None,
) -> DoraMetrics:
    """Deployment frequency, lead time for changes, change failure rate and time to restore for one
    project and environment over a window (at most 366 days)."""
    return await service.dora(
        session, principal=principal, project_key=key, environment=environment, start=from_, end=to
    )


TAGS = [{"name": "deployments", "description": "Deployment records and DORA metrics per project."}]
