"""The register's flows that orchestrate other domains: identifying a risk (links, first assessment,
heatmap, exposure, escalation), editing and (re)assessing it, and re-levelling when the matrix changes.
Every function works in the caller's session (one request, one transaction)."""

import uuid
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import events, history
from tpmhub_shared.auth import CONTRIBUTORS, Principal, ensure_role
from tpmhub_shared.concurrency import lock_and_check
from tpmhub_shared.http import SiblingClient
from tpmhub_shared.patching import merge_patch
from tpmhub_shared.problems import InvalidTransition, UnprocessableEntity, field_error

from risk_svc.assessments import repository as assessments
from risk_svc.assessments.models import RiskAssessment
from risk_svc.assessments.schemas import AssessmentIn
from risk_svc.escalations import service as escalation
from risk_svc.links import service as links
from risk_svc.risks import repository, scoring
from risk_svc.risks.models import Risk
from risk_svc.risks.schemas import RiskCreate, RiskUpdate, strategy_error
from risk_svc.risks.service import (
    RESOURCE,
    SOURCE,
    TRANSITIONS,
    allowed_actions,
    ensure_editor,
    ensure_open,
    get_risk,
)
from risk_svc.views import repository as read_models

_PI_FIELDS = (
    "probability",
    "impact",
    "residual_probability",
    "residual_impact",
    "cost_impact",
    "probability_share",
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
        await links.validate(
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
    seq = await repository.next_seq(session, project_key)
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
    await repository.add(session, risk)
    await links.add(session, risk, data.links, actor=principal.sub)
    assessments.add(session, risk, actor=principal.sub, at=now, note=note or "identified")
    read_models.add_exposure_point(session, risk, now)
    await read_models.apply(session, project_key, [], read_models.cells_of(risk))
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
        source=SOURCE,
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
    assessments.add(session, risk, actor=principal.sub, at=now, note=note)
    read_models.add_exposure_point(session, risk, now)
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
    cells = read_models.cells_of(risk)
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
        read_models.add_exposure_point(session, risk, now)  # only threats count in exposure
    await read_models.apply(session, risk.project_key, cells, read_models.cells_of(risk))
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


async def assess_risk(
    session: AsyncSession, *, principal: Principal, key: str, data: AssessmentIn, now: datetime
) -> RiskAssessment:
    risk = await get_risk(session, principal=principal, key=key)
    ensure_editor(principal, risk, action="assess the risk")
    if risk.status not in TRANSITIONS["assess"]:
        raise InvalidTransition("assess", risk.status, allowed_actions(risk.status))
    before = history.snapshot(risk)
    cells = read_models.cells_of(risk)
    risk.probability, risk.impact = data.probability, data.impact
    risk.residual_probability, risk.residual_impact = data.residual_probability, data.residual_impact
    if "cost_impact" in data.model_fields_set:
        risk.cost_impact = data.cost_impact
    risk.status = TRANSITIONS["assess"][risk.status]
    matrix = await scoring.matrix_for(session, risk.project_key)
    await _rescore(
        session, risk, matrix, principal=principal, now=now, old_level=before["level"], note=data.note
    )
    await read_models.apply(session, risk.project_key, cells, read_models.cells_of(risk))
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
    return await assessments.latest(session, risk.id)


async def relevel_open_risks(
    session: AsyncSession, *, principal: Principal, project_key: str, matrix: scoring.Matrix, now: datetime
) -> int:
    """Apply a new matrix to every open risk of the project in the caller's transaction; each risk whose
    level changes gets a history entry (and, newly critical, an escalation). Returns how many changed."""
    changed = await repository.open_with_other_level(session, project_key, matrix.thresholds)
    for risk in changed:
        before = history.snapshot(risk, ["level", "residual_level", "next_review_at"])
        risk.level = matrix.level(risk.score)
        risk.residual_level = matrix.level(risk.residual_score)
        scoring.pull_in_review(risk, matrix)
        if risk.level != before["level"]:
            risk.escalation_suppressed_level = None
        await history.record(
            session,
            principal=principal,
            project_key=project_key,
            resource_type=RESOURCE,
            resource_id=risk.key,
            action="relevel",
            before=before,
            after=history.snapshot(risk, ["level", "residual_level", "next_review_at"]),
            note="risk matrix changed",
        )
        if risk.level == "critical" and before["level"] != "critical":
            await escalation.escalate(
                session,
                risk,
                trigger="critical",
                actor=principal,
                reason="Became critical under the new risk matrix.",
                now=now,
            )
    await session.flush()
    return len(changed)
