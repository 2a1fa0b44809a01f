"""Releases over HTTP: the plan, look-ups, history and state actions. The checklist, approvals and freeze
windows have their own routers (listed after this one in main.py, in the order of the OpenAPI document)."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import history
from tpmhub_shared.app import get_sibling
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.concurrency import IfMatch, set_etag
from tpmhub_shared.contracts import (
    ReleaseLookupRequest,
    ReleaseLookupResponse,
    ReleaseScopeQuery,
    ReleaseScopeResult,
)
from tpmhub_shared.deps import ProjectKeyPath, ReadSession, Session
from tpmhub_shared.fast_reads import json_bytes
from tpmhub_shared.history import HistoryEntryPublic
from tpmhub_shared.pagination import Cursor, Limit, Page
from tpmhub_shared.problems import responses

from release_svc.releases import flows, service
from release_svc.releases.models import Release
from release_svc.releases.schemas import (
    ActionRequest,
    PlanStepOrdered,
    ReleaseCreate,
    ReleasePlan,
    ReleasePublic,
    ReleaseStatus,
    ReleaseUpdate,
)

router = APIRouter(tags=["releases"])


def to_public(release: Release) -> ReleasePublic:
    return ReleasePublic.model_validate(
        {**release.model_dump(), "revision": release.version, "version": release.semver}
    )


@router.post(
    "/v1/projects/{key}/releases",
    status_code=status.HTTP_201_CREATED,
    response_model=ReleasePublic,
    responses=responses(401, 403, 409, 413, 422, 503),
)
async def create_release(
    key: ProjectKeyPath,
    body: ReleaseCreate,
    session: Session,
    principal: CurrentPrincipal,
    request: Request,
    response: Response,
) -> ReleasePublic:
    """Create a release in draft (admin, pm, tpm). Scope items are checked with requirements-svc in one
    call (422 naming unknown ones, 503 if it cannot answer); the checklist is seeded from the project's
    template."""
    release = await flows.create_release(
        session,
        principal=principal,
        project_key=key,
        data=body,
        requirements=get_sibling(request, "requirements"),
    )
    set_etag(response, release.version)
    response.headers["Location"] = f"/v1/releases/{release.id}"
    return to_public(release)


@router.get(
    "/v1/projects/{key}/releases", response_model=Page[ReleasePublic], responses=responses(401, 403, 422)
)
async def list_releases(
    key: ProjectKeyPath,
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
    status: Annotated[ReleaseStatus | None, Query()] = None,
    version: Annotated[
        str | None,
        Query(
            max_length=100,
            examples=["1.4.0"],
            description="Only the release with exactly this version (at most one: versions are unique per "
            "project). CI finds the release of its tag this way.",
        ),
    ] = None,
    sort: Annotated[str | None, Query(description="created, target_date, version")] = None,
) -> Page[ReleasePublic]:
    rows, next_cursor = await service.list_releases(
        session,
        principal=principal,
        project_key=key,
        status=status,
        version=version,
        sort=sort,
        limit=limit,
        cursor=cursor,
    )
    return Page[ReleasePublic](items=[to_public(r) for r in rows], next_cursor=next_cursor)


@router.post("/v1/releases/lookup", response_model=ReleaseLookupResponse, responses=responses(401, 413, 422))
async def lookup_releases(
    body: ReleaseLookupRequest, session: ReadSession, principal: CurrentPrincipal
) -> Response:
    """Project, version and status of many releases in one call (for sibling services and any reader);
    unknown ids and releases the caller may not read are reported as missing."""
    return json_bytes(await service.lookup_releases(session, principal=principal, ids=body.ids))


@router.post(
    "/v1/releases/scope-query", response_model=ReleaseScopeResult, responses=responses(401, 403, 413, 422)
)
async def query_release_scope(
    body: ReleaseScopeQuery, session: ReadSession, principal: CurrentPrincipal
) -> ReleaseScopeResult:
    """Read-only, for change-request impact (service tokens and project readers): the project's releases
    whose scope holds any of the items, with their status and whether an approved change to those items
    sends them back to review (`back_to_review`, true for approved releases)."""
    return await service.query_scope(
        session, principal=principal, project_key=body.project_key, item_keys=body.item_keys
    )


@router.get("/v1/releases/{release_id}", response_model=ReleasePublic, responses=responses(401, 404, 422))
async def get_release(
    release_id: uuid.UUID, session: ReadSession, principal: CurrentPrincipal, response: Response
) -> ReleasePublic:
    release = await service.get_release(session, principal=principal, release_id=release_id)
    set_etag(response, release.version)
    return to_public(release)


@router.patch(
    "/v1/releases/{release_id}",
    response_model=ReleasePublic,
    responses=responses(401, 403, 404, 409, 412, 413, 422, 503),
)
async def update_release(
    release_id: uuid.UUID,
    body: ReleaseUpdate,
    session: Session,
    principal: CurrentPrincipal,
    request: Request,
    response: Response,
    if_match: IfMatch = None,
) -> ReleasePublic:
    """Change a release (merge patch; `If-Match` refuses a stale write with 412). Changing scope, steps or
    approvers of an approved release sends it back to in_review; during review it starts a new round."""
    release = await flows.update_release(
        session,
        principal=principal,
        release_id=release_id,
        patch=body,
        if_match=if_match,
        requirements=get_sibling(request, "requirements"),
    )
    set_etag(response, release.version)
    return to_public(release)


@router.get("/v1/releases/{release_id}/plan", response_model=ReleasePlan, responses=responses(401, 404, 422))
async def get_release_plan(
    release_id: uuid.UUID, session: ReadSession, principal: CurrentPrincipal
) -> ReleasePlan:
    """The deploy steps in dependency (topological) order, with levels that may run in parallel, and the
    reverse order for rolling back."""
    release = await service.get_release(session, principal=principal, release_id=release_id)
    levels = service.release_plan(release)
    order = [
        PlanStepOrdered(**s.model_dump(exclude={"description"}), level=i)
        for i, level in enumerate(levels)
        for s in level
    ]
    components = sorted({s.component for s in order})
    return ReleasePlan(
        release_id=release.id, order=order, rollback_order=list(reversed(order)), components=components
    )


@router.get(
    "/v1/releases/{release_id}/history",
    response_model=Page[HistoryEntryPublic],
    responses=responses(401, 404, 422),
)
async def list_release_history(
    release_id: uuid.UUID,
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[HistoryEntryPublic]:
    """Every recorded change of the release, oldest first."""
    await service.get_release(session, principal=principal, release_id=release_id)
    return await history.list_history(
        session, resource_type=service.RESOURCE, resource_id=release_id, limit=limit, cursor=cursor
    )


# ---- state actions ---------------------------------------------------------------------------------------

_ACTION_RESPONSES = responses(401, 403, 404, 409, 412, 422)


async def _act(
    action: str,
    release_id: uuid.UUID,
    body: ActionRequest | None,
    session: AsyncSession,
    principal: CurrentPrincipal,
    response: Response,
    if_match: str | None,
) -> ReleasePublic:
    release = await flows.act(
        session,
        principal=principal,
        release_id=release_id,
        action=action,
        reason=body.reason if body else None,
        if_match=if_match,
    )
    set_etag(response, release.version)
    return to_public(release)


@router.post("/v1/releases/{release_id}/submit", response_model=ReleasePublic, responses=_ACTION_RESPONSES)
async def submit_release(
    release_id: uuid.UUID,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
    body: ActionRequest | None = None,
    if_match: IfMatch = None,
) -> ReleasePublic:
    """draft → in_review (admin, pm, tpm); needs at least `required_approvals` approvers."""
    return await _act("submit", release_id, body, session, principal, response, if_match)


@router.post(
    "/v1/releases/{release_id}/reopen-review", response_model=ReleasePublic, responses=_ACTION_RESPONSES
)
async def reopen_release_review(
    release_id: uuid.UUID,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
    body: ActionRequest | None = None,
    if_match: IfMatch = None,
) -> ReleasePublic:
    """approved → in_review, a new review round (admin, pm, tpm)."""
    return await _act("reopen_review", release_id, body, session, principal, response, if_match)


@router.post(
    "/v1/releases/{release_id}/start-deploy", response_model=ReleasePublic, responses=_ACTION_RESPONSES
)
async def start_release_deploy(
    release_id: uuid.UUID,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
    body: ActionRequest | None = None,
    if_match: IfMatch = None,
) -> ReleasePublic:
    """approved → deploying (admin, pm, tpm, engineer, ci). Ask the gate first."""
    return await _act("start_deploy", release_id, body, session, principal, response, if_match)


@router.post(
    "/v1/releases/{release_id}/start-verification", response_model=ReleasePublic, responses=_ACTION_RESPONSES
)
async def start_release_verification(
    release_id: uuid.UUID,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
    body: ActionRequest | None = None,
    if_match: IfMatch = None,
) -> ReleasePublic:
    """deploying → verifying (admin, pm, tpm, engineer, ci)."""
    return await _act("start_verification", release_id, body, session, principal, response, if_match)


@router.post(
    "/v1/releases/{release_id}/mark-released", response_model=ReleasePublic, responses=_ACTION_RESPONSES
)
async def mark_release_released(
    release_id: uuid.UUID,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
    body: ActionRequest | None = None,
    if_match: IfMatch = None,
) -> ReleasePublic:
    """verifying → released (admin, pm, tpm, qa); 409 while any verification has failed."""
    return await _act("mark_released", release_id, body, session, principal, response, if_match)


@router.post("/v1/releases/{release_id}/roll-back", response_model=ReleasePublic, responses=_ACTION_RESPONSES)
async def roll_back_release(
    release_id: uuid.UUID,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
    body: ActionRequest | None = None,
    if_match: IfMatch = None,
) -> ReleasePublic:
    """deploying or verifying → rolled_back (admin, pm, tpm, engineer, ci)."""
    return await _act("roll_back", release_id, body, session, principal, response, if_match)


@router.post("/v1/releases/{release_id}/cancel", response_model=ReleasePublic, responses=_ACTION_RESPONSES)
async def cancel_release(
    release_id: uuid.UUID,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
    body: ActionRequest | None = None,
    if_match: IfMatch = None,
) -> ReleasePublic:
    """draft, in_review or approved → cancelled (admin, pm, tpm)."""
    return await _act("cancel", release_id, body, session, principal, response, if_match)


TAGS = [
    {
        "name": "releases",
        "description": "Release plans: scope, deploy steps (a DAG), approvals, go/no-go "
        "checklist, freeze windows and the state machine.",
    }
]
