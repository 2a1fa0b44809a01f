from pydantic import Field, SecretStr
from pydantic_settings import SettingsConfigDict
from tpmhub_shared.settings import ServiceSettings


class Settings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="RELEASE_", extra="ignore")

    service_name: str = "release-svc"
    port: int = 8003

    slack_signing_secret: SecretStr | None = Field(
        default=None,
        description="The Slack app's signing secret; verifies POST /v1/integrations/slack/interactions "
        "(unset: the endpoint answers 503). Never logged or returned.",
    )

    gate_sibling_budget_seconds: float | None = Field(
        default=None,
        gt=0,
        le=60,
        description="How long the gate waits for each sibling call (scope, risks) before failing it closed; "
        "unset: TPM_SIBLING_TIMEOUT_SECONDS (1.5 s). Size it at twice the slower sibling call's p99 at the "
        "sibling replicas' rated load (docs/decisions/performance.md, \"The gate's path\").",
    )

    @property
    def gate_budget(self) -> float:
        """The gate's sibling budget in seconds (see `gate_sibling_budget_seconds`)."""
        return self.gate_sibling_budget_seconds or self.common.sibling_timeout_seconds

    # ---- GitHub custom deployment protection rules ------------------------------------------------------
    github_api_url: str = Field(
        default="https://api.github.com",
        pattern=r"^https?://[^\s/?#]+(/[^\s?#]*)?$",
        description="GitHub's REST API base (GitHub Enterprise Server: https://HOST/api/v3). Callback URLs "
        "in deliveries must lie under it.",
    )
    public_url: str = Field(
        default="",
        description="How users reach release-svc (links in comments posted to GitHub); default: "
        "TPM_RELEASE_URL.",
    )
    protection_ttl_seconds: float = Field(
        default=30 * 86400,
        gt=0,
        le=30 * 86400,
        description="A pending protection request is rejected after this long (GitHub gives up after "
        "30 days).",
    )
    protection_recheck_seconds: float = Field(
        default=60,
        gt=0,
        le=86400,
        description="How often a pending protection request is evaluated again (changes in release-svc "
        "re-evaluate it at once; scope and risk changes in the siblings are seen on this schedule).",
    )
    protection_poll_seconds: float = Field(default=1.0, gt=0, le=60)
    protection_lease_seconds: float = Field(default=60, gt=0, le=3600)
