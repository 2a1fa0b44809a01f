"""Unknown query parameters are refused on reads: `?statuss=done` is a typo, and answering it with the
unfiltered list would look like a filter that matched everything."""

from __future__ import annotations

from fastapi import Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from pydantic import BaseModel

from tpmhub_shared.problems import UnprocessableEntity, field_error

# Declared query parameters per route, computed on the route's first request.
_DECLARED: dict[int, frozenset[str]] = {}


def _query_names(dependant: Dependant) -> set[str]:
    names: set[str] = set()
    for param in dependant.query_params:
        model = param.field_info.annotation
        if isinstance(model, type) and issubclass(model, BaseModel):  # a model of query parameters
            names.update(f.alias or n for n, f in model.model_fields.items())
        else:
            names.add(param.alias)
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def _declared(route: APIRoute) -> frozenset[str]:
    names = _DECLARED.get(id(route))
    if names is None:
        names = _DECLARED[id(route)] = frozenset(_query_names(route.dependant))
    return names


async def reject_unknown_query(request: Request) -> None:
    """App-wide dependency: a GET under /v1 with a query parameter its route does not declare is a 422
    naming each unknown one (and the ones the route takes)."""
    if request.method != "GET" or not request.scope.get("query_string"):
        return
    route = request.scope.get("route")
    if not isinstance(route, APIRoute) or not route.path.startswith("/v1/"):
        return
    declared = _declared(route)
    unknown = sorted({k for k in request.query_params if k not in declared})
    if unknown:
        allowed = ", ".join(sorted(declared)) or "none"
        raise UnprocessableEntity(
            f"Unknown query parameter(s): {', '.join(unknown)}; this operation takes: {allowed}.",
            errors=[field_error(f"query.{n}", "unknown query parameter", "query_unknown") for n in unknown],
        )
