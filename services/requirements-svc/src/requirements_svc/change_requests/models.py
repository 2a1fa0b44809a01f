"""Change requests (需求变更): a proposed change to the backlog, its computed impact and the decision."""

from datetime import datetime
from typing import Any

from sqlalchemy import Column, Index, String
from sqlmodel import Field
from tpmhub_shared.db import TableBase, json_column, utc_column

CR_STATUSES = ("proposed", "approved", "rejected", "applied")


class ChangeRequest(TableBase, table=True):
    __tablename__ = "change_requests"
    __table_args__ = (
        Index("ix_change_requests_project_key_number", "project_key", "number", unique=True),
        Index("ix_change_requests_project_key_status", "project_key", "status", "id"),
    )

    project_key: str = Field(sa_column=Column(String(10), nullable=False))
    key: str = Field(sa_column=Column(String(24), nullable=False, unique=True))
    number: int
    title: str = Field(max_length=300)
    reason: str = Field(default="", max_length=10000)
    requester: str = Field(max_length=200)
    proposed_change: str = Field(default="", max_length=20000)
    affected_items: list[str] = Field(default_factory=list, sa_column=json_column(nullable=False))
    affected_prd_sections: list[str] = Field(default_factory=list, sa_column=json_column(nullable=False))
    # {"PAY-3": {"points": 8}}: field changes applied to the items when the request is applied.
    item_patches: dict[str, Any] = Field(default_factory=dict, sa_column=json_column(nullable=False))
    effort_delta_points: float = Field(default=0)
    date_delta_days: int = Field(default=0)
    impact: dict[str, Any] = Field(default_factory=dict, sa_column=json_column(nullable=False))
    status: str = Field(default="proposed", max_length=20)
    decided_by: str | None = Field(default=None, max_length=200)
    decided_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))
    decision_comment: str | None = Field(default=None, max_length=4000)
    applied_by: str | None = Field(default=None, max_length=200)
    applied_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))
