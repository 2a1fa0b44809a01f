"""`Idempotency-Key` on POST: a retry with the same key and body replays the first answer; the same key
with another body is refused (422). Keys are scoped to the caller. Implemented as ASGI middleware so that
every POST route gets it without a line of code, and the stored answer is exactly what was sent."""

from __future__ import annotations

import asyncio
import hashlib
import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Column, LargeBinary, UniqueConstraint, delete, select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Field, SQLModel
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tpmhub_shared.auth import decode_token
from tpmhub_shared.db import JSONType, UTCDateTime
from tpmhub_shared.ids import new_id, utcnow
from tpmhub_shared.logging import get_logger
from tpmhub_shared.problems import ProblemError, problem_response

log = get_logger(__name__)

KEY_TTL = timedelta(hours=24)
# A claim older than this whose request never finished (a crash) may be taken over by a retry.
PENDING_TIMEOUT = timedelta(seconds=60)
_REPLAY_HEADERS = ("etag", "location", "content-type")


class IdempotencyRecord(SQLModel, table=True):
    __tablename__ = "idempotency_keys"
    __table_args__ = (UniqueConstraint("principal", "key", name="uq_idempotency_keys_principal_key"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    principal: str = Field(max_length=200)
    key: str = Field(max_length=255)
    method: str = Field(max_length=10)
    path: str = Field(max_length=2000)
    request_hash: str = Field(max_length=64)
    status_code: int | None = None
    headers: dict[str, Any] | None = Field(default=None, sa_column=Column(JSONType))
    body: bytes | None = Field(default=None, sa_column=Column(LargeBinary))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    completed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class IdempotencyMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        headers = {k.decode().lower(): v.decode("latin-1") for k, v in scope["headers"]}
        key = headers.get("idempotency-key")
        auth = headers.get("authorization", "")
        if not key or not auth.lower().startswith("bearer "):
            await self.app(scope, receive, send)
            return
        app_state = scope["app"].state
        try:
            principal = decode_token(app_state.settings.common, auth[7:].strip())
        except ProblemError:
            await self.app(scope, receive, send)  # the route answers 401 itself
            return
        if len(key) > 255:
            await problem_response(
                422,
                slug="validation-error",
                title="Validation error",
                detail="Idempotency-Key must be at most 255 characters.",
            )(scope, receive, send)
            return

        body = b""
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            more = message.get("more_body", False)
        digest = hashlib.sha256(
            scope["method"].encode() + b" " + scope["path"].encode() + b"\n" + body
        ).hexdigest()

        db = app_state.db
        # Scope keys to the caller *and* what the token allows: a stored answer is never replayed to a
        # token with other roles (a downgraded or another project's token must be judged afresh).
        roles = ",".join(f"{k}={v}" for k, v in sorted(principal.roles.items()))
        owner = f"{principal.sub[:120]}#{hashlib.sha256(roles.encode()).hexdigest()[:16]}"
        outcome = await self._claim(db, owner, key, scope, digest)
        if isinstance(outcome, IdempotencyRecord):
            await self._replay(outcome, send)
            return
        if outcome is not None:
            await outcome(scope, receive, send)
            return

        captured: dict[str, Any] = {"status": 500, "headers": [], "body": b""}
        sent_body = False

        async def replay_receive() -> Message:
            nonlocal sent_body
            if not sent_body:
                sent_body = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        async def capture_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                captured["status"] = message["status"]
                captured["headers"] = message.get("headers", [])
            elif message["type"] == "http.response.body":
                captured["body"] += message.get("body", b"")
            await send(message)

        try:
            await self.app(scope, replay_receive, capture_send)
        finally:
            await self._complete_reliably(db, owner, key, captured)

    async def _complete_reliably(self, db: Any, principal: str, key: str, captured: dict[str, Any]) -> None:
        """Store the answer after it was sent. A database blip here must not leave the key pending (a
        retry would run the request again after PENDING_TIMEOUT), so retry briefly; never raise, since
        the response is already on the wire."""
        for attempt in range(4):
            try:
                await self._complete(db, principal, key, captured)
                return
            except Exception as exc:  # the answer is sent; all we can do is retry and then log
                if attempt == 3:
                    log.error("idempotency_record_not_saved", key=key[:40], error=type(exc).__name__)
                    return
                await asyncio.sleep(0.2 * (attempt + 1))

    async def _claim(self, db: Any, principal: str, key: str, scope: Scope, digest: str) -> Any:
        now = utcnow()
        async with db.session() as session:
            existing = (
                await session.execute(
                    select(IdempotencyRecord).where(
                        IdempotencyRecord.principal == principal, IdempotencyRecord.key == key
                    )
                )
            ).scalar_one_or_none()
            if existing is not None and existing.created_at < now - KEY_TTL:
                await session.delete(existing)
                await session.flush()
                existing = None
            if existing is not None:
                if existing.request_hash != digest:
                    return problem_response(
                        422,
                        slug="idempotency-key-reused",
                        title="Idempotency-Key reused",
                        detail="This Idempotency-Key was used with a different request; use a new key.",
                        instance=scope["path"],
                    )
                if existing.status_code is not None:
                    return existing
                if existing.created_at > now - PENDING_TIMEOUT:
                    return problem_response(
                        409,
                        slug="idempotency-in-progress",
                        title="Request in progress",
                        detail="A request with this Idempotency-Key is still being processed; retry later.",
                        instance=scope["path"],
                        headers={"Retry-After": "1"},
                    )
                await session.delete(existing)
                await session.flush()
            session.add(
                IdempotencyRecord(
                    principal=principal,
                    key=key,
                    method=scope["method"],
                    path=scope["path"],
                    request_hash=digest,
                )
            )
            try:
                await session.commit()
            except IntegrityError:
                return problem_response(
                    409,
                    slug="idempotency-in-progress",
                    title="Request in progress",
                    detail="A request with this Idempotency-Key is being processed; retry later.",
                    instance=scope["path"],
                    headers={"Retry-After": "1"},
                )
        return None

    async def _complete(self, db: Any, principal: str, key: str, captured: dict[str, Any]) -> None:
        async with db.session() as session:
            where = (IdempotencyRecord.principal == principal, IdempotencyRecord.key == key)
            if captured["status"] >= 500:
                # A failure on our side is not an answer: let the retry run again.
                await session.execute(delete(IdempotencyRecord).where(*where))
            else:
                record = (await session.execute(select(IdempotencyRecord).where(*where))).scalar_one()
                keep = {
                    k.decode().lower(): v.decode("latin-1")
                    for k, v in captured["headers"]
                    if k.decode().lower() in _REPLAY_HEADERS
                }
                record.status_code = captured["status"]
                record.headers = keep
                record.body = captured["body"]
                record.completed_at = utcnow()
            await session.commit()

    @staticmethod
    async def _replay(record: IdempotencyRecord, send: Send) -> None:
        headers = [(k.encode(), str(v).encode("latin-1")) for k, v in (record.headers or {}).items()]
        headers.append((b"idempotent-replayed", b"true"))
        body = record.body or b""
        headers.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": record.status_code, "headers": headers})
        await send({"type": "http.response.body", "body": body})
