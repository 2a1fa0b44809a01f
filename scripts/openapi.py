"""Write each service's OpenAPI document to clients/openapi/<service>.json (what `make openapi` runs);
`--check` exits 1 when a committed spec differs from what the code produces."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "clients" / "openapi"
SERVICES = {"requirements": "requirements_svc", "risk": "risk_svc", "release": "release_svc"}


def render(name: str) -> str:
    module = importlib.import_module(f"{SERVICES[name]}.main")
    settings_module = importlib.import_module(f"{SERVICES[name]}.settings")
    # A throwaway database URL: producing the spec must not touch the developer's var/.
    url = f"sqlite+aiosqlite:///{tempfile.gettempdir()}/tpmhub-openapi-{name}.db"
    app = module.create_app(settings_module.Settings(database_url=url))
    spec = app.openapi()
    spec["servers"] = [
        {"url": f"http://127.0.0.1:{8001 + list(SERVICES).index(name)}", "description": "local (make up)"}
    ]
    return json.dumps(spec, indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("TPM_LOG_LEVEL", "WARNING")
    OUT.mkdir(parents=True, exist_ok=True)
    stale = []
    for name in SERVICES:
        text = render(name)
        path = OUT / f"{name}.json"
        if args.check:
            if not path.exists() or path.read_text() != text:
                stale.append(str(path.relative_to(ROOT)))
        else:
            path.write_text(text)
    if stale:
        print("out of date (run `make openapi`): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
