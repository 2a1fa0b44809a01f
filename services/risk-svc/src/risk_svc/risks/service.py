"""The register's reading and rights: keys, lifecycle table, loading and listing risks with their links and
attention flag, and who may edit. Every function works in the caller's session."""

import uuid
from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.auth import CONTRIBUTORS, PLANNERS, Principal, ensure_read, ensure_role, ensure_visible
from tpmhub_shared.problems import InvalidTransition, NotFound

from risk_svc.actions import repository as actions
from risk_svc.links import repository as links
from risk_svc.risks import repository, scoring
from risk_svc.risks.models import Risk
from risk_svc.risks.schemas import Attention, RiskPublic

SOURCE = "/tpmhub/risk-svc"  # CloudEvents source of the service's events
RESOURCE = scoring.RESOURCE
OPEN_STATUSES = scoring.OPEN_STATUSES
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


def allowed_actions(state: str) -> list[str]:
    return [name for name, moves in TRANSITIONS.items() if state in moves]


def project_of(risk_key: str) -> str:
    return risk_key.rsplit("-R", 1)[0]


# ---- reading ----------------------------------------------------------------------------------------


async def get_risk(session: AsyncSession, *, principal: Principal, key: str) -> Risk:
    ensure_visible(principal, project_of(key), f"Risk {key} does not exist.")
    risk = await repository.by_key(session, key)
    if risk is None:
        raise NotFound(f"Risk {key} does not exist.")
    return risk


async def attention_for(
    session: AsyncSession, risks: Sequence[Risk], today: date
) -> dict[uuid.UUID, Attention]:
    """Open and overdue action counts of many risks in one aggregate query; high/critical risks with no
    open action, or with an overdue one, are flagged."""
    counts = await actions.open_counts(session, [r.id for r in risks], today)
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
    return repository.flagged(
        has_open_action=actions.has_open(repository.RISK_ID),
        has_overdue_action=actions.has_open(repository.RISK_ID, due_before=today),
    )


async def to_public_many(session: AsyncSession, risks: Sequence[Risk], *, today: date) -> list[RiskPublic]:
    linked = await links.load_many(session, [r.id for r in risks])
    attention = await attention_for(session, risks, today)
    return [
        RiskPublic.model_validate({**r.model_dump(), "links": linked[r.id], "attention": attention[r.id]})
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
    clauses = []
    if item:
        clauses.append(links.links_item(repository.RISK_ID, project_key=project_key, item=item))
    if flagged is not None:
        clauses.append(_flagged(now.date()) if flagged else ~_flagged(now.date()))
    return await repository.page(
        session,
        project_key=project_key,
        status=status,
        level=level,
        category=category,
        owner=owner,
        kind=kind,
        escalated=escalated,
        review_overdue_at=None if review_overdue is None else (review_overdue, now),
        clauses=clauses,
        sort=sort,
        limit=limit,
        cursor=cursor,
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
