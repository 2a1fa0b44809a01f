"""Events from sibling services: which release shipped an item, which commit or PR mentions it, which
online-trial verification failed (or passed) its acceptance criteria."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import history
from tpmhub_shared.auth import Principal
from tpmhub_shared.contracts import ItemReferenced, ReleaseReleased, VerificationRecorded
from tpmhub_shared.events import CloudEvent
from tpmhub_shared.logging import get_logger
from tpmhub_shared.problems import ProblemError

from requirements_svc.items import criteria as criteria_service
from requirements_svc.items.models import LIVE, AcceptanceCriterion, Item
from requirements_svc.items.schemas import CriterionVerify
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
    items = (
        (
            await session.execute(
                select(Item)
                .where(Item.key.in_(keys), Item.project_key == data.project_key, LIVE)
                .order_by(Item.number)
            )
        )
        .scalars()
        .all()
    )
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
    item = (
        await session.execute(
            select(Item).where(Item.key == data.item_key, Item.project_key == data.project_key, LIVE)
        )
    ).scalar_one_or_none()
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


def _verification_target(criterion: AcceptanceCriterion, data: VerificationRecorded) -> str | None:
    """What the verification makes of the criterion (docs/decisions/verification.md): failed → failed;
    passed → passed when it is pending, or failed by this same verification (a re-run that now passes);
    blocked, or a criterion passed or failed by anything else → left alone (None)."""
    if data.result == "failed":
        already = criterion.status == "failed" and criterion.evidence_url == data.verification_url
        return None if already else "failed"
    if data.result == "passed":
        if criterion.status == "pending":
            return "passed"
        if criterion.status == "failed" and criterion.evidence_url == data.verification_url:
            return "passed"
    return None


async def on_verification_recorded(session: AsyncSession, event: CloudEvent) -> None:
    """Each linked criterion of the verification's project moves through the same service function as
    `POST /v1/criteria/{id}/verify` (so every rule on criteria writes holds), with the verification's
    address as evidence and its recorder as the actor. Idempotent: a criterion already where the
    verification puts it is not written again, so a redelivery changes nothing."""
    data = VerificationRecorded.model_validate(event.data)
    ids = list(dict.fromkeys(data.criterion_ids))
    if not ids or data.result == "blocked":
        return
    rows = (
        (
            await session.execute(
                select(AcceptanceCriterion)
                .where(AcceptanceCriterion.id.in_(ids), AcceptanceCriterion.project_key == data.project_key)
                .order_by(AcceptanceCriterion.item_key, AcceptanceCriterion.position)
            )
        )
        .scalars()
        .all()
    )
    # The recorder acts, with the rights release-svc checked when it recorded the verification.
    actor = Principal(
        sub=data.verified_by,
        name=f"verification {data.verification_id}",
        roles={data.project_key: "qa"},
        service="release-svc",
    )
    for criterion in rows:
        target = _verification_target(criterion, data)
        if target is None:
            continue
        try:
            async with session.begin_nested():
                await criteria_service.verify_criterion(
                    session,
                    principal=actor,
                    criterion_id=criterion.id,
                    data=CriterionVerify(status=target, evidence_url=data.verification_url),
                    if_match=None,
                )
        except ProblemError as exc:
            # A rule refused this one write: the others still apply, and the refusal is on record.
            log.warning(
                "verification_criterion_refused",
                criterion_id=str(criterion.id),
                verification_id=str(data.verification_id),
                detail=exc.detail if hasattr(exc, "detail") else str(exc),
            )
    missing = set(ids) - {c.id for c in rows}
    if missing:
        log.info(
            "verification_criteria_unknown",
            verification_id=str(data.verification_id),
            criteria=sorted(str(c) for c in missing)[:20],
        )
    await session.flush()


HANDLERS = {
    "release.released": on_release_released,
    "ci.item_referenced": on_item_referenced,
    "verification.recorded": on_verification_recorded,
}
