"""The app factory every service uses: request ids, access log, metrics, body limit, problem details,
Idempotency-Key, health and readiness, database lifecycle and background workers."""

from __future__ import annotations

import asyncio
import json
import math
import re
import time
import uuid
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import structlog
from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.routing import APIRoute
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from pydantic import BaseModel
from sqlalchemy import make_url, text
from sqlalchemy.exc import DBAPIError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tpmhub_shared import migrations, project_directory
from tpmhub_shared.db import Database
from tpmhub_shared.events import api as events_api
from tpmhub_shared.events import outbox
from tpmhub_shared.events.envelope import wake_dispatchers
from tpmhub_shared.events.subscriptions import delivery as subscription_delivery
from tpmhub_shared.http import SiblingClient
from tpmhub_shared.idempotency import IdempotencyMiddleware
from tpmhub_shared.logging import configure_logging, get_logger
from tpmhub_shared.pagination import CursorKeyMiddleware, cursor_key
from tpmhub_shared.problems import (
    _is_connection_error,
    field_error,
    install_problem_handlers,
    problem_response,
)
from tpmhub_shared.query_guard import reject_unknown_query
from tpmhub_shared.settings import ServiceSettings

log = get_logger("tpmhub.app")

Hook = Callable[[FastAPI], Awaitable[None]]
Worker = Callable[[FastAPI], Awaitable[None]]


SIBLINGS = ("requirements", "risk", "release")
# How long shutdown waits for background workers to finish what they are doing (the dispatcher its current
# batch) before cancelling them; a cancelled delivery keeps its lease and is retried, never lost.
WORKER_STOP_GRACE_SECONDS = 10.0
_RUNNING_APPS: list[FastAPI] = []


def begin_shutdown() -> None:
    """Mark every app of this process as shutting down, so /readyz answers 503 at once (called on SIGTERM,
    before uvicorn stops accepting and drains in-flight requests)."""
    for running in list(_RUNNING_APPS):
        if not running.state.shutting_down:
            running.state.shutting_down = True
            log.info("shutdown_started", reason="signal")


class DuplicateHandler(RuntimeError):
    """Two domains handle the same event type: refused when the service is put together, never last-wins."""


def merge_handlers(*tables: dict[str, Any]) -> dict[str, Any]:
    """Merge the domains' handler tables ({event type: async handler}); a type handled twice is an error."""
    merged: dict[str, Any] = {}
    for table in tables:
        for event_type, handler in table.items():
            if event_type in merged:
                raise DuplicateHandler(
                    f"{event_type!r} is handled by both {merged[event_type].__module__}."
                    f"{merged[event_type].__qualname__} and {handler.__module__}.{handler.__qualname__}"
                )
            merged[event_type] = handler
    return merged


@dataclass
class ServiceSpec:
    """What makes one service: its name, routers, models and migrations, and background work."""

    name: str
    title: str
    description: str
    routers: Sequence[APIRouter]
    models_module: str
    versions_dir: Path
    tags: list[dict[str, str]] = field(default_factory=list)
    on_startup: Sequence[Hook] = ()
    on_shutdown: Sequence[Hook] = ()
    workers: Sequence[Worker] = ()
    upload_paths: Sequence[str] = ()  # regexes of paths allowed the larger upload limit
    event_handlers: dict[str, Any] = field(default_factory=dict)  # event type → async handler
    # Refuse projects requirements-svc does not know on every /v1/projects/{key}… route (404, or 503 when
    # that cannot be confirmed), learning them from `project.created` (tpmhub_shared.project_directory).
    project_directory: bool = False


def operation_id(route: APIRoute) -> str:
    """Operation ids are the handler's name (`list_items`), so SDK methods read naturally."""
    return route.name


class RequestContextMiddleware:
    """Request id in/out, structlog context, access log and Prometheus metrics, in one pass."""

    def __init__(self, app: ASGIApp, *, service: str, registry: CollectorRegistry) -> None:
        self.app = app
        self.service = service
        self.requests = Counter(
            "http_requests_total", "HTTP requests", ["method", "route", "status"], registry=registry
        )
        self.latency = Histogram(
            "http_request_duration_seconds",
            "HTTP request latency",
            ["method", "route"],
            registry=registry,
            buckets=(0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
        )
        self.in_flight = Gauge("http_requests_in_flight", "Requests being served", registry=registry)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = None
        for k, v in scope["headers"]:
            if k == b"x-request-id":
                candidate = v.decode("latin-1")
                if re.fullmatch(r"[A-Za-z0-9._:\-]{1,128}", candidate):
                    request_id = candidate
                break
        request_id = request_id or uuid.uuid4().hex
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(request_id=request_id)
        status = 500
        started = False
        start = time.perf_counter()
        self.in_flight.inc()

        async def send_wrapper(message: Message) -> None:
            nonlocal status, started
            if message["type"] == "http.response.start":
                status = message["status"]
                started = True
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", request_id.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        except Exception as exc:
            # The database went away in a middleware (outside the routes' exception handlers, e.g. the
            # Idempotency-Key claim): the same 503 problem a route gives, not a bare 500.
            if started or not _database_unavailable(exc):
                raise
            log.warning("database_unavailable", error=type(exc).__name__, where="middleware")
            await problem_response(
                503,
                slug="database-unavailable",
                title="Service unavailable",
                detail="The database is unavailable or busy; retry shortly.",
                instance=scope["path"],
                headers={"Retry-After": "1"},
            )(scope, receive, send_wrapper)
        finally:
            self.in_flight.dec()
            elapsed = time.perf_counter() - start
            route = scope.get("route")
            template = getattr(route, "path", None) or "unmatched"
            self.requests.labels(scope["method"], template, str(status)).inc()
            self.latency.labels(scope["method"], template).observe(elapsed)
            if template not in ("/healthz", "/metrics"):
                log.info(
                    "request",
                    method=scope["method"],
                    path=scope["path"],
                    route=template,
                    status=status,
                    duration_ms=round(elapsed * 1000, 2),
                )


def database_password(url: str) -> str | None:
    """The password of a database URL (redacted from every log line by value, too)."""
    try:
        return make_url(url).password
    except Exception:  # an unparsable URL fails later, with its own error
        return None


def _database_unavailable(exc: BaseException) -> bool:
    if isinstance(exc, OSError):
        return True
    return isinstance(exc, DBAPIError) and _is_connection_error(exc)


class BodyLimitMiddleware:
    """413 before reading a body whose declared or actual size passes the limit."""

    def __init__(self, app: ASGIApp, *, limit: int, upload_limit: int, upload_paths: Sequence[str]) -> None:
        self.app = app
        self.limit = limit
        self.upload_limit = upload_limit
        self.upload_re = re.compile("|".join(upload_paths)) if upload_paths else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit
        if self.upload_re is not None and self.upload_re.fullmatch(scope["path"]):
            limit = self.upload_limit
        for k, v in scope["headers"]:
            if k == b"content-length":
                try:
                    declared = int(v)
                except ValueError:
                    declared = -1
                if declared > limit or declared < 0:
                    await self._too_large(scope, receive, send, limit)
                    return
        # NUL cannot be stored in PostgreSQL text (SQLite stores it), and NaN/Infinity are no JSON numbers
        # (PostgreSQL refuses them, SQLite turns them into null): refuse both on every backend before any
        # handler runs — for authenticated calls only, so that a call without credentials still gets its
        # 401 first.
        check_values = any(k == b"authorization" and v[:7].lower() == b"bearer " for k, v in scope["headers"])
        if check_values and ("\x00" in scope["path"] or b"%00" in scope.get("query_string", b"")):
            await _values_refused(scope, receive, send, [field_error("path", _NUL_MESSAGE, "nul_character")])
            return
        if check_values and _is_json(scope):
            # A JSON body is checked as decoded values (strings and keys at any depth, numbers), so it is
            # read whole first — it is within the limit — and then handed to the app as it came.
            try:
                body = await _read_body(receive, limit)
            except _BodyTooLarge:
                await self._too_large(scope, receive, send, limit)
                return
            if body is None:  # the client went away
                return
            errors = body_value_errors(body)
            if errors:
                await _values_refused(scope, receive, send, errors)
                return
            await self.app(scope, _replay(body, receive), send)
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                chunk = message.get("body", b"")
                received += len(chunk)
                if received > limit:
                    raise _BodyTooLarge(limit)
                if check_values and b"\x00" in chunk:
                    raise _NulCharacter()
            return message

        response_started = False

        async def tracking_send(message: Message) -> None:
            nonlocal response_started
            if message["type"] == "http.response.start":
                response_started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _BodyTooLarge:
            if not response_started:
                await self._too_large(scope, receive, send, limit)
        except _NulCharacter:
            if not response_started:
                await _values_refused(
                    scope, receive, send, [field_error("body", _NUL_MESSAGE, "nul_character")]
                )

    @staticmethod
    async def _too_large(scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        await problem_response(
            413,
            slug="payload-too-large",
            title="Payload too large",
            detail=f"The request body is larger than {limit} bytes.",
            instance=scope["path"],
        )(scope, receive, send)


_NUL_MESSAGE = "Text must not contain the NUL character (\\u0000)"
_NUL_NAME_MESSAGE = "A field name must not contain the NUL character (\\u0000)"
_FINITE_MESSAGE = "Input should be a finite number (JSON has no NaN or Infinity)"
_MAX_VALUE_ERRORS = 20
_UNPARSED = object()


def _is_json(scope: Scope) -> bool:
    """Whether FastAPI would read the body as JSON: no content type, `application/json` or `…+json`."""
    for k, v in scope["headers"]:
        if k == b"content-type":
            media = v.split(b";", 1)[0].strip().lower()
            return media == b"application/json" or (
                media.startswith(b"application/") and media.endswith(b"+json")
            )
    return True


async def _read_body(receive: Receive, limit: int) -> bytes | None:
    chunks: list[bytes] = []
    received = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return None
        chunk = message.get("body", b"")
        received += len(chunk)
        if received > limit:
            raise _BodyTooLarge(limit)
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


def _decode(body: bytes) -> tuple[Any, bool]:
    """The body's value, and whether it is strict JSON (orjson refuses NaN, infinities and lone
    surrogates); what only the app's own parser (json.loads) accepts comes second, `_UNPARSED` if neither."""
    try:
        return orjson.loads(body), True
    except orjson.JSONDecodeError:
        pass
    try:
        return json.loads(body), False
    except (ValueError, RecursionError):
        return _UNPARSED, False  # not JSON: the route answers its 400


def _name(key: str) -> str:
    return key.replace("\x00", "\\u0000")


def body_value_errors(body: bytes) -> list[dict[str, str]]:
    r"""What no request body may hold, on every backend: the NUL character in a string or a key, at any depth
    (PostgreSQL cannot store it, SQLite would), and a non-finite number (NaN, ±Infinity: not JSON, refused
    by PostgreSQL, stored as null by SQLite). Checked on the decoded values, not the raw bytes: `"a\\u0000"`
    is text, `"a\\\u0000b"` holds a NUL. One error per field, `loc` as in validation errors."""
    if b"\x00" in body:
        return [field_error("body", _NUL_MESSAGE, "nul_character")]
    value, strict = _decode(body)
    if value is _UNPARSED or (strict and b"\\u0000" not in body):
        return []  # strict JSON without a \u0000 escape holds neither: the common case costs one parse
    errors: list[dict[str, str]] = []
    queue: deque[tuple[Any, str]] = deque([(value, "body")])
    while queue and len(errors) < _MAX_VALUE_ERRORS:
        item, loc = queue.popleft()
        if isinstance(item, str):
            if "\x00" in item:
                errors.append(field_error(loc, _NUL_MESSAGE, "nul_character"))
        elif isinstance(item, float):
            if not math.isfinite(item):
                errors.append(field_error(loc, _FINITE_MESSAGE, "finite_number"))
        elif isinstance(item, dict):
            for key, child in item.items():
                if "\x00" in key:
                    errors.append(field_error(f"{loc}.{_name(key)}", _NUL_NAME_MESSAGE, "nul_character"))
                queue.append((child, f"{loc}.{_name(key)}"))
        elif isinstance(item, list):
            queue.extend((child, f"{loc}.{i}") for i, child in enumerate(item))
    return errors


class _NulCharacter(StarletteHTTPException):
    def __init__(self) -> None:
        super().__init__(422, "Text may not contain NUL (\\u0000) characters.")


async def _values_refused(scope: Scope, receive: Receive, send: Send, errors: list[dict[str, str]]) -> None:
    await problem_response(
        422,
        slug="validation-error",
        title="Validation error",
        detail=f"{len(errors)} invalid field(s): " + ", ".join(e["loc"] for e in errors[:10]),
        instance=scope["path"],
        extra={"errors": errors},
    )(scope, receive, send)


class _BodyTooLarge(StarletteHTTPException):
    """Raised from `receive`; FastAPI re-raises HTTPExceptions from body parsing, so the route's
    exception handlers turn it into the 413 problem, and the middleware does so for code outside them."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"The request body is larger than {limit} bytes.")


class Health(BaseModel):
    status: str
    service: str
    checks: dict[str, str] = {}


def _ops_router(spec: ServiceSpec) -> APIRouter:
    router = APIRouter(tags=["ops"])

    @router.get("/healthz", response_model=Health, summary="Liveness")
    async def get_health() -> Health:
        return Health(status="ok", service=spec.name)

    @router.get(
        "/readyz",
        response_model=Health,
        summary="Readiness: database reachable, migrations at head",
        responses={503: {"model": Health}},
    )
    async def get_readiness(request: Request) -> Any:
        state = request.app.state
        checks: dict[str, str] = {}
        ok = not state.shutting_down
        if state.shutting_down:
            checks["shutdown"] = "in progress"
        try:
            async with asyncio.timeout(2):
                async with state.db.engine.connect() as conn:
                    await conn.execute(text("SELECT 1"))
                checks["database"] = "ok"
                applied = await migrations.applied_heads(state.db.engine)
                missing = migrations.pending_heads(state.migration_heads, applied, state.migration_parents)
                checks["migrations"] = "ok" if not missing else f"pending: {', '.join(sorted(missing))}"
                ok = ok and not missing
        except Exception as exc:  # any failure means not ready; say which
            checks.setdefault("database", f"unavailable ({type(exc).__name__})")
            ok = False
        body = Health(status="ok" if ok else "unavailable", service=spec.name, checks=checks)
        if ok:
            return body
        return Response(body.model_dump_json(), status_code=503, media_type="application/json")

    @router.get(
        "/metrics",
        summary="Prometheus metrics",
        response_class=Response,
        responses={200: {"content": {"text/plain": {}}}},
    )
    async def get_metrics(request: Request) -> Response:
        return Response(generate_latest(request.app.state.metrics), media_type=CONTENT_TYPE_LATEST)

    return router


def create_app(spec: ServiceSpec, settings: ServiceSettings) -> FastAPI:
    configure_logging(settings.common, spec.name, secrets=[database_password(settings.database_url)])
    registry = CollectorRegistry()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.db = Database(
            settings.database_url,
            pool_size=settings.db_pool_size,
            max_overflow=settings.db_max_overflow,
            echo=settings.db_echo,
        )
        cfg = migration_config(spec, settings)
        app.state.migration_heads = migrations.script_heads(cfg)
        app.state.migration_parents = migrations.revision_parents(cfg)
        me = spec.name.removesuffix("-svc")
        app.state.siblings = {
            name: SiblingClient(
                name=f"{name}-svc",
                base_url=getattr(settings.common, f"{name}_url"),
                settings=settings.common,
                caller=spec.name,
            )
            for name in SIBLINGS
            if name != me
        }
        for hook in spec.on_startup:
            await hook(app)
        tasks: list[asyncio.Task[None]] = []
        if settings.background_enabled:
            # Every service runs the outbox dispatcher next to its own workers.
            tasks = [
                asyncio.create_task(_supervise(w, app), name=w.__name__)
                for w in (outbox.dispatcher, *spec.workers)
            ]
        log.info("started", database=settings.database_url.split("://")[0])
        _RUNNING_APPS.append(app)
        try:
            yield
        finally:
            if app in _RUNNING_APPS:
                _RUNNING_APPS.remove(app)
            app.state.shutting_down = True
            app.state.stopping.set()
            wake_dispatchers()  # a dispatcher waiting for work sees `stopping` now, not after its poll
            # Workers end their loop after the round they are in (the dispatcher after its current batch);
            # only what is still running after the grace period is cancelled.
            if tasks:
                _, pending = await asyncio.wait(tasks, timeout=WORKER_STOP_GRACE_SECONDS)
                for task in pending:
                    log.warning("worker_cancelled_at_shutdown", worker=task.get_name())
                    task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            log.info("workers_stopped", workers=len(tasks))
            for hook in spec.on_shutdown:
                await hook(app)
            await subscription_delivery.close_http(app)
            for client in app.state.siblings.values():
                await client.aclose()
            await app.state.db.dispose()

    app = FastAPI(
        title=spec.title,
        description=spec.description,
        version="1.0.0",
        openapi_tags=[
            *spec.tags,
            *events_api.TAGS,
            {"name": "ops", "description": "Health, readiness and metrics."},
        ],
        generate_unique_id_function=operation_id,
        dependencies=[
            Depends(reject_unknown_query),
            *([Depends(project_directory.require_known_project)] if spec.project_directory else []),
        ],
        lifespan=lifespan,
        swagger_ui_parameters={"persistAuthorization": True, "displayOperationId": True},
    )
    app.state.settings = settings
    app.state.spec = spec
    app.state.event_handlers = dict(spec.event_handlers)
    app.state.subscribers = (
        subscription_delivery.SUBSCRIBERS
    )  # how the outbox relay reaches the subscriptions
    if spec.project_directory:
        app.state.event_handlers = merge_handlers(project_directory.HANDLERS, app.state.event_handlers)
        app.state.project_directory = project_directory.ProjectDirectory()
    app.state.metrics = registry
    app.state.shutting_down = False
    app.state.stopping = asyncio.Event()
    install_problem_handlers(app)
    for router in spec.routers:
        app.include_router(router)
    for router in events_api.ROUTERS:  # /v1/events, /v1/event-deliveries, /v1/subscriptions
        app.include_router(router)
    app.include_router(_ops_router(spec))
    app.openapi = problem_openapi(app, project_directory=spec.project_directory)
    # Outermost first: context (ids, logs, metrics) → body limit → idempotency → cursor key → routes.
    app.add_middleware(
        CursorKeyMiddleware, key=cursor_key(settings.common.jwt_secret.get_secret_value(), spec.name)
    )
    app.add_middleware(IdempotencyMiddleware)
    app.add_middleware(
        BodyLimitMiddleware,
        limit=settings.common.max_body_bytes,
        upload_limit=settings.common.max_upload_bytes,
        upload_paths=spec.upload_paths,
    )
    app.add_middleware(RequestContextMiddleware, service=spec.name, registry=registry)
    return app


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
_PROJECT_PATH = project_directory.ROUTE_PREFIX


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
        from tpmhub_shared.problems import Problem

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


def migration_config(spec: ServiceSpec, settings: ServiceSettings):  # noqa: ANN201
    return migrations.alembic_config(
        service=spec.name,
        models_module=spec.models_module,
        versions_dir=spec.versions_dir,
        database_url=settings.database_url,
    )


async def _supervise(worker: Worker, app: FastAPI) -> None:
    """Keep a background worker alive: log and restart after a crash, stop on shutdown."""
    while not app.state.stopping.is_set():
        try:
            await worker(app)
            return
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("worker_crashed", worker=worker.__name__)
            await asyncio.sleep(1)


def get_sibling(request: Request, name: str) -> SiblingClient:
    """The pooled client for a sibling service ("requirements", "risk" or "release")."""
    return request.app.state.siblings[name]
