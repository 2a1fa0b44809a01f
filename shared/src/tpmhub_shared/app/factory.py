"""The app factory every service uses: the database, siblings and background workers over the app's life,
the middleware stack, the routes (the service's, the events API, ops) and shutdown."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI, Request
from prometheus_client import CollectorRegistry

from tpmhub_shared import migrations, project_directory
from tpmhub_shared.app.body_limit import BodyLimitMiddleware
from tpmhub_shared.app.openapi import operation_id, problem_openapi
from tpmhub_shared.app.ops import ops_router
from tpmhub_shared.app.request_context import RequestContextMiddleware, database_password
from tpmhub_shared.app.spec import ServiceSpec, Worker, merge_handlers
from tpmhub_shared.db import Database
from tpmhub_shared.events import api as events_api
from tpmhub_shared.events import outbox
from tpmhub_shared.events.envelope import wake_dispatchers
from tpmhub_shared.events.subscriptions import delivery as subscription_delivery
from tpmhub_shared.http import SiblingClient
from tpmhub_shared.idempotency import IdempotencyMiddleware
from tpmhub_shared.logging import configure_logging, get_logger
from tpmhub_shared.pagination import CursorKeyMiddleware, cursor_key
from tpmhub_shared.problems import install_problem_handlers
from tpmhub_shared.query_guard import reject_unknown_query
from tpmhub_shared.settings import ServiceSettings

log = get_logger("tpmhub.app")

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
    app.include_router(ops_router(spec))
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
