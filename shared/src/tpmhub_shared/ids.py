"""Identifiers and clocks shared by every service."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import uuid_utils.compat as _uuid_compat


def new_id() -> uuid.UUID:
    """A UUIDv7: time-ordered, so primary-key indexes stay append-mostly."""
    return _uuid_compat.uuid7()


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; every datetime we expose is aware UTC."""
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)
