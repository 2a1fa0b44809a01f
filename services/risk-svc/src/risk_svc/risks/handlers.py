"""Event handlers: automatic identification of requirement-change risks."""

import math

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.auth import Principal
from tpmhub_shared.contracts import ChangeRequestApproved, RiskImpactQuery
from tpmhub_shared.events import CloudEvent
from tpmhub_shared.ids import utcnow

from risk_svc.risks import links as link_rules
from risk_svc.risks import scoring
from risk_svc.risks.models import Risk
from risk_svc.risks.schemas import LinksIn, RiskCreate
from risk_svc.risks.service import insert_risk

SYSTEM = Principal(sub="risk-svc", name="automatic identification", service="risk-svc")


def _band(value: float, bounds: tuple[float, float, float, float]) -> int:
    """1 for value ≤ bounds[0], … 5 above bounds[3]."""
    return 1 + sum(value > b for b in bounds)


def derive_scores(cr: ChangeRequestApproved | RiskImpactQuery) -> tuple[int, int]:
    """The documented rule (docs/decisions/risks.md):
    impact = the larger of the schedule band (date delta days: 0 | 1–3 | 4–10 | 11–20 | >20) and the effort
    band (|points delta|: 0 | ≤3 | ≤8 | ≤20 | >20), at least 4 when a milestone is affected;
    probability = breadth band of affected items (0–1 → 2, 2–5 → 3, 6–15 → 4, >15 → 5), +1 when acceptance
    criteria must be re-verified, capped at 5. The impact query predicts with the same rule."""
    items = cr.affected_items if isinstance(cr, ChangeRequestApproved) else cr.item_keys
    schedule = _band(max(cr.date_delta_days, 0), (0, 3, 10, 20))
    effort = _band(math.fabs(cr.points_delta), (0, 3, 8, 20))
    impact = max(schedule, effort, 4 if cr.affected_milestones else 1)
    n = len(items)
    probability = 2 if n <= 1 else 3 if n <= 5 else 4 if n <= 15 else 5
    if cr.criteria_to_reverify > 0:
        probability += 1
    return min(probability, 5), min(impact, 5)


def linked_items(project_key: str, item_keys: list[str]) -> list[str]:
    """The items the requirement_change risk is linked to: the affected items of its own project."""
    return [k for k in dict.fromkeys(item_keys) if k.rsplit("-", 1)[0] == project_key]


async def on_change_request_approved(session: AsyncSession, event: CloudEvent) -> None:
    """One requirement_change risk per approved change request, linked to the affected items of the
    project; a second delivery of the same change request does nothing."""
    cr = ChangeRequestApproved.model_validate(event.data)
    exists = (
        await session.execute(select(Risk.id).where(Risk.change_request_id == cr.change_request_id))
    ).first()
    if exists is not None:
        return
    probability, impact = derive_scores(cr)
    effects = []
    if cr.date_delta_days:
        effects.append(f"dates move by {cr.date_delta_days} day(s)")
    if cr.points_delta:
        effects.append(f"effort changes by {cr.points_delta:g} point(s)")
    if cr.affected_milestones:
        effects.append("milestones affected: " + ", ".join(cr.affected_milestones))
    if cr.criteria_to_reverify:
        effects.append(f"{cr.criteria_to_reverify} acceptance criteria to re-verify")
    data = RiskCreate(
        title=f"Change {cr.key}: {cr.title}"[:200],
        category="requirement_change",
        kind="threat",
        cause=cr.reason[:4000],
        event=f"Approved change request {cr.key} changes {len(cr.affected_items)} item(s)",
        effect="; ".join(effects)[:4000],
        owner=cr.approved_by[:200] or None,
        probability=probability,
        impact=impact,
    )
    matrix = await scoring.matrix_for(session, cr.project_key)
    now = utcnow()
    risk = await insert_risk(
        session,
        principal=SYSTEM,
        project_key=cr.project_key,
        data=data,
        matrix=matrix,
        now=now,
        change_request_id=cr.change_request_id,
        note=f"derived from change request {cr.key}",
    )
    own = linked_items(cr.project_key, cr.affected_items)
    if own:
        await link_rules.add(
            session, risk, LinksIn.model_construct(items=own, prds=[], releases=[]), actor=SYSTEM.sub
        )
    await session.flush()


HANDLERS = {"change_request.approved": on_change_request_approved}
