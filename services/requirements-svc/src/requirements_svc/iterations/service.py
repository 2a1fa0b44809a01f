"""Iteration rules: capacity and commitment, start and close, burndown replayed from item history."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import history
from tpmhub_shared.auth import PLANNERS, Principal, ensure_read, ensure_role, visible
from tpmhub_shared.concurrency import lock_and_check
from tpmhub_shared.history import HistoryEntry
from tpmhub_shared.ids import utcnow
from tpmhub_shared.pagination import paginate
from tpmhub_shared.patching import merge_patch
from tpmhub_shared.problems import Conflict, InvalidTransition, UnprocessableEntity, field_error

from requirements_svc.items import repository as items_repository
from requirements_svc.items.models import CLOSED_STATUSES
from requirements_svc.items.service import RESOURCE as ITEM_RESOURCE
from requirements_svc.iterations.models import Iteration
from requirements_svc.iterations.schemas import (
    MAX_DAYS,
    BurndownPoint,
    CommitItems,
    IterationClose,
    IterationCreate,
    IterationPublic,
    IterationUpdate,
)
from requirements_svc.projects.repository import get_project_row

RESOURCE = "iteration"
ACTIONS = {"planned": ["start", "close"], "active": ["close"], "closed": []}


async def get_iteration(session: AsyncSession, *, principal: Principal, iteration_id: uuid.UUID) -> Iteration:
    iteration = await session.get(Iteration, iteration_id)
    return visible(principal, iteration, f"Iteration {iteration_id} does not exist.")


async def totals(
    session: AsyncSession, iteration_ids: list[uuid.UUID]
) -> dict[uuid.UUID, tuple[float, float, int]]:
    """(committed points, done points, item count) per iteration, one aggregate query."""
    out = {i: (0.0, 0.0, 0) for i in iteration_ids}
    if not iteration_ids:
        return out
    rows = await items_repository.iteration_totals(session, iteration_ids)
    for iteration_id, committed, done, count in rows:
        out[iteration_id] = (float(committed), float(done), int(count))
    return out


async def publish(session: AsyncSession, rows: list[Iteration]) -> list[IterationPublic]:
    sums = await totals(session, [r.id for r in rows])
    out = []
    for r in rows:
        committed, done, count = sums[r.id]
        data = {name: getattr(r, name) for name in IterationPublic.model_fields if hasattr(r, name)}
        data.update(
            committed_points=committed,
            done_points=done,
            item_count=count,
            over_committed_by=max(0.0, committed - r.capacity_points),
        )
        out.append(IterationPublic.model_validate(data))
    return out


async def create_iteration(
    session: AsyncSession, *, principal: Principal, project_key: str, data: IterationCreate
) -> Iteration:
    ensure_role(principal, project_key, PLANNERS, action="plan iterations")
    await get_project_row(session, project_key)
    iteration = Iteration(project_key=project_key, **data.model_dump())
    session.add(iteration)
    await history.record(
        session,
        principal=principal,
        project_key=project_key,
        resource_type=RESOURCE,
        resource_id=iteration.id,
        action="create",
        after=history.snapshot(iteration),
    )
    await session.flush()
    return iteration


async def list_iterations(
    session: AsyncSession,
    *,
    principal: Principal,
    project_key: str,
    status: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[Iteration], str | None]:
    ensure_read(principal, project_key)
    await get_project_row(session, project_key)
    stmt = select(Iteration).where(Iteration.project_key == project_key)
    if status:
        stmt = stmt.where(Iteration.status == status)
    return await paginate(
        session,
        stmt,
        order=[(Iteration.start_date, False)],
        id_column=Iteration.id,
        limit=limit,
        cursor=cursor,
        sort_key="start",
    )


async def update_iteration(
    session: AsyncSession,
    *,
    principal: Principal,
    iteration_id: uuid.UUID,
    patch: IterationUpdate,
    if_match: str | None,
) -> Iteration:
    iteration = await get_iteration(session, principal=principal, iteration_id=iteration_id)
    ensure_role(principal, iteration.project_key, PLANNERS, action="plan iterations")
    await lock_and_check(session, iteration, if_match)
    if iteration.status == "closed":
        raise Conflict("A closed iteration cannot change.")
    before = history.snapshot(iteration)
    merge_patch(iteration, patch, required={"name", "goal", "start_date", "end_date", "capacity_points"})
    if iteration.end_date < iteration.start_date:
        raise UnprocessableEntity(
            "end_date must not be before start_date.",
            errors=[field_error("body.end_date", "before start_date", "value_error")],
        )
    if (iteration.end_date - iteration.start_date).days > MAX_DAYS:
        raise UnprocessableEntity(
            f"An iteration lasts at most {MAX_DAYS} days.",
            errors=[field_error("body.end_date", "iteration too long", "value_error")],
        )
    await history.record(
        session,
        principal=principal,
        project_key=iteration.project_key,
        resource_type=RESOURCE,
        resource_id=iteration.id,
        action="update",
        before=before,
        after=history.snapshot(iteration),
    )
    await session.flush()
    return iteration


async def commit_items(
    session: AsyncSession, *, principal: Principal, iteration_id: uuid.UUID, body: CommitItems
) -> tuple[Iteration, list[str]]:
    iteration = await get_iteration(session, principal=principal, iteration_id=iteration_id)
    ensure_role(principal, iteration.project_key, PLANNERS, action="commit items to iterations")
    if iteration.status == "closed":
        raise InvalidTransition(
            "commit items", "closed", [], detail="A closed iteration takes no more items."
        )
    keys = list(dict.fromkeys(body.items))
    rows = await items_repository.live_by_keys(session, keys)
    errors = [
        field_error(
            f"body.items.{n}", f"item {k} does not exist in project {iteration.project_key}", "item_missing"
        )
        for n, k in enumerate(body.items)
        if k not in rows or rows[k].project_key != iteration.project_key
    ]
    errors += [
        field_error(f"body.items.{n}", f"item {k} is {rows[k].status}", "item_closed")
        for n, k in enumerate(body.items)
        if k in rows and rows[k].status in CLOSED_STATUSES
    ]
    if errors:
        raise UnprocessableEntity("Some items cannot be committed; nothing changed.", errors=errors)
    committed = []
    for key in keys:
        item = rows[key]
        if item.iteration_id == iteration.id:
            continue
        before = history.snapshot(item, ["iteration_id"])
        item.iteration_id = iteration.id
        committed.append(key)
        await history.record(
            session,
            principal=principal,
            project_key=item.project_key,
            resource_type=ITEM_RESOURCE,
            resource_id=key,
            action="update",
            before=before,
            after=history.snapshot(item, ["iteration_id"]),
            note=f"committed to {iteration.name}",
        )
    await session.flush()
    return iteration, committed


async def start_iteration(
    session: AsyncSession, *, principal: Principal, iteration_id: uuid.UUID, if_match: str | None
) -> Iteration:
    iteration = await get_iteration(session, principal=principal, iteration_id=iteration_id)
    ensure_role(principal, iteration.project_key, PLANNERS, action="start iterations")
    await lock_and_check(session, iteration, if_match)
    if iteration.status != "planned":
        raise InvalidTransition("start", iteration.status, ACTIONS[iteration.status])
    active = (
        await session.execute(
            select(Iteration.name).where(
                Iteration.project_key == iteration.project_key, Iteration.status == "active"
            )
        )
    ).scalar_one_or_none()
    if active is not None:
        raise Conflict(f"Iteration {active} is still active in {iteration.project_key}; close it first.")
    before = history.snapshot(iteration, ["status", "started_at"])
    iteration.status, iteration.started_at = "active", utcnow()
    await history.record(
        session,
        principal=principal,
        project_key=iteration.project_key,
        resource_type=RESOURCE,
        resource_id=iteration.id,
        action="start",
        before=before,
        after=history.snapshot(iteration, ["status", "started_at"]),
    )
    await session.flush()
    return iteration


async def close_iteration(
    session: AsyncSession,
    *,
    principal: Principal,
    iteration_id: uuid.UUID,
    body: IterationClose,
    if_match: str | None,
) -> tuple[Iteration, list[str], uuid.UUID | None]:
    iteration = await get_iteration(session, principal=principal, iteration_id=iteration_id)
    ensure_role(principal, iteration.project_key, PLANNERS, action="close iterations")
    await lock_and_check(session, iteration, if_match)
    if iteration.status == "closed":
        raise InvalidTransition("close", "closed", ACTIONS["closed"])
    target: Iteration | None = None
    if body.unfinished == "next":
        if body.next_iteration_id is not None:
            target = await session.get(Iteration, body.next_iteration_id)
            if target is None or target.project_key != iteration.project_key or target.id == iteration.id:
                raise UnprocessableEntity(
                    "next_iteration_id names no other iteration of the project.",
                    errors=[field_error("body.next_iteration_id", "unknown iteration", "iteration_missing")],
                )
            if target.status == "closed":
                raise Conflict(f"Iteration {target.name} is closed.")
        else:
            target = (
                await session.execute(
                    select(Iteration)
                    .where(
                        Iteration.project_key == iteration.project_key,
                        Iteration.status == "planned",
                        Iteration.id != iteration.id,
                    )
                    .order_by(Iteration.start_date, Iteration.id)
                    .limit(1)
                )
            ).scalar_one_or_none()
    elif body.next_iteration_id is not None:
        raise UnprocessableEntity(
            "next_iteration_id only goes with unfinished=next.",
            errors=[field_error("body.next_iteration_id", "not allowed with backlog", "value_error")],
        )
    iteration.burndown = [p.model_dump(mode="json") for p in await burndown(session, iteration, final=True)]
    unfinished = await items_repository.unfinished_in_iteration(session, iteration.id)
    moved = []
    note = f"{iteration.name} closed: moved to {target.name if target else 'the backlog'}"
    for item in unfinished:
        before = history.snapshot(item, ["iteration_id"])
        item.iteration_id = target.id if target else None
        moved.append(item.key)
        await history.record(
            session,
            principal=principal,
            project_key=item.project_key,
            resource_type=ITEM_RESOURCE,
            resource_id=item.key,
            action="update",
            before=before,
            after=history.snapshot(item, ["iteration_id"]),
            note=note,
        )
    before = history.snapshot(iteration, ["status", "closed_at"])
    iteration.status, iteration.closed_at = "closed", utcnow()
    await history.record(
        session,
        principal=principal,
        project_key=iteration.project_key,
        resource_type=RESOURCE,
        resource_id=iteration.id,
        action="close",
        before=before,
        after=history.snapshot(iteration, ["status", "closed_at"]),
        note=note,
    )
    await session.flush()
    return iteration, moved, target.id if target else None


_TRACKED = ("status", "points", "iteration_id")


async def burndown(
    session: AsyncSession, iteration: Iteration, *, final: bool = False
) -> list[BurndownPoint]:
    """Remaining points at the end of each day from start to end (or today), replayed from the history of
    the items in the iteration: status, points and membership as they were that day (an item committed
    mid-iteration adds scope from that day), with the ideal line for that day's scope. The one computation
    of an iteration's burndown: the burndown endpoint, the iteration in the reports and the frozen copy at
    close all come from here. Closing freezes the result on the iteration."""
    if iteration.burndown is not None and not final:
        return [BurndownPoint.model_validate(p) for p in iteration.burndown]
    me = str(iteration.id)
    keys = await items_repository.keys_in_iteration(session, iteration.id)
    entries = (
        (
            await session.execute(
                select(HistoryEntry)
                .where(
                    HistoryEntry.resource_type == ITEM_RESOURCE,
                    HistoryEntry.project_key == iteration.project_key,
                    HistoryEntry.resource_id.in_(sorted(keys)),
                )
                .order_by(HistoryEntry.resource_id, HistoryEntry.id)
            )
        )
        .scalars()
        .all()
        if keys
        else []
    )
    timeline: dict[str, list[tuple[datetime, dict[str, Any]]]] = defaultdict(list)
    for e in entries:
        changed = {c["field"]: c["after"] for c in e.changes if c["field"] in _TRACKED}
        if changed:
            timeline[e.resource_id].append((e.at, changed))
    today = utcnow().date()
    last_day = (
        min(iteration.end_date, today)
        if not final
        else min(iteration.end_date, max(today, iteration.start_date))
    )
    days: list[date] = []
    d = iteration.start_date
    while d <= last_day:
        days.append(d)
        d += timedelta(days=1)
    points: list[BurndownPoint] = []
    states = {k: {} for k in timeline}
    cursors = {k: 0 for k in timeline}
    for day in days:
        end = datetime.combine(day, time.max, tzinfo=UTC)
        remaining = scope = 0.0
        for key, events in timeline.items():
            state = states[key]
            i = cursors[key]
            while i < len(events) and events[i][0] <= end:
                state.update(events[i][1])
                i += 1
            cursors[key] = i
            if state.get("iteration_id") != me or state.get("status") == "wont_do":
                continue
            pts = float(state.get("points") or 0)
            scope += pts
            if state.get("status") != "done":
                remaining += pts
        points.append(
            BurndownPoint(
                date=day,
                remaining_points=remaining,
                scope_points=scope,
                ideal_points=ideal_points(iteration, scope, day),
            )
        )
    return points


def ideal_points(iteration: Iteration, scope: float, day: date) -> float:
    """The ideal line at the end of `day` for the scope committed that day: that scope burned evenly from
    the start to zero on the last day. Scope committed after the start raises the line from the day it is
    committed (as the remaining line rises), so the ideal is never 0 just because the sprint began empty."""
    span = max(1, (iteration.end_date - iteration.start_date).days)
    elapsed = (day - iteration.start_date).days
    return round(max(0.0, scope * (1 - elapsed / span)), 2)
