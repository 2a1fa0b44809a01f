from pydantic_settings import SettingsConfigDict
from tpmhub_shared.settings import ServiceSettings


class Settings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="RELEASE_", extra="ignore")

    service_name: str = "release-svc"
    port: int = 8003
