"""Go/no-go checklist rules and transactions: the project's template, each release's items (seeded from
the template when the release is created), ticking with evidence, failing and waiving."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import history
from tpmhub_shared.auth import CONTRIBUTORS, PLANNERS, Principal, ensure_read, ensure_role
from tpmhub_shared.concurrency import lock_and_check
from tpmhub_shared.ids import utcnow
from tpmhub_shared.patching import merge_patch
from tpmhub_shared.problems import Conflict, NotFound, UnprocessableEntity, field_error

from release_svc.checklist import repository
from release_svc.checklist.models import ChecklistItem
from release_svc.checklist.schemas import ChecklistItemCreate, ChecklistItemUpdate, ChecklistTemplateItem
from release_svc.releases import repository as releases
from release_svc.releases.models import Release
from release_svc.releases.plan import duplicates

CHECKLIST_ITEM = "checklist_item"
CHECKLIST_EDITORS = CONTRIBUTORS | {"ci"}
MAX_CHECKLIST_ITEMS = 200

DEFAULT_CHECKLIST: list[dict[str, Any]] = [
    {"code": "pressure_test", "title": "Pressure test", "owner": None},
    {"code": "monitoring_alerts", "title": "Monitoring and alerts", "owner": None},
    {"code": "reconciliation", "title": "Reconciliation (对账)", "owner": None},
    {"code": "rollback_rehearsal", "title": "Rollback rehearsal", "owner": None},
    {"code": "data_migration_dry_run", "title": "Data-migration dry run", "owner": None},
    {"code": "online_trial_plan", "title": "Online-trial plan (线上试单)", "owner": None},
]


# ---- the project's template ------------------------------------------------------------------------------


async def checklist_template(session: AsyncSession, project_key: str) -> tuple[list[dict[str, Any]], bool]:
    row = await repository.template_of(session, project_key)
    if row is None:
        return [dict(i) for i in DEFAULT_CHECKLIST], True
    return list(row.items), False


async def get_checklist_template(
    session: AsyncSession, *, principal: Principal, project_key: str
) -> tuple[list[dict[str, Any]], bool]:
    ensure_read(principal, project_key)
    return await checklist_template(session, project_key)


async def put_checklist_template(
    session: AsyncSession, *, principal: Principal, project_key: str, items: list[ChecklistTemplateItem]
) -> list[dict[str, Any]]:
    ensure_role(principal, project_key, PLANNERS, action="edit the checklist template")
    codes = [i.code for i in items if i.code]
    dupes = duplicates(codes)
    if dupes:
        raise UnprocessableEntity(
            f"Checklist codes must be unique: {', '.join(dupes)}.",
            errors=[field_error("body.items", f"duplicate code '{d}'", "code_duplicate") for d in dupes],
        )
    row = await repository.template_of(session, project_key)
    new_items = [i.model_dump(mode="json") for i in items]
    before = {"items": row.items} if row else {"items": DEFAULT_CHECKLIST}
    if row is None:
        await repository.add_template(session, project_key=project_key, items=new_items)
    else:
        row.items = new_items
    await history.record(
        session,
        principal=principal,
        project_key=project_key,
        resource_type="checklist_template",
        resource_id=project_key,
        action="update",
        before=before,
        after={"items": new_items},
    )
    await session.flush()
    return new_items


# ---- a release's items -----------------------------------------------------------------------------------


async def seed_checklist(
    session: AsyncSession, *, principal: Principal, release_id: uuid.UUID, project_key: str
) -> None:
    """A new release's items, from the project's template (or the default checklist)."""
    template, is_default = await checklist_template(session, project_key)
    seeded = await repository.add_items(
        session,
        [
            {
                "release_id": release_id,
                "project_key": project_key,
                "position": i,
                "code": t.get("code"),
                "title": t["title"],
                "owner": t.get("owner"),
            }
            for i, t in enumerate(template)
        ],
    )
    for item in seeded:
        await history.record(
            session,
            principal=principal,
            project_key=project_key,
            resource_type=CHECKLIST_ITEM,
            resource_id=item.id,
            action="create",
            after=history.snapshot(item),
            note="seeded from the default checklist" if is_default else "seeded from the project's template",
        )


async def list_checklist(
    session: AsyncSession, *, principal: Principal, release_id: uuid.UUID
) -> list[ChecklistItem]:
    await releases.get_visible(session, principal=principal, release_id=release_id)
    return await repository.items_of_release(session, release_id)


async def add_item(
    session: AsyncSession, *, principal: Principal, release: Release, data: ChecklistItemCreate
) -> ChecklistItem:
    """One more item at the end of the release's checklist (the caller checked role and release state)."""
    last, count = await repository.last_position_and_count(session, release.id)
    if count >= MAX_CHECKLIST_ITEMS:
        raise Conflict(f"A release has at most {MAX_CHECKLIST_ITEMS} checklist items.")
    [item] = await repository.add_items(
        session,
        [
            {
                "release_id": release.id,
                "project_key": release.project_key,
                "position": (last if last is not None else -1) + 1,
                **data.model_dump(),
            }
        ],
    )
    await history.record(
        session,
        principal=principal,
        project_key=release.project_key,
        resource_type=CHECKLIST_ITEM,
        resource_id=item.id,
        action="create",
        after=history.snapshot(item),
    )
    await session.flush()
    return item


def _checklist_action(was: str, now: str) -> str:
    """`tick` (→ done), `untick` (done → pending), else a status name (`fail`, `waive`, `reset`) or
    `update` when only owner, evidence or note changed."""
    if was == now:
        return "update"
    if now == "done":
        return "tick"
    if was == "done" and now == "pending":
        return "untick"
    return {"failed": "fail", "waived": "waive", "pending": "reset"}[now]


async def _release_and_item(
    session: AsyncSession, *, principal: Principal, release_id: uuid.UUID, item_id: uuid.UUID
) -> tuple[Release, ChecklistItem]:
    release = await releases.get_visible(session, principal=principal, release_id=release_id)
    item = await repository.get_item(session, item_id)
    if item is None or item.release_id != release.id:
        raise NotFound(f"Checklist item {item_id} does not exist on release {release_id}.")
    return release, item


async def get_checklist_item(
    session: AsyncSession, *, principal: Principal, release_id: uuid.UUID, item_id: uuid.UUID
) -> ChecklistItem:
    """An item of a release the caller may read; another release's item (or project's) is missing."""
    _, item = await _release_and_item(session, principal=principal, release_id=release_id, item_id=item_id)
    return item


async def update_checklist_item(
    session: AsyncSession,
    *,
    principal: Principal,
    release_id: uuid.UUID,
    item_id: uuid.UUID,
    patch: ChecklistItemUpdate,
    if_match: str | None,
) -> ChecklistItem:
    release, item = await _release_and_item(
        session, principal=principal, release_id=release_id, item_id=item_id
    )
    project_key = release.project_key
    allowed = PLANNERS if patch.status == "waived" else CHECKLIST_EDITORS
    ensure_role(
        principal,
        project_key,
        allowed,
        action="waive a checklist item" if patch.status == "waived" else "update the checklist",
    )
    await lock_and_check(session, item, if_match)
    if patch.status == "done" and not (patch.evidence_url or item.evidence_url):
        raise UnprocessableEntity(
            "An item is done with evidence: send evidence_url.",
            errors=[field_error("body.evidence_url", "required when status is done", "evidence_required")],
        )
    before = history.snapshot(item)
    was = item.status
    merge_patch(item, patch, required={"status", "note"})
    if item.status == "done" and was != "done":
        item.done_by, item.done_at = principal.sub, utcnow()
    elif item.status != "done":
        # done_by/done_at describe the current tick only; the history keeps who ticked it before.
        item.done_by = item.done_at = None
    await history.record(
        session,
        principal=principal,
        project_key=project_key,
        resource_type=CHECKLIST_ITEM,
        resource_id=item.id,
        action=_checklist_action(was, item.status),
        before=before,
        after=history.snapshot(item),
    )
    await session.flush()
    return item
