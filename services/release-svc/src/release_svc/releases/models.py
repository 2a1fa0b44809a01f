from datetime import date

from sqlalchemy import Column, String, UniqueConstraint
from sqlmodel import Field

from tpmhub_shared.db import TableBase


class Release(TableBase, table=True):
    __tablename__ = "releases"
    __table_args__ = (UniqueConstraint("project_key", "semver", name="uq_releases_project_key_semver"),)

    project_key: str = Field(sa_column=Column(String(10), nullable=False, index=True))
    # The release version (semver); `version` is the row's optimistic-concurrency counter.
    semver: str = Field(max_length=100)
    name: str = Field(default="", max_length=200)
    description: str = Field(default="", max_length=20000)
    target_date: date | None = None
    status: str = Field(default="draft", max_length=20, index=True)
    created_by: str = Field(max_length=200)
