"""Unknown projects are unknown everywhere, over real processes: a project created in requirements-svc
reaches risk-svc and release-svc as a `project.created` event, each of them accepts it, and a project
requirements-svc does not know is 404 in all three. A risk-svc replica that cannot reach requirements-svc
still serves projects learned from the event, and answers 503 for one it cannot confirm."""

import time
from collections.abc import Iterator

import httpx
import pytest
from tpmhub_shared.testing.postgres import free_port
from tpmhub_shared.testing.processes import ServiceProcess

pytestmark = pytest.mark.e2e

PROJECT = "PRJE2E"
RISK = {"title": "Processor caps TPS", "category": "dependency", "probability": 4, "impact": 4}


def delivered(stack, key: str, target: str) -> bool:
    page = httpx.get(
        f"{stack.url('requirements')}/v1/event-deliveries",
        params={
            "status": "delivered",
            "event_type": "project.created",
            "target": f"sibling:{target}",
            "limit": 200,
        },
        headers=stack.headers(),
    ).json()
    return any(d["subject"] == key for d in page["items"])


def wait_until(check, what: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture(scope="module")
def project(stack) -> str:
    r = httpx.post(
        f"{stack.url('requirements')}/v1/projects",
        json={"key": PROJECT, "name": "Projects e2e"},
        headers=stack.headers(),
    )
    assert r.status_code == 201, r.text
    for target in ("risk", "release"):
        wait_until(
            lambda t=target: delivered(stack, PROJECT, t), f"project.created delivered to {target}-svc"
        )
    return PROJECT


@pytest.fixture(scope="module")
def cut_off_risk(stack) -> Iterator[ServiceProcess]:
    """Another risk-svc process on the stack's risk database whose requirements-svc is unreachable."""
    replica = ServiceProcess(
        name="risk",
        database_url=stack.services["risk"].database_url,
        env={
            "TPM_REQUIREMENTS_URL": f"http://127.0.0.1:{free_port()}",
            "TPM_RELEASE_URL": stack.url("release"),
        },
    )
    replica.start()
    try:
        yield replica
    finally:
        replica.stop()


def test_the_event_tells_risk_and_release_about_a_new_project(stack, project):
    tpm = stack.headers("tpm", project, sub="tina")
    rows = stack.pg.psql(
        f"SELECT name FROM known_projects WHERE key = '{project}'",
        db=stack.services["risk"].database_url.rsplit("/", 1)[1],
    )
    assert rows.strip() == "Projects e2e"
    r = httpx.post(f"{stack.url('risk')}/v1/projects/{project}/risks", json=RISK, headers=tpm)
    assert r.status_code == 201, r.text
    r = httpx.post(
        f"{stack.url('release')}/v1/projects/{project}/releases", json={"version": "1.0.0"}, headers=tpm
    )
    assert r.status_code == 201, r.text


@pytest.mark.parametrize(
    ("service", "path", "body"),
    [
        ("requirements", "/v1/projects/NOPE", None),
        ("risk", "/v1/projects/NOPE/risks", RISK),
        ("risk", "/v1/projects/NOPE/risks", None),
        ("release", "/v1/projects/NOPE/releases", {"version": "1.0.0"}),
        ("release", "/v1/projects/NOPE/releases", None),
    ],
)
def test_an_unknown_project_is_404_in_every_service(stack, service, path, body):
    method = "POST" if body is not None else "GET"
    r = httpx.request(method, stack.url(service) + path, json=body, headers=stack.headers("admin", "NOPE"))
    assert r.status_code == 404, r.text
    assert r.json()["detail"] == "Project NOPE does not exist."
    if service != "requirements":
        listed = httpx.get(stack.url(service) + path, headers=stack.headers())
        assert listed.status_code == 404


def test_without_a_role_an_unknown_project_looks_like_any_other(stack, project):
    other = stack.headers("tpm", "ELSE")
    for service, path in (("risk", "/v1/projects/{key}/risks"), ("release", "/v1/projects/{key}/releases")):
        nope = httpx.get(stack.url(service) + path.format(key="NOPE"), headers=other)
        known = httpx.get(stack.url(service) + path.format(key=project), headers=other)
        assert nope.status_code == known.status_code == 403
        assert nope.text.replace("NOPE", project) == known.text


def test_a_replica_cut_off_from_requirements_serves_learned_projects_only(stack, project, cut_off_risk):
    tpm = stack.headers("tpm", project, sub="tina")
    r = httpx.post(f"{cut_off_risk.url}/v1/projects/{project}/risks", json=RISK, headers=tpm)
    assert r.status_code == 201, r.text  # learned from the event, through the shared table
    r = httpx.post(f"{cut_off_risk.url}/v1/projects/NOPE/risks", json=RISK, headers=stack.headers("admin"))
    assert r.status_code == 503, r.text
    assert "Cannot confirm that project NOPE exists" in r.json()["detail"]
    assert r.headers["retry-after"] == "1"
