from typing import Any

from sqlalchemy import Column, String
from sqlmodel import Field
from tpmhub_shared.db import TableBase, json_column


class RiskMatrix(TableBase, table=True):
    """Scoring rules of one project's register. A project without a row uses the default matrix."""

    __tablename__ = "risk_matrices"

    project_key: str = Field(sa_column=Column(String(10), nullable=False, unique=True))
    probability_labels: list[str] = Field(sa_column=json_column(nullable=False))
    impact_labels: list[str] = Field(sa_column=json_column(nullable=False))
    # [{"level": "low", "min_score": 1, "max_score": 4}, ...] covering 1..25 without gaps or overlaps.
    thresholds: list[dict[str, Any]] = Field(sa_column=json_column(nullable=False))
    review_cadence_days: dict[str, int] = Field(sa_column=json_column(nullable=False))
    gate_level: str = Field(max_length=20)
