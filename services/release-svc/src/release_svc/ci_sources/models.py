"""The CI source table: a repository of one project whose CI may call the webhooks, with its secret."""

from typing import Any

from sqlalchemy import BigInteger, Boolean, Column, Index, String, Text, UniqueConstraint
from sqlmodel import Field
from tpmhub_shared.db import TableBase, json_column


class CiSource(TableBase, table=True):
    """A repository of one project whose CI may call us: which system, its secret, how its refs name
    release versions, which workflows tick which checklist items, which environments are production."""

    __tablename__ = "ci_sources"
    __table_args__ = (
        UniqueConstraint(
            "project_key", "provider", "repository", name="uq_ci_sources_project_provider_repository"
        ),
        Index("ix_ci_sources_provider_repository", "provider", "repository"),
    )

    project_key: str = Field(sa_column=Column(String(10), nullable=False, index=True))
    provider: str = Field(max_length=20)
    name: str = Field(default="", max_length=200)
    repository: str = Field(max_length=300)
    secret: str = Field(max_length=200)
    version_patterns: list[str] = Field(default_factory=list, sa_column=json_column(nullable=False))
    checklist_rules: list[dict[str, Any]] = Field(default_factory=list, sa_column=json_column(nullable=False))
    production_environments: list[str] = Field(default_factory=list, sa_column=json_column(nullable=False))
    active: bool = Field(default=True, sa_column=Column(Boolean, nullable=False, server_default="1"))
    created_by: str = Field(max_length=200)
    # The GitHub App that answers this repository's custom deployment protection rule (all or none set;
    # the private key and webhook secret are never returned nor logged).
    github_app_id: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    github_app_private_key: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    github_app_webhook_secret: str | None = Field(default=None, sa_column=Column(String(200), nullable=True))
    github_app_installation_id: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
