"""Optimistic concurrency over HTTP: ETag from `version`, If-Match checked before a write, on the row as it
is under the write lock (`lock_and_check`)."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import Header, Response
from sqlalchemy.ext.asyncio import AsyncSession

from tpmhub_shared.problems import PreconditionFailed, PreconditionRequired

IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        description='The ETag you last read (e.g. `"3"`); a stale one is refused with 412 and nothing '
        "changes.",
    ),
]


def etag(version: int) -> str:
    return f'"{version}"'


def set_etag(response: Response, version: int) -> None:
    response.headers["ETag"] = etag(version)


# One element of an If-Match list (RFC 9110 §8.8.3): an entity-tag, optionally weak, between optional spaces.
_ELEMENT = re.compile(r'[ \t]*(?:(W/)?"([\x21\x23-\x7e\x80-\xff]*)")?[ \t]*')


def _entity_tags(value: str) -> list[tuple[bool, str]] | None:
    """`(weak, opaque-tag)` for each entity-tag of the list (empty elements allowed, as in any HTTP list);
    None when the value is not a list of entity-tags (e.g. an unquoted `3`, or `*` inside a list)."""
    tags: list[tuple[bool, str]] = []
    pos = 0
    while True:
        m = _ELEMENT.match(value, pos)
        assert m is not None  # every part of the pattern is optional
        if m.group(2) is not None:
            tags.append((m.group(1) is not None, m.group(2)))
        pos = m.end()
        if pos == len(value):
            return tags or None
        if value[pos] != ",":
            return None
        pos += 1


def check_if_match(if_match: str | None, current_version: int, *, required: bool = False) -> None:
    """412 when the caller's copy is stale; 428 when `required` and no If-Match was sent.

    RFC 9110 §13.1.1: `*` matches the (existing) resource; otherwise one entity-tag of the list must match
    the current ETag by the strong comparison, so a weak tag (`W/"3"`) never matches, and a value that is
    not an entity-tag list matches nothing."""
    if if_match is None:
        if required:
            raise PreconditionRequired("Send If-Match with the ETag you read to change this resource.")
        return
    if if_match.strip(" \t") == "*":
        return
    tags = _entity_tags(if_match)
    if tags is None:
        raise PreconditionFailed(
            f'If-Match {if_match!r} is not a list of entity-tags; send the ETag you read (e.g. "3").',
            current_version=current_version,
        )
    if (False, str(current_version)) not in tags:
        weak = any(w for w, _ in tags)
        raise PreconditionFailed(
            f"If-Match {if_match} does not match the current version {current_version}"
            + (" (a weak entity-tag never matches If-Match)." if weak else ": it is stale."),
            current_version=current_version,
        )


async def lock_and_check(
    session: AsyncSession, row: Any, if_match: str | None, *, required: bool = False
) -> None:
    """`check_if_match` against `row` as it is under the write lock, which the transaction then holds
    until it commits, so that of concurrent writers sending the same If-Match exactly one passes and the
    others get 412 instead of acting on a copy that is no longer current.

    On PostgreSQL the row is read again `SELECT … FOR UPDATE` (a concurrent writer waits for it, then
    sees the version the first one made). On SQLite a write session takes the database's write lock with
    its first statement (`BEGIN IMMEDIATE`, see `db.Database`), so the row it read is current already.
    Without If-Match nothing is locked here (a service that needs the lock anyway takes it itself).
    Call it after the role checks and before any change to `row` (a re-read drops unsaved changes)."""
    if if_match is not None and session.get_bind().dialect.name != "sqlite":
        await session.refresh(row, with_for_update=True)
    check_if_match(if_match, row.version, required=required)
