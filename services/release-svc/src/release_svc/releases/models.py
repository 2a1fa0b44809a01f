"""Tables of release plans and their scope rows (a release's items, for look-ups by item)."""

import uuid
from datetime import date
from typing import Any

from sqlalchemy import Column, ForeignKey, Index, String, UniqueConstraint, Uuid
from sqlmodel import Field, SQLModel
from tpmhub_shared.db import JSONType, TableBase
from tpmhub_shared.ids import new_id


class Release(TableBase, table=True):
    __tablename__ = "releases"
    __table_args__ = (
        UniqueConstraint("project_key", "semver", name="uq_releases_project_key_semver"),
        # The default list order per project (newest first) without a sort.
        Index("ix_releases_project_key_created_at", "project_key", "created_at"),
    )

    project_key: str = Field(sa_column=Column(String(10), nullable=False, index=True))
    # The release version (semver); `version` is the row's optimistic-concurrency counter.
    semver: str = Field(max_length=100)
    name: str = Field(default="", max_length=200)
    description: str = Field(default="", max_length=20000)
    target_date: date | None = None
    status: str = Field(default="draft", max_length=20, index=True)
    created_by: str = Field(max_length=200)
    # Scope item keys in the order given (mirrored in release_scope_items for look-ups by item).
    scope: list[str] = Field(default_factory=list, sa_column=Column(JSONType, nullable=False, default=list))
    # The deploy plan: steps of a DAG, see schemas.PlanStep.
    steps: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSONType, nullable=False, default=list)
    )
    approvers: list[str] = Field(
        default_factory=list, sa_column=Column(JSONType, nullable=False, default=list)
    )
    required_approvals: int = Field(default=1)
    # Each submit (or reopen) starts a new review round; approvals count within the current round.
    review_round: int = Field(default=0)
    repository: str | None = Field(default=None, max_length=300)


class ReleaseScopeItem(SQLModel, table=True):
    """One scope item of a release; lets a change request find the releases touching its items."""

    __tablename__ = "release_scope_items"
    __table_args__ = (
        UniqueConstraint("release_id", "item_key", name="uq_release_scope_items_release_id"),
        # A change request's affected items → the releases holding them.
        Index("ix_release_scope_items_item_key", "item_key"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    release_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("releases.id", ondelete="CASCADE"), nullable=False)
    )
    project_key: str = Field(sa_column=Column(String(10), nullable=False))
    item_key: str = Field(max_length=25)
