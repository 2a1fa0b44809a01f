"""pytest plugin (registered by the root conftest): PostgreSQL and SQLite databases, tokens, clients."""

from __future__ import annotations

import itertools
import os
import tempfile
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from tpmhub_shared.app import ServiceSpec, migration_config
from tpmhub_shared.auth import issue_token
from tpmhub_shared.events.envelope import CloudEvent
from tpmhub_shared.http import SiblingClient
from tpmhub_shared.migrations import upgrade_async
from tpmhub_shared.settings import CommonSettings, ServiceSettings
from tpmhub_shared.testing.postgres import PostgresServer, free_port

BACKENDS = ["sqlite", "postgresql"]
_counter = itertools.count()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--backend",
        action="append",
        choices=BACKENDS,
        help="Run database tests only on this backend (repeatable; default both).",
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames:
        chosen = metafunc.config.getoption("--backend") or BACKENDS
        metafunc.parametrize("backend", chosen, scope="session")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    server = PostgresServer().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def common_settings() -> CommonSettings:
    # Siblings a test has not wired point at a port nothing listens on, never at the default addresses,
    # where `make up` or a benchmark may be running real services.
    unwired = f"http://127.0.0.1:{free_port()}"
    return CommonSettings(
        env="test",
        log_format="console",
        log_level="WARNING",
        requirements_url=unwired,
        risk_url=unwired,
        release_url=unwired,
    )


@pytest.fixture(scope="session")
def make_token(common_settings: CommonSettings) -> Callable[..., str]:
    """`make_token("tpm", "PAY", sub="alice")` or `make_token(roles={"*": "admin"})`."""

    def make(
        role: str | None = None,
        project: str = "*",
        *,
        sub: str = "alice",
        roles: dict[str, str] | None = None,
        ttl: int = 3600,
        service: str | None = None,
    ) -> str:
        return issue_token(
            common_settings,
            sub=sub,
            name=sub.title(),
            roles=roles or {project: role or "admin"},
            ttl_seconds=ttl,
            service=service,
        )

    return make


@pytest.fixture(scope="session")
def auth(make_token: Callable[..., str]) -> Callable[..., dict[str, str]]:
    """Headers with a bearer token: `auth("tpm", "PAY")`."""

    def headers(role: str | None = None, project: str = "*", **kw: Any) -> dict[str, str]:
        return {"Authorization": f"Bearer {make_token(role, project, **kw)}"}

    return headers


async def new_database_url(backend: str, pg_server: PostgresServer | None, name: str) -> str:
    unique = f"{name}_{os.getpid()}_{next(_counter)}"
    if backend == "postgresql":
        assert pg_server is not None
        return pg_server.create_database(unique)
    path = Path(tempfile.mkdtemp(prefix="tpmhub-sqlite-")) / f"{unique}.db"
    return f"sqlite+aiosqlite:///{path}"


async def migrated_database(
    spec: ServiceSpec,
    settings_cls: type[ServiceSettings],
    backend: str,
    pg_server: PostgresServer | None,
    common: CommonSettings,
) -> ServiceSettings:
    url = await new_database_url(backend, pg_server, spec.name.replace("-", "_"))
    settings = settings_cls(database_url=url, common=common, background_enabled=False)
    await upgrade_async(migration_config(spec, settings))
    return settings


async def truncate_all(url: str) -> None:
    """Empty every table between tests (cheaper than migrating a database per test)."""
    engine = create_async_engine(url)
    try:
        async with engine.begin() as conn:
            if url.startswith("sqlite"):
                # Virtual tables (full-text indexes) and their shadow tables follow their content
                # tables through triggers; deleting from them directly would corrupt them.
                virtual = [
                    r[0]
                    for r in await conn.execute(
                        text(
                            "SELECT name FROM sqlite_master WHERE type='table' "
                            "AND sql LIKE 'CREATE VIRTUAL TABLE%'"
                        )
                    )
                ]
                names = [
                    r[0]
                    for r in await conn.execute(
                        text(
                            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                            "AND name != 'alembic_version'"
                        )
                    )
                    if not any(r[0] == v or r[0].startswith(v + "_") for v in virtual)
                ]
                for name in names:
                    await conn.execute(text(f'DELETE FROM "{name}"'))
            else:
                names = [
                    r[0]
                    for r in await conn.execute(
                        text(
                            "SELECT tablename FROM pg_tables WHERE schemaname='public' "
                            "AND tablename != 'alembic_version'"
                        )
                    )
                ]
                if names:
                    await conn.execute(text("TRUNCATE " + ", ".join(f'"{n}"' for n in names) + " CASCADE"))
    finally:
        await engine.dispose()


# The projects the in-process tests of risk-svc and release-svc work in (requirements-svc owns projects;
# these services learn them from its `project.created` events).
TEST_PROJECTS = ("PAY", "OPS", "NEW")


def project_created_event(key: str, name: str | None = None) -> dict[str, Any]:
    """A `project.created` CloudEvent as requirements-svc sends it, as JSON."""
    now = datetime.now(UTC)
    return CloudEvent(
        id=str(uuid.uuid4()),
        source="/tpmhub/requirements-svc",
        type="project.created",
        subject=key,
        time=now,
        data={
            "key": key,
            "project_key": key,
            "name": name or key.title(),
            "status": "active",
            "owner": None,
            "created_by": "alice",
            "created_at": now,
        },
    ).model_dump(mode="json")


async def learn_projects(client: httpx.AsyncClient, service_headers: dict[str, str], *keys: str) -> None:
    """Tell a service (its POST /v1/events, as requirements-svc does) that these projects exist; its
    in-process directory is cleared first, since its tables were emptied under it."""
    app = getattr(client._transport, "app", None)
    cache = getattr(getattr(app, "state", None), "project_directory", None)
    if cache is not None:
        cache.clear()
    for key in keys or TEST_PROJECTS:
        r = await client.post("/v1/events", json=project_created_event(key), headers=service_headers)
        assert r.status_code == 200 and r.json()["status"] == "processed", r.text


class ConfirmingWith:
    """Point risk-svc / release-svc apps' `requirements` sibling at a requirements-svc app in-process, so
    that they confirm projects with it (their directories start empty); `await restore()` undoes it."""

    def __init__(self, requirements_app: Any, *apps: Any) -> None:
        self.saved = []
        for app in apps:
            cache = getattr(app.state, "project_directory", None)
            if cache is not None:
                cache.clear()
            self.saved.append((app, app.state.siblings["requirements"]))
            app.state.siblings["requirements"] = SiblingClient(
                name="requirements-svc",
                base_url="http://requirements",
                settings=app.state.settings.common,
                caller=app.state.spec.name,
                transport=httpx.ASGITransport(app=requirements_app),
            )

    async def restore(self) -> None:
        for app, original in self.saved:
            await app.state.siblings["requirements"].aclose()
            app.state.siblings["requirements"] = original


class LifespanClient:
    """The app in-process (lifespan run) behind an httpx AsyncClient."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self._ctx: Any = None
        self.client: httpx.AsyncClient | None = None

    async def __aenter__(self) -> httpx.AsyncClient:
        self._ctx = self.app.router.lifespan_context(self.app)
        await self._ctx.__aenter__()
        self.client = httpx.AsyncClient(transport=httpx.ASGITransport(app=self.app), base_url="http://test")
        return self.client

    async def __aexit__(self, *exc: Any) -> None:
        assert self.client is not None
        await self.client.aclose()
        await self._ctx.__aexit__(*exc)


async def app_client(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    async with LifespanClient(app) as client:
        yield client
