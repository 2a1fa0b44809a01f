"""Helpers of release-svc's tests: sibling clients and a gate-ready release."""

import httpx
from tpmhub_shared.http import SiblingClient


def _client(name: str, common, *, app=None, url: str | None = None) -> SiblingClient:
    transport = httpx.ASGITransport(app=app) if app is not None else None
    return SiblingClient(
        name=f"{name}-svc",
        base_url=url or f"http://{name}",
        settings=common,
        caller="release-svc",
        transport=transport,
        # In-process siblings share this test's event loop and CPU: a loaded machine must not turn a
        # sibling check into a fail-closed timeout the test did not ask for.
        timeout=10,
    )


async def ready_release(client, auth, scope, *, version="1.0.0", project="PAY"):
    """A release that passes every local check of the gate, through the API: approved by its approver, every
    checklist item done, no freeze, no rollout."""
    r = await client.post(
        f"/v1/projects/{project}/releases",
        headers=auth("tpm", project),
        json={"version": version, "scope": scope, "approvers": ["carol"]},
    )
    assert r.status_code == 201, r.text
    rid = r.json()["id"]
    await client.post(f"/v1/releases/{rid}/submit", headers=auth("tpm", project))
    r = await client.post(
        f"/v1/releases/{rid}/approvals",
        json={"decision": "approve"},
        headers=auth("engineer", project, sub="carol"),
    )
    assert r.json()["status"] == "approved"
    for item in (await client.get(f"/v1/releases/{rid}/checklist", headers=auth("viewer", project))).json():
        r = await client.patch(
            f"/v1/releases/{rid}/checklist/{item['id']}",
            headers=auth("qa", project),
            json={"status": "done", "evidence_url": "https://wiki.example.com/go"},
        )
        assert r.status_code == 200
    return rid


def patient(settings):
    """The app's settings with a generous sibling budget for the gate: scheduler replicas racing in one test
    process share its loop and CPU, and a fail-closed timeout is not what those tests are about (the gate's
    own tests cover it)."""
    common = settings.common.model_copy(update={"sibling_timeout_seconds": 10})
    return settings.model_copy(update={"common": common})
