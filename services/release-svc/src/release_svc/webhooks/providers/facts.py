"""The facts we act on from any CI system's payload (runs, a deployment, references to item keys, a
deployment protection request), in one normalized shape, and the helpers every provider's parser uses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

SUCCESS, FAILURE, CANCELLED, RUNNING, QUEUED = "success", "failure", "cancelled", "running", "queued"
_FAILED = {"failure", "failed", "timed_out", "startup_failure", "error", "action_required"}
_CANCELLED = {"cancelled", "canceled", "skipped", "stale", "aborted", "neutral"}


@dataclass
class RunFact:
    kind: str
    external_id: str
    name: str
    status: str  # queued, running, completed
    conclusion: str | None = None  # success, failure, cancelled
    ref: str | None = None
    sha: str | None = None
    url: str | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None
    version: str | None = None  # an explicit release version (generic CI)


@dataclass
class DeploymentFact:
    environment: str
    state: str  # in_progress, succeeded, failed
    sha: str | None
    ref: str | None
    url: str | None
    started_at: datetime | None
    finished_at: datetime | None
    version: str | None = None


@dataclass
class RefFact:
    kind: str  # commit, pull_request, branch
    ref: str
    text: str
    url: str | None = None


@dataclass
class ProtectionFact:
    """A GitHub `deployment_protection_rule` request: GitHub waits for an answer at `callback_url`."""

    environment: str
    event: str
    callback_url: str
    sha: str | None
    ref: str | None
    installation_id: int


@dataclass
class Facts:
    event: str
    action: str | None = None
    used: bool = True
    runs: list[RunFact] = field(default_factory=list)
    deployment: DeploymentFact | None = None
    refs: list[RefFact] = field(default_factory=list)
    summary: str = ""
    protection: ProtectionFact | None = None
    # Why a payload that must be acted on cannot be (field, message): the delivery is refused with 422.
    invalid: list[tuple[str, str]] = field(default_factory=list)


def clip(value: Any, limit: int = 300) -> str | None:
    if value is None or value == "":
        return None
    return str(value)[:limit]


def sha_of(value: Any) -> str | None:
    text = clip(value, 64)
    return text.lower() if text and re.fullmatch(r"[0-9a-fA-F]{7,64}", text) else None


def parse_time(value: Any) -> datetime | None:
    """ISO 8601 (GitHub) or GitLab's `2016-08-12 15:23:28 UTC` / `2021-04-28 21:50:00 +0200`."""
    if not value or not isinstance(value, str):
        return None
    text = value.strip()
    for candidate in (text.replace("Z", "+00:00"), text.replace(" UTC", "+00:00")):
        try:
            parsed = datetime.fromisoformat(candidate)
            return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
        except ValueError:
            pass
    for fmt in ("%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M:%S %Z"):
        try:
            parsed = datetime.strptime(text, fmt)
            return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
        except ValueError:
            pass
    return None


def conclusion_of(value: Any) -> str | None:
    text = str(value or "").lower()
    if not text:
        return None
    if text in ("success", "succeeded", "passed"):
        return SUCCESS
    if text in _FAILED:
        return FAILURE
    if text in _CANCELLED:
        return CANCELLED
    return None


def strip_ref(ref: str | None) -> str | None:
    if not ref:
        return None
    for prefix in ("refs/heads/", "refs/tags/", "origin/"):
        if ref.startswith(prefix):
            return ref[len(prefix) :]
    return ref


def as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
