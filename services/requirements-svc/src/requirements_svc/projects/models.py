from typing import Any

from sqlalchemy import Column, String
from sqlmodel import Field
from tpmhub_shared.db import TableBase, json_column


class Project(TableBase, table=True):
    __tablename__ = "projects"

    key: str = Field(sa_column=Column(String(10), nullable=False, unique=True))
    name: str = Field(max_length=200)
    background: str = Field(default="", max_length=20000)
    goals: list[str] = Field(default_factory=list, sa_column=json_column(nullable=False))
    scope: str = Field(default="", max_length=20000)
    owner: str | None = Field(default=None, max_length=200)
    status: str = Field(default="active", max_length=20)
    # Next item number; incremented under the row lock so item keys are gap-free per project.
    item_seq: int = Field(default=0)
    settings: dict[str, Any] = Field(default_factory=dict, sa_column=json_column(nullable=False))
