"""Who sent a webhook delivery: the body parsed, the sender's delivery id, and the active CI sources whose
secret verifies its signature or token (401 when none does)."""

from __future__ import annotations

import binascii
import hashlib
import hmac
import uuid
from typing import Any

import orjson
from sqlalchemy.ext.asyncio import AsyncSession
from standardwebhooks.webhooks import Webhook, WebhookVerificationError
from tpmhub_shared.problems import BadRequest, Unauthorized, UnprocessableEntity, field_error

from release_svc.ci_sources import repository as sources
from release_svc.ci_sources.models import CiSource
from release_svc.webhooks.models import MAX_DELIVERY_ID_LENGTH
from release_svc.webhooks.providers import generic, github, gitlab


def _github_valid(secret: str, raw: bytes, headers: dict[str, str]) -> bool:
    given = headers.get("x-hub-signature-256", "")
    if not given.startswith("sha256="):
        return False
    expected = "sha256=" + hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected.encode(), given.strip().lower().encode())


def _gitlab_valid(secret: str, raw: bytes, headers: dict[str, str]) -> bool:
    given = headers.get("x-gitlab-token")
    return given is not None and hmac.compare_digest(secret.encode(), given.encode())


def _standard_valid(secret: str, raw: bytes, headers: dict[str, str]) -> bool:
    try:
        Webhook(secret).verify(raw, headers, json_parse=False)
    except (WebhookVerificationError, ValueError, binascii.Error, UnicodeDecodeError):
        return False
    return True


_VERIFIERS = {"github": _github_valid, "gitlab": _gitlab_valid, "generic": _standard_valid}


_DELIVERY_HEADERS = {
    "github": ("x-github-delivery", "x-gitea-delivery"),
    "gitlab": ("idempotency-key", "x-gitlab-event-uuid"),
    "generic": ("webhook-id",),
}


def delivery_id(provider: str, headers: dict[str, str], raw: bytes) -> str:
    """The sender's id of the delivery (a hash of the body when it sends none), whole: an id over
    `MAX_DELIVERY_ID_LENGTH` is refused, never cut (two ids sharing a prefix are different deliveries)."""
    for name in _DELIVERY_HEADERS[provider]:
        given = headers.get(name)
        if given:
            if len(given) > MAX_DELIVERY_ID_LENGTH:
                raise UnprocessableEntity(
                    f"The delivery id ({name}) is longer than {MAX_DELIVERY_ID_LENGTH} characters.",
                    errors=[
                        field_error(
                            f"header.{name}",
                            f"String should have at most {MAX_DELIVERY_ID_LENGTH} characters",
                            "string_too_long",
                        )
                    ],
                )
            return given
    return "sha256:" + hashlib.sha256(raw).hexdigest()


def parse_body(raw: bytes) -> dict[str, Any]:
    try:
        body = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise BadRequest("The request body is not valid JSON.", title="Malformed JSON") from exc
    if not isinstance(body, dict):
        raise BadRequest("The request body must be a JSON object.", title="Malformed JSON")
    return body


def _repository(provider: str, body: dict[str, Any]) -> str | None:
    if provider == "github":
        return github.github_repository(body)
    if provider == "gitlab":
        return gitlab.gitlab_repository(body)
    repo = body.get("repository")
    return repo[:300] if isinstance(repo, str) else generic.jenkins_repository(body)


async def verified_sources(
    session: AsyncSession,
    *,
    provider: str,
    headers: dict[str, str],
    raw: bytes,
    body: dict[str, Any],
    source_id: uuid.UUID | None,
) -> list[CiSource]:
    repository = None
    if source_id is None:
        repository = _repository(provider, body)
        if not repository:
            raise Unauthorized("No configured CI source matches this delivery (no repository in it).")
    candidates = await sources.active_candidates(
        session, provider=provider, source_id=source_id, repository=repository
    )
    verify = _VERIFIERS[provider]
    matched = [s for s in candidates if any(verify(secret, raw, headers) for secret in _secrets(provider, s))]
    if not matched:
        raise Unauthorized("The delivery's signature or token does not match a configured CI source.")
    return matched


def _secrets(provider: str, source: CiSource) -> list[str]:
    """The source's secret, and for GitHub its App's webhook secret (App deliveries are signed with it)."""
    if provider == "github" and source.github_app_webhook_secret:
        return [source.secret, source.github_app_webhook_secret]
    return [source.secret]
