import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

# Semantic Versioning 2.0.0 (semver.org), optional leading "v" not allowed: versions compare as typed.
SEMVER = (
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
    r"(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
    r"(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$"
)
SemVer = Annotated[str, StringConstraints(pattern=SEMVER, max_length=100)]
ReleaseStatus = Literal["draft", "in_review", "approved", "deploying", "verifying", "released", "rolled_back",
                        "cancelled"]


class ReleaseCreate(BaseModel):
    """A new release of a project; the version is unique per project."""

    model_config = ConfigDict(extra="forbid")

    version: SemVer = Field(examples=["1.4.0"])
    name: str = Field(default="", max_length=200, examples=["Wallet checkout"])
    description: str = Field(default="", max_length=20000)
    target_date: date | None = Field(default=None, examples=["2026-12-01"])


class ReleasePublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    project_key: str = Field(examples=["PAY"])
    version: str = Field(examples=["1.4.0"])
    name: str
    description: str
    target_date: date | None
    status: ReleaseStatus
    created_by: str
    created_at: datetime
    updated_at: datetime
    revision: int = Field(description="Optimistic-concurrency counter, as in the ETag.", examples=[1])
