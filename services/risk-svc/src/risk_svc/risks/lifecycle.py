"""The register's lifecycle moves: mitigate, monitor, close (cancelling open mitigation actions on a
force-close), occur and reopen, each keeping the heatmap, exposure and history in step. Every function
works in the caller's session (one request, one transaction)."""

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import history
from tpmhub_shared.auth import Principal, ensure_role
from tpmhub_shared.concurrency import lock_and_check
from tpmhub_shared.problems import Conflict, InvalidTransition, UnprocessableEntity, field_error

from risk_svc.actions import service as actions
from risk_svc.risks import scoring
from risk_svc.risks.models import Risk
from risk_svc.risks.schemas import CloseIn, OccurIn
from risk_svc.risks.service import RESOURCE, TRANSITIONS, allowed_actions, ensure_editor, get_risk
from risk_svc.views import repository as read_models


def _move(risk: Risk, action: str) -> str:
    moves = TRANSITIONS[action]
    if risk.status not in moves:
        raise InvalidTransition(action, risk.status, allowed_actions(risk.status))
    before = risk.status
    risk.status = moves[risk.status]
    return before


async def _transition(
    session: AsyncSession,
    risk: Risk,
    *,
    principal: Principal,
    action: str,
    now: datetime,
    note: str | None = None,
    extra: dict | None = None,
) -> None:
    before = history.snapshot(risk)
    cells = read_models.cells_of(risk)
    was = _move(risk, action)
    for name, value in (extra or {}).items():
        setattr(risk, name, value)
    await read_models.apply(session, risk.project_key, cells, read_models.cells_of(risk))
    if (was == "closed") != (risk.status == "closed"):
        read_models.add_exposure_point(session, risk, now)
    await history.record(
        session,
        principal=principal,
        project_key=risk.project_key,
        resource_type=RESOURCE,
        resource_id=risk.key,
        action=action,
        before=before,
        after=history.snapshot(risk),
        note=note,
    )
    await session.flush()


async def act(
    session: AsyncSession,
    *,
    principal: Principal,
    key: str,
    action: str,
    if_match: str | None,
    now: datetime,
    note: str | None = None,
) -> Risk:
    """mitigate / monitor: plain moves by an editor."""
    risk = await get_risk(session, principal=principal, key=key)
    ensure_editor(principal, risk, action=f"{action} the risk")
    await lock_and_check(session, risk, if_match)
    await _transition(session, risk, principal=principal, action=action, now=now, note=note)
    return risk


async def close_risk(
    session: AsyncSession,
    *,
    principal: Principal,
    key: str,
    data: CloseIn,
    if_match: str | None,
    now: datetime,
) -> Risk:
    risk = await get_risk(session, principal=principal, key=key)
    ensure_editor(principal, risk, action="close the risk")
    await lock_and_check(session, risk, if_match)
    if risk.status not in TRANSITIONS["close"]:
        raise InvalidTransition("close", risk.status, allowed_actions(risk.status))
    open_actions = await actions.open_actions(session, risk)
    if open_actions and not data.force:
        raise Conflict(
            f"{risk.key} has {len(open_actions)} open mitigation action(s); finish or cancel them, or have a "
            "tpm/admin close it with force=true and a reason.",
            open_actions=[str(a.id) for a in open_actions],
        )
    if data.force:
        ensure_role(principal, risk.project_key, {"tpm"}, action="force-close a risk")
        await actions.cancel_for_force_close(session, risk, open_actions, principal=principal)
    await _transition(
        session,
        risk,
        principal=principal,
        action="close",
        now=now,
        note=f"{data.reason}: {data.comment}",
        extra={"closed_at": now, "close_reason": data.reason, "close_comment": data.comment},
    )
    return risk


async def occur_risk(
    session: AsyncSession,
    *,
    principal: Principal,
    key: str,
    data: OccurIn,
    if_match: str | None,
    now: datetime,
) -> Risk:
    risk = await get_risk(session, principal=principal, key=key)
    ensure_editor(principal, risk, action="record that the risk occurred")
    await lock_and_check(session, risk, if_match)
    if data.occurred_at > now:
        raise UnprocessableEntity(
            "occurred_at is in the future.",
            errors=[field_error("body.occurred_at", "must not be in the future", "date_order")],
        )
    await _transition(
        session,
        risk,
        principal=principal,
        action="occur",
        now=now,
        note=data.description,
        extra={"occurred_at": data.occurred_at, "occurrence": data.description},
    )
    return risk


async def reopen_risk(
    session: AsyncSession,
    *,
    principal: Principal,
    key: str,
    note: str | None,
    if_match: str | None,
    now: datetime,
) -> Risk:
    risk = await get_risk(session, principal=principal, key=key)
    ensure_editor(principal, risk, action="reopen the risk")
    await lock_and_check(session, risk, if_match)
    matrix = await scoring.matrix_for(session, risk.project_key)
    await _transition(
        session,
        risk,
        principal=principal,
        action="reopen",
        now=now,
        note=note,
        extra={
            "closed_at": None,
            "close_reason": None,
            "close_comment": None,
            "next_review_at": matrix.review_due(risk.level, now),
        },
    )
    return risk
