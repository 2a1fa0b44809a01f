"""Events from sibling services about items: which release shipped an item, which commit or PR mentions
it."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import history
from tpmhub_shared.auth import Principal
from tpmhub_shared.contracts import ItemReferenced, ReleaseReleased
from tpmhub_shared.events import CloudEvent
from tpmhub_shared.logging import get_logger

from requirements_svc.items import repository
from requirements_svc.items.service import RESOURCE

log = get_logger(__name__)


def _actor(event: CloudEvent) -> Principal:
    source = event.source.rstrip("/").rsplit("/", 1)[-1] or "event"
    return Principal(sub=source, name=source, service=source)


async def on_release_released(session: AsyncSession, event: CloudEvent) -> None:
    """Record the release on each shipped item of the project (once per release, however often the event
    arrives); a bug without `fixed_in` learns the version."""
    data = ReleaseReleased.model_validate(event.data)
    keys = sorted(set(data.items))
    if not keys:
        return
    items = await repository.live_in_project(session, data.project_key, keys)
    actor = _actor(event)
    entry = {
        "release_id": str(data.release_id),
        "version": data.version,
        "released_at": data.released_at.isoformat(),
    }
    for item in items:
        if any(r.get("release_id") == entry["release_id"] for r in item.released_in):
            continue
        before = history.snapshot(item, ["released_in", "fixed_in"])
        item.released_in = [*item.released_in, entry]
        if item.type == "bug" and item.fixed_in is None:
            item.fixed_in = data.version
        await history.record(
            session,
            principal=actor,
            project_key=item.project_key,
            resource_type=RESOURCE,
            resource_id=item.key,
            action="released",
            before=before,
            after=history.snapshot(item, ["released_in", "fixed_in"]),
            note=f"released in {data.version}",
        )
    missing = set(keys) - {i.key for i in items}
    if missing:
        log.info("release_items_unknown", release=data.version, items=sorted(missing)[:20])
    await session.flush()


async def on_item_referenced(session: AsyncSession, event: CloudEvent) -> None:
    """Link the commit, pull request or branch to the item (deduplicated by kind, repository and ref)."""
    data = ItemReferenced.model_validate(event.data)
    item = await repository.find_in_project(session, data.project_key, data.item_key)
    if item is None:
        log.info("referenced_item_unknown", item=data.item_key)
        return
    ident = (data.kind, data.repository, data.ref)
    if any((r.get("kind"), r.get("repository"), r.get("ref")) == ident for r in item.references):
        return
    before = history.snapshot(item, ["references"])
    item.references = [
        *item.references,
        {
            "kind": data.kind,
            "repository": data.repository,
            "ref": data.ref,
            "title": data.title,
            "url": data.url,
            "at": event.time.isoformat(),
        },
    ]
    await history.record(
        session,
        principal=_actor(event),
        project_key=item.project_key,
        resource_type=RESOURCE,
        resource_id=item.key,
        action="referenced",
        before=before,
        after=history.snapshot(item, ["references"]),
    )
    await session.flush()


HANDLERS = {
    "release.released": on_release_released,
    "ci.item_referenced": on_item_referenced,
}
