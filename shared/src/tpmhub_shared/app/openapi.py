"""The OpenAPI document every service publishes: operation ids, and the error contract (Problem details,
401/422/400/413, Idempotency-Key, the project directory's 404/503) applied to every operation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from fastapi.routing import APIRoute

from tpmhub_shared.problems import Problem
from tpmhub_shared.project_directory import ROUTE_PREFIX


def operation_id(route: APIRoute) -> str:
    """Operation ids are the handler's name (`list_items`), so SDK methods read naturally."""
    return route.name


_PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
_IDEMPOTENCY_PARAM = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "schema": {"type": "string", "maxLength": 255},
    "description": "Makes a retry safe: the same key and body replay the first answer; "
    "the same key with another body is refused (422). Keys are per caller and kept 24 h.",
}
_DEFAULT_ERROR_TEXT = {
    "401": "Missing or invalid bearer token",
    "422": "Validation error",
    "404": "Not found (also: the project does not exist)",
    "503": "A dependency is unavailable (also: requirements-svc cannot confirm the project exists)",
}
_PROJECT_PATH = ROUTE_PREFIX


def problem_openapi(app: FastAPI, *, project_directory: bool = False) -> Callable[[], dict[str, Any]]:
    """The OpenAPI document with our error contract applied everywhere: every 4xx/5xx is the Problem
    schema (`application/problem+json`), every authenticated /v1 operation declares 401 and 422, and POST
    operations declare `Idempotency-Key` — so SDKs and fuzzers know what the API really answers. With
    the project directory, every `/v1/projects/{key}…` operation declares 404 (unknown project) and 503
    (requirements-svc cannot confirm it)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = FastAPI.openapi(app)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        for name, definition in (
            Problem.model_json_schema(ref_template="#/components/schemas/{model}").get("$defs", {}).items()
        ):
            components.setdefault(name, definition)
        problem = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
        problem.pop("$defs", None)
        components.setdefault("Problem", problem)
        for path, item in schema.get("paths", {}).items():
            for method, op in item.items():
                responses = op.setdefault("responses", {})
                if path.startswith("/v1/"):
                    if op.get("security"):
                        responses.setdefault("401", {"description": _DEFAULT_ERROR_TEXT["401"]})
                    if op.get("parameters") or op.get("requestBody"):
                        responses.setdefault("422", {"description": _DEFAULT_ERROR_TEXT["422"]})
                    if any(p.get("name") == "cursor" for p in op.get("parameters", [])):
                        responses.setdefault("400", {"description": "Invalid cursor"})
                    if op.get("requestBody"):
                        responses.setdefault("400", {"description": "Malformed body (not valid JSON)"})
                        responses.setdefault("413", {"description": "Request body too large"})
                    if project_directory and (path == _PROJECT_PATH or path.startswith(_PROJECT_PATH + "/")):
                        responses.setdefault("404", {"description": _DEFAULT_ERROR_TEXT["404"]})
                        responses.setdefault("503", {"description": _DEFAULT_ERROR_TEXT["503"]})
                    if method == "post" and op.get("security"):
                        params = op.setdefault("parameters", [])
                        if not any(p.get("name", "").lower() == "idempotency-key" for p in params):
                            params.append(dict(_IDEMPOTENCY_PARAM))
                for code, response in responses.items():
                    if code[0] in "45":
                        response["content"] = {"application/problem+json": {"schema": dict(_PROBLEM_REF)}}
        for unused in ("HTTPValidationError", "ValidationError"):
            components.pop(unused, None)
        app.openapi_schema = schema
        return schema

    return openapi
