"""Backlog item rules and transactions: keys, hierarchy, workflow, scores, ranking, roll-ups, lists."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import (
    Row,
    Select,
    and_,
    bindparam,
    case,
    exists,
    false,
    func,
    literal_column,
    select,
    type_coerce,
    update,
)
from sqlalchemy import inspect as sa_inspect
from sqlalchemy import text as sa_text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from tpmhub_shared import events, history
from tpmhub_shared.auth import CONTRIBUTORS, PLANNERS, Principal, ensure_read, ensure_role, ensure_visible
from tpmhub_shared.concurrency import lock_and_check
from tpmhub_shared.contracts import AcceptanceSummary
from tpmhub_shared.db import among_param
from tpmhub_shared.ids import utcnow
from tpmhub_shared.pagination import paginate, parse_sort
from tpmhub_shared.patching import merge_patch
from tpmhub_shared.problems import (
    Conflict,
    InvalidTransition,
    NotFound,
    ServiceUnavailable,
    UnprocessableEntity,
    field_error,
)

from requirements_svc.items import done_rule, ranking
from requirements_svc.items.models import LIVE, AcceptanceCriterion, Item
from requirements_svc.items.schemas import (
    ItemCreate,
    ItemMove,
    ItemPublic,
    ItemTransition,
    ItemUpdate,
    RollUp,
)
from requirements_svc.iterations.models import Iteration
from requirements_svc.milestones.models import Milestone
from requirements_svc.projects.models import Project

RESOURCE = "item"
SOURCE = "/tpmhub/requirements-svc"

# Which item types may be the parent of which (a strict hierarchy, so a cycle needs a self-reference).
ALLOWED_PARENTS: dict[str, frozenset[str]] = {
    "epic": frozenset(),
    "feature": frozenset({"epic"}),
    "story": frozenset({"feature"}),
    "task": frozenset({"story"}),
    "bug": frozenset({"epic", "feature", "story"}),
    "spike": frozenset({"epic", "feature", "story"}),
}
# Workflow: target statuses allowed from each status.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "backlog": ("ready", "wont_do"),
    "ready": ("in_progress", "backlog", "wont_do"),
    "in_progress": ("in_review", "ready", "wont_do"),
    "in_review": ("done", "in_progress", "wont_do"),
    "done": ("backlog", "ready", "wont_do"),
    "wont_do": ("backlog", "ready"),
}
BUG_FIELDS = ("severity", "found_in", "fixed_in")
RICE_INPUTS = ("reach", "impact", "confidence", "effort")
WSJF_INPUTS = ("business_value", "time_criticality", "risk_reduction", "job_size")
_SORTS = {
    "rank": Item.rank,
    "priority": Item.priority,
    "rice": Item.rice_score,
    "wsjf": Item.wsjf_score,
    "created": Item.created_at,
    "updated": Item.updated_at,
    "key": Item.number,
}
# Field names of the API that differ from the columns.
_PATCH_SKIP = {"parent"}


# ---- loading -------------------------------------------------------------------------------------------


async def get_project_row(session: AsyncSession, project_key: str) -> Project:
    project = (await session.execute(select(Project).where(Project.key == project_key))).scalar_one_or_none()
    if project is None:
        raise NotFound(f"Project {project_key} does not exist.")
    return project


_PROJECT_ID = select(Project.__table__.c.id).where(Project.__table__.c.key == bindparam("key"))


async def ensure_project(session: AsyncSession, project_key: str) -> None:
    """404 unless the project exists: one indexed probe, no ORM instance (the list path's first query)."""
    if (await session.execute(_PROJECT_ID, {"key": project_key})).first() is None:
        raise NotFound(f"Project {project_key} does not exist.")


async def get_item_row(
    session: AsyncSession, key: str, *, for_update: bool = False, include_deleted: bool = False
) -> Item:
    """The item by key; a deleted item is not found unless `include_deleted` (its history stays readable)."""
    stmt = select(Item).where(Item.key == key)
    if not include_deleted:
        stmt = stmt.where(LIVE)
    if for_update:
        stmt = stmt.with_for_update()
    item = (await session.execute(stmt)).scalar_one_or_none()
    if item is None:
        raise NotFound(f"Item {key} does not exist.")
    return item


async def get_item(
    session: AsyncSession, *, principal: Principal, key: str, include_deleted: bool = False
) -> Item:
    """The item, if the caller may read its project (checked first: the key names the project)."""
    ensure_visible(principal, key.rsplit("-", 1)[0], f"Item {key} does not exist.")
    return await get_item_row(session, key, include_deleted=include_deleted)


_ITEM_BY_KEY = select(Item.__table__).where(Item.key == bindparam("key"), LIVE)


async def read_item(session: AsyncSession, *, principal: Principal, key: str) -> Row[Any]:
    """`get_item` for a read: the row as it is, without an ORM instance (the GET hot path)."""
    ensure_visible(principal, key.rsplit("-", 1)[0], f"Item {key} does not exist.")
    row = (await session.execute(_ITEM_BY_KEY, {"key": key})).first()
    if row is None:
        raise NotFound(f"Item {key} does not exist.")
    return row


# ---- scores -------------------------------------------------------------------------------------------


def compute_scores(item: Item) -> None:
    """RICE = reach × impact × confidence% ÷ effort; WSJF = (value + criticality + risk) ÷ job size."""
    if all(getattr(item, f) is not None for f in RICE_INPUTS):
        item.rice_score = round(item.reach * item.impact * (item.confidence / 100) / item.effort, 4)
    else:
        item.rice_score = 0
    if all(getattr(item, f) is not None for f in WSJF_INPUTS):
        item.wsjf_score = round(
            (item.business_value + item.time_criticality + item.risk_reduction) / item.job_size, 4
        )
    else:
        item.wsjf_score = 0


# ---- validation -----------------------------------------------------------------------------------------


async def _check_parent(
    session: AsyncSession,
    *,
    item: Item | None,
    item_type: str,
    project_key: str,
    parent_key: str | None,
    loc: str = "body.parent",
    preloaded: dict[str, Item] | None = None,
) -> Item | None:
    """The parent row, after checking project, type rule and that it does not create a cycle."""
    if parent_key is None:
        return None
    parent = (preloaded or {}).get(parent_key)
    if parent is None:
        parent = (
            await session.execute(select(Item).where(Item.key == parent_key, LIVE))
        ).scalar_one_or_none()
    if parent is None:
        raise UnprocessableEntity(
            f"Parent {parent_key} does not exist.",
            errors=[field_error(loc, f"item {parent_key} does not exist", "parent_missing")],
        )
    if parent.project_key != project_key:
        raise UnprocessableEntity(
            f"Parent {parent_key} belongs to project {parent.project_key}.",
            errors=[field_error(loc, "parent must be in the same project", "parent_project")],
        )
    if item is not None:
        # Walk up from the new parent: meeting the item itself would close a cycle.
        cursor: Item | None = parent
        depth = 0
        while cursor is not None and depth < 64:
            if cursor.id == item.id:
                raise UnprocessableEntity(
                    f"{parent_key} is {item.key} itself or one of its descendants: that would be a cycle.",
                    errors=[field_error(loc, "the hierarchy may not contain a cycle", "parent_cycle")],
                )
            if cursor.parent_id is None:
                break
            cursor = await session.get(Item, cursor.parent_id)
            depth += 1
    allowed = ALLOWED_PARENTS[item_type]
    if parent.type not in allowed:
        what = f"one of: {', '.join(sorted(allowed))}" if allowed else "none (an epic is top-level)"
        raise UnprocessableEntity(
            f"A {item_type} cannot be a child of a {parent.type}; allowed parents: {what}.",
            errors=[field_error(loc, f"a {item_type} cannot have a {parent.type} parent", "parent_type")],
        )
    return parent


async def _check_children_fit(session: AsyncSession, item: Item, new_type: str) -> None:
    child_types = (
        (await session.execute(select(Item.type).where(Item.parent_id == item.id, LIVE).distinct()))
        .scalars()
        .all()
    )
    bad = sorted(t for t in child_types if new_type not in ALLOWED_PARENTS[t])
    if bad:
        raise UnprocessableEntity(
            f"{item.key} has children of type {', '.join(bad)} that cannot sit under a {new_type}.",
            errors=[field_error("body.type", "children would break the hierarchy", "parent_type")],
        )


async def _check_refs(
    session: AsyncSession, *, project_key: str, values: dict[str, Any], prefix: str = "body"
) -> None:
    """Iteration and milestone exist in the same project; bug fields only on bugs."""
    iteration_id = values.get("iteration_id")
    if iteration_id is not None:
        it = await session.get(Iteration, iteration_id)
        if it is None or it.project_key != project_key:
            raise UnprocessableEntity(
                f"Iteration {iteration_id} does not exist in project {project_key}.",
                errors=[field_error(f"{prefix}.iteration_id", "unknown iteration", "iteration_missing")],
            )
        if it.status == "closed":
            raise Conflict(f"Iteration {it.name} is closed; commit the item to an open iteration.")
    milestone_id = values.get("milestone_id")
    if milestone_id is not None:
        ms = await session.get(Milestone, milestone_id)
        if ms is None or ms.project_key != project_key:
            raise UnprocessableEntity(
                f"Milestone {milestone_id} does not exist in project {project_key}.",
                errors=[field_error(f"{prefix}.milestone_id", "unknown milestone", "milestone_missing")],
            )


def _check_bug_fields(item_type: str, values: dict[str, Any], prefix: str = "body") -> None:
    if item_type == "bug":
        return
    sent = [f for f in BUG_FIELDS if values.get(f) is not None]
    if sent:
        raise UnprocessableEntity(
            f"Only bugs carry {', '.join(sent)}.",
            errors=[field_error(f"{prefix}.{f}", "only bugs carry this field", "bug_only") for f in sent],
        )


# ---- keys and ranks -----------------------------------------------------------------------------------


async def allocate_numbers(session: AsyncSession, project_key: str, count: int) -> list[int]:
    """Next `count` item numbers of the project: an UPDATE … RETURNING under the project row's lock, so
    concurrent creates queue on that row and numbers stay gap-free (a rollback returns them)."""
    stmt = (
        update(Project.__table__)
        .where(Project.__table__.c.key == project_key)
        .values(item_seq=Project.__table__.c.item_seq + count)
        .returning(Project.__table__.c.item_seq)
    )
    last = (await session.execute(stmt)).scalar_one_or_none()
    if last is None:
        raise NotFound(f"Project {project_key} does not exist.")
    return list(range(last - count + 1, last + 1))


async def _last_rank(session: AsyncSession, project_key: str) -> str | None:
    return (
        await session.execute(
            select(Item.rank).where(Item.project_key == project_key).order_by(Item.rank.desc()).limit(1)
        )
    ).scalar_one_or_none()


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
    return [
        AcceptanceCriterion(
            item_id=item.id, project_key=item.project_key, item_key=item.key, position=i, text=t
        )
        for i, t in enumerate(texts)
    ]


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
    for c in criteria:
        await history.record(
            session,
            principal=principal,
            project_key=item.project_key,
            resource_type="criterion",
            resource_id=c.id,
            action="create",
            after=history.snapshot(c),
            note=note,
        )


async def create_item(
    session: AsyncSession, *, principal: Principal, project_key: str, data: ItemCreate
) -> Item:
    ensure_role(principal, project_key, CONTRIBUTORS, action="create items")
    await get_project_row(session, project_key)
    values = data.model_dump(exclude_unset=True)
    _check_bug_fields(data.type, values)
    parent = await _check_parent(
        session, item=None, item_type=data.type, project_key=project_key, parent_key=data.parent
    )
    await _check_refs(session, project_key=project_key, values=values)
    (number,) = await allocate_numbers(session, project_key, 1)
    item = _new_item(
        project_key, number, ranking.after(await _last_rank(session, project_key)), data, principal, parent
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
        found = (await session.execute(select(Item).where(Item.key.in_(external), LIVE))).scalars().all()
        existing = {i.key: i for i in found}
    iterations = {r.iteration_id for r in rows if r.iteration_id}
    milestones = {r.milestone_id for r in rows if r.milestone_id}
    known_iterations = (
        {
            i.id: i
            for i in (await session.execute(select(Iteration).where(Iteration.id.in_(iterations)))).scalars()
        }
        if iterations
        else {}
    )
    known_milestones = (
        set(
            (
                await session.execute(
                    select(Milestone.id).where(
                        Milestone.id.in_(milestones), Milestone.project_key == project_key
                    )
                )
            ).scalars()
        )
        if milestones
        else set()
    )

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

    numbers = await allocate_numbers(session, project_key, len(rows))
    ranks = ranking.sequence(await _last_rank(session, project_key), len(rows))
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
    _check_bug_fields(new_type, values)
    before = history.snapshot(item)
    if new_type != "bug":
        for f in BUG_FIELDS:  # a bug turned into another type sheds its bug fields
            setattr(item, f, None)
    if "type" in values and new_type != item.type:
        await _check_children_fit(session, item, new_type)
    if "parent" in values or ("type" in values and new_type != item.type):
        parent_key = values["parent"] if "parent" in values else item.parent_key
        parent = await _check_parent(
            session, item=item, item_type=new_type, project_key=item.project_key, parent_key=parent_key
        )
        item.parent_id, item.parent_key = (parent.id, parent.key) if parent else (None, None)
    await _check_refs(
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


# ---- ranking --------------------------------------------------------------------------------------------


async def move_item(
    session: AsyncSession, *, principal: Principal, key: str, body: ItemMove, if_match: str | None
) -> Item:
    """Give the item a rank key between its new neighbours: one item row (and its history) written."""
    item = await get_item(session, principal=principal, key=key)
    ensure_role(principal, item.project_key, PLANNERS, action="rank items")
    # Shared lock on the project row: moves run side by side, the rank rebalancer waits for them. Taken
    # before the item's own lock: the rebalancer locks the project first, then writes the items.
    await session.execute(
        select(Project.id).where(Project.key == item.project_key).with_for_update(read=True)
    )
    await lock_and_check(session, item, if_match)
    if body.before is None and body.after is None:
        raise UnprocessableEntity(
            "Name `before` or `after` (or both).",
            errors=[field_error("body", "before or after is required", "missing")],
        )
    anchors: dict[str, Item] = {}
    for field in ("before", "after"):
        anchor_key = getattr(body, field)
        if anchor_key is None:
            continue
        if anchor_key == key:
            raise UnprocessableEntity(
                "An item cannot be moved relative to itself.",
                errors=[field_error(f"body.{field}", "names the moved item", "value_error")],
            )
        anchor = (
            await session.execute(select(Item).where(Item.key == anchor_key, LIVE))
        ).scalar_one_or_none()
        if anchor is None or anchor.project_key != item.project_key:
            raise UnprocessableEntity(
                f"Item {anchor_key} does not exist in project {item.project_key}.",
                errors=[field_error(f"body.{field}", "unknown item", "item_missing")],
            )
        anchors[field] = anchor
    others = and_(Item.project_key == item.project_key, Item.id != item.id, LIVE)
    if "after" in anchors and "before" in anchors:
        low, high = anchors["after"], anchors["before"]
        if (low.rank, low.id) >= (high.rank, high.id):
            raise UnprocessableEntity(
                f"{low.key} is not ranked above {high.key}.",
                errors=[field_error("body", "after must rank above before", "value_error")],
            )
        lo, hi = low.rank, high.rank
    elif "after" in anchors:
        lo = anchors["after"].rank
        hi = (
            await session.execute(
                select(Item.rank).where(others, Item.rank > lo).order_by(Item.rank).limit(1)
            )
        ).scalar_one_or_none()
    else:
        hi = anchors["before"].rank
        lo = (
            await session.execute(
                select(Item.rank).where(others, Item.rank < hi).order_by(Item.rank.desc()).limit(1)
            )
        ).scalar_one_or_none()
    if lo is not None and hi is not None and lo == hi:
        # Two items share a key (concurrent moves to one gap); the rebalancer separates them.
        raise ServiceUnavailable(
            "The ranks around this spot are being rebalanced; retry shortly.", retry_after=2
        )
    new_rank = ranking.between(lo, hi)
    if len(new_rank) > 120:
        raise ServiceUnavailable(
            "The ranks around this spot are being rebalanced; retry shortly.", retry_after=2
        )
    before = history.snapshot(item, ["rank"])
    item.rank = new_rank
    await history.record(
        session,
        principal=principal,
        project_key=item.project_key,
        resource_type=RESOURCE,
        resource_id=item.key,
        action="move",
        before=before,
        after=history.snapshot(item, ["rank"]),
    )
    await session.flush()
    return item


async def rebalance_ranks(session: AsyncSession, project_key: str) -> int:
    """Rewrite every rank of a project with short, evenly spaced keys, same order (a background job)."""
    rows = (
        (
            await session.execute(
                select(Item.id).where(Item.project_key == project_key, LIVE).order_by(Item.rank, Item.id)
            )
        )
        .scalars()
        .all()
    )
    keys = ranking.evenly_spaced(len(rows))
    table = Item.__table__
    for item_id, rank in zip(rows, keys, strict=True):
        await session.execute(update(table).where(table.c.id == item_id).values(rank=rank))
    return len(rows)


async def projects_needing_rebalance(
    session: AsyncSession, project_key: str | None = None, max_length: int = ranking.REBALANCE_LENGTH
) -> list[str]:
    """Projects with an over-long rank key or two items sharing one."""
    long_keys = select(Item.project_key).where(func.length(Item.rank) > max_length, LIVE)
    dup = select(Item.project_key).where(LIVE).group_by(Item.project_key, Item.rank).having(func.count() > 1)
    if project_key is not None:
        long_keys, dup = (
            long_keys.where(Item.project_key == project_key),
            dup.where(Item.project_key == project_key),
        )
    found = set((await session.execute(long_keys.distinct())).scalars())
    found |= set((await session.execute(dup.distinct())).scalars())
    return sorted(found)


# ---- read models: acceptance summaries and roll-ups in batch ---------------------------------------


def _read_model_statements(dialect: str) -> tuple[Select, Select, Select]:
    """The three read-model queries, built once per dialect: constructing them per request (the recursive
    CTE over an aliased Item in particular) cost more CPU than running them (bench/README.md). `:ids` is
    the page's ids: one array parameter on PostgreSQL (`= ANY`, one prepared statement whatever the page
    size), an expanding IN elsewhere."""

    def among(column: Any) -> Any:
        return among_param(dialect, column, "ids")

    acceptance = (
        select(AcceptanceCriterion.item_id, AcceptanceCriterion.status, func.count())
        .where(among(AcceptanceCriterion.item_id))
        .group_by(AcceptanceCriterion.item_id, AcceptanceCriterion.status)
    )
    seed = select(Item.id.label("root"), Item.id.label("node")).where(among(Item.id))
    tree = seed.cte("tree", recursive=True)
    child = aliased(Item)
    tree = tree.union_all(
        select(tree.c.root, child.id).where(child.parent_id == tree.c.node, child.deleted_at.is_(None))
    )
    counted = Item.status != "wont_do"
    rollup = (
        select(
            tree.c.root,
            func.count(),
            func.coalesce(func.sum(case((counted, Item.points), else_=0)), 0),
            func.coalesce(func.sum(case((Item.status == "done", Item.points), else_=0)), 0),
        )
        .join(Item, Item.id == tree.c.node)
        .where(tree.c.node != tree.c.root)
        .group_by(tree.c.root)
    )
    children = (
        select(Item.parent_id, Item.status, func.count())
        .where(among(Item.parent_id), LIVE)
        .group_by(Item.parent_id, Item.status)
    )
    return acceptance, rollup, children


_READ_MODELS = {dialect: _read_model_statements(dialect) for dialect in ("postgresql", "sqlite")}


async def acceptance_summaries(
    session: AsyncSession, item_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, AcceptanceSummary]:
    """Criteria counts per item and status, one GROUP BY for any number of items."""
    out: dict[uuid.UUID, AcceptanceSummary] = {i: AcceptanceSummary() for i in item_ids}
    if not item_ids:
        return out
    statement = _READ_MODELS[_dialect(session)][0]
    for item_id, status, count in await session.execute(statement, {"ids": list(item_ids)}):
        summary = out[item_id]
        setattr(summary, status, count)
        summary.total += count
    return out


async def rollups(session: AsyncSession, item_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, RollUp]:
    """Points and counts over every descendant, one recursive query for any number of items."""
    out: dict[uuid.UUID, RollUp] = {i: RollUp() for i in item_ids}
    if not item_ids:
        return out
    _, by_root, by_parent = _READ_MODELS[_dialect(session)]
    params = {"ids": list(item_ids)}
    for root, count, total, done in await session.execute(by_root, params):
        r = out[root]
        r.descendants, r.points_total, r.points_done = count, float(total or 0), float(done or 0)
    for parent_id, status, count in await session.execute(by_parent, params):
        out[parent_id].children_by_status[status] = count
    return out


# Public fields that are plain columns are read straight from a result row, or from an instance's loaded
# state (no attribute instrumentation per field): this is the list endpoint's hot path.
_COLUMN_FIELDS = tuple(n for n in ItemPublic.model_fields if n in sa_inspect(Item).column_attrs.keys())
_READ_COLUMNS = (*_COLUMN_FIELDS, "parent_key")


def _values(item: Item | Row[Any]) -> Mapping[str, Any]:
    if isinstance(item, Row):
        return item._mapping
    state = item.__dict__
    return {name: state[name] if name in state else getattr(item, name) for name in _READ_COLUMNS}


def to_public(item: Item | Row[Any], acceptance: AcceptanceSummary, rollup: RollUp) -> ItemPublic:
    """The API view of an item, from an ORM instance or a `select(items)` row."""
    values = _values(item)
    data = {name: values[name] for name in _COLUMN_FIELDS}
    data["parent"] = values["parent_key"]
    if any(values[f] is None for f in RICE_INPUTS):
        data["rice_score"] = None
    if any(values[f] is None for f in WSJF_INPUTS):
        data["wsjf_score"] = None
    data["acceptance"] = acceptance
    data["rollup"] = rollup
    return ItemPublic.model_validate(data)


async def publish(session: AsyncSession, items: Sequence[Item | Row[Any]]) -> list[ItemPublic]:
    """Items with their acceptance summary and roll-up: two queries whatever the page size."""
    ids = [i.id for i in items]
    acc = await acceptance_summaries(session, ids)
    ups = await rollups(session, ids)
    return [to_public(i, acc[i.id], ups[i.id]) for i in items]


# ---- lists and search ---------------------------------------------------------------------------------


def _dialect(session: AsyncSession) -> str:
    return session.get_bind().dialect.name


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _fts5_query(q: str) -> str | None:
    """Each word as a quoted FTS5 prefix term (`"refund"*`), all required; FTS5 syntax in the input
    is taken literally. None when the text has no word characters."""
    words = re.findall(r"\w+", q)
    return " ".join('"' + w.replace('"', '""') + '"*' for w in words) or None


def search_condition(session: AsyncSession, q: str) -> Any:
    """Every word of `q` must start a word of the title or description. PostgreSQL: full-text match
    (`simple` config, GIN expression index). SQLite: FTS5 (`items_fts`, kept in step by triggers)."""
    words = re.findall(r"\w+", q)
    if not words:
        return false()
    if _dialect(session) == "postgresql":
        # The same expression as the GIN index ix_items_search, so the planner uses it; every word is a
        # prefix term (`refund:*`), as on SQLite. Words are \w+ only, so no tsquery operator gets in.
        text = Item.title.op("||")(literal_column("' '")).op("||")(Item.description)
        document = func.to_tsvector(literal_column("'simple'"), text)
        query = " & ".join(f"{w}:*" for w in words)
        return document.op("@@")(func.to_tsquery(literal_column("'simple'"), query))
    query = _fts5_query(q)
    if query is None:
        return false()
    matches = (
        select(literal_column("rowid"))
        .select_from(sa_text("items_fts"))
        .where(sa_text("items_fts MATCH :fts_query").bindparams(fts_query=query))
    )
    return literal_column("items.rowid").in_(matches)


def label_condition(session: AsyncSession, label: str) -> Any:
    if _dialect(session) == "postgresql":
        from sqlalchemy.dialects.postgresql import JSONB

        return type_coerce(Item.labels, JSONB).contains([label])
    each = func.json_each(Item.labels).table_valued("value")
    return exists(select(1).select_from(each).where(each.c.value == label))


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
    sort_key, order = parse_sort(sort, _SORTS, "rank")
    # Plain rows, not entities: a page is only read, and ORM hydration was most of its cost (bench/).
    stmt: Select = select(Item.__table__).where(Item.project_key == project_key, LIVE)
    if filters.get("type"):
        stmt = stmt.where(Item.type.in_(filters["type"]))
    if filters.get("status"):
        stmt = stmt.where(Item.status.in_(filters["status"]))
    if filters.get("priority"):
        stmt = stmt.where(Item.priority.in_(filters["priority"]))
    if filters.get("assignee"):
        stmt = stmt.where(Item.assignee == filters["assignee"])
    if filters.get("label"):
        stmt = stmt.where(label_condition(session, filters["label"]))
    if filters.get("iteration_id"):
        stmt = stmt.where(Item.iteration_id == filters["iteration_id"])
    if filters.get("milestone_id"):
        stmt = stmt.where(Item.milestone_id == filters["milestone_id"])
    if filters.get("parent"):
        stmt = stmt.where(Item.parent_key == filters["parent"])
    if filters.get("severity"):
        stmt = stmt.where(Item.severity.in_(filters["severity"]))
    if q:
        stmt = stmt.where(search_condition(session, q))
    return await paginate(
        session,
        stmt,
        order=order,
        id_column=Item.id,
        limit=limit,
        cursor=cursor,
        sort_key=sort_key,
        plain_rows=True,
    )
