"""The catalogue of event types, gathered from the services' domains, with each type's example envelope."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tpmhub_shared.events.envelope import CloudEvent
from tpmhub_shared.events.types.base import EXAMPLE_RELEASE_ID, EXAMPLE_TIME, EventType
from tpmhub_shared.events.types.releases import CI_EVENTS, RELEASE_EVENTS, VERIFICATION_RECORDED
from tpmhub_shared.events.types.requirements import (
    CHANGE_REQUEST_APPROVED,
    DOCUMENT_EVENTS,
    ITEM_CREATED,
    ITEM_DELETED,
    ITEM_REOPENED,
    PROJECT_CREATED,
)
from tpmhub_shared.events.types.risks import REGISTER_EVENTS, RISK_REVIEW_DUE
from tpmhub_shared.events.types.rollouts import ROLLOUT_EVENTS
from tpmhub_shared.events.types.subscriptions import SUBSCRIPTION_DISABLED

# In the order docs/events.md lists them (the order the types were added).
CATALOGUE: list[EventType] = [
    CHANGE_REQUEST_APPROVED,
    ITEM_REOPENED,
    *CI_EVENTS,
    *RELEASE_EVENTS,
    *ROLLOUT_EVENTS,
    *DOCUMENT_EVENTS,
    PROJECT_CREATED,
    ITEM_CREATED,
    ITEM_DELETED,
    *REGISTER_EVENTS,
    VERIFICATION_RECORDED,
    RISK_REVIEW_DUE,
    SUBSCRIPTION_DISABLED,
]

BY_TYPE = {e.type: e for e in CATALOGUE}


def schema(entry: EventType) -> dict[str, Any]:
    return entry.model.model_json_schema(by_alias=True)


def example_envelope(entry: EventType) -> dict[str, Any]:
    subject = {
        "change_request.approved": "PAY-CR3",
        "ci.item_referenced": "PAY-42",
        "item.created": "PAY-42",
        "item.deleted": "PAY-42",
        "project.created": "PAY",
        "risk.created": "PAY-R7",
        "item.reopened": "PAY-42",
        "risk.escalated": "PAY-R7",
        "risk.deescalated": "PAY-R7",
        "verification.recorded": "01937c5e-0000-7000-8000-0000000000b1",
        "risk.review_due": "PAY/dave",
    }.get(entry.type, EXAMPLE_RELEASE_ID)
    return CloudEvent(
        id="01937c5e-8f3a-7cc2-9d8e-3b1f0a6c2d11",
        source=f"/tpmhub/{entry.source}" if entry.source != "every service" else "/tpmhub/release-svc",
        type=entry.type,
        subject=subject,
        time=datetime.fromisoformat(EXAMPLE_TIME.replace("Z", "+00:00")),
        data=entry.example,
    ).model_dump(mode="json")
