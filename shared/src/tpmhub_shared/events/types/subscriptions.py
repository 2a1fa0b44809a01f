"""Events every service emits about its outbound webhook subscriptions."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, Field

from tpmhub_shared.events.types.base import EXAMPLE_TIME, EventType


class SubscriptionDisabled(BaseModel):
    """`subscription.disabled`: an outbound webhook was disabled (410 Gone or too many failures)."""

    subscription_id: uuid.UUID
    project_key: str | None
    url: str
    reason: str = Field(examples=["the target answered 410 Gone"])
    disabled_at: datetime


SUBSCRIPTION_DISABLED = EventType(
    "subscription.disabled",
    "every service",
    "subscription id",
    SubscriptionDisabled,
    {
        "subscription_id": "01937c5e-0000-7000-8000-0000000000f1",
        "project_key": "PAY",
        "url": "https://hooks.example.com/tpmhub",
        "reason": "the target answered 410 Gone",
        "disabled_at": EXAMPLE_TIME,
    },
)
