"""Events of risk-svc: risks created, escalated and de-escalated, review reminders."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from tpmhub_shared.events.types.base import EXAMPLE_TIME, EventType


class RiskEscalated(BaseModel):
    """`risk.escalated`: a risk was escalated (上升), by hand or by a trigger."""

    model_config = ConfigDict(extra="allow")

    key: str = Field(examples=["PAY-R7"])
    project_key: str
    title: str
    level: str = Field(examples=["high"])
    score: int = Field(examples=[16])
    status: str
    owner: str | None = None
    trigger: str | None = None


class ReviewDueRisk(BaseModel):
    """One risk in a review reminder."""

    key: str = Field(examples=["PAY-R7"])
    title: str
    level: str = Field(examples=["high"])
    status: str = Field(examples=["mitigating"])
    next_review_at: datetime
    due_date: date = Field(examples=["2026-11-20"], description="UTC date the review was due.")
    days_overdue: int = Field(ge=0, examples=[2], description="0 when due today.")


class RiskReviewDue(BaseModel):
    """`risk.review_due`: once a UTC day, an owner's open risks whose review is due that day or overdue."""

    model_config = ConfigDict(extra="allow")

    project_key: str = Field(examples=["PAY"])
    owner: str = Field(examples=["dave"])
    day: date = Field(examples=["2026-11-22"], description="The UTC day of the reminder.")
    count: int = Field(examples=[2])
    overdue: int = Field(examples=[1], description="How many of them are overdue (not just due today).")
    risks: list[ReviewDueRisk]


class RiskCreated(BaseModel):
    """`risk.created`: a risk was identified (by hand, or by an approved change request)."""

    model_config = ConfigDict(extra="allow")

    key: str = Field(examples=["PAY-R7"])
    project_key: str = Field(examples=["PAY"])
    title: str
    category: str = Field(examples=["dependency"])
    level: str = Field(examples=["high"])
    score: int = Field(examples=[16])
    status: str = Field(examples=["identified"])
    owner: str | None = None
    created_by: str = Field(examples=["alice"])
    change_request_id: uuid.UUID | None = None


class RiskDeescalated(BaseModel):
    """`risk.deescalated`: an escalation was withdrawn."""

    model_config = ConfigDict(extra="allow")

    key: str = Field(examples=["PAY-R7"])
    project_key: str
    level: str
    reason: str | None = None
    deescalated_by: str
    deescalated_at: datetime


REGISTER_EVENTS: list[EventType] = [
    EventType(
        "risk.created",
        "risk-svc",
        "risk key (PAY-R7)",
        RiskCreated,
        {
            "key": "PAY-R7",
            "project_key": "PAY",
            "title": "Card network latency",
            "category": "dependency",
            "level": "high",
            "score": 16,
            "status": "identified",
            "owner": "dave",
            "created_by": "alice",
            "change_request_id": None,
        },
    ),
    EventType(
        "risk.escalated",
        "risk-svc",
        "risk key (PAY-R7)",
        RiskEscalated,
        {
            "key": "PAY-R7",
            "project_key": "PAY",
            "title": "Card network latency",
            "level": "high",
            "score": 16,
            "status": "mitigating",
            "owner": "dave",
            "trigger": "score reached 16",
        },
    ),
    EventType(
        "risk.deescalated",
        "risk-svc",
        "risk key (PAY-R7)",
        RiskDeescalated,
        {
            "key": "PAY-R7",
            "project_key": "PAY",
            "level": "medium",
            "reason": "mitigated",
            "deescalated_by": "dave",
            "deescalated_at": EXAMPLE_TIME,
        },
    ),
]


RISK_REVIEW_DUE = EventType(
    "risk.review_due",
    "risk-svc",
    "project/owner (PAY/dave)",
    RiskReviewDue,
    {
        "project_key": "PAY",
        "owner": "dave",
        "day": "2026-11-22",
        "count": 2,
        "overdue": 1,
        "risks": [
            {
                "key": "PAY-R7",
                "title": "Card network latency",
                "level": "high",
                "status": "mitigating",
                "next_review_at": "2026-11-20T09:00:00Z",
                "due_date": "2026-11-20",
                "days_overdue": 2,
            },
            {
                "key": "PAY-R9",
                "title": "Settlement file format change",
                "level": "medium",
                "status": "monitoring",
                "next_review_at": "2026-11-22T14:00:00Z",
                "due_date": "2026-11-22",
                "days_overdue": 0,
            },
        ],
    },
)
