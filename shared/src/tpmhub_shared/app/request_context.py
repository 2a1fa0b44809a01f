"""The outermost middleware: request id in and out, structlog context, access log and Prometheus metrics,
and the 503 problem when the database goes away outside the routes."""

from __future__ import annotations

import re
import time
import uuid

import structlog
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from sqlalchemy import make_url
from sqlalchemy.exc import DBAPIError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tpmhub_shared.logging import get_logger
from tpmhub_shared.problems import _is_connection_error, problem_response

log = get_logger("tpmhub.app")


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
