"""Request and response models of mitigation actions."""

import uuid
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from risk_svc.risks.schemas import Person, ShortText


class ActionCreate(BaseModel):
    """A mitigation action of a risk."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1, max_length=200, examples=["Negotiate a higher TPS cap"])
    description: ShortText = ""
    owner: Person = Field(examples=["bob"])
    due_date: date = Field(examples=["2026-12-01"])


class ActionUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str | None = Field(default=None, min_length=1, max_length=200)
    description: ShortText | None = None
    owner: Person | None = None
    due_date: date | None = None
    status: Literal["open", "in_progress", "done", "cancelled"] | None = None


class ActionPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    risk_key: str = Field(examples=["PAY-R7"])
    project_key: str
    title: str
    description: str
    owner: str
    due_date: date
    status: Literal["open", "in_progress", "done", "cancelled"]
    completed_at: datetime | None
    overdue: bool = Field(description="Not done or cancelled and past its due date.")
    version: int
    created_at: datetime
    updated_at: datetime


class OverdueAction(BaseModel):
    id: uuid.UUID
    risk_key: str
    title: str
    owner: str
    due_date: date
    days_overdue: int
