"""Iterations (sprints): dates, goal and capacity; items point at them through `items.iteration_id`."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, Index, String
from sqlmodel import Field
from tpmhub_shared.db import TableBase, json_column, utc_column

ITERATION_STATUSES = ("planned", "active", "closed")


class Iteration(TableBase, table=True):
    __tablename__ = "iterations"
    # Lists of one project in date order; finding the next planned iteration when one closes.
    __table_args__ = (Index("ix_iterations_project_key_start_date", "project_key", "start_date", "id"),)

    project_key: str = Field(sa_column=Column(String(10), nullable=False))
    name: str = Field(max_length=200)
    goal: str = Field(default="", max_length=2000)
    start_date: date
    end_date: date
    capacity_points: float = Field(default=0)
    status: str = Field(default="planned", max_length=20)
    started_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))
    closed_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))
    # Frozen at close (before unfinished items move on), so a closed iteration keeps its burndown.
    burndown: list[dict[str, Any]] | None = Field(default=None, sa_column=json_column(nullable=True))
