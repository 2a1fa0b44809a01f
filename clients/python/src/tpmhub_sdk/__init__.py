"""TPM Hub SDK: one generated client package per service, and `Hub` to hold all three.

    from tpmhub_sdk import Hub
    from tpmhub_sdk.requirements.api.projects import list_projects

    hub = Hub(token="…")                       # base URLs default to a local `make up`
    page = list_projects.sync(client=hub.requirements)
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from tpmhub_sdk.release.client import AuthenticatedClient as ReleaseClient
from tpmhub_sdk.requirements.client import AuthenticatedClient as RequirementsClient
from tpmhub_sdk.risk.client import AuthenticatedClient as RiskClient

DEFAULT_URLS = {
    "requirements": "http://127.0.0.1:8001",
    "risk": "http://127.0.0.1:8002",
    "release": "http://127.0.0.1:8003",
}


@dataclass
class Hub:
    """Authenticated clients for the three services, sharing one token."""

    token: str
    requirements_url: str = field(default_factory=lambda: os.environ.get("TPM_REQUIREMENTS_URL",
                                                                         DEFAULT_URLS["requirements"]))
    risk_url: str = field(default_factory=lambda: os.environ.get("TPM_RISK_URL", DEFAULT_URLS["risk"]))
    release_url: str = field(default_factory=lambda: os.environ.get("TPM_RELEASE_URL", DEFAULT_URLS["release"]))
    timeout: float = 10.0

    def __post_init__(self) -> None:
        import httpx

        kw = {"token": self.token, "timeout": httpx.Timeout(self.timeout), "raise_on_unexpected_status": False}
        self.requirements = RequirementsClient(base_url=self.requirements_url, **kw)
        self.risk = RiskClient(base_url=self.risk_url, **kw)
        self.release = ReleaseClient(base_url=self.release_url, **kw)


__all__ = ["Hub", "RequirementsClient", "RiskClient", "ReleaseClient"]
