"""Request and response bodies of the go/no-go checklist and its project template."""

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ChecklistStatus = Literal["pending", "done", "failed", "waived"]


class ChecklistTemplateItem(BaseModel):
    """One item of a project's go/no-go template."""

    model_config = ConfigDict(extra="forbid")

    code: str | None = Field(default=None, max_length=50, pattern=r"^[a-z0-9_]+$", examples=["pressure_test"])
    title: str = Field(min_length=1, max_length=200, examples=["Pressure test"])
    owner: str | None = Field(default=None, max_length=200)


class ChecklistTemplatePut(BaseModel):
    """The whole template (replaces the previous one)."""

    model_config = ConfigDict(extra="forbid")

    items: list[ChecklistTemplateItem] = Field(max_length=100)


class ChecklistTemplatePublic(BaseModel):
    project_key: str
    items: list[ChecklistTemplateItem]
    is_default: bool = Field(description="True when the project has not set its own template.")


class ChecklistItemCreate(BaseModel):
    """An extra checklist item for one release."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1, max_length=200, examples=["Partner sign-off"])
    owner: str | None = Field(default=None, max_length=200)
    code: str | None = Field(default=None, max_length=50, pattern=r"^[a-z0-9_]+$")


class ChecklistItemUpdate(BaseModel):
    """Tick, fail or waive an item and attach evidence (merge patch)."""

    model_config = ConfigDict(extra="forbid")

    status: ChecklistStatus | None = Field(default=None, examples=["done"])
    owner: str | None = Field(default=None, max_length=200)
    evidence_url: str | None = Field(
        default=None,
        max_length=2000,
        pattern=r"^https?://\S+$",
        examples=["https://grafana.example.com/d/abc"],
    )
    note: str | None = Field(default=None, max_length=2000)


class ChecklistItemPublic(BaseModel):
    """One go/no-go checklist item."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    release_id: uuid.UUID
    position: int
    code: str | None = Field(examples=["pressure_test"])
    title: str = Field(examples=["Pressure test"])
    owner: str | None
    status: ChecklistStatus
    evidence_url: str | None
    note: str
    done_by: str | None = Field(
        default=None, description="Who ticked the item (while it is done).", examples=["alice"]
    )
    done_at: datetime | None = Field(default=None, description="When it was ticked (while it is done).")
    version: int
