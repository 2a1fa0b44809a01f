"""Rollouts over HTTP: create and read (`router`), the actions (`actions_router`), the portfolio, draft
edits and abort (`controls_router`). Three routers so that main.py can keep the OpenAPI document's order
with the guardrail, metric and decision routes in between."""

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Body, Depends, Query, Request, Response, status
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import history
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.concurrency import IfMatch, set_etag
from tpmhub_shared.deps import Now, ReadSession, Session
from tpmhub_shared.history import HistoryEntryPublic
from tpmhub_shared.pagination import Cursor, Limit, Page
from tpmhub_shared.problems import UnprocessableEntity, field_error, responses

from release_svc.gate.service import GateSiblings
from release_svc.rollouts import drafts, flows, service
from release_svc.rollouts.schemas import (
    AbortRequest,
    AdvanceRequest,
    PortfolioItem,
    RolloutActionRequest,
    RolloutCreate,
    RolloutPublic,
    RolloutStatus,
    RolloutUpdate,
    StartRequest,
)
from release_svc.rollouts.views import to_public

router = APIRouter(tags=["rollouts"])
actions_router = APIRouter(tags=["rollouts"])
controls_router = APIRouter(tags=["rollouts"])


def gate_siblings(request: Request) -> GateSiblings:
    return GateSiblings.of(request.app)


Siblings = Annotated[GateSiblings, Depends(gate_siblings)]


@router.post(
    "/v1/releases/{release_id}/rollouts",
    status_code=status.HTTP_201_CREATED,
    response_model=RolloutPublic,
    responses=responses(401, 403, 404, 409, 413, 422),
)
async def create_rollout(
    release_id: uuid.UUID,
    body: RolloutCreate,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
) -> RolloutPublic:
    """Plan a gray rollout of a release (admin, pm, tpm); it starts in `draft`."""
    rollout = await service.create_rollout(session, principal=principal, release_id=release_id, data=body)
    set_etag(response, rollout.version)
    response.headers["Location"] = f"/v1/rollouts/{rollout.id}"
    return to_public(rollout)


@router.get(
    "/v1/releases/{release_id}/rollouts",
    response_model=Page[RolloutPublic],
    responses=responses(401, 404, 422),
)
async def list_rollouts(
    release_id: uuid.UUID,
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
    status: Annotated[RolloutStatus | None, Query()] = None,
) -> Page[RolloutPublic]:
    """The release's rollouts, oldest first."""
    rows, next_cursor = await service.list_rollouts(
        session, principal=principal, release_id=release_id, status=status, limit=limit, cursor=cursor
    )
    return Page[RolloutPublic](items=[to_public(r) for r in rows], next_cursor=next_cursor)


@router.get("/v1/rollouts/{rollout_id}", response_model=RolloutPublic, responses=responses(401, 404, 422))
async def get_rollout(
    rollout_id: uuid.UUID, session: ReadSession, principal: CurrentPrincipal, response: Response
) -> RolloutPublic:
    rollout = await service.get_rollout(session, principal=principal, rollout_id=rollout_id)
    set_etag(response, rollout.version)
    return to_public(rollout)


@router.get(
    "/v1/rollouts/{rollout_id}/history",
    response_model=Page[HistoryEntryPublic],
    responses=responses(401, 404, 422),
)
async def list_rollout_history(
    rollout_id: uuid.UUID,
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[HistoryEntryPublic]:
    """Every recorded change of the rollout (who, when, from, to, why), oldest first."""
    await service.get_rollout(session, principal=principal, rollout_id=rollout_id)
    return await history.list_history(
        session, resource_type=service.RESOURCE, resource_id=rollout_id, limit=limit, cursor=cursor
    )


# ---- actions -------------------------------------------------------------------------------------------


_ACTION_RESPONSES = responses(401, 403, 404, 409, 412, 413, 422)

OptionalAction = Annotated[RolloutActionRequest | None, Body()]

OptionalStart = Annotated[StartRequest | None, Body()]

OptionalAdvance = Annotated[AdvanceRequest | None, Body()]


async def _act(
    action,
    session: AsyncSession,
    principal,
    rollout_id: uuid.UUID,
    body,
    now: datetime,
    if_match: str | None,
    response: Response,
    **extra,
) -> RolloutPublic:
    # The service checks If-Match on the row it reads under the write lock.
    rollout = await action(
        session, principal=principal, rollout_id=rollout_id, body=body, now=now, if_match=if_match, **extra
    )
    set_etag(response, rollout.version)
    return to_public(rollout)


@actions_router.post(
    "/v1/rollouts/{rollout_id}/start", response_model=RolloutPublic, responses=_ACTION_RESPONSES
)
async def start_rollout(
    rollout_id: uuid.UUID,
    session: Session,
    principal: CurrentPrincipal,
    now: Now,
    response: Response,
    siblings: Siblings,
    body: OptionalStart = None,
    if_match: IfMatch = None,
) -> RolloutPublic:
    """Expose the first stage (first stage's operator or tpm/admin). The release must be approved or
    deploying; an approved release moves to deploying. The release gate is asked for the rollout's
    environment first (state, approvals, checklist, freeze, scope, risks): a denial is 409 `gate-denied` with
    the failing `checks`, unless a tpm/admin sends `override_gate: {reason}` (recorded in history, the event
    and the gate decision; 403 for other roles, 422 for a blank reason)."""
    return await _act(
        flows.start,
        session,
        principal,
        rollout_id,
        body or StartRequest(),
        now,
        if_match,
        response,
        siblings=siblings,
    )


@actions_router.post(
    "/v1/rollouts/{rollout_id}/advance", response_model=RolloutPublic, responses=_ACTION_RESPONSES
)
async def advance_rollout(
    rollout_id: uuid.UUID,
    session: Session,
    principal: CurrentPrincipal,
    now: Now,
    response: Response,
    siblings: Siblings,
    body: OptionalAdvance = None,
    if_match: IfMatch = None,
) -> RolloutPublic:
    """Move to the next stage (current stage's operator or tpm/admin). Before the minimum hold has passed:
    409 with `seconds_left`, unless a tpm/admin sends `override_hold` with a reason. Then the release gate is
    asked as on start: 409 `gate-denied` with the failing `checks` unless a tpm/admin sends
    `override_gate: {reason}`."""
    return await _act(
        flows.advance,
        session,
        principal,
        rollout_id,
        body or AdvanceRequest(),
        now,
        if_match,
        response,
        siblings=siblings,
    )


@actions_router.post(
    "/v1/rollouts/{rollout_id}/pause", response_model=RolloutPublic, responses=_ACTION_RESPONSES
)
async def pause_rollout(
    rollout_id: uuid.UUID,
    session: Session,
    principal: CurrentPrincipal,
    now: Now,
    response: Response,
    body: OptionalAction = None,
    if_match: IfMatch = None,
) -> RolloutPublic:
    """Hold the current exposure (any stage operator, pm, tpm, engineer, qa, ci or admin)."""
    return await _act(
        service.pause, session, principal, rollout_id, body or RolloutActionRequest(), now, if_match, response
    )


@actions_router.post(
    "/v1/rollouts/{rollout_id}/resume", response_model=RolloutPublic, responses=_ACTION_RESPONSES
)
async def resume_rollout(
    rollout_id: uuid.UUID,
    session: Session,
    principal: CurrentPrincipal,
    now: Now,
    response: Response,
    body: OptionalAction = None,
    if_match: IfMatch = None,
) -> RolloutPublic:
    """Continue a paused rollout at the same stage (current stage's operator or tpm/admin)."""
    return await _act(
        service.resume,
        session,
        principal,
        rollout_id,
        body or RolloutActionRequest(),
        now,
        if_match,
        response,
    )


@actions_router.post(
    "/v1/rollouts/{rollout_id}/rollback", response_model=RolloutPublic, responses=_ACTION_RESPONSES
)
async def rollback_rollout(
    rollout_id: uuid.UUID,
    session: Session,
    principal: CurrentPrincipal,
    now: Now,
    response: Response,
    body: OptionalAction = None,
    if_match: IfMatch = None,
) -> RolloutPublic:
    """Expose nobody and roll the release back (any stage operator, pm, tpm, engineer, qa, ci or admin)."""
    return await _act(
        service.rollback,
        session,
        principal,
        rollout_id,
        body or RolloutActionRequest(),
        now,
        if_match,
        response,
    )


@actions_router.post(
    "/v1/rollouts/{rollout_id}/complete", response_model=RolloutPublic, responses=_ACTION_RESPONSES
)
async def complete_rollout(
    rollout_id: uuid.UUID,
    session: Session,
    principal: CurrentPrincipal,
    now: Now,
    response: Response,
    siblings: Siblings,
    body: OptionalAdvance = None,
    if_match: IfMatch = None,
) -> RolloutPublic:
    """Finish at the last stage: everybody is exposed and the release moves to verifying. Same operator,
    hold and gate rules as advance."""
    return await _act(
        flows.complete,
        session,
        principal,
        rollout_id,
        body or AdvanceRequest(),
        now,
        if_match,
        response,
        siblings=siblings,
    )


# ---- controls: the portfolio, draft edits, abort --------------------------------------------------------


_PORTFOLIO_STATUSES = ("draft", "running", "paused", "completed", "rolled_back", "aborted")


def _statuses(value: str) -> list[str]:
    names = [v.strip() for v in value.split(",") if v.strip()]
    bad = [n for n in names if n not in _PORTFOLIO_STATUSES]
    if bad or not names:
        raise UnprocessableEntity(
            f"Unknown status {', '.join(bad) or '(none)'}; allowed: {', '.join(_PORTFOLIO_STATUSES)}.",
            errors=[field_error("query.status", "comma-separated rollout states", "status_invalid")],
        )
    return sorted(set(names))


@controls_router.get("/v1/rollouts", response_model=Page[PortfolioItem], responses=responses(401, 422))
async def list_portfolio_rollouts(
    session: ReadSession,
    principal: CurrentPrincipal,
    now: Now,
    limit: Limit = 50,
    cursor: Cursor = None,
    status: Annotated[
        str,
        Query(
            max_length=200,
            description="Comma-separated states (default `running,paused`).",
            examples=["running,paused"],
        ),
    ] = "running,paused",
    project: Annotated[str | None, Query(pattern=r"^[A-Z][A-Z0-9]{1,9}$")] = None,
) -> Page[PortfolioItem]:
    """The portfolio: every rollout in the given states across the projects the caller can read, oldest
    first, with the current stage, operator, hold left, guardrail outcome and next scheduled action."""
    items, next_cursor = await flows.portfolio(
        session,
        principal=principal,
        statuses=_statuses(status),
        project=project,
        limit=limit,
        cursor=cursor,
        now=now,
    )
    return Page[PortfolioItem](items=[PortfolioItem(**i) for i in items], next_cursor=next_cursor)


@controls_router.patch(
    "/v1/rollouts/{rollout_id}",
    response_model=RolloutPublic,
    responses=responses(401, 403, 404, 409, 412, 422),
)
async def update_rollout(
    rollout_id: uuid.UUID,
    body: RolloutUpdate,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
    if_match: IfMatch = None,
) -> RolloutPublic:
    """Edit a draft rollout (admin, pm, tpm; JSON merge patch, the same rules as on create; `stages`
    replaces the stages). A stale `If-Match` is 412; a rollout that is not a draft is 409 with the allowed
    actions. Recorded in history and as `rollout.updated`."""
    rollout = await drafts.update_draft(
        session, principal=principal, rollout_id=rollout_id, patch=body, if_match=if_match
    )
    set_etag(response, rollout.version)
    return to_public(rollout)


@controls_router.post(
    "/v1/rollouts/{rollout_id}/abort", response_model=RolloutPublic, responses=_ACTION_RESPONSES
)
async def abort_rollout(
    rollout_id: uuid.UUID,
    body: AbortRequest,
    session: Session,
    principal: CurrentPrincipal,
    now: Now,
    response: Response,
    if_match: IfMatch = None,
) -> RolloutPublic:
    """Stop a draft, running or paused rollout for good, with a required reason (any stage operator or
    tpm/admin). Nobody is exposed afterwards; a rollout that had exposed units rolls its release back and
    counts as a change failure, a draft does not. Pending scheduled actions are cancelled."""
    return await _act(flows.abort, session, principal, rollout_id, body, now, if_match, response)


TAGS = [
    {
        "name": "rollouts",
        "description": "Gray rollouts: stages, operators, holds, guardrails, sticky cohorts.",
    }
]
