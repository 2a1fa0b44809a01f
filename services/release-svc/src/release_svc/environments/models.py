from typing import Any

from sqlalchemy import Column, String
from sqlmodel import Field
from tpmhub_shared.db import TableBase, json_column


class ProjectEnvironments(TableBase, table=True):
    """The closed set of environments one project deploys to, with their aliases. A project without a row
    uses the default set (development, staging, production)."""

    __tablename__ = "project_environments"

    project_key: str = Field(sa_column=Column(String(10), nullable=False, unique=True))
    # [{"name": "production", "aliases": ["prod", "prd"]}, ...] in the order people listed them.
    environments: list[dict[str, Any]] = Field(sa_column=json_column(nullable=False))
    updated_by: str = Field(max_length=200)
