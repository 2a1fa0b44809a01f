import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from release_svc.protection.github import load_private_key
from release_svc.webhooks.patterns import MAX_PATTERN_LENGTH, MAX_PATTERNS, MAX_WILDCARDS, check_pattern

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


class CiCommit(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sha: str = Field(pattern=r"^[0-9a-f]{7,64}$", examples=["9fceb02d0ae598e95dc970b74767f19372d61af8"])
    message: str = Field(default="", max_length=5000, examples=["PAY-42 retry card capture"])


class CiEvent(BaseModel):
    """The JSON body of `POST /v1/webhooks/ci`, for Jenkins and any other CI; signed per Standard Webhooks
    (`webhook-id`, `webhook-timestamp`, `webhook-signature`) with the source's `whsec_` secret."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "type": "pipeline",
                    "repository": "acme/payments",
                    "run_id": "build-1042",
                    "name": "load-test",
                    "status": "success",
                    "ref": "release/1.4.0",
                    "sha": "9fceb02d0ae598e95dc970b74767f19372d61af8",
                    "url": "https://jenkins.example.com/job/payments/1042/",
                    "commits": [
                        {
                            "sha": "9fceb02d0ae598e95dc970b74767f19372d61af8",
                            "message": "PAY-42 retry card capture",
                        }
                    ],
                }
            ]
        },
    )

    type: Literal["pipeline", "deployment"] = Field(examples=["pipeline"])
    repository: str = Field(min_length=1, max_length=300, examples=["acme/payments"])
    run_id: str = Field(min_length=1, max_length=100, examples=["build-1042"])
    name: str = Field(default="", max_length=300, examples=["load-test"])
    status: Literal["queued", "running", "success", "failure", "cancelled"] = Field(examples=["success"])
    ref: str | None = Field(
        default=None,
        max_length=300,
        examples=["release/1.4.0"],
        description="Branch or tag (with or without `refs/heads/`, `refs/tags/`).",
    )
    sha: str | None = Field(default=None, pattern=r"^[0-9a-f]{7,64}$")
    environment: str | None = Field(
        default=None,
        max_length=50,
        examples=["production"],
        description="For `deployment`: the environment deployed to.",
    )
    release_version: str | None = Field(
        default=None,
        max_length=100,
        examples=["1.4.0"],
        description="The release this run belongs to, if the ref does not say.",
    )
    url: str | None = Field(default=None, max_length=2000, pattern=r"^https?://\S+$")
    started_at: datetime | None = None
    finished_at: datetime | None = None
    commits: list[CiCommit] = Field(default_factory=list, max_length=200)


class WebhookReceipt(BaseModel):
    """What TPM Hub did with a webhook delivery."""

    delivery_id: str = Field(examples=["72d3162e-cc78-11e3-81ab-4c9367dc0958"])
    status: Literal["processed", "ignored", "duplicate"] = Field(
        examples=["processed"],
        description="`ignored`: an event we do not use (recorded, 202); `duplicate`: "
        "this source accepted this delivery id before, nothing was repeated (200).",
    )
    runs: int = Field(default=0, description="Pipeline runs recorded or updated.")
    deployments: int = Field(default=0, description="Deployments recorded.")
    references: int = Field(default=0, description="Item keys referenced (emitted as `ci.item_referenced`).")
    checklist_ticked: int = Field(default=0)
    detail: str | None = Field(
        default=None,
        examples=["deployment protection request 0193… pending on release 1.4.0 (production)"],
        description="What was done with a deployment protection request, or why it was ignored.",
    )


class PipelineRunPublic(BaseModel):
    """A CI run recorded on a release."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    release_id: uuid.UUID | None
    provider: str = Field(examples=["github"])
    kind: str = Field(examples=["workflow_run"])
    external_id: str
    name: str = Field(examples=["CI"])
    ref: str | None = Field(examples=["release/1.4.0"])
    sha: str | None
    status: str = Field(examples=["completed"])
    conclusion: str | None = Field(examples=["success"])
    url: str | None
    started_at: datetime | None
    finished_at: datetime | None
    updated_at: datetime


class CiDeliveryPublic(BaseModel):
    """A webhook delivery TPM Hub accepted."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    provider: str
    delivery_id: str
    source_id: uuid.UUID | None
    event: str = Field(examples=["workflow_run"])
    action: str | None
    status: str = Field(examples=["processed"])
    summary: str
    received_at: datetime
