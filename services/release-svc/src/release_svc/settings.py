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
