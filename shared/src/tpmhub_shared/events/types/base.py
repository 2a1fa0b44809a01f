"""What one entry of the event catalogue holds, and the example values the entries share."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

EXAMPLE_TIME = "2026-11-22T05:00:00Z"
EXAMPLE_RELEASE_ID = "01937c5e-8f3a-7cc2-9d8e-3b1f0a6c2d11"


@dataclass(frozen=True)
class EventType:
    type: str
    source: str
    subject: str
    model: type[BaseModel]
    example: dict[str, Any]
    consumers: str = "outbound subscriptions"
