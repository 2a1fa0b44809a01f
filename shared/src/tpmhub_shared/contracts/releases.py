"""release-svc's queries: the batch release lookup and releases by scope."""

from __future__ import annotations

import uuid

from pydantic import BaseModel, ConfigDict, Field

from tpmhub_shared.contracts.keys import MAX_LOOKUP_KEYS, ItemKey, ProjectKey, Published
from tpmhub_shared.vocabulary import ReleaseStatus

# ---- release-svc: batch release lookup (POST /v1/releases/lookup) ------------------------------------


class ReleaseLookupRequest(BaseModel):
    """Many releases in one call: project, version and status."""

    model_config = ConfigDict(extra="forbid")

    ids: list[uuid.UUID] = Field(
        max_length=MAX_LOOKUP_KEYS, examples=[["01937c5e-8f3a-7cc2-9d8e-3b1f0a6c2d11"]]
    )


class ReleaseLookupEntry(BaseModel):
    id: uuid.UUID
    project_key: str = Field(examples=["PAY"])
    version: str = Field(examples=["1.4.0"])
    status: Published[ReleaseStatus] = Field(examples=["draft"])


class ReleaseLookupResponse(BaseModel):
    releases: list[ReleaseLookupEntry] = Field(description="Requested releases, in the order asked.")
    missing: list[uuid.UUID] = Field(
        default_factory=list, description="Requested ids that do not exist or the caller may not read."
    )


# ---- release-svc: releases by scope (POST /v1/releases/scope-query) ----------------------------------


class ReleaseScopeQuery(BaseModel):
    """Releases whose scope holds any of these items (read-only; for change-request impact)."""

    model_config = ConfigDict(extra="forbid")

    project_key: ProjectKey
    item_keys: list[ItemKey] = Field(max_length=MAX_LOOKUP_KEYS, examples=[["PAY-2", "PAY-5"]])


class ReleaseTouched(BaseModel):
    """A release whose scope holds some of the items, and what an approved change to them does to it."""

    id: uuid.UUID
    version: str = Field(examples=["1.4.0"])
    status: Published[ReleaseStatus] = Field(examples=["approved"])
    items: list[str] = Field(description="The queried items in its scope.", examples=[["PAY-2"]])
    back_to_review: bool = Field(
        description="True when an approved change to these items sends the release back to in_review "
        "(the release is approved)."
    )


class ReleaseScopeResult(BaseModel):
    releases: list[ReleaseTouched] = Field(description="Releases of the project, newest first.")
