"""Backlog item rules and transactions: loading with the caller's rights, create (one or a batch), change,
workflow."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import events, history
from tpmhub_shared.auth import CONTRIBUTORS, Principal, ensure_read, ensure_role, ensure_visible
from tpmhub_shared.concurrency import lock_and_check
from tpmhub_shared.ids import utcnow
from tpmhub_shared.patching import merge_patch
from tpmhub_shared.problems import InvalidTransition, NotFound, UnprocessableEntity, field_error

from requirements_svc.criteria import service as criteria_service
from requirements_svc.criteria.models import AcceptanceCriterion
from requirements_svc.items import done_rule, repository
from requirements_svc.items.models import Item
from requirements_svc.items.rules import (
    ALLOWED_PARENTS,
    BUG_FIELDS,
    TRANSITIONS,
    check_bug_fields,
    check_children_fit,
    check_parent,
    check_refs,
    compute_scores,
)
from requirements_svc.items.schemas import ItemCreate, ItemTransition, ItemUpdate
from requirements_svc.iterations import repository as iterations_repository
from requirements_svc.milestones import repository as milestones_repository
from requirements_svc.projects.repository import allocate_item_numbers, ensure_project, get_project_row
from requirements_svc.ranking import keys as ranking

RESOURCE = "item"
SOURCE = "/tpmhub/requirements-svc"
# Field names of the API that differ from the columns.
_PATCH_SKIP = {"parent"}


# ---- loading -------------------------------------------------------------------------------------------


async def get_item_row(
    session: AsyncSession, key: str, *, for_update: bool = False, include_deleted: bool = False
) -> Item:
    """The item by key; a deleted item is not found unless `include_deleted` (its history stays readable)."""
    item = await repository.find_by_key(session, key, for_update=for_update, include_deleted=include_deleted)
    if item is None:
        raise NotFound(f"Item {key} does not exist.")
    return item


async def get_item(
    session: AsyncSession, *, principal: Principal, key: str, include_deleted: bool = False
) -> Item:
    """The item, if the caller may read its project (checked first: the key names the project)."""
    ensure_visible(principal, key.rsplit("-", 1)[0], f"Item {key} does not exist.")
    return await get_item_row(session, key, include_deleted=include_deleted)


async def read_item(session: AsyncSession, *, principal: Principal, key: str) -> Row[Any]:
    """`get_item` for a read: the row as it is, without an ORM instance (the GET hot path)."""
    ensure_visible(principal, key.rsplit("-", 1)[0], f"Item {key} does not exist.")
    row = await repository.read_row(session, key)
    if row is None:
        raise NotFound(f"Item {key} does not exist.")
    return row


async def list_items(
    session: AsyncSession,
    *,
    principal: Principal,
    project_key: str,
    filters: dict[str, Any],
    q: str | None,
    sort: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[Row[Any]], str | None]:
    ensure_read(principal, project_key)
    await ensure_project(session, project_key)
    return await repository.list_page(
        session, project_key=project_key, filters=filters, q=q, sort=sort, limit=limit, cursor=cursor
    )


# ---- create ---------------------------------------------------------------------------------------------


def _new_item(
    project_key: str, number: int, rank: str, data: ItemCreate, principal: Principal, parent: Item | None
) -> Item:
    values = data.model_dump(exclude={"criteria", "parent"}, exclude_none=True)
    item = Item(
        project_key=project_key,
        key=f"{project_key}-{number}",
        number=number,
        rank=rank,
        created_by=principal.sub,
        **values,
    )
    if data.type == "bug" and item.severity is None:
        item.severity = "S3"
    if parent is not None:
        item.parent_id, item.parent_key = parent.id, parent.key
    compute_scores(item)
    return item


def _new_criteria(item: Item, texts: Sequence[str]) -> list[AcceptanceCriterion]:
    return criteria_service.new_criteria(
        item_id=item.id, project_key=item.project_key, item_key=item.key, texts=texts
    )


async def _record_created(
    session: AsyncSession,
    principal: Principal,
    item: Item,
    criteria: list[AcceptanceCriterion],
    note: str | None = None,
) -> None:
    await history.record(
        session,
        principal=principal,
        project_key=item.project_key,
        resource_type=RESOURCE,
        resource_id=item.key,
        action="create",
        after=history.snapshot(item),
        note=note,
    )
    events.emit(
        session,
        source=SOURCE,
        type="item.created",
        subject=item.key,
        project_key=item.project_key,
        data={
            "key": item.key,
            "project_key": item.project_key,
            "type": item.type,
            "title": item.title,
            "status": item.status,
            "priority": item.priority,
            "parent": item.parent_key,
            "severity": item.severity,
            "points": item.points,
            "criteria": len(criteria),
            "created_by": principal.sub,
        },
    )
    await criteria_service.record_created(session, principal, criteria, note=note)


async def create_item(
    session: AsyncSession, *, principal: Principal, project_key: str, data: ItemCreate
) -> Item:
    ensure_role(principal, project_key, CONTRIBUTORS, action="create items")
    await get_project_row(session, project_key)
    values = data.model_dump(exclude_unset=True)
    check_bug_fields(data.type, values)
    parent = await check_parent(
        session, item=None, item_type=data.type, project_key=project_key, parent_key=data.parent
    )
    await check_refs(session, project_key=project_key, values=values)
    (number,) = await allocate_item_numbers(session, project_key, 1)
    item = _new_item(
        project_key,
        number,
        ranking.after(await repository.last_rank(session, project_key)),
        data,
        principal,
        parent,
    )
    session.add(item)
    await session.flush()  # the item row before its criteria (no ORM relationship orders them)
    criteria = _new_criteria(item, data.criteria)
    session.add_all(criteria)
    await _record_created(session, principal, item, criteria)
    await session.flush()
    return item


async def create_items(
    session: AsyncSession,
    *,
    principal: Principal,
    project_key: str,
    rows: Sequence[ItemCreate],
    parents: Sequence[str | None],
    statuses: Sequence[str] | None = None,
    row_label: str = "body.items.{i}",
    row_offset: int = 0,
    note: str | None = None,
) -> list[Item]:
    """All rows or none. `parents[i]` is an item key or `#j` (row j of this batch, j < i). Every bad row
    is reported, each error located by its row (`row_label` formats the location)."""
    ensure_role(principal, project_key, CONTRIBUTORS, action="create items")
    await get_project_row(session, project_key)
    errors: list[dict[str, str]] = []
    external = sorted({p for p in parents if p and not p.startswith("#")})
    existing: dict[str, Item] = {}
    if external:
        existing = await repository.live_by_keys(session, external)
    iterations = {r.iteration_id for r in rows if r.iteration_id}
    milestones = {r.milestone_id for r in rows if r.milestone_id}
    known_iterations = await iterations_repository.by_ids(session, iterations)
    known_milestones = await milestones_repository.ids_in_project(session, milestones, project_key)

    bad_rows: set[int] = set()

    def err(i: int, field: str, message: str, type_: str) -> None:
        bad_rows.add(i)
        loc = row_label.format(i=i + row_offset)
        errors.append(field_error(f"{loc}.{field}" if field else loc, message, type_))

    for i, (row, parent_ref) in enumerate(zip(rows, parents, strict=True)):
        if row.type != "bug":
            for f in BUG_FIELDS:
                if getattr(row, f) is not None:
                    err(i, f, "only bugs carry this field", "bug_only")
        if parent_ref:
            if parent_ref.startswith("#"):
                j = int(parent_ref[1:])
                if j >= i:
                    err(i, "parent", f"row {j + row_offset} is not an earlier row", "parent_missing")
                    continue
                parent_type = rows[j].type
            else:
                parent = existing.get(parent_ref)
                if parent is None:
                    err(i, "parent", f"item {parent_ref} does not exist", "parent_missing")
                    continue
                if parent.project_key != project_key:
                    err(i, "parent", "parent must be in the same project", "parent_project")
                    continue
                parent_type = parent.type
            if parent_type not in ALLOWED_PARENTS[row.type]:
                err(i, "parent", f"a {row.type} cannot have a {parent_type} parent", "parent_type")
        if row.iteration_id:
            it = known_iterations.get(row.iteration_id)
            if it is None or it.project_key != project_key:
                err(i, "iteration_id", "unknown iteration", "iteration_missing")
            elif it.status == "closed":
                err(i, "iteration_id", "the iteration is closed", "iteration_closed")
        if row.milestone_id and row.milestone_id not in known_milestones:
            err(i, "milestone_id", "unknown milestone", "milestone_missing")
    if errors:
        raise UnprocessableEntity(f"{len(bad_rows)} row(s) are invalid; nothing was created.", errors=errors)

    numbers = await allocate_item_numbers(session, project_key, len(rows))
    ranks = ranking.sequence(await repository.last_rank(session, project_key), len(rows))
    created: list[Item] = []
    for i, (row, parent_ref) in enumerate(zip(rows, parents, strict=True)):
        parent = None
        if parent_ref:
            parent = created[int(parent_ref[1:])] if parent_ref.startswith("#") else existing[parent_ref]
        item = _new_item(project_key, numbers[i], ranks[i], row, principal, parent)
        if statuses is not None:  # imports carry their status over
            item.status = statuses[i]
            item.done_at = utcnow() if item.status == "done" else None
        created.append(item)
        session.add(item)
    await session.flush()  # items (in row order, so parents first) before their criteria
    for item, row in zip(created, rows, strict=True):
        criteria = _new_criteria(item, row.criteria)
        session.add_all(criteria)
        await _record_created(session, principal, item, criteria, note=note)
    await session.flush()
    if statuses is not None and "done" in statuses:
        await done_rule.reopen_unless_passing(
            session,
            principal=principal,
            item_ids=[i.id for i in created if i.status == "done"],
            cause=f"{note or 'import'}: created done with acceptance criteria not passed",
        )
    return created


# ---- update ---------------------------------------------------------------------------------------------


async def update_item(
    session: AsyncSession,
    *,
    principal: Principal,
    key: str,
    patch: ItemUpdate,
    if_match: str | None,
    note: str | None = None,
    check_role: bool = True,
) -> Item:
    item = await get_item(session, principal=principal, key=key)
    if check_role:
        ensure_role(principal, item.project_key, CONTRIBUTORS, action="edit items")
    await lock_and_check(session, item, if_match)
    await apply_patch(session, principal=principal, item=item, patch=patch, note=note)
    return item


async def apply_patch(
    session: AsyncSession, *, principal: Principal, item: Item, patch: ItemUpdate, note: str | None = None
) -> None:
    values = patch.model_dump(exclude_unset=True)
    new_type = values.get("type") or item.type
    check_bug_fields(new_type, values)
    before = history.snapshot(item)
    if new_type != "bug":
        for f in BUG_FIELDS:  # a bug turned into another type sheds its bug fields
            setattr(item, f, None)
    if "type" in values and new_type != item.type:
        await check_children_fit(session, item, new_type)
    if "parent" in values or ("type" in values and new_type != item.type):
        parent_key = values["parent"] if "parent" in values else item.parent_key
        parent = await check_parent(
            session, item=item, item_type=new_type, project_key=item.project_key, parent_key=parent_key
        )
        item.parent_id, item.parent_key = (parent.id, parent.key) if parent else (None, None)
    await check_refs(
        session,
        project_key=item.project_key,
        values={k: v for k, v in values.items() if k in ("iteration_id", "milestone_id")},
    )
    patch_values = type(patch).model_validate({k: v for k, v in values.items() if k not in _PATCH_SKIP})
    merge_patch(item, patch_values, required={"type", "title", "description", "priority", "labels"})
    if new_type == "bug" and item.severity is None:
        item.severity = "S3"
    compute_scores(item)
    await history.record(
        session,
        principal=principal,
        project_key=item.project_key,
        resource_type=RESOURCE,
        resource_id=item.key,
        action="update",
        before=before,
        after=history.snapshot(item),
        note=note,
    )
    await session.flush()


# ---- workflow -------------------------------------------------------------------------------------------


async def transition_item(
    session: AsyncSession, *, principal: Principal, key: str, body: ItemTransition, if_match: str | None
) -> Item:
    item = await get_item(session, principal=principal, key=key)
    ensure_role(principal, item.project_key, CONTRIBUTORS, action="change item status")
    await lock_and_check(session, item, if_match)
    allowed = TRANSITIONS[item.status]
    if body.to not in allowed:
        raise InvalidTransition(
            f"move to {body.to}",
            item.status,
            list(allowed),
            detail=f"{key} cannot move from {item.status} to {body.to}; allowed: {', '.join(allowed)}.",
        )
    if body.to == "done":
        await done_rule.ensure_may_be_done(session, item)
    before = history.snapshot(item, ["status", "done_at"])
    item.status = body.to
    item.done_at = utcnow() if body.to == "done" else None
    await history.record(
        session,
        principal=principal,
        project_key=item.project_key,
        resource_type=RESOURCE,
        resource_id=item.key,
        action="transition",
        before=before,
        after=history.snapshot(item, ["status", "done_at"]),
        note=body.note,
    )
    await session.flush()
    return item
