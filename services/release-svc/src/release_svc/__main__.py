from tpmhub_shared.cli import service_cli

from release_svc.main import SPEC, create_app  # noqa: F401
from release_svc.settings import Settings

service_cli(SPEC, Settings, "release_svc.main:create_app")()
