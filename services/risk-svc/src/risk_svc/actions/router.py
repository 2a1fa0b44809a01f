"""Mitigation actions over HTTP: the project's overdue ones, a risk's actions, one action."""

import uuid

from fastapi import APIRouter, Response, status
from tpmhub_shared import history
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.concurrency import IfMatch, set_etag
from tpmhub_shared.deps import Now, ReadSession, Session
from tpmhub_shared.history import HistoryEntryPublic
from tpmhub_shared.pagination import Cursor, Limit, Page
from tpmhub_shared.problems import responses

from risk_svc.actions import service
from risk_svc.actions.schemas import ActionCreate, ActionPublic, ActionUpdate, OverdueAction
from risk_svc.risks.http import READ, TAG, WRITE, ProjectKey, RiskKey

# Two routers so that main.py keeps the document's path order: the project-scoped routes come with the
# other project routes, the per-risk ones after `/risks/{key}`.
project_router = APIRouter(prefix="/v1", tags=[TAG])
router = APIRouter(prefix="/v1", tags=[TAG])


@project_router.get(
    "/projects/{key}/risk-actions/overdue",
    response_model=Page[OverdueAction],
    responses=responses(401, 403, 422),
)
async def list_overdue_risk_actions(
    key: ProjectKey,
    session: ReadSession,
    principal: CurrentPrincipal,
    now: Now,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[OverdueAction]:
    """Open mitigation actions of open risks past their due date, most overdue first."""
    today = now.date()
    rows, next_cursor = await service.list_overdue_actions(
        session, principal=principal, project_key=key, today=today, limit=limit, cursor=cursor
    )
    return Page[OverdueAction](
        items=[
            OverdueAction(
                id=a.id,
                risk_key=risk_key,
                title=a.title,
                owner=a.owner,
                due_date=a.due_date,
                days_overdue=(today - a.due_date).days,
            )
            for a, risk_key in rows
        ],
        next_cursor=next_cursor,
    )


@router.post(
    "/risks/{key}/actions", status_code=status.HTTP_201_CREATED, response_model=ActionPublic, responses=WRITE
)
async def create_risk_action(
    key: RiskKey,
    body: ActionCreate,
    session: Session,
    principal: CurrentPrincipal,
    now: Now,
    response: Response,
) -> ActionPublic:
    """Add a mitigation action (owner, due date)."""
    action = await service.create_action(session, principal=principal, key=key, data=body, now=now)
    set_etag(response, action.version)
    return service.action_public(action, key, now.date())


@router.get("/risks/{key}/actions", response_model=Page[ActionPublic], responses=READ)
async def list_risk_actions(
    key: RiskKey,
    session: ReadSession,
    principal: CurrentPrincipal,
    now: Now,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[ActionPublic]:
    """The risk's mitigation actions by due date, each with its overdue flag."""
    risk, rows, next_cursor = await service.list_actions(
        session, principal=principal, key=key, limit=limit, cursor=cursor
    )
    return Page[ActionPublic](
        items=[service.action_public(a, risk.key, now.date()) for a in rows], next_cursor=next_cursor
    )


@router.patch("/risk-actions/{action_id}", response_model=ActionPublic, responses=WRITE)
async def update_risk_action(
    action_id: uuid.UUID,
    body: ActionUpdate,
    session: Session,
    principal: CurrentPrincipal,
    now: Now,
    response: Response,
    if_match: IfMatch = None,
) -> ActionPublic:
    """Change a mitigation action (its owner, the risk's owner or a tpm/pm/admin)."""
    action, risk_key = await service.update_action(
        session, principal=principal, action_id=action_id, patch=body, if_match=if_match, now=now
    )
    set_etag(response, action.version)
    return service.action_public(action, risk_key, now.date())


@router.get("/risk-actions/{action_id}/history", response_model=Page[HistoryEntryPublic], responses=READ)
async def list_risk_action_history(
    action_id: uuid.UUID,
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[HistoryEntryPublic]:
    """Every recorded change of a mitigation action, oldest first."""
    await service.get_action(session, principal=principal, action_id=action_id)
    return await history.list_history(
        session, resource_type=service.ACTION_RESOURCE, resource_id=action_id, limit=limit, cursor=cursor
    )
