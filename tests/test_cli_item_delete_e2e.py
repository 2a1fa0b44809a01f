"""`tpm item delete` against the real services: a soft delete, refused with the holders named."""

import os
import subprocess
import sys

import httpx
import pytest

pytestmark = pytest.mark.e2e

PROJECT = "CLIDEL"


def tpm(stack, *args: str) -> tuple[int, str]:
    env = {
        **os.environ,
        "TPM_TOKEN": stack.make_token("tpm", PROJECT, sub="tina"),
        "TPM_REQUIREMENTS_URL": stack.url("requirements"),
        "TPM_RISK_URL": stack.url("risk"),
        "TPM_RELEASE_URL": stack.url("release"),
        "TPM_CONFIG": "/nonexistent/tpm.json",
        "COLUMNS": "200",
    }
    result = subprocess.run(
        [sys.executable, "-m", "tpmhub_cli", *args], env=env, capture_output=True, text=True, timeout=60
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, result.stdout + result.stderr


def create(req: str, headers: dict[str, str], **body: object) -> str:
    r = httpx.post(f"{req}/v1/projects/{PROJECT}/items", json=body, headers=headers)
    assert r.status_code == 201, r.text
    return r.json()["key"]


def test_cli_deletes_an_item_and_names_what_holds_one(stack):
    req, rel = stack.url("requirements"), stack.url("release")
    admin = stack.headers("admin", PROJECT)
    r = httpx.post(f"{req}/v1/projects", json={"key": PROJECT, "name": "CLI deletion"}, headers=admin)
    assert r.status_code == 201, r.text
    scoped = create(req, admin, type="story", title="In the release")
    free = create(req, admin, type="task", title="Nobody holds me")
    epic = create(req, admin, type="epic", title="Parent")
    child = create(req, admin, type="feature", title="Child", parent=epic)
    r = httpx.post(
        f"{rel}/v1/projects/{PROJECT}/releases",
        json={"version": "1.0.0", "scope": [scoped]},
        headers=stack.headers("tpm", PROJECT),
    )
    assert r.status_code == 201, r.text

    code, out = tpm(stack, "item", "delete", free)
    assert code == 0 and free in out, out
    assert httpx.get(f"{req}/v1/items/{free}", headers=admin).status_code == 404
    assert httpx.get(f"{req}/v1/items/{free}/history", headers=admin).status_code == 200

    code, out = tpm(stack, "item", "delete", scoped)
    assert code == 1 and "409" in out and "release 1.0.0" in out, out
    code, out = tpm(stack, "item", "delete", epic)
    assert code == 1 and child in out, out
    for key in (scoped, epic, child):  # a refusal changes nothing
        assert httpx.get(f"{req}/v1/items/{key}", headers=admin).status_code == 200

    code, out = tpm(stack, "item", "delete", f"{PROJECT}-999")
    assert code == 1 and "404" in out, out
