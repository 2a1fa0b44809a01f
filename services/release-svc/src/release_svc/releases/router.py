import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response, status
from sqlalchemy.ext.asyncio import AsyncSession

from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.concurrency import set_etag
from tpmhub_shared.db import request_session
from tpmhub_shared.pagination import Cursor, Limit, Page
from tpmhub_shared.problems import responses

from release_svc.releases import service
from release_svc.releases.models import Release
from release_svc.releases.schemas import ReleaseCreate, ReleasePublic, ReleaseStatus

router = APIRouter(tags=["releases"])
Session = Annotated[AsyncSession, Depends(request_session, scope="function")]
ProjectKeyPath = Annotated[str, Path(pattern=r"^[A-Z][A-Z0-9]{1,9}$", examples=["PAY"])]


def to_public(release: Release) -> ReleasePublic:
    return ReleasePublic.model_validate({**release.model_dump(), "revision": release.version,
                                         "version": release.semver})


@router.post("/v1/projects/{key}/releases", status_code=status.HTTP_201_CREATED, response_model=ReleasePublic,
             responses=responses(401, 403, 409, 413, 422))
async def create_release(key: ProjectKeyPath, body: ReleaseCreate, session: Session, principal: CurrentPrincipal,
                         response: Response) -> ReleasePublic:
    """Create a release in draft (admin, pm, tpm)."""
    release = await service.create_release(session, principal=principal, project_key=key, data=body)
    set_etag(response, release.version)
    response.headers["Location"] = f"/v1/releases/{release.id}"
    return to_public(release)


@router.get("/v1/projects/{key}/releases", response_model=Page[ReleasePublic], responses=responses(401, 403, 422))
async def list_releases(key: ProjectKeyPath, session: Session, principal: CurrentPrincipal, limit: Limit = 50,
                        cursor: Cursor = None, status: Annotated[ReleaseStatus | None, Query()] = None,
                        sort: Annotated[str | None, Query(description="created, target_date, version")] = None,
                        ) -> Page[ReleasePublic]:
    rows, next_cursor = await service.list_releases(session, principal=principal, project_key=key, status=status,
                                                    sort=sort, limit=limit, cursor=cursor)
    return Page[ReleasePublic](items=[to_public(r) for r in rows], next_cursor=next_cursor)


@router.get("/v1/releases/{release_id}", response_model=ReleasePublic, responses=responses(401, 404, 422))
async def get_release(release_id: uuid.UUID, session: Session, principal: CurrentPrincipal,
                      response: Response) -> ReleasePublic:
    release = await service.get_release(session, principal=principal, release_id=release_id)
    set_etag(response, release.version)
    return to_public(release)

TAGS = [{"name": "releases", "description": "Release plans and their state machine."}]
