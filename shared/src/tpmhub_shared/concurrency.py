"""Optimistic concurrency over HTTP: ETag from `version`, If-Match checked before a write."""

from __future__ import annotations

from typing import Annotated

from fastapi import Header, Response

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
