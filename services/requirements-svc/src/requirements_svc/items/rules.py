"""The backlog's rules: which type may sit under which, the workflow, bug-only fields, RICE and WSJF
scores, and the checks that apply them to a create or a change."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.problems import Conflict, UnprocessableEntity, field_error

from requirements_svc.items import repository
from requirements_svc.items.models import Item
from requirements_svc.iterations import repository as iterations_repository
from requirements_svc.milestones import repository as milestones_repository

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


async def check_parent(
    session: AsyncSession,
    *,
    item: Item | None,
    item_type: str,
    project_key: str,
    parent_key: str | None,
    loc: str = "body.parent",
) -> Item | None:
    """The parent row, after checking project, type rule and that it does not create a cycle."""
    if parent_key is None:
        return None
    parent = await repository.find_by_key(session, parent_key)
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
            cursor = await repository.get_by_id(session, cursor.parent_id)
            depth += 1
    allowed = ALLOWED_PARENTS[item_type]
    if parent.type not in allowed:
        what = f"one of: {', '.join(sorted(allowed))}" if allowed else "none (an epic is top-level)"
        raise UnprocessableEntity(
            f"A {item_type} cannot be a child of a {parent.type}; allowed parents: {what}.",
            errors=[field_error(loc, f"a {item_type} cannot have a {parent.type} parent", "parent_type")],
        )
    return parent


async def check_children_fit(session: AsyncSession, item: Item, new_type: str) -> None:
    child_types = await repository.child_types(session, item.id)
    bad = sorted(t for t in child_types if new_type not in ALLOWED_PARENTS[t])
    if bad:
        raise UnprocessableEntity(
            f"{item.key} has children of type {', '.join(bad)} that cannot sit under a {new_type}.",
            errors=[field_error("body.type", "children would break the hierarchy", "parent_type")],
        )


async def check_refs(
    session: AsyncSession, *, project_key: str, values: dict[str, Any], prefix: str = "body"
) -> None:
    """Iteration and milestone exist in the same project; bug fields only on bugs."""
    iteration_id = values.get("iteration_id")
    if iteration_id is not None:
        it = await iterations_repository.get(session, iteration_id)
        if it is None or it.project_key != project_key:
            raise UnprocessableEntity(
                f"Iteration {iteration_id} does not exist in project {project_key}.",
                errors=[field_error(f"{prefix}.iteration_id", "unknown iteration", "iteration_missing")],
            )
        if it.status == "closed":
            raise Conflict(f"Iteration {it.name} is closed; commit the item to an open iteration.")
    milestone_id = values.get("milestone_id")
    if milestone_id is not None:
        ms = await milestones_repository.get(session, milestone_id)
        if ms is None or ms.project_key != project_key:
            raise UnprocessableEntity(
                f"Milestone {milestone_id} does not exist in project {project_key}.",
                errors=[field_error(f"{prefix}.milestone_id", "unknown milestone", "milestone_missing")],
            )


def check_bug_fields(item_type: str, values: dict[str, Any], prefix: str = "body") -> None:
    if item_type == "bug":
        return
    sent = [f for f in BUG_FIELDS if values.get(f) is not None]
    if sent:
        raise UnprocessableEntity(
            f"Only bugs carry {', '.join(sent)}.",
            errors=[field_error(f"{prefix}.{f}", "only bugs carry this field", "bug_only") for f in sent],
        )
