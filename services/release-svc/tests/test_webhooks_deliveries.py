"""Delivery ids are deduplicated per verified CI source, whole: another project cannot claim an id first,
and an id is never cut short (an over-long one is refused)."""

import json

import pytest
from release_svc.webhooks.models import PipelineRun
from sqlalchemy import func, select
from test_webhooks import (
    GH_SECRET,
    GL_TOKEN,
    deliveries,
    fixture,
    github_headers,
    gitlab_headers,
    scalar,
    standard_headers,
)
from tpmhub_shared.events import OutboxEvent

ATTACKER_SECRET = "attacker-secret-0123456789"
REPOSITORY = {
    "github": "Codertocat/Hello-World",
    "gitlab": "gitlab-org/gitlab-test",
    "generic": "acme/payments",
}
# Each header a delivery id is taken from: (provider, header).
VARIANTS = [
    ("github", "X-GitHub-Delivery"),
    ("github", "X-Gitea-Delivery"),
    ("gitlab", "Idempotency-Key"),
    ("gitlab", "X-Gitlab-Event-UUID"),
    ("generic", "webhook-id"),
]
PATHS = {"github": "/v1/webhooks/github", "gitlab": "/v1/webhooks/gitlab", "generic": "/v1/webhooks/ci"}


async def source_in(client, auth, project: str, provider: str, secret: str | None = None) -> dict:
    body = {"provider": provider, "repository": REPOSITORY[provider]}
    if provider != "generic":
        body["secret"] = secret
    r = await client.post(f"/v1/projects/{project}/ci-sources", json=body, headers=auth("tpm", project))
    assert r.status_code == 201, r.text
    return r.json()


def delivery(provider: str, header: str, secret: str, delivery_id: str) -> tuple[str, bytes, dict]:
    """A delivery as each system sends it, signed with `secret`, its id in `header`."""
    if provider == "github":
        raw = fixture("github/workflow_job.completed.json")
        headers = github_headers(raw, "workflow_job", secret=secret)
        del headers["X-GitHub-Delivery"]
        if header == "X-Gitea-Delivery":
            headers["X-Gitea-Event"] = headers.pop("X-GitHub-Event")
    elif provider == "gitlab":
        raw = fixture("gitlab/pipeline.json")
        headers = gitlab_headers("Pipeline Hook", token=secret)
        del headers["Idempotency-Key"], headers["X-Gitlab-Event-UUID"]
    else:
        event = {
            "type": "pipeline",
            "repository": REPOSITORY["generic"],
            "run_id": "build-1042",
            "name": "load-test",
            "status": "failure",
            "ref": "release/1.4.0",
        }
        raw = json.dumps(event).encode()
        return PATHS[provider], raw, standard_headers(secret, raw, msg_id=delivery_id)
    headers[header] = delivery_id
    return PATHS[provider], raw, headers


async def send(client, provider: str, header: str, secret: str, delivery_id: str):
    path, raw, headers = delivery(provider, header, secret, delivery_id)
    return await client.post(path, content=raw, headers=headers)


@pytest.mark.parametrize("provider, header", VARIANTS)
async def test_another_project_cannot_claim_a_delivery_id_first(client, auth, provider, header):
    victim = await source_in(client, auth, "PAY", provider, GH_SECRET if provider == "github" else GL_TOKEN)
    attacker = await source_in(client, auth, "OPS", provider, ATTACKER_SECRET)
    victim_secret = victim["secret"]
    delivery_id = (
        "msg_jenkins-payments-1042" if provider == "generic" else "72d3162e-cc78-11e3-81ab-4c9367dc0958"
    )
    # The other project sends the victim's next id first, signed with its own secret: accepted for it alone.
    r = await send(client, provider, header, attacker["secret"], delivery_id)
    assert r.status_code == 200 and r.json()["status"] == "processed", r.text
    # The genuine delivery is processed, not dropped as a duplicate.
    r = await send(client, provider, header, victim_secret, delivery_id)
    assert r.status_code == 200 and r.json()["status"] == "processed" and r.json()["runs"] == 1, r.text
    [ours] = await deliveries(client, auth)
    assert ours["delivery_id"] == delivery_id and ours["source_id"] == victim["id"]
    r = await client.get("/v1/projects/OPS/ci-deliveries", headers=auth("tpm", "OPS"))
    assert [d["source_id"] for d in r.json()["items"]] == [attacker["id"]]
    assert await scalar(client, select(func.count()).select_from(PipelineRun)) == 2
    emitted = await scalar(client, select(func.count()).select_from(OutboxEvent))
    # A replay to the same source is still a duplicate, for either of them, and repeats nothing.
    for secret in (victim_secret, attacker["secret"]):
        r = await send(client, provider, header, secret, delivery_id)
        assert r.status_code == 200 and r.json()["status"] == "duplicate", r.text
    assert len(await deliveries(client, auth)) == 1
    assert await scalar(client, select(func.count()).select_from(OutboxEvent)) == emitted


async def test_a_delivery_verified_by_two_projects_sources_is_recorded_and_deduplicated_for_each(
    client, auth
):
    # One organisation webhook (one secret) configured by two projects for the same repository.
    pay = await source_in(client, auth, "PAY", "github", GH_SECRET)
    ops = await source_in(client, auth, "OPS", "github", GH_SECRET)
    r = await send(client, "github", "X-GitHub-Delivery", GH_SECRET, "d-1")
    assert r.status_code == 200 and r.json()["status"] == "processed" and r.json()["runs"] == 2, r.text
    [ours] = await deliveries(client, auth)
    theirs = (await client.get("/v1/projects/OPS/ci-deliveries", headers=auth("tpm", "OPS"))).json()["items"]
    assert ours["source_id"] == pay["id"] and [d["source_id"] for d in theirs] == [ops["id"]]
    assert ours["summary"].startswith("runs=1 ")
    r = await send(client, "github", "X-GitHub-Delivery", GH_SECRET, "d-1")
    assert r.status_code == 200 and r.json()["status"] == "duplicate" and r.json()["runs"] == 0
    assert await scalar(client, select(func.count()).select_from(PipelineRun)) == 2


@pytest.mark.parametrize("provider, header", VARIANTS)
async def test_ids_are_kept_whole_and_over_long_ones_refused(client, auth, provider, header):
    source = await source_in(client, auth, "PAY", provider, GH_SECRET if provider == "github" else GL_TOKEN)
    secret = source["secret"]
    prefix = "x" * 200
    # Over 200 characters: refused with a problem naming the header, nothing recorded.
    r = await send(client, provider, header, secret, prefix + "1")
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert [e["loc"] for e in r.json()["errors"]] == [f"header.{header.lower()}"]
    assert await deliveries(client, auth) == []
    assert await scalar(client, select(func.count()).select_from(PipelineRun)) == 0
    assert await scalar(client, select(func.count()).select_from(OutboxEvent)) == 0
    # Unsigned, the same delivery is a 401 first (the id of a stranger's request is not looked at).
    r = await send(client, provider, header, ATTACKER_SECRET, prefix + "1")
    assert r.status_code == 401
    # 200 characters are accepted whole; an id sharing those 200 is another delivery, so it is refused,
    # never answered as a duplicate of the first.
    r = await send(client, provider, header, secret, prefix)
    assert r.status_code == 200 and r.json()["status"] == "processed" and r.json()["delivery_id"] == prefix
    r = await send(client, provider, header, secret, prefix + "2")
    assert r.status_code == 422, r.text
    r = await send(client, provider, header, secret, prefix)
    assert r.json()["status"] == "duplicate"
    [recorded] = await deliveries(client, auth)
    assert recorded["delivery_id"] == prefix
