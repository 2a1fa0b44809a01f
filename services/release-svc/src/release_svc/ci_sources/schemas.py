"""Request and response models of CI sources: the repository, its secret (shown once), version patterns,
checklist rules, production environments and the GitHub App answering deployment protection rules."""

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from release_svc.ci_sources.app_keys import load_private_key
from release_svc.ci_sources.patterns import MAX_PATTERN_LENGTH, MAX_PATTERNS, MAX_WILDCARDS, check_pattern

Provider = Literal["github", "gitlab", "generic"]
Environment = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,49}$")]
VersionPattern = Annotated[
    str, StringConstraints(min_length=1, max_length=MAX_PATTERN_LENGTH), AfterValidator(check_pattern)
]
_PATTERNS_DOC = (
    "Branch or tag templates naming the release version: `{version}` exactly once (captures "
    f"`[0-9A-Za-z][0-9A-Za-z.+-]*`), `*` matches anything (at most {MAX_WILDCARDS} per pattern); at most "
    f"{MAX_PATTERNS} patterns of {MAX_PATTERN_LENGTH} characters; the first that matches wins."
)


class ChecklistRule(BaseModel):
    """When a run with this name succeeds on a release, tick the release's checklist item with this code."""

    model_config = ConfigDict(extra="forbid")

    workflow: str = Field(
        min_length=1,
        max_length=300,
        examples=["load-test"],
        description="Workflow, job, check or pipeline name (glob allowed, e.g. `perf-*`).",
    )
    checklist_code: str = Field(min_length=1, max_length=50, examples=["pressure_test"])


def _check_private_key(value: str) -> str:
    load_private_key(value)  # ValueError without quoting the key
    return value.strip() + "\n"


PrivateKey = Annotated[
    str, StringConstraints(min_length=1, max_length=16_384), AfterValidator(_check_private_key)
]


class GitHubAppConfig(BaseModel):
    """The GitHub App that answers this repository's custom deployment protection rule. The private key and
    the webhook secret are stored like the source's secret and never shown again."""

    model_config = ConfigDict(extra="forbid")

    app_id: int = Field(gt=0, lt=2**63, examples=[123456], description="The App's id (App settings → About).")
    private_key: PrivateKey = Field(
        description="The App's private key (PEM, RSA, unencrypted, at most 16 KiB), used to sign the App "
        "JWT (RS256) that obtains installation tokens."
    )
    webhook_secret: str | None = Field(
        default=None,
        min_length=16,
        max_length=200,
        description="The App's webhook secret; when omitted, the App must use the source's secret.",
    )
    installation_id: int | None = Field(
        default=None,
        gt=0,
        lt=2**63,
        examples=[987654],
        description="When set, deliveries from any other installation are recorded and ignored.",
    )


class GitHubAppPublic(BaseModel):
    """The GitHub App configuration as shown: never its private key or webhook secret."""

    app_id: int = Field(examples=[123456])
    installation_id: int | None = Field(examples=[987654])
    private_key_fingerprint: str = Field(
        examples=["SHA256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"],
        description="SHA-256 of the public key: compare with the App's keys on GitHub.",
    )
    webhook_secret_set: bool = Field(description="Whether the App has a webhook secret of its own.")


class CiSourceCreate(BaseModel):
    """A repository whose CI may call TPM Hub's webhooks for this project."""

    model_config = ConfigDict(extra="forbid")

    provider: Provider = Field(
        examples=["github"],
        description="`github` (also Gitea/Forgejo), `gitlab`, or "
        "`generic` (Standard Webhooks signed JSON, e.g. from Jenkins).",
    )
    repository: str = Field(
        min_length=1,
        max_length=300,
        pattern=r"^[A-Za-z0-9._/-]+$",
        examples=["acme/payments"],
        description="GitHub `owner/repo`, GitLab `group/project` path, or the generic name.",
    )
    name: str = Field(default="", max_length=200, examples=["payments CI"])
    secret: str | None = Field(
        default=None,
        min_length=16,
        max_length=200,
        description="GitHub/GitLab: the webhook secret you configure there (generated "
        "when omitted). Generic: always generated (`whsec_…`).",
    )
    version_patterns: list[VersionPattern] = Field(
        default_factory=lambda: ["v{version}", "{version}", "release/{version}"],
        max_length=MAX_PATTERNS,
        examples=[["v{version}", "release/{version}"]],
        description=_PATTERNS_DOC,
    )
    checklist_rules: list[ChecklistRule] = Field(default_factory=list, max_length=50)
    production_environments: list[Environment] = Field(
        default_factory=lambda: ["production"], max_length=20, examples=[["production", "prod"]]
    )
    active: bool = True
    github_app: GitHubAppConfig | None = Field(
        default=None, description="GitHub only: the App answering the custom deployment protection rule."
    )


class CiSourceUpdate(BaseModel):
    """Fields to change (JSON merge patch)."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, max_length=200)
    version_patterns: list[VersionPattern] | None = Field(
        default=None, max_length=MAX_PATTERNS, description=_PATTERNS_DOC
    )
    checklist_rules: list[ChecklistRule] | None = Field(default=None, max_length=50)
    production_environments: list[Environment] | None = Field(default=None, max_length=20)
    active: bool | None = None
    github_app: GitHubAppConfig | None = Field(
        default=None, description="Replace the GitHub App configuration (all fields); `null` removes it."
    )


class CiSourcePublic(BaseModel):
    """A configured CI source (its secret is shown only when created)."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    project_key: str = Field(examples=["PAY"])
    provider: str = Field(examples=["github"])
    repository: str = Field(examples=["acme/payments"])
    name: str
    version_patterns: list[str]
    checklist_rules: list[ChecklistRule]
    production_environments: list[str]
    active: bool
    github_app: GitHubAppPublic | None = Field(
        default=None, description="The GitHub App answering the custom deployment protection rule."
    )
    webhook_url: str = Field(
        default="",
        examples=["/v1/webhooks/github"],
        description="Where to point the CI system (path on release-svc).",
    )
    version: int
    created_at: datetime
    updated_at: datetime


class CiSourceWithSecret(CiSourcePublic):
    """The source with its secret; returned only by create."""

    secret: str = Field(description="Configure this in the CI system; it is not shown again.")
