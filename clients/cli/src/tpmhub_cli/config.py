"""Where the CLI finds its base URLs and token: environment first, then the config file `tpm login` writes."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

DEFAULTS = {"requirements_url": "http://127.0.0.1:8001", "risk_url": "http://127.0.0.1:8002",
            "release_url": "http://127.0.0.1:8003"}


def config_path() -> Path:
    explicit = os.environ.get("TPM_CONFIG")
    if explicit:
        return Path(explicit)
    base = Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config"))
    return base / "tpmhub" / "config.json"


@dataclass
class Config:
    token: str = ""
    requirements_url: str = DEFAULTS["requirements_url"]
    risk_url: str = DEFAULTS["risk_url"]
    release_url: str = DEFAULTS["release_url"]

    @classmethod
    def load(cls) -> Config:
        data: dict[str, str] = {}
        path = config_path()
        if path.exists():
            data.update(json.loads(path.read_text()))
        env = {"token": "TPM_TOKEN", "requirements_url": "TPM_REQUIREMENTS_URL", "risk_url": "TPM_RISK_URL",
               "release_url": "TPM_RELEASE_URL"}
        for field, var in env.items():
            if os.environ.get(var):
                data[field] = os.environ[var]
        return cls(**{k: v for k, v in data.items() if k in env})

    def save(self) -> Path:
        path = config_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(asdict(self), indent=2))
        path.chmod(0o600)  # it holds a bearer token
        return path
