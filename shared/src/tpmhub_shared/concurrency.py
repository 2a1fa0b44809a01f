"""Optimistic concurrency over HTTP: ETag from `version`, If-Match checked before a write, on the row as it
is under the write lock (`lock_and_check`)."""

from __future__ import annotations

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


def _parse(value: str) -> list[str]:
    tags = []
    for part in value.split(","):
        part = part.strip()
        if part.startswith("W/"):
            part = part[2:]
        tags.append(part.strip('"'))
    return tags


def check_if_match(if_match: str | None, current_version: int, *, required: bool = False) -> None:
    """412 when the caller's copy is stale; 428 when `required` and no If-Match was sent."""
    if if_match is None:
        if required:
            raise PreconditionRequired("Send If-Match with the ETag you read to change this resource.")
        return
    tags = _parse(if_match)
    if "*" in tags:
        return
    if str(current_version) not in tags:
        raise PreconditionFailed(
            f"If-Match {if_match} is stale: the current version is {current_version}.",
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
