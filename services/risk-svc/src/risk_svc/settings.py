from pydantic import Field
from pydantic_settings import SettingsConfigDict
from tpmhub_shared.settings import ServiceSettings


class Settings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="RISK_", extra="ignore")

    service_name: str = "risk-svc"
    port: int = 8002

    escalation_interval_seconds: float = Field(
        default=60, gt=0, le=86400, description="How often the automatic escalation check runs."
    )
    escalation_high_overdue_days: int = Field(
        default=7,
        ge=0,
        le=365,
        description="A high risk is escalated when a review or action has been overdue for longer than this.",
    )
    review_reminder_interval_seconds: float = Field(
        default=300,
        gt=0,
        le=86400,
        description="How often the review reminder check runs (each owner is reminded once per UTC day).",
    )
