"""RFC 9457 problem details: our own exceptions, the response model, and the handlers mapped once."""

from __future__ import annotations

from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.routing import Match

from tpmhub_shared.logging import get_logger

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_BASE = "https://tpmhub.dev/problems/"
# The members RFC 9457 defines: an extension member never takes one of these names, so `status` is always
# the HTTP status and `type`/`title` always describe the problem (name a resource's state e.g.
# `delivery_status`).
RESERVED_MEMBERS = frozenset({"type", "title", "status", "detail", "instance"})

log = get_logger(__name__)


class FieldError(BaseModel):
    """One invalid field: where it is and what is wrong with it."""

    loc: str = Field(description="Path to the field, e.g. `body.stages.0.percent`.", examples=["body.key"])
    message: str = Field(examples=["String should match pattern '^[A-Z][A-Z0-9]{1,9}$'"])
    type: str = Field(examples=["string_pattern_mismatch"])


class Problem(BaseModel):
    """An RFC 9457 problem document; every 4xx and 5xx answer has this shape."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(examples=[PROBLEM_BASE + "not-found"])
    title: str = Field(examples=["Not found"])
    status: int = Field(examples=[404])
    detail: str | None = Field(default=None, examples=["Project PAY does not exist."])
    instance: str | None = Field(default=None, examples=["/v1/projects/PAY"])
    errors: list[FieldError] | None = Field(default=None, description="Validation errors, one per field.")


class ProblemError(Exception):
    """Base of every error we raise on purpose; carries what the problem document says."""

    status: int = 500
    slug: str = "internal-error"
    title: str = "Internal error"

    def __init__(
        self,
        detail: str | None = None,
        *,
        title: str | None = None,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        reserved = RESERVED_MEMBERS.intersection(extra)
        if reserved:
            raise TypeError(
                f"{type(self).__name__}: extension member(s) {sorted(reserved)} would overwrite "
                "the problem's own members; give them another name"
            )
        super().__init__(detail or self.title)
        self.detail = detail
        if title:
            self.title = title
        self.headers = headers or {}
        self.extra = extra


class BadRequest(ProblemError):
    status, slug, title = 400, "bad-request", "Bad request"


class Unauthorized(ProblemError):
    status, slug, title = 401, "unauthorized", "Unauthorized"

    def __init__(self, detail: str | None = None, **kw: Any) -> None:
        super().__init__(detail, headers={"WWW-Authenticate": 'Bearer realm="tpmhub"'}, **kw)


class Forbidden(ProblemError):
    status, slug, title = 403, "forbidden", "Forbidden"


class NotFound(ProblemError):
    status, slug, title = 404, "not-found", "Not found"


class Conflict(ProblemError):
    status, slug, title = 409, "conflict", "Conflict"


class InvalidTransition(Conflict):
    """An action the resource's current state does not allow; lists what is allowed."""

    slug, title = "invalid-transition", "Action not allowed in the current state"

    def __init__(self, action: str, state: str, allowed: list[str], detail: str | None = None) -> None:
        super().__init__(
            detail or f"Cannot {action} from state '{state}'.",
            action=action,
            state=state,
            allowed_actions=sorted(allowed),
        )


class PreconditionFailed(ProblemError):
    status, slug, title = 412, "precondition-failed", "Precondition failed"


class PayloadTooLarge(ProblemError):
    status, slug, title = 413, "payload-too-large", "Payload too large"


class UnprocessableEntity(ProblemError):
    status, slug, title = 422, "validation-error", "Validation error"

    def __init__(self, detail: str | None = None, *, errors: list[dict[str, str]] | None = None, **kw: Any):
        super().__init__(detail, **kw)
        if errors is not None:
            self.extra["errors"] = errors


class PreconditionRequired(ProblemError):
    status, slug, title = 428, "precondition-required", "Precondition required"


class TooManyRequests(ProblemError):
    status, slug, title = 429, "too-many-requests", "Too many requests"


class ServiceUnavailable(ProblemError):
    status, slug, title = 503, "service-unavailable", "Service unavailable"

    def __init__(self, detail: str | None = None, *, retry_after: int = 1, **kw: Any) -> None:
        super().__init__(detail, headers={"Retry-After": str(retry_after)}, **kw)


def field_error(loc: str, message: str, type_: str = "value_error") -> dict[str, str]:
    return {"loc": loc, "message": message, "type": type_}


def problem_response(
    status: int,
    *,
    slug: str,
    title: str,
    detail: str | None = None,
    instance: str | None = None,
    headers: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
) -> Response:
    body: dict[str, Any] = {"type": PROBLEM_BASE + slug, "title": title, "status": status}
    if detail is not None:
        body["detail"] = detail
    if instance is not None:
        body["instance"] = instance
    if extra:
        clashing = RESERVED_MEMBERS.intersection(extra)
        if clashing:  # ProblemError refuses these at construction; a direct caller gets them dropped
            log.error("problem_member_reserved", members=sorted(clashing), problem=slug)
        body.update((k, v) for k, v in extra.items() if k not in RESERVED_MEMBERS)
    return Response(
        orjson.dumps(body, default=str),
        status_code=status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=headers,
    )


_HTTP_TITLES = {
    400: ("bad-request", "Bad request"),
    401: ("unauthorized", "Unauthorized"),
    403: ("forbidden", "Forbidden"),
    404: ("not-found", "Not found"),
    405: ("method-not-allowed", "Method not allowed"),
    406: ("not-acceptable", "Not acceptable"),
    409: ("conflict", "Conflict"),
    413: ("payload-too-large", "Payload too large"),
    415: ("unsupported-media-type", "Unsupported media type"),
    422: ("validation-error", "Validation error"),
}


def _loc(parts: tuple[Any, ...] | list[Any]) -> str:
    return ".".join(str(p) for p in parts)


def _sqlstate(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    for candidate in (orig, getattr(orig, "__cause__", None)):
        state = getattr(candidate, "sqlstate", None) or getattr(candidate, "pgcode", None)
        if state:
            return str(state)
    return ""


def _is_connection_error(exc: BaseException) -> bool:
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    text = str(getattr(exc, "orig", exc)).lower()
    markers = (
        "connection",
        "could not connect",
        "terminating",
        "server closed",
        "cannot connect",
        "the database system is",
    )  # 57P03: shutting down / starting up / in recovery
    return any(m in text for m in markers)


def _is_nul_text(text: str) -> bool:
    return ("invalid byte sequence" in text and "0x00" in text) or "\\u0000 cannot be converted" in text


_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
_ROUTING_KEYS = ("fastapi", "route", "endpoint", "path_params")


def allowed_methods(request: Request) -> list[str]:
    """Every method some route serves at this path. Starlette answers 405 from the first route whose path
    matched, which knows only its own methods, while FastAPI has one route per operation: so ask the app's
    routes, method by method, which of them they would serve here."""
    base = {k: v for k, v in request.scope.items() if k not in _ROUTING_KEYS}
    # One pass finds the (included) routers whose paths match at all; only those are asked per method.
    routes = [r for r in request.app.router.routes if r.matches(dict(base))[0] is not Match.NONE]
    return [
        m for m in _METHODS if any(route.matches({**base, "method": m})[0] is Match.FULL for route in routes)
    ]


def install_problem_handlers(app: FastAPI) -> None:
    async def on_problem(request: Request, exc: ProblemError) -> Response:
        return problem_response(
            exc.status,
            slug=exc.slug,
            title=exc.title,
            detail=exc.detail,
            instance=request.url.path,
            headers=exc.headers,
            extra=exc.extra,
        )

    async def on_validation(request: Request, exc: RequestValidationError) -> Response:
        errors = exc.errors()
        if any(e.get("type") == "json_invalid" for e in errors):
            return problem_response(
                400,
                slug="malformed-json",
                title="Malformed JSON",
                detail="The request body is not valid JSON.",
                instance=request.url.path,
            )
        # Never echo the submitted values back: they may carry secrets.
        items = [
            {"loc": _loc(e.get("loc", ())), "message": e.get("msg", ""), "type": e.get("type", "")}
            for e in errors
        ]
        return problem_response(
            422,
            slug="validation-error",
            title="Validation error",
            detail=f"{len(items)} invalid field(s): " + ", ".join(i["loc"] for i in items[:10]),
            instance=request.url.path,
            extra={"errors": items},
        )

    async def on_http(request: Request, exc: StarletteHTTPException) -> Response:
        slug, title = _HTTP_TITLES.get(exc.status_code, ("error", "Error"))
        detail = exc.detail if isinstance(exc.detail, str) else None
        headers = getattr(exc, "headers", None)
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"No route matches {request.method} {request.url.path}."
        if exc.status_code == 405:
            allow = allowed_methods(request)
            headers = {**(headers or {}), "Allow": ", ".join(allow)}
            detail = f"{request.method} is not allowed here; allowed: {', '.join(allow)}."
        return problem_response(
            exc.status_code,
            slug=slug,
            title=title,
            detail=detail,
            instance=request.url.path,
            headers=headers,
        )

    async def on_integrity(request: Request, exc: IntegrityError) -> Response:
        log.info("integrity_conflict", error=str(exc.orig)[:200])
        return problem_response(
            409,
            slug="conflict",
            title="Conflict",
            detail="The change conflicts with existing data (a unique or foreign key rule).",
            instance=request.url.path,
        )

    async def on_stale(request: Request, exc: StaleDataError) -> Response:
        return problem_response(
            412,
            slug="precondition-failed",
            title="Precondition failed",
            detail="The resource was changed by someone else; fetch it again and retry.",
            instance=request.url.path,
        )

    async def on_db(request: Request, exc: DBAPIError) -> Response:
        text = str(getattr(exc, "orig", exc)).lower()
        if _sqlstate(exc).startswith("22"):
            return problem_response(
                422,
                slug="unstorable-value",
                title="Validation error",
                detail="A value cannot be stored: it contains a NUL character, is out of range, or is not "
                "valid text.",
                instance=request.url.path,
            )
        if "database is locked" in text or "busy" in text or _is_connection_error(exc):
            log.warning("database_unavailable", error=type(exc).__name__)
            return problem_response(
                503,
                slug="database-unavailable",
                title="Service unavailable",
                detail="The database is unavailable or busy; retry shortly.",
                instance=request.url.path,
                headers={"Retry-After": "1"},
            )
        if _is_nul_text(text):
            # PostgreSQL stores no NUL character in text or JSONB; the transaction is rolled back.
            return problem_response(
                422,
                slug="validation-error",
                title="Validation error",
                detail="Text must not contain the NUL character (\\u0000).",
                instance=request.url.path,
                extra={"errors": [field_error("body", "contains a NUL character", "nul_character")]},
            )
        return await on_unexpected(request, exc)

    async def on_os_error(request: Request, exc: OSError) -> Response:
        log.warning("dependency_unavailable", error=type(exc).__name__)
        return problem_response(
            503,
            slug="service-unavailable",
            title="Service unavailable",
            detail="A dependency is unavailable; retry shortly.",
            instance=request.url.path,
            headers={"Retry-After": "1"},
        )

    async def on_unexpected(request: Request, exc: Exception) -> Response:
        log.error("unhandled_error", error_type=type(exc).__name__, exc_info=exc)
        return problem_response(
            500,
            slug="internal-error",
            title="Internal error",
            detail="An unexpected error occurred; it has been logged with the request id.",
            instance=request.url.path,
        )

    app.add_exception_handler(ProblemError, on_problem)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(IntegrityError, on_integrity)
    app.add_exception_handler(StaleDataError, on_stale)
    app.add_exception_handler(OperationalError, on_db)
    app.add_exception_handler(DBAPIError, on_db)
    app.add_exception_handler(OSError, on_os_error)
    app.add_exception_handler(Exception, on_unexpected)


def responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` for a route: each code documented with the problem schema."""
    descriptions = {
        400: "Malformed request (e.g. invalid JSON)",
        401: "Missing or invalid bearer token",
        403: "The caller's role may not do this",
        404: "Not found",
        409: "Conflict with the current state",
        412: "Stale If-Match: the resource changed",
        413: "Request body too large",
        422: "Validation error",
        428: "If-Match required",
        503: "A dependency (database or sibling service) is unavailable",
    }
    return {
        code: {
            "model": Problem,
            "description": descriptions.get(code, "Error"),
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for code in codes
    }
