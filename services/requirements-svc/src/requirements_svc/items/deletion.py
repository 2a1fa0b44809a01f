"""Deleting a backlog item: a soft delete (the row and its history stay; the item is left out of every list,
read and look-up), refused while children, a release scope or a risk link hold the item."""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import events, history
from tpmhub_shared.auth import PLANNERS, Principal, ensure_role
from tpmhub_shared.concurrency import check_if_match, lock_and_check
from tpmhub_shared.contracts import (
    ItemHoldersQuery,
    ReleaseScopeQuery,
    ReleaseScopeResult,
    RisksLinkedToItems,
)
from tpmhub_shared.http import SiblingClient, SiblingError
from tpmhub_shared.ids import utcnow
from tpmhub_shared.problems import Conflict, ServiceUnavailable

from requirements_svc.items import repository
from requirements_svc.items.models import Item
from requirements_svc.items.service import RESOURCE, SOURCE, get_item

MAX_CHILDREN_LISTED = 50


async def _children(session: AsyncSession, item: Item) -> list[str]:
    return await repository.child_keys(session, item.id, MAX_CHILDREN_LISTED)


async def _ask(client: SiblingClient | None, name: str, path: str, body: Any, answer: Any) -> Any:
    """One read-only question to a sibling; any failure is a 503 (nothing is deleted on a guess)."""
    if client is None:
        raise ServiceUnavailable(
            f"{name}-svc is not configured: cannot tell whether it holds the item.", sibling=f"{name}-svc"
        )
    try:
        async with asyncio.timeout(client.timeout + 0.25):
            return await client.post_model(path, body, answer, idempotent=True)
    except SiblingError as exc:
        raise ServiceUnavailable(
            f"{exc.service} is unavailable ({exc.reason}): cannot tell whether it holds the item; "
            "nothing was deleted.",
            sibling=exc.service,
        ) from None
    except TimeoutError:
        raise ServiceUnavailable(
            f"{client.name} did not answer in time: cannot tell whether it holds the item; "
            "nothing was deleted.",
            sibling=client.name,
        ) from None
    except (ValidationError, ValueError):
        raise ServiceUnavailable(
            f"{client.name} answered something unexpected: cannot tell whether it holds the item; "
            "nothing was deleted.",
            sibling=client.name,
        ) from None


async def holders(siblings: dict[str, SiblingClient], item: Item) -> dict[str, list[dict[str, Any]]]:
    """Releases whose scope contains the item and risks linked to it: both siblings asked at once."""
    query = ItemHoldersQuery(project_key=item.project_key, item_keys=[item.key])
    scope_query = ReleaseScopeQuery(project_key=item.project_key, item_keys=[item.key])
    releases, risks = await asyncio.gather(
        _ask(siblings.get("release"), "release", "/v1/releases/scope-query", scope_query, ReleaseScopeResult),
        _ask(siblings.get("risk"), "risk", "/v1/risks/link-query", query, RisksLinkedToItems),
        return_exceptions=True,
    )
    for answer in (releases, risks):
        if isinstance(answer, BaseException):
            raise answer
    return {
        "releases": [{"id": str(r.id), "version": r.version, "status": r.status} for r in releases.releases],
        "risks": [{"key": r.key, "title": r.title, "status": r.status} for r in risks.risks],
    }


async def delete_item(
    session: AsyncSession,
    *,
    principal: Principal,
    siblings: dict[str, SiblingClient],
    key: str,
    if_match: str | None,
    now: datetime | None = None,
) -> Item:
    item = await get_item(session, principal=principal, key=key)
    ensure_role(principal, item.project_key, PLANNERS, action="delete items")
    check_if_match(if_match, item.version, required=True)  # before asking anyone: a stale copy is 412
    children = await _children(session, item)
    if children:
        raise Conflict(
            f"{key} has child items; delete or move them first ({', '.join(children)}).", children=children
        )
    held = await holders(siblings, item)
    if held["releases"] or held["risks"]:
        names = [f"release {r['version']}" for r in held["releases"]] + [r["key"] for r in held["risks"]]
        raise Conflict(
            f"{key} is held by {', '.join(names)}: take it out of the release scope and unlink the risks "
            "first.",
            held_by=held,
        )
    await lock_and_check(session, item, if_match, required=True)
    children = await _children(session, item)  # a child added while the siblings were asked
    if children:
        raise Conflict(
            f"{key} has child items; delete or move them first ({', '.join(children)}).", children=children
        )
    when = now or utcnow()
    before = history.snapshot(item, ["deleted_at", "deleted_by"])
    item.deleted_at, item.deleted_by = when, principal.sub
    await history.record(
        session,
        principal=principal,
        project_key=item.project_key,
        resource_type=RESOURCE,
        resource_id=item.key,
        action="delete",
        before=before,
        after=history.snapshot(item, ["deleted_at", "deleted_by"]),
    )
    events.emit(
        session,
        source=SOURCE,
        type="item.deleted",
        subject=item.key,
        project_key=item.project_key,
        data={
            "key": item.key,
            "project_key": item.project_key,
            "type": item.type,
            "title": item.title,
            "status": item.status,
            "parent": item.parent_key,
            "deleted_by": principal.sub,
            "deleted_at": when,
        },
    )
    await session.flush()
    return item
