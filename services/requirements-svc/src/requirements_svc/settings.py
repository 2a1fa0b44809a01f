from pydantic_settings import SettingsConfigDict
from tpmhub_shared.settings import ServiceSettings


class Settings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="REQUIREMENTS_", extra="ignore")

    service_name: str = "requirements-svc"
    port: int = 8001
