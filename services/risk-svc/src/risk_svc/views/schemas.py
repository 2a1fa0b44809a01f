"""Response models of the register's read models: heatmap, top-N, exposure trend."""

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field
from tpmhub_shared.vocabulary import RiskLevel as Level
from tpmhub_shared.vocabulary import RiskStatus as Status


class ExposurePeriod(BaseModel):
    """Open exposure at the end of one period (today: now)."""

    period_start: date = Field(examples=["2026-11-16"])
    open_risks: int
    score: int = Field(description="Σ score of open threats.")
    residual_score: int = Field(description="Σ residual score (inherent where not assessed).")
    emv: float = Field(description="Σ EMV of open threats.")


class ExposureTrend(BaseModel):
    project_key: str
    interval: Literal["day", "week"]
    periods: list[ExposurePeriod]


class HeatmapCell(BaseModel):
    probability: int
    impact: int
    score: int
    level: Level
    count: int


class Heatmap(BaseModel):
    """Open risks per P×I cell (all 25 cells, zero counts included)."""

    project_key: str
    basis: Literal["inherent", "residual"]
    total: int
    cells: list[HeatmapCell]


class TopRisk(BaseModel):
    key: str
    title: str
    status: Status
    level: Level
    score: int
    residual_score: int | None
    emv: float | None
    owner: str | None
