"""Request and response models of acceptance criteria."""

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field
from tpmhub_shared.vocabulary import CriterionStatus


class CriterionCreate(BaseModel):
    """A new acceptance criterion (Given/When/Then welcome); it starts pending."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(
        min_length=1, max_length=4000, examples=["Given a saved card, when I pay, then no card form is shown"]
    )


class CriterionUpdate(BaseModel):
    """Change the text; changing the text of a passed criterion resets it to pending."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(default=None, min_length=1, max_length=4000)


class CriterionVerify(BaseModel):
    """Record a verification result."""

    model_config = ConfigDict(extra="forbid")

    status: CriterionStatus = Field(examples=["passed"])
    evidence_url: str | None = Field(
        default=None, max_length=2000, pattern=r"^https?://\S+$", examples=["https://ci.example.com/runs/812"]
    )


class CriterionPublic(BaseModel):
    """An acceptance criterion of an item."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    item_key: str = Field(examples=["PAY-42"])
    position: int
    text: str
    status: CriterionStatus
    verified_by: str | None
    evidence_url: str | None
    verified_at: datetime | None
    version: int
    created_at: datetime
    updated_at: datetime
