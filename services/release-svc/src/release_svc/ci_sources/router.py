"""CI sources over HTTP: configure, list, read, change and remove the repositories whose CI may call the
webhooks (the secret is shown once, when created)."""

import uuid

from fastapi import APIRouter, Response, status
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.concurrency import IfMatch, set_etag
from tpmhub_shared.deps import ProjectKeyPath, ReadSession, Session
from tpmhub_shared.pagination import Cursor, Limit, Page
from tpmhub_shared.problems import responses

from release_svc.ci_sources import service
from release_svc.ci_sources.schemas import CiSourceCreate, CiSourcePublic, CiSourceUpdate, CiSourceWithSecret

router = APIRouter(tags=["ci-webhooks"])


def _public(row, model=CiSourcePublic):  # noqa: ANN001, ANN202
    return model.model_validate(row).model_copy(
        update={"webhook_url": service.WEBHOOK_PATHS[row.provider], "github_app": service.app_public(row)}
    )


@router.post(
    "/v1/projects/{key}/ci-sources",
    status_code=status.HTTP_201_CREATED,
    response_model=CiSourceWithSecret,
    responses=responses(401, 403, 409, 413, 422),
)
async def create_ci_source(
    key: ProjectKeyPath,
    body: CiSourceCreate,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
) -> CiSourceWithSecret:
    """Configure a repository's CI for this project (tpm or admin). The answer carries the secret once."""
    row = await service.create_source(session, principal=principal, project_key=key, data=body)
    set_etag(response, row.version)
    response.headers["Location"] = f"/v1/ci-sources/{row.id}"
    return _public(row, CiSourceWithSecret)


@router.get(
    "/v1/projects/{key}/ci-sources", response_model=Page[CiSourcePublic], responses=responses(401, 403, 422)
)
async def list_ci_sources(
    key: ProjectKeyPath,
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[CiSourcePublic]:
    rows, next_cursor = await service.list_sources(
        session, principal=principal, project_key=key, limit=limit, cursor=cursor
    )
    return Page[CiSourcePublic](items=[_public(r) for r in rows], next_cursor=next_cursor)


@router.get("/v1/ci-sources/{source_id}", response_model=CiSourcePublic, responses=responses(401, 404, 422))
async def get_ci_source(
    source_id: uuid.UUID, session: ReadSession, principal: CurrentPrincipal, response: Response
) -> CiSourcePublic:
    row = await service.get_source(session, principal=principal, source_id=source_id)
    set_etag(response, row.version)
    return _public(row)


@router.patch(
    "/v1/ci-sources/{source_id}",
    response_model=CiSourcePublic,
    responses=responses(401, 403, 404, 412, 413, 422),
)
async def update_ci_source(
    source_id: uuid.UUID,
    body: CiSourceUpdate,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
    if_match: IfMatch = None,
) -> CiSourcePublic:
    """Change a CI source (merge patch; tpm or admin)."""
    row = await service.update_source(
        session, principal=principal, source_id=source_id, patch=body, if_match=if_match
    )
    set_etag(response, row.version)
    return _public(row)


@router.delete(
    "/v1/ci-sources/{source_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=responses(401, 403, 404, 412, 422),
)
async def delete_ci_source(
    source_id: uuid.UUID, session: Session, principal: CurrentPrincipal, if_match: IfMatch = None
) -> Response:
    await service.delete_source(session, principal=principal, source_id=source_id, if_match=if_match)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
