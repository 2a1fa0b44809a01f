"""The three services as real processes on PostgreSQL: they serve, authenticate, answer problem details,
and a service token minted by one is accepted by another."""

import httpx
import pytest
from tpmhub_shared.auth import issue_token
from tpmhub_shared.settings import CommonSettings

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("name", ["requirements", "risk", "release"])
def test_each_service_serves_health_docs_and_problems(stack, name):
    base = stack.url(name)
    assert httpx.get(f"{base}/healthz").json()["status"] == "ok"
    ready = httpx.get(f"{base}/readyz").json()
    assert ready["checks"] == {"database": "ok", "migrations": "ok"}
    assert httpx.get(f"{base}/docs").status_code == 200
    spec = httpx.get(f"{base}/openapi.json").json()
    assert spec["components"]["securitySchemes"]
    r = httpx.get(f"{base}/v1/projects/PAY/nothing-here", headers=stack.headers())
    assert r.status_code == 404 and r.headers["content-type"].startswith("application/problem+json")
    assert "http_requests_total" in httpx.get(f"{base}/metrics").text


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("requirements", "/v1/projects"),
        ("risk", "/v1/projects/PAY/risk-matrix"),
        ("release", "/v1/projects/PAY/releases"),
    ],
)
def test_each_service_requires_a_token(stack, name, path):
    r = httpx.get(stack.url(name) + path)
    assert r.status_code == 401
    assert r.json()["type"].endswith("/unauthorized")


def test_one_resource_per_service_over_http(stack):
    h = stack.headers("tpm", "E2E")
    r = httpx.post(
        stack.url("requirements") + "/v1/projects", json={"key": "E2E", "name": "End to end"}, headers=h
    )
    assert r.status_code == 201, r.text
    r = httpx.get(stack.url("risk") + "/v1/projects/E2E/risk-matrix", headers=h)
    assert r.status_code == 200 and r.json()["gate_level"] == "high"
    r = httpx.post(stack.url("release") + "/v1/projects/E2E/releases", json={"version": "0.1.0"}, headers=h)
    assert r.status_code == 201, r.text
    rid = r.json()["id"]
    assert httpx.get(stack.url("release") + f"/v1/releases/{rid}", headers=h).json()["version"] == "0.1.0"
    r = httpx.post(stack.url("release") + "/v1/projects/E2E/releases", json={"version": "0.1"}, headers=h)
    assert r.status_code == 422 and r.json()["errors"][0]["loc"] == "body.version"


def test_service_token_is_accepted_across_services(stack):
    token = issue_token(CommonSettings(), sub="service:risk-svc", roles={"*": "viewer"}, service="risk-svc")
    r = httpx.get(stack.url("requirements") + "/v1/projects", headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200


def test_no_secret_in_logs(stack):
    from tpmhub_shared.settings import DEV_JWT_SECRET

    httpx.get(stack.url("requirements") + "/v1/projects", headers=stack.headers())
    assert DEV_JWT_SECRET not in stack.logs()
    assert "Bearer " not in stack.logs()
