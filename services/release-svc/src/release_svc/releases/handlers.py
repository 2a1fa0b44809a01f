"""Event handlers of the releases domain (delivery is wired by the events plumbing)."""

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.auth import Principal
from tpmhub_shared.contracts import ChangeRequestApproved
from tpmhub_shared.events import CloudEvent
from tpmhub_shared.logging import get_logger

from release_svc.releases.flows import transition
from release_svc.releases.service import REOPENED_BY_CHANGE, releases_touching

log = get_logger(__name__)


async def on_change_request_approved(session: AsyncSession, event: CloudEvent) -> None:
    """An approved change request touches items: every approved release whose scope holds one of them goes
    back to in_review (a new review round), recorded as done by the change request. Idempotent: a
    redelivered event finds those releases already in review."""
    data = ChangeRequestApproved.model_validate(event.data)
    if not data.affected_items:
        return
    # The same selection the impact query shows before approval (`query_scope`).
    touched = await releases_touching(
        session, project_key=data.project_key, item_keys=data.affected_items, status=REOPENED_BY_CHANGE
    )
    actor = Principal(sub=data.approved_by, name=f"change request {data.key}", service="requirements-svc")
    for release, items in sorted(touched, key=lambda t: t[0].id):
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
