"""Verification rules: results are recorded while a release is deploying or verifying; a failed one
blocks `released` (enforced by the release state machine). Linked criteria and items are checked with
requirements-svc in one call, and every recorded result is announced (`verification.recorded`) so that
requirements-svc fails (or passes) the linked criteria."""

import uuid
from collections.abc import Sequence

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import events, history
from tpmhub_shared.auth import CONTRIBUTORS, Principal, ensure_role, visible
from tpmhub_shared.concurrency import check_if_match, lock_and_check
from tpmhub_shared.contracts import ItemLookupRequest, ItemLookupResponse, VerificationRecorded
from tpmhub_shared.http import SiblingClient, SiblingError
from tpmhub_shared.ids import utcnow
from tpmhub_shared.patching import merge_patch
from tpmhub_shared.problems import (
    Conflict,
    ServiceUnavailable,
    UnprocessableEntity,
    field_error,
)

from release_svc.environments.service import resolve_environment
from release_svc.releases.models import Release
from release_svc.releases.service import SOURCE, get_release
from release_svc.verification import repository
from release_svc.verification.models import Verification
from release_svc.verification.schemas import VerificationCreate, VerificationUpdate

RESOURCE = "verification"
EVENT_RECORDED = "verification.recorded"
VERIFIERS = CONTRIBUTORS | {"ci"}
OPEN_STATES = frozenset({"deploying", "verifying"})


async def validate_links(
    client: SiblingClient, project_key: str, criterion_ids: Sequence[uuid.UUID], item_keys: Sequence[str]
) -> tuple[list[str], list[str]]:
    """One look-up call to requirements-svc for the linked criteria and items. Unknown ones, and those of
    another project, are refused together (422 naming each); requirements-svc not answering is a 503.
    Returns the criterion ids and item keys to store: each once, in the order given, with the item of
    every criterion added when it was not named."""
    criteria = list(dict.fromkeys(criterion_ids))
    items = list(dict.fromkeys(item_keys))
    if not criteria and not items:
        return [], []
    try:
        result = await client.post_model(
            "/v1/items/lookup",
            ItemLookupRequest(keys=items, criterion_ids=criteria),
            ItemLookupResponse,
            idempotent=True,
        )
    except SiblingError as exc:
        raise ServiceUnavailable(
            f"Cannot check the linked criteria and items: {exc.service} {exc.reason}; nothing was saved.",
            sibling=exc.service,
        ) from exc
    except ValidationError as exc:
        raise ServiceUnavailable(
            "Cannot check the linked criteria and items: requirements-svc answered an unexpected body.",
            sibling="requirements-svc",
        ) from exc
    found_items = {i.key for i in result.items if i.project_key == project_key}
    found_criteria = {c.id: c for c in result.criteria if c.project_key == project_key}
    unknown_items = [k for k in items if k not in found_items]
    unknown_criteria = [c for c in criteria if c not in found_criteria]
    if unknown_items or unknown_criteria:
        errors = [
            field_error(
                f"body.item_keys.{n}",
                f"item '{k}' does not exist in project {project_key}",
                "verification_unknown_item",
            )
            for n, k in enumerate(items)
            if k in unknown_items
        ] + [
            field_error(
                f"body.criterion_ids.{n}",
                f"acceptance criterion '{c}' does not exist in project {project_key}",
                "verification_unknown_criterion",
            )
            for n, c in enumerate(criteria)
            if c in unknown_criteria
        ]
        named = [*unknown_items, *(str(c) for c in unknown_criteria)]
        raise UnprocessableEntity(
            f"Unknown links in project {project_key}: {', '.join(named)}; nothing was saved.",
            unknown_items=unknown_items,
            unknown_criteria=[str(c) for c in unknown_criteria],
            errors=errors,
        )
    for c in criteria:
        if found_criteria[c].item_key not in items:
            items.append(found_criteria[c].item_key)
    return [str(c) for c in criteria], items


def _emit_recorded(session: AsyncSession, release: Release, row: Verification, release_url: str) -> None:
    """Queued in the same transaction as the write: requirements-svc acts on the linked criteria."""
    data = VerificationRecorded(
        verification_id=row.id,
        release_id=release.id,
        project_key=row.project_key,
        version=release.semver,
        scenario=row.scenario,
        result=row.result,  # a str column; the contract validates it against its Literal
        criterion_ids=[uuid.UUID(c) for c in row.criterion_ids],
        item_keys=list(row.item_keys),
        evidence=row.evidence,
        evidence_url=row.evidence_url,
        verification_url=f"{release_url.rstrip('/')}/v1/verifications/{row.id}",
        verified_by=row.verified_by,
        verified_at=row.verified_at,
        revision=row.version,
    )
    events.emit(
        session,
        source=SOURCE,
        type=EVENT_RECORDED,
        subject=str(row.id),
        project_key=row.project_key,
        data=data.model_dump(mode="json"),
    )


async def create_verification(
    session: AsyncSession,
    *,
    principal: Principal,
    release_id: uuid.UUID,
    data: VerificationCreate,
    requirements: SiblingClient,
    release_url: str,
) -> Verification:
    release = await get_release(session, principal=principal, release_id=release_id)
    ensure_role(principal, release.project_key, VERIFIERS, action="record a verification")
    if release.status not in OPEN_STATES:
        raise Conflict(
            f"Verifications are recorded while deploying or verifying; the release is '{release.status}'.",
            state=release.status,
        )
    environment = await resolve_environment(
        session, release.project_key, data.environment, loc="body.environment"
    )
    criterion_ids, item_keys = await validate_links(
        requirements, release.project_key, data.criterion_ids, data.item_keys
    )
    row = Verification(
        release_id=release.id,
        project_key=release.project_key,
        verified_by=principal.sub,
        **data.model_dump(mode="json", exclude={"environment", "criterion_ids", "item_keys"}),
        environment=environment,
        criterion_ids=criterion_ids,
        item_keys=item_keys,
    )
    repository.add(session, row)
    await history.record(
        session,
        principal=principal,
        project_key=release.project_key,
        resource_type=RESOURCE,
        resource_id=row.id,
        action="create",
        after=history.snapshot(row),
    )
    await session.flush()
    _emit_recorded(session, release, row, release_url)
    return row


async def update_verification(
    session: AsyncSession,
    *,
    principal: Principal,
    verification_id: uuid.UUID,
    patch: VerificationUpdate,
    if_match: str | None,
    requirements: SiblingClient,
    release_url: str,
) -> Verification:
    row = await get_verification(session, principal=principal, verification_id=verification_id)
    ensure_role(principal, row.project_key, VERIFIERS, action="update a verification")
    release = await get_release(session, principal=principal, release_id=row.release_id)
    if release.status not in OPEN_STATES:
        raise Conflict(
            f"The release is '{release.status}'; its verifications are final.", state=release.status
        )
    sent = patch.model_fields_set
    nulls = [f for f in ("criterion_ids", "item_keys") if f in sent and getattr(patch, f) is None]
    if nulls:
        raise UnprocessableEntity(
            f"These fields cannot be null: {', '.join(nulls)}.",
            errors=[field_error(f"body.{n}", "may not be null", "null_not_allowed") for n in nulls],
        )
    links: tuple[list[str], list[str]] | None = None
    wanted_criteria = (
        [str(c) for c in patch.criterion_ids] if patch.criterion_ids is not None else list(row.criterion_ids)
    )
    wanted_items = patch.item_keys if patch.item_keys is not None else list(row.item_keys)
    if wanted_criteria != list(row.criterion_ids) or wanted_items != list(row.item_keys):
        # Who may write and whether the copy is fresh are settled before asking requirements-svc; the row
        # lock is taken only afterwards, so no lock waits on it.
        check_if_match(if_match, row.version)
        links = await validate_links(
            requirements, row.project_key, [uuid.UUID(c) for c in wanted_criteria], wanted_items
        )
    await lock_and_check(session, row, if_match)
    before = history.snapshot(row)
    merge_patch(
        row,
        VerificationUpdate.model_validate(
            patch.model_dump(exclude_unset=True, exclude={"criterion_ids", "item_keys"})
        ),
        required={"result", "evidence"},
    )
    if links is not None:
        row.criterion_ids, row.item_keys = links
    row.verified_by = principal.sub
    row.verified_at = utcnow()
    await history.record(
        session,
        principal=principal,
        project_key=row.project_key,
        resource_type=RESOURCE,
        resource_id=row.id,
        action="update",
        before=before,
        after=history.snapshot(row),
    )
    await session.flush()
    _emit_recorded(session, release, row, release_url)
    return row


async def get_verification(
    session: AsyncSession, *, principal: Principal, verification_id: uuid.UUID
) -> Verification:
    row = await repository.get(session, verification_id)
    return visible(principal, row, f"Verification {verification_id} does not exist.")


async def list_verifications(
    session: AsyncSession,
    *,
    principal: Principal,
    release_id: uuid.UUID,
    result: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[Verification], str | None]:
    await get_release(session, principal=principal, release_id=release_id)
    return await repository.page_of_release(session, release_id, result=result, limit=limit, cursor=cursor)
