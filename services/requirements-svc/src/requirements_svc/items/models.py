"""The backlog items table and the status sets its queries use."""

import uuid
from datetime import datetime
from typing import Any, get_args

from sqlalchemy import Column, ForeignKey, Index, String, Uuid
from sqlmodel import Field
from tpmhub_shared.db import TableBase, json_column, utc_column
from tpmhub_shared.vocabulary import ItemStatus, ItemType, Priority

ITEM_TYPES: tuple[str, ...] = get_args(ItemType)
ITEM_STATUSES: tuple[str, ...] = get_args(ItemStatus)
OPEN_STATUSES = ("backlog", "ready", "in_progress", "in_review")
CLOSED_STATUSES = ("done", "wont_do")
PRIORITIES: tuple[str, ...] = get_args(Priority)
MOSCOW = ("must", "should", "could", "wont")


class Item(TableBase, table=True):
    """One backlog item (`PAY-42`). `rank` is a fractional key: moving an item rewrites only its row."""

    __tablename__ = "items"
    __table_args__ = (
        # One index per list order, each led by the project (every list is per project) and ending in id
        # (the keyset tie-breaker), so a page costs the same at 1k and at 1M rows.
        Index("ix_items_project_key_rank", "project_key", "rank", "id"),
        Index("ix_items_project_key_status_rank", "project_key", "status", "rank", "id"),
        Index("ix_items_project_key_priority", "project_key", "priority", "id"),
        Index("ix_items_project_key_rice_score", "project_key", "rice_score", "id"),
        Index("ix_items_project_key_wsjf_score", "project_key", "wsjf_score", "id"),
        Index("ix_items_project_key_created_at", "project_key", "created_at", "id"),
        Index("ix_items_project_key_updated_at", "project_key", "updated_at", "id"),
        Index("ix_items_project_key_number", "project_key", "number"),
        Index("ix_items_project_key_assignee", "project_key", "assignee"),
        Index("ix_items_project_key_type_status", "project_key", "type", "status"),
        Index("ix_items_parent_id", "parent_id"),
        Index("ix_items_parent_key", "parent_key"),
        Index("ix_items_iteration_id", "iteration_id"),
        Index("ix_items_milestone_id", "milestone_id"),
        Index("ix_items_found_in", "found_in"),
    )

    project_key: str = Field(sa_column=Column(String(10), nullable=False))
    key: str = Field(sa_column=Column(String(24), nullable=False, unique=True))
    number: int
    type: str = Field(max_length=10)
    title: str = Field(max_length=300)
    description: str = Field(default="", max_length=20000)
    status: str = Field(default="backlog", max_length=20)
    priority: str = Field(default="P2", max_length=2)
    labels: list[str] = Field(default_factory=list, sa_column=json_column(nullable=False))
    assignee: str | None = Field(default=None, max_length=200)
    points: float | None = Field(default=None)
    parent_id: uuid.UUID | None = Field(
        default=None, sa_column=Column(Uuid(), ForeignKey("items.id"), nullable=True)
    )
    parent_key: str | None = Field(default=None, sa_column=Column(String(24), nullable=True))
    iteration_id: uuid.UUID | None = Field(
        default=None, sa_column=Column(Uuid(), ForeignKey("iterations.id"), nullable=True)
    )
    # Milestones live in another migration branch: no foreign key, existence checked by the service.
    milestone_id: uuid.UUID | None = Field(default=None, sa_column=Column(Uuid(), nullable=True))
    prd_section_id: str | None = Field(default=None, max_length=64)
    rank: str = Field(sa_column=Column(String(128), nullable=False))
    # Prioritization inputs and the scores the service computes from them (0 until every input is set).
    reach: int | None = None
    impact: float | None = None
    confidence: int | None = None
    effort: float | None = None
    rice_score: float = Field(default=0)
    business_value: int | None = None
    time_criticality: int | None = None
    risk_reduction: int | None = None
    job_size: int | None = None
    wsjf_score: float = Field(default=0)
    moscow: str | None = Field(default=None, max_length=6)
    # Bugs.
    severity: str | None = Field(default=None, max_length=2)
    found_in: str | None = Field(default=None, max_length=100)
    fixed_in: str | None = Field(default=None, max_length=100)
    # Learned from events: releases that shipped the item, commits/PRs/branches that mention it.
    released_in: list[dict[str, Any]] = Field(default_factory=list, sa_column=json_column(nullable=False))
    references: list[dict[str, Any]] = Field(default_factory=list, sa_column=json_column(nullable=False))
    created_by: str = Field(default="", max_length=200)
    done_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))
    # Soft delete: a deleted item keeps its row and history but is left out of every list, read and look-up.
    deleted_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))
    deleted_by: str | None = Field(default=None, max_length=200)


# The condition every query of items carries (a deleted item exists only for its history).
LIVE = Item.deleted_at.is_(None)
