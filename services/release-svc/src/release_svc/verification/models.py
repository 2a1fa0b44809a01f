import uuid
from datetime import datetime

from sqlalchemy import Column, ForeignKey, Index, String, Uuid
from sqlmodel import Field
from tpmhub_shared.db import JSONType, TableBase, UTCDateTime
from tpmhub_shared.ids import utcnow


class Verification(TableBase, table=True):
    """One online-trial verification (线上试单) of a release: a scenario run in production and its result."""

    __tablename__ = "release_verifications"
    __table_args__ = (
        Index("ix_release_verifications_release_id_id", "release_id", "id"),
        Index("ix_release_verifications_release_id_result", "release_id", "result"),
    )

    release_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("releases.id", ondelete="CASCADE"), nullable=False)
    )
    project_key: str = Field(sa_column=Column(String(10), nullable=False))
    scenario: str = Field(max_length=500)
    result: str = Field(max_length=20)
    evidence: str = Field(default="", max_length=4000)
    evidence_url: str | None = Field(default=None, max_length=2000)
    environment: str = Field(default="production", max_length=50)
    verified_by: str = Field(max_length=200)
    verified_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    criterion_ids: list[str] = Field(default_factory=list, sa_column=Column(JSONType, nullable=False))
    item_keys: list[str] = Field(default_factory=list, sa_column=Column(JSONType, nullable=False))
