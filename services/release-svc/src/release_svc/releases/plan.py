"""Plan validation of a release: the deploy steps as a DAG (levels by Kahn's algorithm), the scope items
(checked with requirements-svc in one call) and the approvers."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import ValidationError
from tpmhub_shared.contracts import ItemLookupRequest, ItemLookupResponse
from tpmhub_shared.http import SiblingClient, SiblingError
from tpmhub_shared.problems import ServiceUnavailable, UnprocessableEntity, field_error

from release_svc.releases.schemas import PlanStep


def duplicates(values: Sequence[str]) -> list[str]:
    seen: set[str] = set()
    dupes: list[str] = []
    for v in values:
        if v in seen and v not in dupes:
            dupes.append(v)
        seen.add(v)
    return dupes


def plan_levels(steps: Sequence[PlanStep]) -> list[list[PlanStep]]:
    """Kahn's algorithm: steps grouped by level (a level depends only on earlier levels), in input order
    within a level. 422 naming duplicate names, unknown dependencies, or a cycle (as a path)."""
    names = [s.name for s in steps]
    dupes = duplicates(names)
    if dupes:
        raise UnprocessableEntity(
            f"Step names must be unique: {', '.join(dupes)}.",
            duplicate_steps=dupes,
            errors=[field_error("body.steps", f"duplicate step name '{d}'", "step_duplicate") for d in dupes],
        )
    by_name = {s.name: s for s in steps}
    unknown = [(s.name, d) for s in steps for d in s.depends_on if d not in by_name]
    if unknown:
        raise UnprocessableEntity(
            "Unknown dependencies: " + ", ".join(f"{s} → {d}" for s, d in unknown) + ".",
            unknown_dependencies=[{"step": s, "depends_on": d} for s, d in unknown],
            errors=[
                field_error(
                    f"body.steps.{names.index(s)}.depends_on",
                    f"unknown step '{d}'",
                    "step_unknown_dependency",
                )
                for s, d in unknown
            ],
        )
    indegree = {s.name: len(set(s.depends_on)) for s in steps}
    dependents: dict[str, list[str]] = {n: [] for n in names}
    for s in steps:
        for d in set(s.depends_on):
            dependents[d].append(s.name)
    levels: list[list[PlanStep]] = []
    ready = [n for n in names if indegree[n] == 0]
    done = 0
    while ready:
        levels.append([by_name[n] for n in ready])
        done += len(ready)
        nxt: list[str] = []
        for n in ready:
            for m in dependents[n]:
                indegree[m] -= 1
                if indegree[m] == 0:
                    nxt.append(m)
        ready = sorted(nxt, key=names.index)
    if done != len(steps):
        cycle = _find_cycle({n: by_name[n].depends_on for n in names if indegree[n] > 0})
        path = " → ".join([*cycle, cycle[0]])
        raise UnprocessableEntity(
            f"The plan has a dependency cycle: {path}.",
            cycle=cycle,
            errors=[field_error("body.steps", f"dependency cycle {path}", "step_cycle")],
        )
    return levels


def _find_cycle(graph: dict[str, list[str]]) -> list[str]:
    """One cycle among the steps Kahn's algorithm could not order (every one of them is on or behind one)."""
    start = next(iter(graph))
    path: list[str] = []
    seen: dict[str, int] = {}
    node = start
    while node not in seen:
        seen[node] = len(path)
        path.append(node)
        node = next(d for d in graph[node] if d in graph)
    return path[seen[node] :]


async def validate_scope(client: SiblingClient, keys: Sequence[str]) -> None:
    """One batch call to requirements-svc; 422 naming unknown items, 503 when it cannot answer."""
    dupes = duplicates(keys)
    if dupes:
        raise UnprocessableEntity(
            f"Scope lists items twice: {', '.join(dupes)}.",
            errors=[field_error("body.scope", f"duplicate item '{d}'", "scope_duplicate") for d in dupes],
        )
    if not keys:
        return
    try:
        body = await client.post_json(
            "/v1/items/lookup", ItemLookupRequest(keys=list(keys)).model_dump(mode="json"), idempotent=True
        )
        result = ItemLookupResponse.model_validate(body)
    except SiblingError as exc:
        raise ServiceUnavailable(
            f"Cannot validate the scope: {exc.service} {exc.reason}.", sibling=exc.service
        ) from exc
    except ValidationError as exc:
        raise ServiceUnavailable(
            "Cannot validate the scope: requirements-svc answered an unexpected body.",
            sibling="requirements-svc",
        ) from exc
    if result.missing:
        raise UnprocessableEntity(
            f"Unknown scope items: {', '.join(result.missing)}.",
            unknown_items=result.missing,
            errors=[
                field_error("body.scope", f"item '{k}' does not exist", "scope_unknown_item")
                for k in result.missing
            ],
        )


def check_approvers(approvers: Sequence[str]) -> None:
    dupes = duplicates(approvers)
    if dupes:
        raise UnprocessableEntity(
            f"Approvers listed twice: {', '.join(dupes)}.",
            errors=[
                field_error("body.approvers", f"duplicate approver '{d}'", "approver_duplicate")
                for d in dupes
            ],
        )
