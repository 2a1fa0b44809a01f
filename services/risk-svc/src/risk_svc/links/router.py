"""A risk's links over HTTP."""

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Response, status
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.deps import Now, Session
from tpmhub_shared.problems import responses

from risk_svc.links import service
from risk_svc.links.schemas import LinksIn
from risk_svc.risks.http import READ, TAG, ReleaseSvc, Requirements, RiskKey, one_risk
from risk_svc.risks.schemas import RiskPublic

router = APIRouter(prefix="/v1", tags=[TAG])


@router.post(
    "/risks/{key}/links", response_model=RiskPublic, responses=responses(401, 403, 404, 413, 422, 503)
)
async def link_risk(
    key: RiskKey,
    body: LinksIn,
    session: Session,
    principal: CurrentPrincipal,
    requirements: Requirements,
    release: ReleaseSvc,
    now: Now,
    response: Response,
) -> RiskPublic:
    """Link items, PRDs and releases (items and PRDs checked with requirements-svc in one call, releases
    with release-svc at the same time; 422 naming unknown ones, 503 if either does not answer)."""
    risk = await service.add_links(
        session, principal=principal, key=key, data=body, requirements=requirements, release=release, now=now
    )
    return await one_risk(session, risk, now, response)


@router.delete(
    "/risks/{key}/links/{target_type}/{target}", status_code=status.HTTP_204_NO_CONTENT, responses=READ
)
async def unlink_risk(
    key: RiskKey,
    target_type: Literal["item", "prd", "release"],
    target: Annotated[str, Path(max_length=64)],
    session: Session,
    principal: CurrentPrincipal,
) -> Response:
    await service.remove_link(session, principal=principal, key=key, target_type=target_type, target=target)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
