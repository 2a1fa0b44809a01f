"""Risk rules and transactions: keys, scoring, edits, lifecycle, assessments, actions, reviews, escalation
and links. Every function works in the caller's session (one request, one transaction)."""

import uuid
from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import and_, case, exists, func, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import events, history
from tpmhub_shared.auth import (
    CONTRIBUTORS,
    PLANNERS,
    Principal,
    ensure_read,
    ensure_role,
    ensure_visible,
    visible,
)
from tpmhub_shared.concurrency import lock_and_check
from tpmhub_shared.http import SiblingClient
from tpmhub_shared.pagination import paginate, parse_sort
from tpmhub_shared.patching import merge_patch
from tpmhub_shared.problems import Conflict, InvalidTransition, NotFound, UnprocessableEntity, field_error

from risk_svc.risks import escalation, heat, scoring
from risk_svc.risks import links as link_rules
from risk_svc.risks.models import (
    MitigationAction,
    Risk,
    RiskAssessment,
    RiskCounter,
    RiskEscalation,
    RiskLink,
    RiskReview,
)
from risk_svc.risks.schemas import (
    ActionCreate,
    ActionPublic,
    ActionUpdate,
    AssessmentIn,
    Attention,
    CloseIn,
    LinksIn,
    OccurIn,
    RiskCreate,
    RiskPublic,
    RiskUpdate,
    strategy_error,
)

RESOURCE = scoring.RESOURCE
ACTION_RESOURCE = "risk_action"
OPEN_STATUSES = scoring.OPEN_STATUSES
OPEN_ACTION_STATUSES = ("open", "in_progress")
EDITORS = PLANNERS  # plus the risk's owner
# Lifecycle: action → {from state: to state}. "assess" is POST /risks/{key}/assessments.
TRANSITIONS: dict[str, dict[str, str]] = {
    "assess": {
        "identified": "assessed",
        "assessed": "assessed",
        "mitigating": "mitigating",
        "monitoring": "monitoring",
        "occurred": "occurred",
    },
    "mitigate": {"identified": "mitigating", "assessed": "mitigating", "monitoring": "mitigating"},
    "monitor": {"assessed": "monitoring", "mitigating": "monitoring"},
    "occur": {
        "identified": "occurred",
        "assessed": "occurred",
        "mitigating": "occurred",
        "monitoring": "occurred",
    },
    "close": {s: "closed" for s in OPEN_STATUSES},
    "reopen": {"closed": "identified"},
}
_SORTS = {
    "key": Risk.seq,
    "score": Risk.score,
    "created": Risk.created_at,
    "updated": Risk.updated_at,
    "next_review": Risk.next_review_at,
}
_PI_FIELDS = (
    "probability",
    "impact",
    "residual_probability",
    "residual_impact",
    "cost_impact",
    "probability_share",
)


def allowed_actions(state: str) -> list[str]:
    return [name for name, moves in TRANSITIONS.items() if state in moves]


def project_of(risk_key: str) -> str:
    return risk_key.rsplit("-R", 1)[0]


# ---- reading ----------------------------------------------------------------------------------------


async def get_risk(session: AsyncSession, *, principal: Principal, key: str) -> Risk:
    ensure_visible(principal, project_of(key), f"Risk {key} does not exist.")
    risk = (await session.execute(select(Risk).where(Risk.key == key))).scalar_one_or_none()
    if risk is None:
        raise NotFound(f"Risk {key} does not exist.")
    return risk


async def attention_for(
    session: AsyncSession, risks: Sequence[Risk], today: date
) -> dict[uuid.UUID, Attention]:
    """Open and overdue action counts of many risks in one aggregate query; high/critical risks with no
    open action, or with an overdue one, are flagged."""
    counts: dict[uuid.UUID, tuple[int, int]] = {}
    ids = [r.id for r in risks]
    if ids:
        rows = await session.execute(
            select(
                MitigationAction.risk_id,
                func.count(),
                func.sum(case((MitigationAction.due_date < today, 1), else_=0)),
            )
            .where(MitigationAction.risk_id.in_(ids), MitigationAction.status.in_(OPEN_ACTION_STATUSES))
            .group_by(MitigationAction.risk_id)
        )
        counts = {rid: (int(n), int(overdue or 0)) for rid, n, overdue in rows}
    result = {}
    for risk in risks:
        n_open, n_overdue = counts.get(risk.id, (0, 0))
        reasons: list[str] = []
        if risk.level in ("high", "critical") and risk.status in OPEN_STATUSES and risk.status != "occurred":
            if n_open == 0:
                reasons.append("no_open_action")
            if n_overdue:
                reasons.append("overdue_action")
        result[risk.id] = Attention(
            flagged=bool(reasons), reasons=reasons, open_actions=n_open, overdue_actions=n_overdue
        )
    return result


def _flagged(today: date):  # noqa: ANN202
    """The attention rule of `attention_for`, in SQL."""
    open_action = MitigationAction.status.in_(OPEN_ACTION_STATUSES)
    return and_(
        Risk.level.in_(("high", "critical")),
        Risk.status.in_([s for s in OPEN_STATUSES if s != "occurred"]),
        or_(
            ~exists().where(MitigationAction.risk_id == Risk.id, open_action),
            exists().where(
                MitigationAction.risk_id == Risk.id, open_action, MitigationAction.due_date < today
            ),
        ),
    )


async def to_public_many(session: AsyncSession, risks: Sequence[Risk], *, today: date) -> list[RiskPublic]:
    links = await link_rules.load_many(session, [r.id for r in risks])
    attention = await attention_for(session, risks, today)
    return [
        RiskPublic.model_validate({**r.model_dump(), "links": links[r.id], "attention": attention[r.id]})
        for r in risks
    ]


async def to_public(session: AsyncSession, risk: Risk, *, today: date) -> RiskPublic:
    return (await to_public_many(session, [risk], today=today))[0]


async def list_risks(
    session: AsyncSession,
    *,
    principal: Principal,
    project_key: str,
    status: list[str] | None,
    level: list[str] | None,
    category: str | None,
    owner: str | None,
    kind: str | None,
    escalated: bool | None,
    item: str | None,
    review_overdue: bool | None,
    flagged: bool | None = None,
    now: datetime,
    sort: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[Risk], str | None]:
    ensure_read(principal, project_key)
    sort_key, order = parse_sort(sort, _SORTS, "key")
    stmt = select(Risk).where(Risk.project_key == project_key)
    if status:
        stmt = stmt.where(Risk.status.in_(status))
    if level:
        stmt = stmt.where(Risk.level.in_(level))
    if category:
        stmt = stmt.where(Risk.category == category)
    if owner:
        stmt = stmt.where(Risk.owner == owner)
    if kind:
        stmt = stmt.where(Risk.kind == kind)
    if escalated is not None:
        stmt = stmt.where(Risk.escalated.is_(escalated))
    if item:
        stmt = stmt.where(
            exists().where(
                RiskLink.risk_id == Risk.id,
                RiskLink.project_key == project_key,
                RiskLink.target_type == "item",
                RiskLink.target_key == item,
            )
        )
    if review_overdue is not None:
        overdue = and_(Risk.status.in_(OPEN_STATUSES), Risk.next_review_at < now)
        stmt = stmt.where(overdue if review_overdue else ~overdue)
    if flagged is not None:
        stmt = stmt.where(_flagged(now.date()) if flagged else ~_flagged(now.date()))
    return await paginate(
        session, stmt, order=order, id_column=Risk.id, limit=limit, cursor=cursor, sort_key=sort_key
    )


# ---- rights -----------------------------------------------------------------------------------------


def ensure_editor(principal: Principal, risk: Risk, *, action: str) -> None:
    """The risk's owner (with a contributor role) or a tpm/pm/admin."""
    if risk.owner and risk.owner == principal.sub and principal.can(risk.project_key, CONTRIBUTORS):
        return
    ensure_role(principal, risk.project_key, EDITORS, action=f"{action} (or be the risk's owner)")


def ensure_open(risk: Risk, action: str) -> None:
    if risk.status == "closed":
        raise InvalidTransition(
            action,
            risk.status,
            allowed_actions(risk.status),
            detail=f"{risk.key} is closed; reopen it first.",
        )


# ---- creating and editing ----------------------------------------------------------------------------


async def _next_seq(session: AsyncSession, project_key: str) -> int:
    """Increment the project's counter row (upsert, row-locked until commit): gap-free and unique."""
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    table = RiskCounter.__table__
    stmt = (
        insert(table)
        .values(project_key=project_key, last_seq=1)
        .on_conflict_do_update(index_elements=[table.c.project_key], set_={"last_seq": table.c.last_seq + 1})
        .returning(table.c.last_seq)
    )
    return int((await session.execute(stmt)).scalar_one())


def _assessment(risk: Risk, *, actor: str, at: datetime, note: str | None) -> RiskAssessment:
    return RiskAssessment(
        risk_id=risk.id,
        project_key=risk.project_key,
        at=at,
        actor=actor,
        probability=risk.probability,
        impact=risk.impact,
        score=risk.score,
        level=risk.level,
        residual_probability=risk.residual_probability,
        residual_impact=risk.residual_impact,
        residual_score=risk.residual_score,
        cost_impact=risk.cost_impact,
        emv=risk.emv,
        note=note,
    )


async def create_risk(
    session: AsyncSession,
    *,
    principal: Principal,
    project_key: str,
    data: RiskCreate,
    requirements: SiblingClient | None,
    release: SiblingClient | None,
    now: datetime,
) -> Risk:
    ensure_role(principal, project_key, CONTRIBUTORS, action="identify a risk")
    if not data.links.is_empty():
        assert requirements is not None and release is not None
        await link_rules.validate(
            requirements, release, project_key=project_key, links=data.links, loc="body.links"
        )
    matrix = await scoring.matrix_for(session, project_key)
    return await insert_risk(
        session, principal=principal, project_key=project_key, data=data, matrix=matrix, now=now
    )


async def insert_risk(
    session: AsyncSession,
    *,
    principal: Principal,
    project_key: str,
    data: RiskCreate,
    matrix: scoring.Matrix,
    now: datetime,
    change_request_id: uuid.UUID | None = None,
    note: str | None = None,
) -> Risk:
    seq = await _next_seq(session, project_key)
    values = data.model_dump(mode="json", exclude={"links"})
    values["proximity_date"] = data.proximity_date
    risk = Risk(
        **values,
        project_key=project_key,
        seq=seq,
        key=f"{project_key}-R{seq}",
        created_by=principal.sub,
        created_at=now,
        updated_at=now,
        change_request_id=change_request_id,
        score=0,
        level="low",
    )
    scoring.compute(risk, matrix)
    risk.next_review_at = matrix.review_due(risk.level, now)
    session.add(risk)
    await session.flush()
    await link_rules.add(session, risk, data.links, actor=principal.sub)
    session.add(_assessment(risk, actor=principal.sub, at=now, note=note or "identified"))
    scoring.add_exposure_point(session, risk, now)
    await heat.apply(session, project_key, [], heat.cells_of(risk))
    await history.record(
        session,
        principal=principal,
        project_key=project_key,
        resource_type=RESOURCE,
        resource_id=risk.key,
        action="create",
        after=history.snapshot(risk),
    )
    events.emit(
        session,
        source=escalation.SOURCE,
        type="risk.created",
        subject=risk.key,
        project_key=project_key,
        data={
            "key": risk.key,
            "project_key": project_key,
            "title": risk.title,
            "category": risk.category,
            "level": risk.level,
            "score": risk.score,
            "status": risk.status,
            "owner": risk.owner,
            "created_by": principal.sub,
            "change_request_id": change_request_id,
        },
    )
    if risk.level == "critical":
        await escalation.escalate(
            session,
            risk,
            trigger="critical",
            actor=escalation.SYSTEM,
            reason="Identified as critical.",
            now=now,
        )
    await session.flush()
    return risk


def _check_consistency(risk: Risk) -> None:
    errors = []
    problem = strategy_error(risk.kind, risk.response_strategy)
    if problem:
        errors.append(field_error("body.response_strategy", problem, "strategy_kind"))
    if (risk.residual_probability is None) != (risk.residual_impact is None):
        errors.append(
            field_error(
                "body.residual_impact",
                "residual_probability and residual_impact go together",
                "residual_pair",
            )
        )
    elif (
        risk.residual_probability is not None
        and risk.residual_probability * risk.residual_impact > risk.probability * risk.impact
    ):
        errors.append(
            field_error(
                "body.residual_probability",
                "residual score may not exceed the inherent score",
                "residual_above_inherent",
            )
        )
    if errors:
        raise UnprocessableEntity("; ".join(e["message"] for e in errors), errors=errors)


async def _rescore(
    session: AsyncSession,
    risk: Risk,
    matrix: scoring.Matrix,
    *,
    principal: Principal,
    now: datetime,
    old_level: str,
    note: str | None,
) -> None:
    scoring.compute(risk, matrix)
    session.add(_assessment(risk, actor=principal.sub, at=now, note=note))
    scoring.add_exposure_point(session, risk, now)
    if risk.level != old_level:
        risk.escalation_suppressed_level = None
        scoring.pull_in_review(risk, matrix)
        if risk.level == "critical":
            await escalation.escalate(
                session,
                risk,
                trigger="critical",
                actor=escalation.SYSTEM,
                reason=f"Became critical (score {risk.score}).",
                now=now,
            )


async def update_risk(
    session: AsyncSession,
    *,
    principal: Principal,
    key: str,
    patch: RiskUpdate,
    if_match: str | None,
    now: datetime,
) -> Risk:
    risk = await get_risk(session, principal=principal, key=key)
    ensure_editor(principal, risk, action="edit the risk")
    ensure_open(risk, "update")
    await lock_and_check(session, risk, if_match)
    before = history.snapshot(risk)
    cells = heat.cells_of(risk)
    note = patch.note
    fields = RiskUpdate.model_validate(patch.model_dump(exclude_unset=True, exclude={"note"}))
    applied = merge_patch(
        risk,
        fields,
        required={
            "title",
            "category",
            "kind",
            "cause",
            "event",
            "effect",
            "probability",
            "impact",
            "response_plan",
            "contingency_plan",
            "triggers",
            "blocks_release",
        },
    )
    _check_consistency(risk)
    if any(name in applied and before.get(name) != getattr(risk, name) for name in _PI_FIELDS):
        matrix = await scoring.matrix_for(session, risk.project_key)
        await _rescore(
            session, risk, matrix, principal=principal, now=now, old_level=before["level"], note=note
        )
    elif before["kind"] != risk.kind:
        scoring.add_exposure_point(session, risk, now)  # only threats count in exposure
    await heat.apply(session, risk.project_key, cells, heat.cells_of(risk))
    await history.record(
        session,
        principal=principal,
        project_key=risk.project_key,
        resource_type=RESOURCE,
        resource_id=risk.key,
        action="update",
        before=before,
        after=history.snapshot(risk),
        note=note,
    )
    await session.flush()
    return risk


# ---- lifecycle ----------------------------------------------------------------------------------------


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
    cells = heat.cells_of(risk)
    was = _move(risk, action)
    for name, value in (extra or {}).items():
        setattr(risk, name, value)
    await heat.apply(session, risk.project_key, cells, heat.cells_of(risk))
    if (was == "closed") != (risk.status == "closed"):
        scoring.add_exposure_point(session, risk, now)
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
    open_actions = list(
        (
            await session.execute(
                select(MitigationAction)
                .where(MitigationAction.risk_id == risk.id, MitigationAction.status.in_(OPEN_ACTION_STATUSES))
                .order_by(MitigationAction.id)
            )
        )
        .scalars()
        .all()
    )
    if open_actions and not data.force:
        raise Conflict(
            f"{risk.key} has {len(open_actions)} open mitigation action(s); finish or cancel them, or have a "
            "tpm/admin close it with force=true and a reason.",
            open_actions=[str(a.id) for a in open_actions],
        )
    if data.force:
        ensure_role(principal, risk.project_key, {"tpm"}, action="force-close a risk")
        for action in open_actions:
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


# ---- assessments ---------------------------------------------------------------------------------------


async def assess_risk(
    session: AsyncSession, *, principal: Principal, key: str, data: AssessmentIn, now: datetime
) -> RiskAssessment:
    risk = await get_risk(session, principal=principal, key=key)
    ensure_editor(principal, risk, action="assess the risk")
    if risk.status not in TRANSITIONS["assess"]:
        raise InvalidTransition("assess", risk.status, allowed_actions(risk.status))
    before = history.snapshot(risk)
    cells = heat.cells_of(risk)
    risk.probability, risk.impact = data.probability, data.impact
    risk.residual_probability, risk.residual_impact = data.residual_probability, data.residual_impact
    if "cost_impact" in data.model_fields_set:
        risk.cost_impact = data.cost_impact
    risk.status = TRANSITIONS["assess"][risk.status]
    matrix = await scoring.matrix_for(session, risk.project_key)
    await _rescore(
        session, risk, matrix, principal=principal, now=now, old_level=before["level"], note=data.note
    )
    await heat.apply(session, risk.project_key, cells, heat.cells_of(risk))
    await history.record(
        session,
        principal=principal,
        project_key=risk.project_key,
        resource_type=RESOURCE,
        resource_id=risk.key,
        action="assess",
        before=before,
        after=history.snapshot(risk),
        note=data.note,
    )
    await session.flush()
    latest = (
        await session.execute(
            select(RiskAssessment)
            .where(RiskAssessment.risk_id == risk.id)
            .order_by(RiskAssessment.id.desc())
            .limit(1)
        )
    ).scalar_one()
    return latest


async def list_assessments(
    session: AsyncSession, *, principal: Principal, key: str, limit: int, cursor: str | None
) -> tuple[list[RiskAssessment], str | None]:
    risk = await get_risk(session, principal=principal, key=key)
    stmt = select(RiskAssessment).where(RiskAssessment.risk_id == risk.id)
    return await paginate(
        session,
        stmt,
        order=[],
        id_column=RiskAssessment.id,
        limit=limit,
        cursor=cursor,
        sort_key="assessments",
    )


# ---- links ---------------------------------------------------------------------------------------------


async def add_links(
    session: AsyncSession,
    *,
    principal: Principal,
    key: str,
    data: LinksIn,
    requirements: SiblingClient,
    release: SiblingClient,
    now: datetime,
) -> Risk:
    # Ask the siblings before touching the database, so no transaction (on SQLite: the write lock) is
    # held during the calls; only callers who could edit some risk get that far.
    project_key = project_of(key)
    ensure_visible(principal, project_key, f"Risk {key} does not exist.")
    ensure_role(principal, project_key, CONTRIBUTORS, action="link a risk")
    if data.is_empty():
        raise UnprocessableEntity(
            "Nothing to link.", errors=[field_error("body", "give items, prds or releases", "empty")]
        )
    await link_rules.validate(requirements, release, project_key=project_key, links=data)
    risk = await get_risk(session, principal=principal, key=key)
    ensure_editor(principal, risk, action="link the risk")
    added = await link_rules.add(session, risk, data, actor=principal.sub)
    if added:
        await history.record(
            session,
            principal=principal,
            project_key=risk.project_key,
            resource_type=RESOURCE,
            resource_id=risk.key,
            action="link",
            before={"links": []},
            after={"links": added},
        )
    await session.flush()
    return risk


async def remove_link(
    session: AsyncSession, *, principal: Principal, key: str, target_type: str, target: str
) -> None:
    risk = await get_risk(session, principal=principal, key=key)
    ensure_editor(principal, risk, action="unlink the risk")
    link = (
        await session.execute(
            select(RiskLink).where(
                RiskLink.risk_id == risk.id,
                RiskLink.target_type == target_type,
                RiskLink.target_key == target,
            )
        )
    ).scalar_one_or_none()
    if link is None:
        raise NotFound(f"{risk.key} has no link to {target_type} {target}.")
    await session.delete(link)
    await history.record(
        session,
        principal=principal,
        project_key=risk.project_key,
        resource_type=RESOURCE,
        resource_id=risk.key,
        action="unlink",
        before={"links": [f"{target_type}:{target}"]},
        after={"links": []},
    )
    await session.flush()


# ---- mitigation actions -------------------------------------------------------------------------------


def action_public(action: MitigationAction, risk_key: str, today: date) -> ActionPublic:
    overdue = action.status in OPEN_ACTION_STATUSES and action.due_date < today
    return ActionPublic.model_validate({**action.model_dump(), "risk_key": risk_key, "overdue": overdue})


async def create_action(
    session: AsyncSession, *, principal: Principal, key: str, data: ActionCreate, now: datetime
) -> MitigationAction:
    risk = await get_risk(session, principal=principal, key=key)
    ensure_editor(principal, risk, action="add a mitigation action")
    ensure_open(risk, "add_action")
    action = MitigationAction(risk_id=risk.id, project_key=risk.project_key, **data.model_dump())
    session.add(action)
    await session.flush()
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
    risk = await get_risk(session, principal=principal, key=key)
    stmt = select(MitigationAction).where(MitigationAction.risk_id == risk.id)
    rows, next_cursor = await paginate(
        session,
        stmt,
        order=[(MitigationAction.due_date, False)],
        id_column=MitigationAction.id,
        limit=limit,
        cursor=cursor,
        sort_key="due",
    )
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
    risk = await session.get(Risk, action.risk_id)
    assert risk is not None
    if not (action.owner == principal.sub and principal.can(risk.project_key, CONTRIBUTORS)):
        ensure_editor(principal, risk, action="change a mitigation action (or own it)")
    ensure_open(risk, "update_action")
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


# ---- reviews ------------------------------------------------------------------------------------------


async def create_review(
    session: AsyncSession, *, principal: Principal, key: str, outcome: str, notes: str, now: datetime
) -> RiskReview:
    risk = await get_risk(session, principal=principal, key=key)
    ensure_editor(principal, risk, action="review the risk")
    ensure_open(risk, "review")
    matrix = await scoring.matrix_for(session, risk.project_key)
    before = history.snapshot(risk, ["last_reviewed_at", "next_review_at"])
    risk.last_reviewed_at = now
    risk.next_review_at = matrix.review_due(risk.level, now)
    review = RiskReview(
        risk_id=risk.id,
        project_key=risk.project_key,
        reviewed_at=now,
        reviewer=principal.sub,
        outcome=outcome,
        notes=notes,
        level=risk.level,
        next_review_at=risk.next_review_at,
    )
    session.add(review)
    await history.record(
        session,
        principal=principal,
        project_key=risk.project_key,
        resource_type=RESOURCE,
        resource_id=risk.key,
        action="review",
        before=before,
        after=history.snapshot(risk, ["last_reviewed_at", "next_review_at"]),
        note=outcome,
    )
    if outcome == "escalate" and not risk.escalated:
        await escalation.escalate(
            session, risk, trigger="manual", actor=principal, reason=notes or "Escalated at review.", now=now
        )
    await session.flush()
    return review


async def get_action(
    session: AsyncSession, *, principal: Principal, action_id: uuid.UUID
) -> MitigationAction:
    action = await session.get(MitigationAction, action_id)
    return visible(principal, action, f"Mitigation action {action_id} does not exist.")


async def list_reviews(
    session: AsyncSession, *, principal: Principal, key: str, limit: int, cursor: str | None
) -> tuple[list[RiskReview], str | None]:
    risk = await get_risk(session, principal=principal, key=key)
    stmt = select(RiskReview).where(RiskReview.risk_id == risk.id)
    return await paginate(
        session, stmt, order=[], id_column=RiskReview.id, limit=limit, cursor=cursor, sort_key="reviews"
    )


async def list_overdue_reviews(
    session: AsyncSession,
    *,
    principal: Principal,
    project_key: str,
    as_of: datetime,
    limit: int,
    cursor: str | None,
) -> tuple[list[Risk], str | None]:
    ensure_read(principal, project_key)
    stmt = select(Risk).where(
        Risk.project_key == project_key, Risk.status.in_(OPEN_STATUSES), Risk.next_review_at < as_of
    )
    return await paginate(
        session,
        stmt,
        order=[(Risk.next_review_at, False)],
        id_column=Risk.id,
        limit=limit,
        cursor=cursor,
        sort_key="overdue_review",
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
    stmt = select(MitigationAction).where(
        MitigationAction.project_key == project_key,
        MitigationAction.status.in_(OPEN_ACTION_STATUSES),
        MitigationAction.due_date < today,
        exists().where(Risk.id == MitigationAction.risk_id, Risk.status.in_(OPEN_STATUSES)),
    )
    rows, next_cursor = await paginate(
        session,
        stmt,
        order=[(MitigationAction.due_date, False)],
        id_column=MitigationAction.id,
        limit=limit,
        cursor=cursor,
        sort_key="overdue_action",
    )
    keys = (
        dict(
            (
                await session.execute(select(Risk.id, Risk.key).where(Risk.id.in_({a.risk_id for a in rows})))
            ).all()
        )
        if rows
        else {}
    )
    return [(a, keys[a.risk_id]) for a in rows], next_cursor


# ---- escalation ----------------------------------------------------------------------------------------


async def escalate_risk(
    session: AsyncSession, *, principal: Principal, key: str, reason: str, now: datetime
) -> Risk:
    risk = await get_risk(session, principal=principal, key=key)
    ensure_editor(principal, risk, action="escalate the risk")
    ensure_open(risk, "escalate")
    await escalation.escalate(session, risk, trigger="manual", actor=principal, reason=reason, now=now)
    await session.flush()
    return risk


async def deescalate_risk(
    session: AsyncSession, *, principal: Principal, key: str, reason: str, now: datetime
) -> Risk:
    risk = await get_risk(session, principal=principal, key=key)
    ensure_role(principal, risk.project_key, PLANNERS, action="de-escalate a risk")
    await escalation.deescalate(session, risk, actor=principal, reason=reason, now=now)
    await session.flush()
    return risk


async def list_escalations(
    session: AsyncSession, *, principal: Principal, key: str, limit: int, cursor: str | None
) -> tuple[list[RiskEscalation], str | None]:
    risk = await get_risk(session, principal=principal, key=key)
    stmt = select(RiskEscalation).where(RiskEscalation.risk_id == risk.id)
    return await paginate(
        session,
        stmt,
        order=[],
        id_column=RiskEscalation.id,
        limit=limit,
        cursor=cursor,
        sort_key="escalations",
    )
