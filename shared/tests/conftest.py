"""Fixtures for the shared package: a minimal service built with the real app factory (so the outbox
dispatcher, inbox and subscription routes are exactly those every service mounts), on SQLite and
PostgreSQL, and a real HTTP receiver on 127.0.0.1 for outbound deliveries."""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest
import uvicorn
from fastapi import APIRouter, FastAPI
from pydantic import BaseModel, ConfigDict, Field
from pydantic_settings import SettingsConfigDict
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import events, history
from tpmhub_shared.app import ServiceSpec, create_app
from tpmhub_shared.auth import CurrentPrincipal, Principal
from tpmhub_shared.deps import Session
from tpmhub_shared.problems import ServiceUnavailable
from tpmhub_shared.settings import CommonSettings, ServiceSettings
from tpmhub_shared.testing.plugin import LifespanClient, migrated_database, truncate_all

VERSIONS_DIR = Path(tempfile.mkdtemp(prefix="tpmhub-shared-tests-"))  # no service tables: shared branch only


class EvSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="EVTEST_", extra="ignore")


class EmitBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: str = Field(max_length=100)
    subject: str = Field(max_length=200)
    project_key: str = Field(default="PAY", max_length=10)
    count: int = Field(default=1, ge=1, le=1000)
    data: dict[str, Any] = Field(default_factory=dict)


emit_router = APIRouter(prefix="/v1/test")


@emit_router.post("/emit")
async def emit_test_events(
    body: EmitBody, session: Session, principal: CurrentPrincipal
) -> dict[str, list[str]]:
    """Write `count` events in one transaction, as a domain service does with a change."""
    ids = []
    for n in range(body.count):
        event = events.emit(
            session,
            source="/tpmhub/test",
            type=body.type,
            subject=body.subject,
            project_key=body.project_key,
            data={**body.data, "n": n, "project_key": body.project_key},
        )
        ids.append(str(event.id))
    return {"ids": ids}


HANDLED: list[str] = []


async def record_handler(session: AsyncSession, event: events.CloudEvent) -> None:
    """A sibling's handler: writes a row in the same transaction as the inbox record."""
    if event.data.get("fail"):
        raise ServiceUnavailable("handler failure requested by the test")
    await history.record(
        session,
        principal=Principal(sub="service:test"),
        project_key="PAY",
        resource_type="handled",
        resource_id=event.id,
        action="handle",
    )
    HANDLED.append(event.id)


def make_spec(name: str, handlers: dict[str, Any] | None = None) -> ServiceSpec:
    return ServiceSpec(
        name=name,
        title=name,
        description="test service",
        routers=[emit_router],
        models_module="tpmhub_shared.models",
        versions_dir=VERSIONS_DIR,
        event_handlers=handlers or {},
    )


@dataclass
class Databases:
    backend: str
    pg: Any
    common: CommonSettings
    cache: dict[str, ServiceSettings] = field(default_factory=dict)

    async def settings_for(self, name: str) -> ServiceSettings:
        if name not in self.cache:
            self.cache[name] = await migrated_database(
                make_spec(name), EvSettings, self.backend, self.pg, self.common
            )
        await truncate_all(self.cache[name].database_url)
        return self.cache[name]


@pytest.fixture(scope="session")
async def databases(backend, request, common_settings) -> Databases:
    pg = request.getfixturevalue("pg_server") if backend == "postgresql" else None
    return Databases(backend, pg, common_settings)


FAST_RETRIES = [0, 0.05, 0.05, 0.05]


@pytest.fixture
def service_app(databases: Databases) -> Callable[..., Any]:
    """`async with service_app("requirements-svc", handlers=..., background=False, **common) as (app, c)`."""

    @asynccontextmanager
    async def factory(
        name: str = "requirements-svc",
        *,
        handlers: dict[str, Any] | None = None,
        background: bool = False,
        **common: Any,
    ) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
        base = await databases.settings_for(name)
        common.setdefault("events_retry_schedule", FAST_RETRIES)
        settings = base.model_copy(
            update={
                "background_enabled": background,
                "common": databases.common.model_copy(update=common),
            }
        )
        app = create_app(make_spec(name, handlers), settings)
        async with LifespanClient(app) as client:
            yield app, client

    return factory


# ---- a real HTTP receiver ------------------------------------------------------------------------------


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return orjson.loads(self.body)


class Receiver:
    """A tiny HTTP server on 127.0.0.1: records every request; answers with `statuses` in turn
    (then `default`)."""

    def __init__(self) -> None:
        self.requests: list[Received] = []
        self.statuses: list[int] = []
        self.default = 200
        self.fail_ids: dict[str, int] = {}  # webhook-id → how many times to answer 500 first
        self.arrived = asyncio.Event()
        self.server: uvicorn.Server | None = None
        self.task: asyncio.Task[None] | None = None
        self.port = 0

    async def app(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        body = b""
        more = True
        while more:
            message = await receive()
            body += message.get("body", b"")
            more = message.get("more_body", False)
        headers = {k.decode().lower(): v.decode() for k, v in scope["headers"]}
        self.requests.append(Received(headers, body))
        status = self.statuses.pop(0) if self.statuses else self.default
        event_id = headers.get("webhook-id", "")
        if self.fail_ids.get(event_id):
            self.fail_ids[event_id] -= 1
            status = 500
        self.arrived.set()
        await send(
            {"type": "http.response.start", "status": status, "headers": [(b"content-type", b"text/plain")]}
        )
        await send({"type": "http.response.body", "body": f"answer {status}".encode()})

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    async def start(self) -> Receiver:
        config = uvicorn.Config(
            self.app, host="127.0.0.1", port=0, log_level="warning", lifespan="on", interface="asgi3"
        )
        self.server = uvicorn.Server(config)
        self.task = asyncio.create_task(self.server.serve())
        while not self.server.started:  # noqa: ASYNC110 - uvicorn's flag; it offers no event to wait on
            await asyncio.sleep(0.01)
        self.port = self.server.servers[0].sockets[0].getsockname()[1]
        return self

    async def stop(self) -> None:
        assert self.server is not None and self.task is not None
        self.server.should_exit = True
        await self.task

    async def wait_for(self, count: int) -> list[Received]:
        """Until `count` requests have arrived; bound it with `asyncio.timeout`."""
        while len(self.requests) < count:
            self.arrived.clear()
            await self.arrived.wait()
        return self.requests


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    r = await Receiver().start()
    try:
        yield r
    finally:
        await r.stop()


async def serve_app(app: FastAPI) -> tuple[uvicorn.Server, asyncio.Task[None], int]:
    """Run an app with uvicorn in this loop (real HTTP on 127.0.0.1); returns the server, task and port."""
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="on"))
    task = asyncio.create_task(server.serve())
    while not server.started:
        if task.done():
            task.result()
        await asyncio.sleep(0.01)
    return server, task, server.servers[0].sockets[0].getsockname()[1]


@pytest.fixture
def serve() -> Callable[[FastAPI], Any]:
    return serve_app


@pytest.fixture
def handled() -> tuple[Callable[..., Any], list[str]]:
    """(handler, ids it handled): the handler records a history row per event it handles."""
    HANDLED.clear()
    return record_handler, HANDLED


@pytest.fixture
def receiver_factory() -> Callable[[], Receiver]:
    return Receiver
