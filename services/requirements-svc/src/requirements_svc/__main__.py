from tpmhub_shared.cli import service_cli

from requirements_svc.main import SPEC, create_app  # noqa: F401
from requirements_svc.settings import Settings

service_cli(SPEC, Settings, "requirements_svc.main:create_app")()
