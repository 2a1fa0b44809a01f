"""Links to items, PRDs and releases: validated against requirements-svc before anything is written."""

import asyncio
import uuid
from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.contracts import ItemLookupRequest, ItemLookupResponse
from tpmhub_shared.http import SiblingClient, SiblingError
from tpmhub_shared.problems import UnprocessableEntity, field_error

from risk_svc.risks.models import Risk, RiskLink
from risk_svc.risks.schemas import Links, LinksIn

TYPES = {"items": "item", "prds": "prd", "releases": "release"}


async def validate(
    requirements: SiblingClient, *, project_key: str, links: LinksIn, loc: str = "body"
) -> None:
    """422 naming every unknown item or PRD (items in one batch call); 503 if requirements-svc does not
    answer. Release ids are checked by the gate, which release-svc calls with its own ids."""
    errors = [
        field_error(f"{loc}.items", f"{key} is not an item of project {project_key}", "link_project")
        for key in links.items
        if key.rsplit("-", 1)[0] != project_key
    ]
    if errors:
        raise UnprocessableEntity("Risks link only items of their own project.", errors=errors)
    try:
        missing_items: list[str] = []
        if links.items:
            body = ItemLookupRequest(keys=sorted(set(links.items))).model_dump(mode="json")
            answer = ItemLookupResponse.model_validate(
                await requirements.post_json("/v1/items/lookup", body, idempotent=True)
            )
            missing_items = sorted(set(answer.missing) | (set(links.items) - {i.key for i in answer.items}))
        missing_prds = await _missing_prds(requirements, project_key, links.prds)
    except SiblingError as exc:
        raise exc.unavailable() from exc
    errors = [field_error(f"{loc}.items", f"unknown item {key}", "link_unknown") for key in missing_items]
    errors += [
        field_error(f"{loc}.prds", f"unknown PRD {prd} in project {project_key}", "link_unknown")
        for prd in missing_prds
    ]
    if errors:
        names = [*missing_items, *map(str, missing_prds)]
        raise UnprocessableEntity(f"Unknown link targets: {', '.join(names)}.", errors=errors, missing=names)


async def _missing_prds(
    requirements: SiblingClient, project_key: str, prds: list[uuid.UUID]
) -> list[uuid.UUID]:
    async def one(prd: uuid.UUID) -> uuid.UUID | None:
        response = await requirements.request("GET", f"/v1/prds/{prd}")
        if response.status_code == 404:
            return prd
        if response.status_code >= 400:
            raise SiblingError(requirements.name, f"answered {response.status_code}", response.status_code)
        body = response.json()
        return prd if isinstance(body, dict) and body.get("project_key", project_key) != project_key else None

    found = await asyncio.gather(*(one(p) for p in dict.fromkeys(prds)))
    return [p for p in found if p is not None]


async def add(session: AsyncSession, risk: Risk, links: LinksIn, *, actor: str) -> list[str]:
    """Insert the links the risk does not have yet; returns them as `type:key`."""
    existing = {
        (link.target_type, link.target_key)
        for link in (await session.execute(select(RiskLink).where(RiskLink.risk_id == risk.id))).scalars()
    }
    added = []
    for field, target_type in TYPES.items():
        for target in dict.fromkeys(str(v) for v in getattr(links, field)):
            if (target_type, target) in existing:
                continue
            session.add(
                RiskLink(
                    risk_id=risk.id,
                    project_key=risk.project_key,
                    target_type=target_type,
                    target_key=target,
                    created_by=actor,
                )
            )
            added.append(f"{target_type}:{target}")
    return added


async def load_many(session: AsyncSession, risk_ids: list[uuid.UUID]) -> dict[uuid.UUID, Links]:
    """Links of many risks in one query."""
    grouped: dict[uuid.UUID, dict[str, list[str]]] = defaultdict(
        lambda: {"items": [], "prds": [], "releases": []}
    )
    if risk_ids:
        rows = await session.execute(
            select(RiskLink.risk_id, RiskLink.target_type, RiskLink.target_key)
            .where(RiskLink.risk_id.in_(risk_ids))
            .order_by(RiskLink.target_type, RiskLink.target_key)
        )
        plural = {v: k for k, v in TYPES.items()}
        for risk_id, target_type, target_key in rows:
            grouped[risk_id][plural[target_type]].append(target_key)
    return {rid: Links(**grouped[rid]) for rid in risk_ids}
