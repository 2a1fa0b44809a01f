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
    db_pool_size: int = Field(default=10, ge=1, le=200)
    db_max_overflow: int = Field(default=10, ge=0, le=200)
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
