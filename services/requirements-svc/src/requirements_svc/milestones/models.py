from datetime import date

from sqlalchemy import Column, Index, String
from sqlmodel import Field
from tpmhub_shared.db import TableBase

MILESTONE_STATUSES = ("planned", "in_progress", "done", "missed")


class Milestone(TableBase, table=True):
    """A dated checkpoint of a project; backlog items point at it through `items.milestone_id`."""

    __tablename__ = "milestones"
    # Serves every list: milestones of one project in date order (keyset on target_date, id).
    __table_args__ = (Index("ix_milestones_project_key_target_date", "project_key", "target_date", "id"),)

    project_key: str = Field(sa_column=Column(String(10), nullable=False))
    name: str = Field(max_length=200)
    description: str = Field(default="", max_length=20000)
    target_date: date
    status: str = Field(default="planned", max_length=20)
