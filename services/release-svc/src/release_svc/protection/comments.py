"""What TPM Hub says to GitHub about a deployment: comments bounded to GitHub's 1024 characters, the link
to the gate's decisions, and the digest of the failing checks (a report is posted only when it changes)."""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

import orjson

MAX_COMMENT = 1024


def decisions_url(base: str, release_id: uuid.UUID, environment: str | None) -> str:
    url = f"{base.rstrip('/')}/v1/releases/{release_id}/gate-decisions"
    return f"{url}?environment={environment}" if environment else url


def compose(head: str, lines: list[str], footer: str, limit: int = MAX_COMMENT) -> str:
    """`head`, one line per item, `footer`, in at most `limit` characters: whole lines are dropped from the
    end (saying how many), a line too long for what is left is cut at a word with `…`; the footer stays."""
    tail = f"\n{footer}" if footer else ""
    body = head
    for index, line in enumerate(lines):
        left = len(lines) - index - 1
        more = f"\n… and {left} more" if left else ""
        candidate = f"{body}\n{line}"
        if len(candidate) + len(more) + len(tail) <= limit:
            body = candidate
            continue
        room = limit - len(tail) - len(body) - 1 - len(f"\n… and {left + 1} more")
        if room > 40:
            cut = line[: room - 1].rsplit(" ", 1)[0] if " " in line[: room - 1] else line[: room - 1]
            body = f"{body}\n{cut}…"
            left_after = left
        else:
            left_after = left + 1
        if left_after:
            body += f"\n… and {left_after} more"
        break
    text = body + tail
    return text if len(text) <= limit else text[: limit - 1] + "…"


def failing_checks(checks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"name": c["name"], "reason": c["reason"]} for c in checks if not c.get("passed")]


def digest(failing: list[dict[str, Any]]) -> str:
    return hashlib.sha256(orjson.dumps(failing, option=orjson.OPT_SORT_KEYS)).hexdigest()
