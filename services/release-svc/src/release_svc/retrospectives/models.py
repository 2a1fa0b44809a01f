import uuid
from typing import Any

from sqlalchemy import Column, ForeignKey, String, Uuid
from sqlmodel import Field
from tpmhub_shared.db import JSONType, TableBase


class Retrospective(TableBase, table=True):
    """A release's retrospective: facts drafted from the audit trail, then edited by people."""

    __tablename__ = "retrospectives"

    release_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("releases.id", ondelete="CASCADE"), nullable=False, unique=True)
    )
    project_key: str = Field(sa_column=Column(String(10), nullable=False, index=True))
    facts: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSONType, nullable=False))
    summary: str = Field(default="", max_length=20000)
    went_well: list[str] = Field(default_factory=list, sa_column=Column(JSONType, nullable=False))
    went_badly: list[str] = Field(default_factory=list, sa_column=Column(JSONType, nullable=False))
    action_items: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSONType, nullable=False)
    )
    created_by: str = Field(max_length=200)
