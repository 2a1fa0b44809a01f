"""The acceptance criteria table."""

import uuid
from datetime import datetime
from typing import get_args

from sqlalchemy import Column, ForeignKey, Index, String, Uuid
from sqlmodel import Field
from tpmhub_shared.db import TableBase, utc_column
from tpmhub_shared.vocabulary import CriterionStatus

CRITERION_STATUSES: tuple[str, ...] = get_args(CriterionStatus)


class AcceptanceCriterion(TableBase, table=True):
    """A testable condition of an item; the item cannot be done until every criterion has passed."""

    __tablename__ = "acceptance_criteria"
    __table_args__ = (Index("ix_acceptance_criteria_item_id_position", "item_id", "position", "id"),)

    item_id: uuid.UUID = Field(sa_column=Column(Uuid(), ForeignKey("items.id"), nullable=False))
    project_key: str = Field(sa_column=Column(String(10), nullable=False))
    item_key: str = Field(sa_column=Column(String(24), nullable=False))
    position: int = Field(default=0)
    text: str = Field(max_length=4000)
    status: str = Field(default="pending", max_length=10)
    verified_by: str | None = Field(default=None, max_length=200)
    evidence_url: str | None = Field(default=None, max_length=2000)
    verified_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))
