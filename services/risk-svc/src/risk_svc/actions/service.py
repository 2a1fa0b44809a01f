"""Mitigation action rules: adding, listing and changing a risk's actions, and the project's overdue ones.
Every function works in the caller's session (one request, one transaction)."""

import uuid
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import history
from tpmhub_shared.auth import CONTRIBUTORS, Principal, ensure_read, visible
from tpmhub_shared.concurrency import lock_and_check
from tpmhub_shared.patching import merge_patch

from risk_svc.actions import repository
from risk_svc.actions.models import MitigationAction
from risk_svc.actions.repository import OPEN_ACTION_STATUSES
from risk_svc.actions.schemas import ActionCreate, ActionPublic, ActionUpdate
from risk_svc.risks import repository as risks_repository
from risk_svc.risks import service as risks
from risk_svc.risks.models import Risk

ACTION_RESOURCE = "risk_action"


def action_public(action: MitigationAction, risk_key: str, today: date) -> ActionPublic:
    overdue = action.status in OPEN_ACTION_STATUSES and action.due_date < today
    return ActionPublic.model_validate({**action.model_dump(), "risk_key": risk_key, "overdue": overdue})


async def get_action(
    session: AsyncSession, *, principal: Principal, action_id: uuid.UUID
) -> MitigationAction:
    action = await repository.by_id(session, action_id)
    return visible(principal, action, f"Mitigation action {action_id} does not exist.")


async def create_action(
    session: AsyncSession, *, principal: Principal, key: str, data: ActionCreate, now: datetime
) -> MitigationAction:
    risk = await risks.get_risk(session, principal=principal, key=key)
    risks.ensure_editor(principal, risk, action="add a mitigation action")
    risks.ensure_open(risk, "add_action")
    action = await repository.add(
        session, MitigationAction(risk_id=risk.id, project_key=risk.project_key, **data.model_dump())
    )
    await history.record(
        session,
        principal=principal,
        project_key=risk.project_key,
        resource_type=ACTION_RESOURCE,
        resource_id=action.id,
        action="create",
        after=history.snapshot(action),
    )
    return action


async def list_actions(
    session: AsyncSession, *, principal: Principal, key: str, limit: int, cursor: str | None
) -> tuple[Risk, list[MitigationAction], str | None]:
    risk = await risks.get_risk(session, principal=principal, key=key)
    rows, next_cursor = await repository.page_of_risk(session, risk.id, limit=limit, cursor=cursor)
    return risk, rows, next_cursor


async def update_action(
    session: AsyncSession,
    *,
    principal: Principal,
    action_id: uuid.UUID,
    patch: ActionUpdate,
    if_match: str | None,
    now: datetime,
) -> tuple[MitigationAction, str]:
    action = await get_action(session, principal=principal, action_id=action_id)
    risk = await risks_repository.by_id(session, action.risk_id)
    assert risk is not None
    if not (action.owner == principal.sub and principal.can(risk.project_key, CONTRIBUTORS)):
        risks.ensure_editor(principal, risk, action="change a mitigation action (or own it)")
    risks.ensure_open(risk, "update_action")
    await lock_and_check(session, action, if_match)
    before = history.snapshot(action)
    merge_patch(action, patch, required={"title", "description", "owner", "due_date", "status"})
    if action.status == "done" and before["status"] != "done":
        action.completed_at = now
    elif action.status != "done":
        action.completed_at = None
    await history.record(
        session,
        principal=principal,
        project_key=risk.project_key,
        resource_type=ACTION_RESOURCE,
        resource_id=action.id,
        action="update",
        before=before,
        after=history.snapshot(action),
    )
    await session.flush()
    return action, risk.key


async def open_actions(session: AsyncSession, risk: Risk) -> list[MitigationAction]:
    return await repository.open_of_risk(session, risk.id)


async def cancel_for_force_close(
    session: AsyncSession, risk: Risk, actions: list[MitigationAction], *, principal: Principal
) -> None:
    """Cancel the open actions of a risk being force-closed, each with a history entry."""
    for action in actions:
        action.status = "cancelled"
        await history.record(
            session,
            principal=principal,
            project_key=risk.project_key,
            resource_type=ACTION_RESOURCE,
            resource_id=action.id,
            action="update",
            before={"status": "open"},
            after={"status": "cancelled"},
            note=f"{risk.key} force-closed",
        )


async def list_overdue_actions(
    session: AsyncSession,
    *,
    principal: Principal,
    project_key: str,
    today: date,
    limit: int,
    cursor: str | None,
) -> tuple[list[tuple[MitigationAction, str]], str | None]:
    ensure_read(principal, project_key)
    rows, next_cursor = await repository.page_overdue(
        session, project_key=project_key, today=today, limit=limit, cursor=cursor
    )
    keys = await risks_repository.keys_by_id(session, {a.risk_id for a in rows})
    return [(a, keys[a.risk_id]) for a in rows], next_cursor
