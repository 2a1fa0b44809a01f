"""Identifiers and clocks shared by every service."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime

import uuid_utils.compat as _uuid_compat


def new_id() -> uuid.UUID:
    """A UUIDv7: time-ordered, so primary-key indexes stay append-mostly."""
    return _uuid_compat.uuid7()


_clock: Callable[[], datetime] | None = None


def utcnow() -> datetime:
    """Now, in UTC: every timestamp a service writes or compares comes from here (so tests can move time)."""
    return _clock() if _clock is not None else datetime.now(UTC)


def set_clock(clock: Callable[[], datetime] | None) -> None:
    """Tests only: make `utcnow` answer `clock()` (aware UTC) until reset with None. The services never
    call it."""
    global _clock
    _clock = clock


def as_utc(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; every datetime we expose is aware UTC."""
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)
