"""Events of requirements-svc: change requests, backlog items, PRDs and designs, projects."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from tpmhub_shared.contracts.event_data import ChangeRequestApproved, ItemReopened, ProjectCreated
from tpmhub_shared.events.types.base import EXAMPLE_TIME, EventType

DOCUMENT_CHANGES = (
    "created",
    "submitted",
    "reviewed",
    "changes_requested",
    "approved",
    "withdrawn",
    "revision_started",
)


class DocumentChanged(BaseModel):
    """`prd.<change>` / `design.<change>`: a PRD or technical design was created, submitted, reviewed, …"""

    model_config = ConfigDict(extra="allow")

    id: uuid.UUID
    kind: Literal["prd", "design"]
    project_key: str
    title: str
    status: str = Field(examples=["in_review"])
    revision: int = Field(examples=[2])


class ItemCreated(BaseModel):
    """`item.created`: a backlog item was created (one at a time, in bulk or by an import)."""

    model_config = ConfigDict(extra="allow")

    key: str = Field(examples=["PAY-42"])
    project_key: str = Field(examples=["PAY"])
    type: str = Field(examples=["story"])
    title: str
    status: str = Field(examples=["backlog"])
    priority: str = Field(examples=["P1"])
    parent: str | None = Field(default=None, examples=["PAY-7"])
    severity: str | None = Field(default=None, description="Bugs only (S1–S4).")
    points: float | None = None
    criteria: int = Field(examples=[2], description="How many acceptance criteria it was created with.")
    created_by: str = Field(examples=["alice"])


class ItemDeleted(BaseModel):
    """`item.deleted`: a backlog item was deleted (soft: its history stays readable)."""

    model_config = ConfigDict(extra="allow")

    key: str = Field(examples=["PAY-42"])
    project_key: str = Field(examples=["PAY"])
    type: str = Field(examples=["story"])
    title: str
    status: str = Field(examples=["backlog"])
    parent: str | None = Field(default=None, examples=["PAY-7"])
    deleted_by: str = Field(examples=["alice"])
    deleted_at: datetime


CHANGE_REQUEST_APPROVED = EventType(
    "change_request.approved",
    "requirements-svc",
    "change request key (PAY-CR3)",
    ChangeRequestApproved,
    {
        "change_request_id": "01937c5e-0000-7000-8000-000000000003",
        "key": "PAY-CR3",
        "project_key": "PAY",
        "title": "Wallets in saved-card checkout",
        "reason": "Wallet share passed 30%",
        "affected_items": ["PAY-2"],
        "points_delta": 5,
        "date_delta_days": 7,
        "affected_milestones": [],
        "criteria_to_reverify": 1,
        "approved_by": "carol",
        "approved_at": EXAMPLE_TIME,
    },
    consumers="risk-svc (creates the requirement_change risk), release-svc (approved releases "
    "touching the items go back to review), outbound subscriptions",
)


ITEM_REOPENED = EventType(
    "item.reopened",
    "requirements-svc",
    "item key (PAY-42)",
    ItemReopened,
    {
        "key": "PAY-42",
        "project_key": "PAY",
        "title": "Refund to the original card",
        "type": "story",
        "from": "done",
        "to": "in_review",
        "cause": "acceptance criterion failed: Refund reaches the card in 5 days",
        "criteria_not_passed": 1,
        "by": "dave",
        "at": EXAMPLE_TIME,
    },
)


DOCUMENT_EVENTS: list[EventType] = [
    EventType(
        f"{kind}.{change}",
        "requirements-svc",
        f"{kind} id",
        DocumentChanged,
        {
            "id": "01937c5e-0000-7000-8000-0000000000d1",
            "kind": kind,
            "project_key": "PAY",
            "title": "Wallet checkout" if kind == "prd" else "Wallet tokenization design",
            "status": {
                "created": "draft",
                "submitted": "in_review",
                "reviewed": "in_review",
                "changes_requested": "changes_requested",
                "approved": "approved",
                "withdrawn": "draft",
                "revision_started": "draft",
            }[change],
            "revision": 2,
        },
    )
    for kind in ("prd", "design")
    for change in DOCUMENT_CHANGES
]


PROJECT_CREATED = EventType(
    "project.created",
    "requirements-svc",
    "project key (PAY)",
    ProjectCreated,
    {
        "key": "PAY",
        "project_key": "PAY",
        "name": "Payments",
        "status": "active",
        "owner": "carol",
        "created_by": "carol",
        "created_at": EXAMPLE_TIME,
    },
    consumers="risk-svc and release-svc (their project directory learns the project exists), "
    "outbound subscriptions",
)


ITEM_CREATED = EventType(
    "item.created",
    "requirements-svc",
    "item key (PAY-42)",
    ItemCreated,
    {
        "key": "PAY-42",
        "project_key": "PAY",
        "type": "story",
        "title": "Pay with a saved card",
        "status": "backlog",
        "priority": "P1",
        "parent": "PAY-7",
        "severity": None,
        "points": 5,
        "criteria": 2,
        "created_by": "alice",
    },
)


ITEM_DELETED = EventType(
    "item.deleted",
    "requirements-svc",
    "item key (PAY-42)",
    ItemDeleted,
    {
        "key": "PAY-42",
        "project_key": "PAY",
        "type": "story",
        "title": "Pay with a saved card",
        "status": "backlog",
        "parent": "PAY-7",
        "deleted_by": "alice",
        "deleted_at": EXAMPLE_TIME,
    },
)
