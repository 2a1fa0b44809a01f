"""The body limit middleware: 413 for a body over the limit, and 422 for what no body may hold on any
backend (the NUL character, non-finite numbers)."""

from __future__ import annotations

import json
import math
import re
from collections import deque
from collections.abc import Sequence
from typing import Any

import orjson
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tpmhub_shared.problems import field_error, problem_response


class BodyLimitMiddleware:
    """413 before reading a body whose declared or actual size passes the limit."""

    def __init__(self, app: ASGIApp, *, limit: int, upload_limit: int, upload_paths: Sequence[str]) -> None:
        self.app = app
        self.limit = limit
        self.upload_limit = upload_limit
        self.upload_re = re.compile("|".join(upload_paths)) if upload_paths else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit
        if self.upload_re is not None and self.upload_re.fullmatch(scope["path"]):
            limit = self.upload_limit
        for k, v in scope["headers"]:
            if k == b"content-length":
                try:
                    declared = int(v)
                except ValueError:
                    declared = -1
                if declared > limit or declared < 0:
                    await self._too_large(scope, receive, send, limit)
                    return
        # NUL cannot be stored in PostgreSQL text (SQLite stores it), and NaN/Infinity are no JSON numbers
        # (PostgreSQL refuses them, SQLite turns them into null): refuse both on every backend before any
        # handler runs — for authenticated calls only, so that a call without credentials still gets its
        # 401 first.
        check_values = any(k == b"authorization" and v[:7].lower() == b"bearer " for k, v in scope["headers"])
        if check_values and ("\x00" in scope["path"] or b"%00" in scope.get("query_string", b"")):
            await _values_refused(scope, receive, send, [field_error("path", _NUL_MESSAGE, "nul_character")])
            return
        if check_values and _is_json(scope):
            # A JSON body is checked as decoded values (strings and keys at any depth, numbers), so it is
            # read whole first — it is within the limit — and then handed to the app as it came.
            try:
                body = await _read_body(receive, limit)
            except _BodyTooLarge:
                await self._too_large(scope, receive, send, limit)
                return
            if body is None:  # the client went away
                return
            errors = body_value_errors(body)
            if errors:
                await _values_refused(scope, receive, send, errors)
                return
            await self.app(scope, _replay(body, receive), send)
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                chunk = message.get("body", b"")
                received += len(chunk)
                if received > limit:
                    raise _BodyTooLarge(limit)
                if check_values and b"\x00" in chunk:
                    raise _NulCharacter()
            return message

        response_started = False

        async def tracking_send(message: Message) -> None:
            nonlocal response_started
            if message["type"] == "http.response.start":
                response_started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _BodyTooLarge:
            if not response_started:
                await self._too_large(scope, receive, send, limit)
        except _NulCharacter:
            if not response_started:
                await _values_refused(
                    scope, receive, send, [field_error("body", _NUL_MESSAGE, "nul_character")]
                )

    @staticmethod
    async def _too_large(scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        await problem_response(
            413,
            slug="payload-too-large",
            title="Payload too large",
            detail=f"The request body is larger than {limit} bytes.",
            instance=scope["path"],
        )(scope, receive, send)


_NUL_MESSAGE = "Text must not contain the NUL character (\\u0000)"
_NUL_NAME_MESSAGE = "A field name must not contain the NUL character (\\u0000)"
_FINITE_MESSAGE = "Input should be a finite number (JSON has no NaN or Infinity)"
_MAX_VALUE_ERRORS = 20
_UNPARSED = object()


def _is_json(scope: Scope) -> bool:
    """Whether FastAPI would read the body as JSON: no content type, `application/json` or `…+json`."""
    for k, v in scope["headers"]:
        if k == b"content-type":
            media = v.split(b";", 1)[0].strip().lower()
            return media == b"application/json" or (
                media.startswith(b"application/") and media.endswith(b"+json")
            )
    return True


async def _read_body(receive: Receive, limit: int) -> bytes | None:
    chunks: list[bytes] = []
    received = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return None
        chunk = message.get("body", b"")
        received += len(chunk)
        if received > limit:
            raise _BodyTooLarge(limit)
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


def _decode(body: bytes) -> tuple[Any, bool]:
    """The body's value, and whether it is strict JSON (orjson refuses NaN, infinities and lone
    surrogates); what only the app's own parser (json.loads) accepts comes second, `_UNPARSED` if neither."""
    try:
        return orjson.loads(body), True
    except orjson.JSONDecodeError:
        pass
    try:
        return json.loads(body), False
    except (ValueError, RecursionError):
        return _UNPARSED, False  # not JSON: the route answers its 400


def _name(key: str) -> str:
    return key.replace("\x00", "\\u0000")


def body_value_errors(body: bytes) -> list[dict[str, str]]:
    r"""What no request body may hold, on every backend: the NUL character in a string or a key, at any depth
    (PostgreSQL cannot store it, SQLite would), and a non-finite number (NaN, ±Infinity: not JSON, refused
    by PostgreSQL, stored as null by SQLite). Checked on the decoded values, not the raw bytes: `"a\\u0000"`
    is text, `"a\\\u0000b"` holds a NUL. One error per field, `loc` as in validation errors."""
    if b"\x00" in body:
        return [field_error("body", _NUL_MESSAGE, "nul_character")]
    value, strict = _decode(body)
    if value is _UNPARSED or (strict and b"\\u0000" not in body):
        return []  # strict JSON without a \u0000 escape holds neither: the common case costs one parse
    errors: list[dict[str, str]] = []
    queue: deque[tuple[Any, str]] = deque([(value, "body")])
    while queue and len(errors) < _MAX_VALUE_ERRORS:
        item, loc = queue.popleft()
        if isinstance(item, str):
            if "\x00" in item:
                errors.append(field_error(loc, _NUL_MESSAGE, "nul_character"))
        elif isinstance(item, float):
            if not math.isfinite(item):
                errors.append(field_error(loc, _FINITE_MESSAGE, "finite_number"))
        elif isinstance(item, dict):
            for key, child in item.items():
                if "\x00" in key:
                    errors.append(field_error(f"{loc}.{_name(key)}", _NUL_NAME_MESSAGE, "nul_character"))
                queue.append((child, f"{loc}.{_name(key)}"))
        elif isinstance(item, list):
            queue.extend((child, f"{loc}.{i}") for i, child in enumerate(item))
    return errors


class _NulCharacter(StarletteHTTPException):
    def __init__(self) -> None:
        super().__init__(422, "Text may not contain NUL (\\u0000) characters.")


async def _values_refused(scope: Scope, receive: Receive, send: Send, errors: list[dict[str, str]]) -> None:
    await problem_response(
        422,
        slug="validation-error",
        title="Validation error",
        detail=f"{len(errors)} invalid field(s): " + ", ".join(e["loc"] for e in errors[:10]),
        instance=scope["path"],
        extra={"errors": errors},
    )(scope, receive, send)


class _BodyTooLarge(StarletteHTTPException):
    """Raised from `receive`; FastAPI re-raises HTTPExceptions from body parsing, so the route's
    exception handlers turn it into the 413 problem, and the middleware does so for code outside them."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"The request body is larger than {limit} bytes.")
