"""The project directory of risk-svc and release-svc: which project keys requirements-svc knows.

requirements-svc owns projects; the other services refuse a project it does not know. They learn projects
from the `project.created` event (stored in the `known_projects` table) and, on a miss, by asking
requirements-svc (`GET /v1/projects/{key}` with the service token). A positive answer is kept for good
(projects are never deleted), a "does not exist" for a few seconds (so a flood of bogus keys costs one
sibling call per key and interval), and when requirements-svc cannot answer the request fails closed with
503 and nothing is written. See docs/decisions/events.md ("Unknown projects are unknown everywhere")."""

from __future__ import annotations

import asyncio
import re
import time
from collections import OrderedDict
from datetime import datetime
from typing import Any

from fastapi import FastAPI, Request
from fastapi.routing import APIRoute
from sqlalchemy import Column, String, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import Field, SQLModel

from tpmhub_shared.auth import _bearer, get_principal
from tpmhub_shared.contracts.event_data import ProjectCreated
from tpmhub_shared.db import UTCDateTime
from tpmhub_shared.events.envelope import CloudEvent
from tpmhub_shared.http import SiblingError
from tpmhub_shared.ids import utcnow
from tpmhub_shared.logging import get_logger
from tpmhub_shared.problems import NotFound, ServiceUnavailable

log = get_logger("tpmhub.project_directory")

PROJECT_KEY = re.compile(r"^[A-Z][A-Z0-9]{1,9}$")
ROUTE_PREFIX = "/v1/projects/{key}"
EVENT_TYPE = "project.created"
# requirements-svc owns the directory: a project it asks about exists (and asking it back would be circular).
OWNER = "requirements-svc"

MAX_KNOWN = 10_000  # keys kept in memory (the table keeps every one)
MAX_UNKNOWN = 1_000  # keys remembered as "does not exist"
UNKNOWN_TTL_SECONDS = 5.0  # how long "does not exist" spares requirements-svc another look-up


class KnownProject(SQLModel, table=True):
    """A project key requirements-svc confirmed (by event or look-up)."""

    __tablename__ = "known_projects"

    key: str = Field(sa_column=Column(String(10), primary_key=True))
    name: str = Field(default="", max_length=200)
    learned_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)


class ProjectDirectory:
    """The in-process part, one per app: known keys (bounded, least recently used dropped first), keys
    recently answered "does not exist" (bounded, short-lived) and look-ups in flight (one per key)."""

    def __init__(
        self,
        *,
        max_known: int = MAX_KNOWN,
        max_unknown: int = MAX_UNKNOWN,
        unknown_ttl: float = UNKNOWN_TTL_SECONDS,
    ) -> None:
        self.max_known = max_known
        self.max_unknown = max_unknown
        self.unknown_ttl = unknown_ttl
        self._known: OrderedDict[str, None] = OrderedDict()
        self._unknown: OrderedDict[str, float] = OrderedDict()
        self._inflight: dict[str, asyncio.Future[str]] = {}

    def clear(self) -> None:
        self._known.clear()
        self._unknown.clear()

    def is_known(self, key: str) -> bool:
        if key in self._known:
            self._known.move_to_end(key)
            return True
        return False

    def mark_known(self, key: str) -> None:
        self._unknown.pop(key, None)
        self._known[key] = None
        self._known.move_to_end(key)
        while len(self._known) > self.max_known:
            self._known.popitem(last=False)

    def recently_unknown(self, key: str) -> bool:
        expires = self._unknown.get(key)
        if expires is None:
            return False
        if expires <= time.monotonic():
            del self._unknown[key]
            return False
        return True

    def mark_unknown(self, key: str) -> None:
        self._unknown[key] = time.monotonic() + self.unknown_ttl
        self._unknown.move_to_end(key)
        while len(self._unknown) > self.max_unknown:
            self._unknown.popitem(last=False)


def directory(app: FastAPI) -> ProjectDirectory:
    found = getattr(app.state, "project_directory", None)
    if found is None:
        found = app.state.project_directory = ProjectDirectory()
    return found


async def remember(session: AsyncSession, key: str, name: str = "") -> None:
    """Record a confirmed project in the caller's transaction; a key already recorded is left as it is."""
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    await session.execute(
        insert(KnownProject.__table__)
        .values(key=key, name=name[:200], learned_at=utcnow())
        .on_conflict_do_nothing(index_elements=["key"])
    )


async def on_project_created(session: AsyncSession, event: CloudEvent) -> None:
    """`project.created` handler: the project is known from now on (idempotent)."""
    data = ProjectCreated.model_validate(event.data)
    await remember(session, data.key, data.name)


HANDLERS = {EVENT_TYPE: on_project_created}


def _not_found(key: str) -> NotFound:
    return NotFound(f"Project {key} does not exist.")


async def ensure_known(app: FastAPI, key: str) -> None:
    """Return if requirements-svc knows project `key`; 404 problem if it does not; 503 problem if that
    cannot be confirmed now (requirements-svc down, slow or failing). Nothing is written on a refusal."""
    cache = directory(app)
    if cache.is_known(key):
        return
    async with app.state.db.session(write=False) as session:
        found = (await session.execute(select(KnownProject.key).where(KnownProject.key == key))).first()
    # Known meanwhile: a look-up that ended while this request read the table remembered it first.
    if found is not None or cache.is_known(key):
        cache.mark_known(key)
        return
    if cache.recently_unknown(key):
        raise _not_found(key)
    pending = cache._inflight.get(key)
    if pending is None:
        pending = asyncio.ensure_future(_look_up(app, cache, key))
        cache._inflight[key] = pending
        pending.add_done_callback(lambda done: _settled(cache, key, done))
    # Shielded: a caller that goes away does not cancel the look-up others are waiting for.
    await asyncio.shield(pending)


def _settled(cache: ProjectDirectory, key: str, done: asyncio.Future[str]) -> None:
    cache._inflight.pop(key, None)
    if not done.cancelled():
        done.exception()  # retrieved here too, so no "exception was never retrieved" when nobody waits


async def _look_up(app: FastAPI, cache: ProjectDirectory, key: str) -> str:
    sibling = app.state.siblings["requirements"]
    try:
        response = await sibling.request("GET", f"/v1/projects/{key}")
    except SiblingError as exc:
        log.warning("project_lookup_failed", project=key, reason=exc.reason)
        raise _cannot_confirm(key, exc.reason) from exc
    if response.status_code == 404:
        cache.mark_unknown(key)
        raise _not_found(key)
    if response.status_code != 200:
        log.warning("project_lookup_failed", project=key, reason=f"answered {response.status_code}")
        raise _cannot_confirm(key, f"answered {response.status_code}")
    try:
        body: Any = response.json()
        name = str(body.get("name") or "") if isinstance(body, dict) else ""
    except ValueError:
        name = ""
    async with app.state.db.session() as session:
        await remember(session, key, name)
        await session.commit()
    cache.mark_known(key)
    return name


def _cannot_confirm(key: str, reason: str) -> ServiceUnavailable:
    return ServiceUnavailable(
        f"Cannot confirm that project {key} exists: requirements-svc is unavailable ({reason}); "
        "retry shortly.",
        sibling="requirements-svc",
    )


def _project_route(request: Request) -> str | None:
    """The project key of a `/v1/projects/{key}…` route, if this request is for one with a valid key."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return None
    path = route.path
    if path != ROUTE_PREFIX and not path.startswith(ROUTE_PREFIX + "/"):
        return None
    key = request.path_params.get("key")
    if not isinstance(key, str) or not PROJECT_KEY.fullmatch(key):
        return None  # the route's own validation answers 422
    return key


async def require_known_project(request: Request) -> None:
    """App-wide dependency (ServiceSpec.project_directory): every `/v1/projects/{key}…` operation, all
    methods, refuses a project requirements-svc does not know — after authentication (no token: 401),
    and only for a caller with a role on that project (or `*`, or a service): anyone else gets the route's
    own answer, so the answer says nothing about projects the caller cannot see."""
    key = _project_route(request)
    if key is None:
        return
    principal = await get_principal(request, await _bearer(request))
    if principal.service == OWNER:
        return
    if not principal.is_service and principal.role_in(key) is None:
        return
    await ensure_known(request.app, key)
