"""Message formats for outbound subscriptions: the CloudEvent itself, or a chat message for Slack,
DingTalk (markdown) and Feishu/Lark (text or interactive card), so a rollout stage change reaches the
team's chat room (灰度同步). DingTalk and Feishu robots with "signature" security (加签) also get the
platform's own `timestamp` + `sign`, each as that platform specifies (the two differ)."""

from __future__ import annotations

import base64
import hashlib
import hmac
from typing import Any, Literal
from urllib.parse import urlencode, urlsplit, urlunsplit

import orjson

from tpmhub_shared.events.envelope import CloudEvent

Format = Literal["cloudevents", "slack", "dingtalk", "feishu", "feishu_card"]
FORMATS: tuple[str, ...] = ("cloudevents", "slack", "dingtalk", "feishu", "feishu_card")
CLOUDEVENTS_CONTENT_TYPE = "application/cloudevents+json"

# Fields worth showing in a chat line, in this order, when the event's data has them.
_HIGHLIGHT = (
    "key",
    "title",
    "version",
    "stage",
    "percent",
    "from",
    "to",
    "action",
    "status",
    "conclusion",
    "environment",
    "reason",
    "item_key",
    "repository",
    "ref",
    "url",
    "by",
    "approved_by",
)
_MAX_LINES = 10


def headline(event: CloudEvent) -> str:
    project = event.data.get("project_key")
    prefix = f"[{project}] " if project else ""
    return f"{prefix}{event.type}" + (f" · {event.subject}" if event.subject else "")


def detail_lines(event: CloudEvent) -> list[tuple[str, str]]:
    lines: list[tuple[str, str]] = []
    for name in _HIGHLIGHT:
        value = event.data.get(name)
        if value is None or value == "" or isinstance(value, dict | list):
            continue
        if name == "percent":
            value = f"{value}%"
        lines.append((name, str(value)[:300]))
        if len(lines) >= _MAX_LINES:
            break
    return lines


def render(event: CloudEvent, fmt: str) -> tuple[bytes, str]:
    """The request body and its content type for one event in one format."""
    if fmt == "cloudevents":
        return orjson.dumps(event.model_dump(mode="json")), CLOUDEVENTS_CONTENT_TYPE
    title = headline(event)
    text_body = event.data.get("markdown")
    if isinstance(text_body, str) and text_body:
        return orjson.dumps(_markdown_message(event, fmt, title, text_body)), "application/json"
    lines = detail_lines(event)
    body: dict[str, Any]
    if fmt == "slack":
        text = f"*{title}*" + "".join(f"\n• {k}: {v}" for k, v in lines)
        body = {
            "text": text,
            "blocks": [
                {"type": "header", "text": {"type": "plain_text", "text": title[:150]}},
                *(
                    [
                        {
                            "type": "section",
                            "fields": [{"type": "mrkdwn", "text": f"*{k}*\n{v}"} for k, v in lines],
                        }
                    ]
                    if lines
                    else []
                ),
                {"type": "context", "elements": [{"type": "mrkdwn", "text": f"{event.source} · {event.id}"}]},
            ],
        }
    elif fmt == "dingtalk":
        text = f"#### {title}\n" + "".join(f"- **{k}**: {v}\n" for k, v in lines) + f"\n> {event.source}"
        body = {"msgtype": "markdown", "markdown": {"title": title[:100], "text": text}}
    elif fmt == "feishu":
        text = title + "".join(f"\n{k}: {v}" for k, v in lines)
        body = {"msg_type": "text", "content": {"text": text}}
    elif fmt == "feishu_card":
        body = {
            "msg_type": "interactive",
            "card": {
                "config": {"wide_screen_mode": True},
                "header": {"title": {"tag": "plain_text", "content": title[:100]}, "template": "blue"},
                "elements": [
                    {
                        "tag": "div",
                        "fields": [
                            {"is_short": True, "text": {"tag": "lark_md", "content": f"**{k}**\n{v}"}}
                            for k, v in lines
                        ],
                    }
                    if lines
                    else {"tag": "div", "text": {"tag": "plain_text", "content": event.type}},
                    {
                        "tag": "note",
                        "elements": [{"tag": "plain_text", "content": f"{event.source} · {event.id}"}],
                    },
                ],
            },
        }
    else:
        raise ValueError(f"unknown format {fmt}")
    return orjson.dumps(body), "application/json"


def _markdown_message(event: CloudEvent, fmt: str, title: str, text: str) -> dict[str, Any]:
    """An event whose data carries a whole Markdown message (e.g. `report.scheduled`): post the text
    itself."""
    title = str(event.data.get("title") or title)
    if fmt == "slack":
        return {
            "text": text,
            "blocks": [
                {"type": "header", "text": {"type": "plain_text", "text": title[:150]}},
                {"type": "section", "text": {"type": "mrkdwn", "text": text[:3000]}},
                {"type": "context", "elements": [{"type": "mrkdwn", "text": f"{event.source} · {event.id}"}]},
            ],
        }
    if fmt == "dingtalk":
        return {"msgtype": "markdown", "markdown": {"title": title[:100], "text": text}}
    if fmt == "feishu":
        return {"msg_type": "text", "content": {"text": text}}
    if fmt == "feishu_card":
        return {
            "msg_type": "interactive",
            "card": {
                "config": {"wide_screen_mode": True},
                "header": {"title": {"tag": "plain_text", "content": title[:100]}, "template": "blue"},
                "elements": [
                    {"tag": "div", "text": {"tag": "lark_md", "content": text}},
                    {
                        "tag": "note",
                        "elements": [{"tag": "plain_text", "content": f"{event.source} · {event.id}"}],
                    },
                ],
            },
        }
    raise ValueError(f"unknown format {fmt}")


# ---- chat robot signatures ----------------------------------------------------------------------------

# Formats whose robot webhooks can require a signature, and the platform that defines it.
ROBOT_PLATFORMS: dict[str, str] = {"dingtalk": "dingtalk", "feishu": "feishu", "feishu_card": "feishu"}


def dingtalk_sign(secret: str, timestamp_ms: int) -> str:
    """DingTalk custom robot: base64(HMAC-SHA256(key=secret, msg="{timestamp_ms}\\n{secret}")), before the
    URL encoding that putting it in the query string adds."""
    string_to_sign = f"{timestamp_ms}\n{secret}"
    digest = hmac.new(secret.encode(), string_to_sign.encode(), hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def feishu_sign(secret: str, timestamp_s: int) -> str:
    """Feishu/Lark custom bot: base64(HMAC-SHA256(key="{timestamp_s}\\n{secret}", msg=b"")) — the string to
    sign is the key and the message is empty."""
    string_to_sign = f"{timestamp_s}\n{secret}"
    digest = hmac.new(string_to_sign.encode(), b"", hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def robot_signed(fmt: str, secret: str, url: str, body: bytes, *, now: float) -> tuple[str, bytes]:
    """The URL and body of a chat message to a robot that checks signatures: DingTalk takes `timestamp`
    (milliseconds) and `sign` (URL-encoded) as query parameters, Feishu `timestamp` (seconds, a string)
    and `sign` in the JSON body."""
    platform = ROBOT_PLATFORMS.get(fmt)
    if platform == "dingtalk":
        timestamp_ms = int(now * 1000)
        parts = urlsplit(url)
        extra = urlencode({"timestamp": str(timestamp_ms), "sign": dingtalk_sign(secret, timestamp_ms)})
        query = f"{parts.query}&{extra}" if parts.query else extra
        return urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment)), body
    if platform == "feishu":
        timestamp_s = int(now)
        message = orjson.loads(body)
        signed = {"timestamp": str(timestamp_s), "sign": feishu_sign(secret, timestamp_s), **message}
        return url, orjson.dumps(signed)
    raise ValueError(f"format {fmt} has no robot signature")
