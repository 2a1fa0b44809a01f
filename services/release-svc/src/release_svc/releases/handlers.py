"""Event handlers of the releases domain (delivery is wired by the events plumbing)."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.auth import Principal
from tpmhub_shared.contracts import ChangeRequestApproved
from tpmhub_shared.events import CloudEvent
from tpmhub_shared.logging import get_logger

from release_svc.releases.models import Release, ReleaseScopeItem
from release_svc.releases.service import transition

log = get_logger(__name__)


async def on_change_request_approved(session: AsyncSession, event: CloudEvent) -> None:
    """An approved change request touches items: every approved release whose scope holds one of them goes
    back to in_review (a new review round), recorded as done by the change request. Idempotent: a
    redelivered event finds those releases already in review."""
    data = ChangeRequestApproved.model_validate(event.data)
    if not data.affected_items:
        return
    rows = await session.execute(
        select(Release, ReleaseScopeItem.item_key)
        .join(ReleaseScopeItem, ReleaseScopeItem.release_id == Release.id)
        .where(ReleaseScopeItem.item_key.in_(data.affected_items), Release.status == "approved")
        .order_by(Release.id)
    )
    touched: dict[str, tuple[Release, list[str]]] = {}
    for release, item_key in rows:
        touched.setdefault(str(release.id), (release, []))[1].append(item_key)
    actor = Principal(sub=data.approved_by, name=f"change request {data.key}", service="requirements-svc")
    for release, items in touched.values():
        await transition(
            session,
            principal=actor,
            release=release,
            action="reopen_review",
            reason=f"change request {data.key} approved; touches {', '.join(sorted(items))}",
            data={"change_request": data.key, "affected_items": sorted(items)},
        )
        log.info("release_reopened_by_change_request", release_id=str(release.id), change_request=data.key)


HANDLERS = {"change_request.approved": on_change_request_approved}
