import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

ProjectKey = Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9]{1,9}$")]
Goal = Annotated[str, StringConstraints(min_length=1, max_length=500)]


class ProjectCreate(BaseModel):
    """A new project. The key prefixes every item (`PAY-42`) and risk (`PAY-R7`) and never changes."""

    model_config = ConfigDict(extra="forbid")

    key: ProjectKey = Field(
        examples=["PAY"], description="2–10 upper-case letters or digits, starting with a letter."
    )
    name: str = Field(min_length=1, max_length=200, examples=["Payments 2.0"])
    background: str = Field(default="", max_length=20000, examples=["Checkout conversion fell 4% after ..."])
    goals: list[Goal] = Field(default_factory=list, max_length=50, examples=[["Cut checkout p99 to 300 ms"]])
    scope: str = Field(default="", max_length=20000, examples=["Card and wallet payments in EU markets."])
    owner: str | None = Field(default=None, max_length=200, examples=["alice"])


class ProjectUpdate(BaseModel):
    """Fields to change (JSON merge patch): omitted fields stay, null clears an optional field."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, min_length=1, max_length=200)
    background: str | None = Field(default=None, max_length=20000)
    goals: list[Goal] | None = Field(default=None, max_length=50)
    scope: str | None = Field(default=None, max_length=20000)
    owner: str | None = Field(default=None, max_length=200)
    status: Literal["active", "archived"] | None = None


class ProjectPublic(BaseModel):
    """A project as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    key: str = Field(examples=["PAY"])
    name: str = Field(examples=["Payments 2.0"])
    background: str
    goals: list[str]
    scope: str
    owner: str | None
    status: Literal["active", "archived"]
    version: int = Field(examples=[1])
    created_at: datetime
    updated_at: datetime
