"""The committed client artefacts match the code: OpenAPI documents, the Python SDK (generated without
warnings, so every operation is in it), the TypeScript types (where Node is installed) and the CLI."""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _diff_trees(a: Path, b: Path) -> list[str]:
    cmp = filecmp.dircmp(a, b, ignore=["__pycache__", ".ruff_cache"])
    out = [f"only in committed: {n}" for n in cmp.left_only]
    out += [f"only in generated: {n}" for n in cmp.right_only]
    out += [f"differs: {n}" for n in cmp.diff_files]
    for sub in cmp.common_dirs:
        out += _diff_trees(a / sub, b / sub)
    return out


def test_openapi_documents_are_up_to_date():
    result = subprocess.run(
        [sys.executable, "scripts/openapi.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def test_python_sdk_is_generated_cleanly_and_up_to_date(tmp_path):
    result = subprocess.run(
        ["bash", "scripts/sdk.sh", str(tmp_path)], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    output = result.stdout + result.stderr
    assert "WARNING" not in output and "Unable to" not in output, output[:3000]
    for service in ("requirements", "risk", "release"):
        committed = ROOT / "clients/python/src/tpmhub_sdk" / service
        assert not _diff_trees(committed, tmp_path / service), f"run `make sdk` ({service})"


def test_typescript_types_are_up_to_date_and_typecheck(tmp_path):
    assert shutil.which("npm"), (
        "Node.js/npm is needed to check the TypeScript types (make sdk generates them)"
    )
    work = tmp_path / "ts"
    shutil.copytree(ROOT / "clients/typescript", work, ignore=shutil.ignore_patterns("node_modules"))
    shutil.copytree(ROOT / "clients/openapi", tmp_path / "openapi")
    env = {**os.environ, "npm_config_update_notifier": "false"}
    subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=work, check=True, env=env, timeout=300
    )
    subprocess.run(
        ["npm", "run", "-s", "generate"], cwd=work, check=True, env=env, timeout=120, capture_output=True
    )
    for service in ("requirements", "risk", "release"):
        generated = (work / "src" / f"{service}.d.ts").read_text()
        committed = (ROOT / "clients/typescript/src" / f"{service}.d.ts").read_text()
        assert generated == committed, "run `make sdk`"
    result = subprocess.run(
        ["npm", "run", "-s", "typecheck"], cwd=work, env=env, timeout=300, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_cli_help_and_errors_are_readable():
    env = {**os.environ, "TPM_TOKEN": "", "TPM_CONFIG": "/nonexistent/tpm.json"}
    help_text = subprocess.run(
        [sys.executable, "-m", "tpmhub_cli", "--help"], capture_output=True, text=True, env=env, timeout=60
    ).stdout
    commands = ("project", "prd", "item", "import", "risk", "release", "rollout", "dora", "health", "report")
    for command in commands:
        assert command in help_text
    result = subprocess.run(
        [sys.executable, "-m", "tpmhub_cli", "project", "list"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 1
    assert "No token" in result.stderr and "Traceback" not in result.stderr
    env["TPM_TOKEN"] = "x"
    env["TPM_REQUIREMENTS_URL"] = "http://127.0.0.1:9"
    result = subprocess.run(
        [sys.executable, "-m", "tpmhub_cli", "project", "list"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 1 and "unreachable" in result.stderr and "Traceback" not in result.stderr
