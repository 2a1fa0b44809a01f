"""GitHub custom deployment protection requests over HTTP (they arrive on `POST /v1/webhooks/github`)."""

from typing import Annotated

from fastapi import APIRouter, Query
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.deps import ProjectKeyPath, ReadSession
from tpmhub_shared.pagination import Cursor, Limit, Page
from tpmhub_shared.problems import responses

from release_svc.protection import (
    github,  # noqa: F401  (registers the outbox target)
    service,
)
from release_svc.protection.schemas import DeploymentProtectionRequestPublic, ProtectionStatus

router = APIRouter(tags=["ci-webhooks"])


@router.get(
    "/v1/projects/{key}/deployment-protection-requests",
    response_model=Page[DeploymentProtectionRequestPublic],
    responses=responses(401, 403, 422),
)
async def list_deployment_protection_requests(
    key: ProjectKeyPath,
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
    status: Annotated[ProtectionStatus | None, Query(description="`pending`: GitHub still waits.")] = None,
) -> Page[DeploymentProtectionRequestPublic]:
    """Deployments GitHub asked TPM Hub to gate (custom deployment protection rule), oldest first; anyone
    with a role on the project may read them."""
    rows, next_cursor = await service.list_requests(
        session, principal=principal, project_key=key, status=status, limit=limit, cursor=cursor
    )
    return Page[DeploymentProtectionRequestPublic](
        items=[DeploymentProtectionRequestPublic.model_validate(r) for r in rows], next_cursor=next_cursor
    )
