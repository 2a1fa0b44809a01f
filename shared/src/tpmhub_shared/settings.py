"""Settings: one env prefix per service for its own knobs, `TPM_` for what the deployment shares."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# Known to everyone who reads this repository, so production refuses to run with it.
DEV_JWT_SECRET = "tpmhub-dev-secret-change-me-0123456789abcdef"


class InsecureSettingsError(RuntimeError):
    """Raised when production settings carry a development secret."""


class CommonSettings(BaseSettings):
    """Settings every service of one deployment shares (prefix `TPM_`)."""

    model_config = SettingsConfigDict(env_prefix="TPM_", extra="ignore")

    env: Literal["development", "test", "production"] = "development"
    jwt_secret: SecretStr = SecretStr(DEV_JWT_SECRET)
    jwt_algorithm: Literal["HS256", "HS384", "HS512"] = "HS256"
    jwt_issuer: str = "tpmhub"
    log_format: Literal["auto", "console", "json"] = "auto"
    log_level: str = "INFO"
    requirements_url: str = "http://127.0.0.1:8001"
    risk_url: str = "http://127.0.0.1:8002"
    release_url: str = "http://127.0.0.1:8003"
    sibling_timeout_seconds: float = Field(default=1.5, gt=0, le=60)
    max_body_bytes: int = Field(default=1_048_576, ge=1024)
    max_upload_bytes: int = Field(default=20 * 1_048_576, ge=1024)
    # ---- events: outbox dispatcher, sibling routes, outbound subscriptions --------------------------
    events_poll_seconds: float = Field(
        default=0.5,
        gt=0,
        le=60,
        description="How often the dispatcher looks for work written by other replicas (same-process "
        "commits wake it at once).",
    )
    events_retry_schedule: list[float] = Field(
        default=[0, 5, 300, 1800, 7200, 18000, 36000, 36000],
        description="Seconds before each attempt (Standard Webhooks schedule); after the last one a "
        "delivery is dead-lettered.",
        min_length=1,
        max_length=30,
    )
    events_lease_seconds: float = Field(
        default=60, gt=0, le=3600, description="How long a claimed delivery is reserved for one replica."
    )
    events_batch_size: int = Field(default=100, ge=1, le=1000)
    events_concurrency: int = Field(default=16, ge=1, le=256)
    events_delivery_timeout_seconds: float = Field(default=10, gt=0, le=60)
    # Which event types each service sends to which sibling's POST /v1/events (JSON in TPM_EVENT_ROUTES).
    event_routes: dict[str, dict[str, list[str]]] = Field(
        default_factory=lambda: {
            "requirements-svc": {
                "risk": ["change_request.approved", "project.created"],
                "release": ["change_request.approved", "project.created"],
            },
            "release-svc": {
                "requirements": ["release.released", "ci.item_referenced", "verification.recorded"]
            },
        }
    )
    # Outbound subscriptions: targets on loopback/private/link-local ranges are refused unless allowed;
    # unset means allowed in development and test, refused in production.
    subscriptions_allow_private_targets: bool | None = None
    subscriptions_max_consecutive_failures: int = Field(default=15, ge=1, le=1000)
    # Housekeeping: finished outbox events (with their delivery log and dead letters) and inbox records
    # older than these are deleted by the dispatcher. The inbox window must exceed the longest redelivery.
    events_retention_days: float = Field(default=14, gt=0, le=3650)
    inbox_retention_days: float = Field(default=30, gt=0, le=3650)
    events_purge_interval_seconds: float = Field(default=600, gt=0, le=86400)

    @property
    def allow_private_targets(self) -> bool:
        if self.subscriptions_allow_private_targets is not None:
            return self.subscriptions_allow_private_targets
        return self.env != "production"

    @model_validator(mode="after")
    def _refuse_dev_secret_in_production(self) -> CommonSettings:
        if self.env == "production":
            secret = self.jwt_secret.get_secret_value()
            if secret == DEV_JWT_SECRET or len(secret) < 32:
                raise InsecureSettingsError(
                    "TPM_ENV=production needs TPM_JWT_SECRET set to a private value of at least 32 "
                    "characters; refusing to start with the development secret."
                )
        return self

    @property
    def is_production(self) -> bool:
        return self.env == "production"


class ServiceSettings(BaseSettings):
    """Base for each service's settings; subclasses set `env_prefix` (e.g. `REQUIREMENTS_`)."""

    model_config = SettingsConfigDict(extra="ignore")

    service_name: str = "service"
    database_url: str = ""
    db_pool_size: int = Field(default=20, ge=1, le=200)
    db_max_overflow: int = Field(default=0, ge=0, le=200)
    db_echo: bool = False
    host: str = "127.0.0.1"
    port: int = 8000
    background_enabled: bool = True
    common: CommonSettings = Field(default_factory=CommonSettings)

    @model_validator(mode="after")
    def _default_database(self) -> ServiceSettings:
        if not self.database_url:
            Path("var").mkdir(exist_ok=True)
            self.database_url = f"sqlite+aiosqlite:///var/{self.service_name}.db"
        return self
