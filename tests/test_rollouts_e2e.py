"""A gray rollout over real HTTP: release-svc as a process on PostgreSQL, an approved release, operators with
their own tokens, guardrail readings, sticky decisions, the background scheduler, automatic rollback."""

import time

import httpx
import pytest

pytestmark = pytest.mark.e2e
PROJECT = "ROLLE2E"


@pytest.fixture(scope="module", autouse=True)
def project(stack):
    """The project, created in requirements-svc (release-svc refuses projects it does not know)."""
    r = httpx.post(
        f"{stack.url('requirements')}/v1/projects",
        json={"key": PROJECT, "name": "Rollouts"},
        headers=stack.headers(),
    )
    assert r.status_code == 201, r.text


def approved_release(stack, version: str) -> str:
    base = stack.url("release")
    tpm = stack.headers("tpm", PROJECT, sub="tina")
    r = httpx.post(
        f"{base}/v1/projects/{PROJECT}/releases",
        json={"version": version, "approvers": ["carol"], "required_approvals": 1},
        headers=tpm,
    )
    assert r.status_code == 201, r.text
    release_id = r.json()["id"]
    assert httpx.post(f"{base}/v1/releases/{release_id}/submit", headers=tpm).status_code == 200
    r = httpx.post(
        f"{base}/v1/releases/{release_id}/approvals",
        json={"decision": "approve"},
        headers=stack.headers("engineer", PROJECT, sub="carol"),
    )
    assert r.status_code == 201 and r.json()["status"] == "approved", r.text
    # Go/no-go checklist done: the gate lets a rollout of it start.
    for item in httpx.get(f"{base}/v1/releases/{release_id}/checklist", headers=tpm).json():
        r = httpx.patch(
            f"{base}/v1/releases/{release_id}/checklist/{item['id']}",
            json={"status": "done", "evidence_url": "https://wiki.example.com/go"},
            headers=tpm,
        )
        assert r.status_code == 200, r.text
    return release_id


def test_rollout_from_approved_release_to_verifying(stack):
    base = stack.url("release")
    tpm = stack.headers("tpm", PROJECT, sub="tina")
    bob = stack.headers("engineer", PROJECT, sub="bob")
    monitor = stack.headers("ci", PROJECT, sub="prometheus")
    release_id = approved_release(stack, "1.0.0")
    body = {
        "name": "checkout",
        "group_id": "gr1",
        "breach_threshold": 3,
        "stages": [
            {
                "percent": 50,
                "min_hold_seconds": 3600,
                "operator": "bob",
                "guardrails": ["error_rate <= 0.01"],
            },
            {
                "percent": 73,
                "min_hold_seconds": 1,
                "operator": "bob",
                "auto_advance": True,
                "guardrails": ["p99_ms <= 1.2 × baseline"],
            },
            {"percent": 100, "operator": "bob"},
        ],
    }
    r = httpx.post(f"{base}/v1/releases/{release_id}/rollouts", json=body, headers=tpm)
    assert r.status_code == 201, r.text
    rid = r.json()["id"]
    url = f"{base}/v1/rollouts/{rid}"

    r = httpx.post(f"{url}/start", json={"reason": "go"}, headers=bob)
    assert r.status_code == 200 and r.json()["current_percent"] == 50, r.text
    assert httpx.get(f"{base}/v1/releases/{release_id}", headers=tpm).json()["status"] == "deploying"
    assert httpx.get(f"{url}/decide", params={"unit": "123"}, headers=monitor).json()["enabled"] is False

    # The hold: the operator waits, a tpm overrides with a reason.
    r = httpx.post(f"{url}/advance", headers=bob)
    assert r.status_code == 409 and r.json()["seconds_left"] > 3500
    assert r.headers["content-type"].startswith("application/problem+json")
    r = httpx.post(
        f"{url}/advance", json={"override_hold": True, "reason": "load test signed off"}, headers=tpm
    )
    assert r.status_code == 200 and r.json()["current_percent"] == 73
    decided = httpx.get(f"{url}/decide", params={"unit": "123"}, headers=monitor).json()
    assert decided["bucket"] == 73 and decided["enabled"] is True

    # Green readings after the hold: the background scheduler advances by itself.
    r = httpx.post(
        f"{url}/metrics",
        json={
            "readings": [
                {"metric": "p99_ms", "value": 200, "cohort": "baseline", "source": "prometheus"},
                {"metric": "p99_ms", "value": 230, "source": "prometheus"},
            ]
        },
        headers=monitor,
    )
    assert r.status_code == 201 and [x["outcome"] for x in r.json()["readings"]] == ["unchecked", "pass"]
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        current = httpx.get(url, headers=tpm).json()
        if current["current_percent"] == 100:
            break
        time.sleep(0.25)
    assert current["current_percent"] == 100, current
    history = httpx.get(f"{url}/history", headers=tpm).json()["items"]
    assert [h["actor"] for h in history][-1] == "tpmhub:rollouts"

    r = httpx.post(f"{url}/complete", headers=bob)
    assert r.status_code == 200 and r.json()["status"] == "completed"
    assert httpx.get(f"{base}/v1/releases/{release_id}", headers=tpm).json()["status"] == "verifying"
    batch = httpx.post(f"{url}/decide", json={"units": [str(i) for i in range(10_000)]}, headers=monitor)
    assert batch.status_code == 200 and batch.json()["enabled_count"] == 10_000
    r = httpx.post(f"{url}/metrics", json={"metric": "p99_ms", "value": 1}, headers=monitor)
    assert r.status_code == 409


def test_guardrail_breach_rolls_the_release_back(stack):
    base = stack.url("release")
    tpm = stack.headers("tpm", PROJECT, sub="tina")
    monitor = stack.headers("ci", PROJECT, sub="prometheus")
    release_id = approved_release(stack, "1.1.0")
    body = {
        "on_breach": "rollback",
        "breach_threshold": 2,
        "stages": [
            {"percent": 10, "operator": "bob", "guardrails": ["error_rate <= 0.01"]},
            {"percent": 100, "operator": "bob"},
        ],
    }
    rid = httpx.post(f"{base}/v1/releases/{release_id}/rollouts", json=body, headers=tpm).json()["id"]
    assert httpx.post(f"{base}/v1/rollouts/{rid}/start", headers=tpm).status_code == 200
    r = httpx.post(
        f"{base}/v1/rollouts/{rid}/metrics", json={"metric": "error_rate", "value": 0.05}, headers=monitor
    )
    assert r.json()["action_taken"] is None and r.json()["failed_checks"] == 1
    r = httpx.post(
        f"{base}/v1/rollouts/{rid}/metrics", json={"metric": "error_rate", "value": 0.07}, headers=monitor
    )
    assert r.json()["action_taken"] == "rollback" and r.json()["rollout"]["status"] == "rolled_back"
    assert httpx.get(f"{base}/v1/releases/{release_id}", headers=tpm).json()["status"] == "rolled_back"
    r = httpx.post(f"{base}/v1/rollouts/{rid}/decide", json={"units": ["1", "2", "3"]}, headers=monitor)
    assert r.json()["enabled_count"] == 0
    r = httpx.post(f"{base}/v1/rollouts/{rid}/resume", headers=tpm)
    assert r.status_code == 409 and r.json()["allowed_actions"] == []
