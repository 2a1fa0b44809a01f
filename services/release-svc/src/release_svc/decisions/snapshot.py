"""Cohort decisions from memory, as Unleash Edge and flagd serve them: each release-svc process keeps the
decision inputs of the rollouts it was asked about (project, status, exposed percent, group id, unit kind),
so a decision reads no database.

How the snapshot stays right:
- The process that changes a rollout updates its snapshot when the change commits (an ORM hook on every
  flushed `Rollout`, so every path that changes one — actions, scheduler, guardrails, abort, schedules —
  keeps it right, not only the routes). A rollback answers `false` for every unit at once, there.
- Other processes learn of it through PostgreSQL `NOTIFY` (sent in the changing transaction, so only a
  committed change is announced) and, as a safety net, a poll that re-reads every entry twice a second
  (SQLite: the poll alone). An entry the poll has not confirmed for `FRESH_SECONDS` is not served (it is
  read again), so the bound holds even where the poll does not run (background work switched off).
- An entry is one immutable tuple: a batch decides all its units against one state, never two stages'
  percents.
The snapshot is bounded (least recently used entries are dropped; a miss is one primary-key read)."""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event as sa_event
from sqlalchemy import inspect, text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session
from tpmhub_shared.logging import get_logger

from release_svc.decisions import cohorts
from release_svc.rollouts import repository
from release_svc.rollouts.models import Rollout

log = get_logger(__name__)

CHANNEL = "tpm_rollout_decisions"
MAX_ENTRIES = 10_000
POLL_SECONDS = 0.5  # the safety net re-reads every entry twice a second
FRESH_SECONDS = 1.0  # an entry nobody confirmed for this long is read again
POLL_CHUNK = 500
_PENDING = "tpm_decision_inputs"


@dataclass(frozen=True, slots=True)
class DecisionInputs:
    """What a decision needs; `percent` is the exposure (0 before start and after rollback or abort, 100
    after completion)."""

    project_key: str
    status: str
    percent: int
    group_id: str
    unit_kind: str

    @classmethod
    def of(
        cls, project_key: str, status: str, current_percent: int, group_id: str, unit_kind: str
    ) -> DecisionInputs:
        return cls(project_key, status, cohorts.exposure(status, current_percent), group_id, unit_kind)


class DecisionSnapshot:
    """The entries, each stamped with the moment (a counter) it was written. A value read from the database
    is kept only when nothing newer was written or announced for that rollout since the read began, so a
    slow read can never put an older state over a committed change or a notification."""

    def __init__(
        self,
        max_entries: int = MAX_ENTRIES,
        fresh_seconds: float = FRESH_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_entries = max_entries
        self.fresh_seconds = fresh_seconds
        self._clock = clock
        self._now = 0
        # rollout id → (stamp, inputs, fresh until); inputs None: announced as changed, to be read again.
        self._entries: OrderedDict[uuid.UUID, tuple[int, DecisionInputs | None, float]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    def stamp(self) -> int:
        return self._now

    def get(self, rollout_id: uuid.UUID) -> DecisionInputs | None:
        entry = self._entries.get(rollout_id)
        if entry is None or entry[1] is None or entry[2] <= self._clock():
            return None
        self._entries.move_to_end(rollout_id)
        return entry[1]

    def _set(self, rollout_id: uuid.UUID, inputs: DecisionInputs | None) -> None:
        self._now += 1
        self._entries[rollout_id] = (self._now, inputs, self._clock() + self.fresh_seconds)
        self._entries.move_to_end(rollout_id)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    def learn(self, rollout_id: uuid.UUID, inputs: DecisionInputs, read_started: int) -> None:
        """A value read from the database by a read that began at `read_started`."""
        entry = self._entries.get(rollout_id)
        if entry is not None and entry[0] > read_started:
            return
        self._set(rollout_id, inputs)

    def changed(self, rollout_id: uuid.UUID, inputs: DecisionInputs) -> None:
        """Committed by this process: the truth from now on."""
        self._set(rollout_id, inputs)

    def invalidate(self, rollout_id: uuid.UUID) -> None:
        """Another process committed a change: read it again on the next decision."""
        self._set(rollout_id, None)

    def forget(self, rollout_id: uuid.UUID) -> None:
        self._entries.pop(rollout_id, None)

    def ids(self) -> list[uuid.UUID]:
        return list(self._entries)


# One snapshot per database: the in-process tests run several apps, each on its own database.
_SNAPSHOTS: dict[str, DecisionSnapshot] = {}


def snapshot_for(url: str) -> DecisionSnapshot:
    return _SNAPSHOTS.setdefault(url, DecisionSnapshot())


def _url_of(session: Session) -> str | None:
    bind = session.bind
    return str(bind.url) if bind is not None else None


_NOTIFY = text("SELECT pg_notify(:channel, :payload)")


def inputs_of(row: Any) -> DecisionInputs:
    return DecisionInputs.of(row.project_key, row.status, row.current_percent, row.group_id, row.unit_kind)


async def decision_inputs(
    session: AsyncSession, snapshot: DecisionSnapshot, rollout_id: uuid.UUID
) -> DecisionInputs | None:
    """From memory; on a miss one primary-key read, kept for the next decision. None: no such rollout."""
    inputs = snapshot.get(rollout_id)
    if inputs is not None:
        return inputs
    started = snapshot.stamp()
    row = await repository.decision_row(session, rollout_id)
    if row is None:
        return None
    inputs = inputs_of(row)
    snapshot.learn(rollout_id, inputs, started)
    return inputs


# ---- the writing process: every flushed rollout, applied when its transaction commits ----------------


# The columns a decision reads: a flush that changes none of them (the scheduler's next check, a name)
# announces nothing.
_INPUT_COLUMNS = ("project_key", "status", "current_percent", "group_id", "unit_kind")


def _inputs_changed(rollout: Rollout) -> bool:
    state = inspect(rollout)
    return any(state.attrs[name].history.has_changes() for name in _INPUT_COLUMNS)


@sa_event.listens_for(Session, "after_flush")
def _collect(session: Session, _flush_context: Any) -> None:
    changed = [o for o in session.new if isinstance(o, Rollout)]
    changed += [o for o in session.dirty if isinstance(o, Rollout) and _inputs_changed(o)]
    if not changed:
        return
    pending: dict[uuid.UUID, DecisionInputs] = session.info.setdefault(_PENDING, {})
    for r in changed:
        pending[r.id] = inputs_of(r)
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        # Delivered to the listeners when (and only if) this transaction commits.
        for rollout_id in {r.id for r in changed}:
            connection.execute(_NOTIFY, {"channel": CHANNEL, "payload": str(rollout_id)})


@sa_event.listens_for(Session, "after_commit")
def _apply(session: Session) -> None:
    pending = session.info.pop(_PENDING, None)
    if not pending:
        return
    url = _url_of(session)
    snapshot = _SNAPSHOTS.get(url) if url else None
    if snapshot is None:
        return
    for rollout_id, inputs in pending.items():
        snapshot.changed(rollout_id, inputs)


@sa_event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(_PENDING, None)


# ---- other processes: NOTIFY, and a poll as the safety net --------------------------------------------


async def refresh(db: Any, snapshot: DecisionSnapshot) -> int:
    """Re-read every entry (in chunks); entries whose rollout is gone are dropped. Returns entries read."""
    ids = snapshot.ids()
    seen = 0
    for start in range(0, len(ids), POLL_CHUNK):
        chunk = ids[start : start + POLL_CHUNK]
        started = snapshot.stamp()
        async with db.session(write=False) as session:
            rows = await repository.decision_rows(session, chunk)
        found = {r.id for r in rows}
        for r in rows:
            snapshot.learn(r.id, inputs_of(r), started)
            seen += 1
        for rollout_id in set(chunk) - found:
            snapshot.forget(rollout_id)
    return seen


async def _listen(app: Any, snapshot: DecisionSnapshot, stopping: asyncio.Event) -> None:
    """LISTEN on a connection of its own; a notified rollout is read again by its next decision."""
    async with app.state.db.engine.connect() as connection:
        raw = await connection.get_raw_connection()
        driver = raw.driver_connection  # asyncpg's connection

        def notified(_conn: Any, _pid: int, _channel: str, payload: str) -> None:
            with contextlib.suppress(ValueError):
                snapshot.invalidate(uuid.UUID(payload))

        await driver.add_listener(CHANNEL, notified)
        try:
            await stopping.wait()
        finally:
            with contextlib.suppress(Exception):
                await driver.remove_listener(CHANNEL, notified)


async def decision_snapshot_keeper(app: Any) -> None:
    """Keeps this process's snapshot right until `app.state.stopping` is set."""
    stopping: asyncio.Event = app.state.stopping
    snapshot: DecisionSnapshot = app.state.decision_snapshot
    listener: asyncio.Task[None] | None = None
    while not stopping.is_set():
        if app.state.db.engine.dialect.name == "postgresql" and (listener is None or listener.done()):
            if listener is not None and not listener.cancelled() and listener.exception() is not None:
                log.warning("decision_listener_lost", error=type(listener.exception()).__name__)
            listener = asyncio.create_task(_listen(app, snapshot, stopping))
        try:
            await refresh(app.state.db, snapshot)
        except Exception:  # a database hiccup must not stop the keeper; the next pass retries
            log.exception("decision_snapshot_refresh_failed")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stopping.wait(), timeout=POLL_SECONDS)
    if listener is not None:
        listener.cancel()
        with contextlib.suppress(BaseException):
            await listener


async def keep_a_snapshot(app: Any) -> None:
    """At start: the snapshot of this process for its database."""
    app.state.decision_snapshot = snapshot_for(str(app.state.db.engine.url))


WORKERS = [decision_snapshot_keeper]
