"""Talking to GitHub as a GitHub App: the App JWT (RS256), installation tokens, and the deployment
protection callback, sent by the outbox dispatcher (target `service:github-callback`) so that a callback
survives a crash, is retried on the outbox schedule and shows in the delivery log."""

from __future__ import annotations

import asyncio
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import httpx
import jwt
from fastapi import FastAPI
from tpmhub_shared.events import OutboxEvent, outbox
from tpmhub_shared.events.deliveries import Outcome
from tpmhub_shared.logging import get_logger

from release_svc.ci_sources.app_keys import load_private_key
from release_svc.ci_sources.models import CiSource

log = get_logger(__name__)

CALLBACK_EVENT = "github.deployment_protection_callback"
TARGET = "github-callback"
API_HEADERS = {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28"}


# ---- the App's JWT ------------------------------------------------------------------------------------


def app_jwt(app_id: int, pem: str, now: float | None = None) -> str:
    """The App's JWT: RS256, `iss` = the App id, issued 60 s ago (clock drift), expiring in 9 minutes."""
    issued = int(now if now is not None else time.time())
    return jwt.encode(
        {"iat": issued - 60, "exp": issued + 540, "iss": str(app_id)},
        load_private_key(pem),
        algorithm="RS256",
    )


# ---- callback URLs ------------------------------------------------------------------------------------


def under_api(url: str, api_base: str) -> bool:
    """True when `url` is an absolute URL on GitHub's API (same scheme and host, path below the base):
    TPM Hub sends an installation token there, so no other host may be named by a delivery."""
    try:
        given, base = urlsplit(url), urlsplit(api_base.rstrip("/"))
    except ValueError:
        return False
    if given.scheme != base.scheme or given.netloc.lower() != base.netloc.lower():
        return False
    if given.query or given.fragment or "/../" in given.path + "/" or "\\" in url:
        return False
    return given.path.startswith(base.path + "/repos/")


# ---- sending ------------------------------------------------------------------------------------------


@dataclass
class _Token:
    value: str
    expires: float


class GitHubClient:
    """Installation tokens cached per (source, installation) until a minute before they expire."""

    def __init__(self, api_base: str, timeout: float, transport: httpx.AsyncBaseTransport | None = None):
        self.api_base = api_base.rstrip("/")
        self.http = httpx.AsyncClient(timeout=timeout, transport=transport, follow_redirects=False)
        self.tokens: dict[tuple[uuid.UUID, int], _Token] = {}
        self.lock = asyncio.Lock()

    async def aclose(self) -> None:
        await self.http.aclose()

    async def installation_token(self, source: Any, installation_id: int) -> str:
        key = (source.id, installation_id)
        cached = self.tokens.get(key)
        if cached is not None and cached.expires > time.time() + 60:
            return cached.value
        token = app_jwt(source.github_app_id, source.github_app_private_key)
        response = await self.http.post(
            f"{self.api_base}/app/installations/{installation_id}/access_tokens",
            headers={**API_HEADERS, "Authorization": f"Bearer {token}"},
        )
        if response.status_code != 201 and response.status_code != 200:
            raise GitHubError(
                response.status_code,
                f"installation token: answered {response.status_code}",
                response.text[:300],
            )
        body = response.json()
        expires = time.time() + 3000
        try:
            parsed = _github_time(body.get("expires_at"))
            if parsed is not None:
                expires = parsed.timestamp()
        except AttributeError:  # not a JSON object: the token lookup below says so
            pass
        value = str(body["token"])
        self.tokens[key] = _Token(value, expires)
        return value


def _github_time(value: Any) -> datetime | None:
    """GitHub's ISO 8601 timestamp (`2016-07-11T22:14:10Z`) in UTC; None when it is not one."""
    if not value or not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


class GitHubError(Exception):
    def __init__(self, status: int | None, message: str, excerpt: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.excerpt = excerpt


def client_of(app: FastAPI) -> GitHubClient:
    client = getattr(app.state, "github_client", None)
    if client is None:
        settings = app.state.settings
        client = GitHubClient(settings.github_api_url, settings.common.events_delivery_timeout_seconds)
        app.state.github_client = client
    return client


async def send_callback(app: FastAPI, event: OutboxEvent) -> Outcome:
    """One attempt at a callback event: an installation token, then `POST deployment_callback_url`."""
    started = time.perf_counter()
    data = event.data

    def elapsed() -> float:
        return (time.perf_counter() - started) * 1000

    async with app.state.db.session(write=False) as session:
        source = await session.get(CiSource, uuid.UUID(data["source_id"]))
    if source is None or source.github_app_id is None or not source.github_app_private_key:
        return Outcome(success=False, error="the source's GitHub App is no longer configured", gone=True)
    client = client_of(app)
    if not under_api(data["callback_url"], client.api_base):
        return Outcome(success=False, error="the callback URL is not on the configured GitHub API", gone=True)
    try:
        token = await client.installation_token(source, int(data["installation_id"]))
        response = await client.http.post(
            data["callback_url"],
            json=data["body"],
            headers={**API_HEADERS, "Authorization": f"Bearer {token}"},
        )
    except GitHubError as exc:
        return Outcome(
            success=False, status_code=exc.status, duration_ms=elapsed(), excerpt=exc.excerpt, error=str(exc)
        )
    except (httpx.HTTPError, ValueError, KeyError) as exc:
        return Outcome(success=False, duration_ms=elapsed(), error=f"{type(exc).__name__}: {str(exc)[:200]}")
    if response.status_code == 401:
        client.tokens.pop((source.id, int(data["installation_id"])), None)
    ok = 200 <= response.status_code < 300
    if ok:
        log.info("github_callback_sent", request_id=data.get("request_id"), state=data["body"].get("state"))
    return Outcome(
        success=ok,
        status_code=response.status_code,
        duration_ms=elapsed(),
        excerpt=response.text[:500],
        error=None if ok else f"callback: answered {response.status_code}",
    )


outbox.register_target("release-svc", TARGET, {CALLBACK_EVENT}, send_callback)
