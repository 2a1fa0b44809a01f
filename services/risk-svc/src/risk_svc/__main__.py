from tpmhub_shared.cli import service_cli

from risk_svc.main import SPEC, create_app  # noqa: F401
from risk_svc.settings import Settings

service_cli(SPEC, Settings, "risk_svc.main:create_app")()
