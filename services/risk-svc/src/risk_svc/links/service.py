"""Links to items, PRDs and releases: validated against requirements-svc and release-svc before anything is
written; adding and removing a risk's links."""

import asyncio
from collections.abc import Coroutine
from datetime import datetime
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import history
from tpmhub_shared.auth import CONTRIBUTORS, Principal, ensure_role, ensure_visible
from tpmhub_shared.contracts import (
    ItemLookupRequest,
    ItemLookupResponse,
    ReleaseLookupRequest,
    ReleaseLookupResponse,
)
from tpmhub_shared.http import SiblingClient, SiblingError
from tpmhub_shared.problems import NotFound, UnprocessableEntity, field_error

from risk_svc.links import repository
from risk_svc.links.repository import TYPES
from risk_svc.links.schemas import LinksIn
from risk_svc.risks import service as risks
from risk_svc.risks.models import Risk

Answer = TypeVar("Answer", bound=BaseModel)


async def validate(
    requirements: SiblingClient,
    release: SiblingClient,
    *,
    project_key: str,
    links: LinksIn,
    loc: str = "body",
) -> None:
    """Items and PRDs in one `POST /v1/items/lookup` to requirements-svc and, concurrently, releases in one
    `POST /v1/releases/lookup` to release-svc (each call only when it has something to ask). 422 naming
    every target that is unknown or of another project; 503 if either sibling does not answer."""
    errors = [
        field_error(f"{loc}.items", f"{key} is not an item of project {project_key}", "link_project")
        for key in links.items
        if key.rsplit("-", 1)[0] != project_key
    ]
    if errors:
        raise UnprocessableEntity("Risks link only items of their own project.", errors=errors)
    items = sorted(set(links.items))
    prds = list(dict.fromkeys(links.prds))
    releases = list(dict.fromkeys(links.releases))
    calls: dict[str, Coroutine[Any, Any, Any]] = {}
    if items or prds:
        body = ItemLookupRequest(keys=items, prd_ids=prds)
        calls["requirements"] = _ask(requirements, "/v1/items/lookup", body, ItemLookupResponse)
    if releases:
        calls["release"] = _ask(
            release, "/v1/releases/lookup", ReleaseLookupRequest(ids=releases), ReleaseLookupResponse
        )
    # Both calls finish (each within the sibling timeout), so none is left running after the request.
    results = dict(zip(calls, await asyncio.gather(*calls.values(), return_exceptions=True), strict=True))
    for result in results.values():
        if isinstance(result, SiblingError):
            raise result.unavailable() from result
        if isinstance(result, BaseException):
            raise result

    # (field, noun, target, project it belongs to — None when unknown or not readable)
    targets: list[tuple[str, str, str, str | None]] = []
    if isinstance(found := results.get("requirements"), ItemLookupResponse):
        known_items = {i.key: i.project_key for i in found.items}
        known_prds = {p.id: p.project_key for p in found.prds}
        targets += [("items", "item", k, known_items.get(k)) for k in items]
        targets += [("prds", "PRD", str(p), known_prds.get(p)) for p in prds]
    if isinstance(found := results.get("release"), ReleaseLookupResponse):
        known_releases = {r.id: r.project_key for r in found.releases}
        targets += [("releases", "release", str(r), known_releases.get(r)) for r in releases]
    # A target of another project is not revealed as existing: it is unknown in this project.
    refused = [(field, noun, target) for field, noun, target, owner in targets if owner != project_key]
    if refused:
        names = [target for _, _, target in refused]
        raise UnprocessableEntity(
            f"Unknown link targets: {', '.join(names)}.",
            errors=[
                field_error(
                    f"{loc}.{field}", f"unknown {noun} {target} in project {project_key}", "link_unknown"
                )
                for field, noun, target in refused
            ],
            missing=names,
        )


async def _ask(sibling: SiblingClient, path: str, body: BaseModel, answer: type[Answer]) -> Answer:
    """One idempotent batch look-up; an answer that does not fit the contract counts as no answer."""
    try:
        return await sibling.post_model(path, body, answer, idempotent=True)
    except ValidationError as exc:
        raise SiblingError(sibling.name, "answered an unexpected body") from exc


async def add(session: AsyncSession, risk: Risk, links: LinksIn, *, actor: str) -> list[str]:
    """Insert the links the risk does not have yet; returns them as `type:key`."""
    existing = await repository.targets_of(session, risk.id)
    added = []
    for field, target_type in TYPES.items():
        for target in dict.fromkeys(str(v) for v in getattr(links, field)):
            if (target_type, target) in existing:
                continue
            repository.add(
                session,
                risk_id=risk.id,
                project_key=risk.project_key,
                target_type=target_type,
                target=target,
                actor=actor,
            )
            added.append(f"{target_type}:{target}")
    return added


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
    project_key = risks.project_of(key)
    ensure_visible(principal, project_key, f"Risk {key} does not exist.")
    ensure_role(principal, project_key, CONTRIBUTORS, action="link a risk")
    if data.is_empty():
        raise UnprocessableEntity(
            "Nothing to link.", errors=[field_error("body", "give items, prds or releases", "empty")]
        )
    await validate(requirements, release, project_key=project_key, links=data)
    risk = await risks.get_risk(session, principal=principal, key=key)
    risks.ensure_editor(principal, risk, action="link the risk")
    added = await add(session, risk, data, actor=principal.sub)
    if added:
        await history.record(
            session,
            principal=principal,
            project_key=risk.project_key,
            resource_type=risks.RESOURCE,
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
    risk = await risks.get_risk(session, principal=principal, key=key)
    risks.ensure_editor(principal, risk, action="unlink the risk")
    link = await repository.find(session, risk_id=risk.id, target_type=target_type, target=target)
    if link is None:
        raise NotFound(f"{risk.key} has no link to {target_type} {target}.")
    await repository.delete(session, link)
    await history.record(
        session,
        principal=principal,
        project_key=risk.project_key,
        resource_type=risks.RESOURCE,
        resource_id=risk.key,
        action="unlink",
        before={"links": [f"{target_type}:{target}"]},
        after={"links": []},
    )
    await session.flush()
