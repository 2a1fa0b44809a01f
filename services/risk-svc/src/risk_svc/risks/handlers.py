"""Event handlers: automatic identification of requirement-change risks."""

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.auth import Principal
from tpmhub_shared.contracts import ChangeRequestApproved
from tpmhub_shared.events import CloudEvent
from tpmhub_shared.ids import utcnow

from risk_svc.links import service as links
from risk_svc.links.schemas import LinksIn
from risk_svc.risks import repository, scoring
from risk_svc.risks.change_requests import derive_scores, linked_items
from risk_svc.risks.flows import insert_risk
from risk_svc.risks.schemas import RiskCreate

SYSTEM = Principal(sub="risk-svc", name="automatic identification", service="risk-svc")


async def on_change_request_approved(session: AsyncSession, event: CloudEvent) -> None:
    """One requirement_change risk per approved change request, linked to the affected items of the
    project; a second delivery of the same change request does nothing."""
    cr = ChangeRequestApproved.model_validate(event.data)
    if await repository.id_of_change_request(session, cr.change_request_id) is not None:
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
        await links.add(
            session, risk, LinksIn.model_construct(items=own, prds=[], releases=[]), actor=SYSTEM.sub
        )
    await session.flush()


HANDLERS = {"change_request.approved": on_change_request_approved}
