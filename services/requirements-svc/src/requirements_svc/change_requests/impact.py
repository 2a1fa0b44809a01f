"""Impact analysis of a change request: the affected items with their descendants, the points delta, the
open milestones and the criteria to re-verify (local), then release-svc and risk-svc asked concurrently."""

from __future__ import annotations

import asyncio
from typing import Any

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.contracts import ReleaseScopeQuery, ReleaseScopeResult, RiskImpactQuery, RiskImpactResult
from tpmhub_shared.http import SiblingClient, SiblingError

from requirements_svc.change_requests.models import ChangeRequest
from requirements_svc.change_requests.schemas import Impact, ImpactUnknown
from requirements_svc.criteria import repository as criteria_repository
from requirements_svc.items import repository as items_repository
from requirements_svc.milestones import repository as milestones_repository


async def local_impact(session: AsyncSession, cr: ChangeRequest) -> Impact:
    """Affected items with all descendants (one recursive query), the points delta, open milestones of those
    items and the passed criteria that would need re-verification (aggregates in SQL)."""
    roots = list(dict.fromkeys([*cr.affected_items, *cr.item_patches]))
    keys: list[str] = []
    ids: list[Any] = []
    if roots:
        for node, key in await items_repository.live_keys_and_descendants(session, cr.project_key, roots):
            ids.append(node)
            keys.append(key)
    points_delta = float(cr.effort_delta_points)
    if cr.item_patches:
        current = await items_repository.live_points_by_keys(session, list(cr.item_patches))
        for key, patch in cr.item_patches.items():
            if "points" in patch:
                points_delta += float(patch["points"] or 0) - float(current.get(key) or 0)
    milestones = []
    reverify = 0
    if ids:
        milestones = await milestones_repository.open_among(session, items_repository.milestone_ids_of(ids))
        reverify = await criteria_repository.count_passed(session, ids)
    at_risk = points_delta > 0 or cr.date_delta_days > 0
    return Impact(
        affected_items=keys,
        points_delta=round(points_delta, 4),
        date_delta_days=cr.date_delta_days,
        milestones_at_risk=[
            {"id": m.id, "name": m.name, "target_date": m.target_date, "status": m.status} for m in milestones
        ]
        if at_risk
        else [],
        criteria_to_reverify=int(reverify),
        unknown=[],
    )


async def compute_impact(
    session: AsyncSession, cr: ChangeRequest, *, releases: SiblingClient, risks: SiblingClient
) -> Impact:
    """The local impact, then release-svc and risk-svc asked concurrently, one call each: the releases
    whose scope holds affected items (and which go back to review), the risks linked to them and the
    requirement_change risk the approval creates. The siblings answer with the same rules their
    `change_request.approved` handlers apply, so the impact predicts what approval does. A sibling that
    does not answer leaves its part `unknown` (the impact is then not `complete`); nothing fails."""
    impact = await local_impact(session, cr)

    async def ask_releases() -> ReleaseScopeResult:
        if not impact.affected_items:
            return ReleaseScopeResult(releases=[])
        query = ReleaseScopeQuery(project_key=cr.project_key, item_keys=impact.affected_items)
        return await releases.post_model(
            "/v1/releases/scope-query", query, ReleaseScopeResult, idempotent=True
        )

    async def ask_risks() -> RiskImpactResult:
        query = RiskImpactQuery(
            project_key=cr.project_key,
            change_request_id=cr.id,
            item_keys=impact.affected_items,
            points_delta=impact.points_delta,
            date_delta_days=impact.date_delta_days,
            affected_milestones=[str(m.id) for m in impact.milestones_at_risk],
            criteria_to_reverify=impact.criteria_to_reverify,
        )
        return await risks.post_model("/v1/risks/impact-query", query, RiskImpactResult, idempotent=True)

    release_answer, risk_answer = await asyncio.gather(ask_releases(), ask_risks(), return_exceptions=True)
    unknown: list[ImpactUnknown] = []
    for part, client, answer in (("releases", releases, release_answer), ("risks", risks, risk_answer)):
        if isinstance(answer, SiblingError):
            detail = f" ({answer.body.get('detail')})" if isinstance(answer.body, dict) else ""
            unknown.append(ImpactUnknown(part=part, reason=f"{answer.service} {answer.reason}{detail}"[:500]))
        elif isinstance(answer, ValidationError):
            unknown.append(ImpactUnknown(part=part, reason=f"{client.name} answered an unexpected body"))
        elif isinstance(answer, BaseException):
            raise answer
    if isinstance(release_answer, ReleaseScopeResult):
        impact.releases = release_answer.releases
    if isinstance(risk_answer, RiskImpactResult):
        impact.risks = risk_answer.linked
        impact.requirement_change_risk = risk_answer.requirement_change_risk
    impact.unknown = unknown
    impact.complete = not unknown
    return impact
