"""CI webhooks with the published payloads (../shared/fixtures/ci-webhooks), signed as each system signs."""

import hashlib
import hmac
import json
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import create_async_engine
from standardwebhooks.webhooks import Webhook
from tpmhub_shared.events import OutboxEvent

FIXTURES = Path("/work/shared/fixtures/ci-webhooks")
GH_SECRET = "gh-secret-0123456789abcdef"
GL_TOKEN = "gl-token-0123456789abcdef"


def fixture(path: str) -> bytes:
    return (FIXTURES / path).read_bytes()


def github_headers(raw: bytes, event: str, delivery: str | None = None, secret: str = GH_SECRET) -> dict:
    digest = hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()
    return {
        "X-GitHub-Event": event,
        "X-GitHub-Delivery": delivery or str(uuid.uuid4()),
        "X-Hub-Signature-256": f"sha256={digest}",
        "Content-Type": "application/json",
        "User-Agent": "GitHub-Hookshot/044aadd",
    }


def gitlab_headers(event: str, token: str = GL_TOKEN, key: str | None = None) -> dict:
    return {
        "X-Gitlab-Event": event,
        "X-Gitlab-Token": token,
        "Idempotency-Key": key or str(uuid.uuid4()),
        "X-Gitlab-Event-UUID": str(uuid.uuid4()),
        "Content-Type": "application/json",
    }


def standard_headers(secret: str, raw: bytes, msg_id: str | None = None, ts: int | None = None) -> dict:
    msg_id = msg_id or f"msg_{uuid.uuid4().hex}"
    ts = ts if ts is not None else int(time.time())
    signature = Webhook(secret).sign(msg_id, datetime.fromtimestamp(ts, tz=UTC), raw.decode())
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(ts),
        "webhook-signature": signature,
        "Content-Type": "application/json",
    }


async def make_source(client, auth, provider: str, repository: str, **kw) -> dict:
    body = {"provider": provider, "repository": repository, **kw}
    if provider == "github":
        body.setdefault("secret", GH_SECRET)
    if provider == "gitlab":
        body.setdefault("secret", GL_TOKEN)
    r = await client.post("/v1/projects/PAY/ci-sources", json=body, headers=auth("tpm", "PAY"))
    assert r.status_code == 201, r.text
    return r.json()


async def make_release(
    client, auth, version: str, approved: bool = False, repository: str | None = None
) -> dict:
    r = await client.post(
        "/v1/projects/PAY/releases",
        json={"version": version, "approvers": ["bob"], "repository": repository},
        headers=auth("tpm", "PAY"),
    )
    assert r.status_code == 201, r.text
    release = r.json()
    if approved:
        r = await client.post(f"/v1/releases/{release['id']}/submit", headers=auth("tpm", "PAY"))
        assert r.status_code == 200, r.text
        r = await client.post(
            f"/v1/releases/{release['id']}/approvals",
            json={"decision": "approve"},
            headers=auth("engineer", "PAY", sub="bob"),
        )
        assert r.status_code == 201, r.text
    return release


async def scalar(client, stmt):
    engine = create_async_engine(client._transport.app.state.settings.database_url)
    try:
        async with engine.connect() as conn:
            return (await conn.execute(stmt)).scalar_one()
    finally:
        await engine.dispose()


async def events_of(client, type_: str) -> list[dict]:
    engine = create_async_engine(client._transport.app.state.settings.database_url)
    try:
        async with engine.connect() as conn:
            rows = await conn.execute(
                select(OutboxEvent.data).where(OutboxEvent.type == type_).order_by(OutboxEvent.id)
            )
            return [r[0] for r in rows]
    finally:
        await engine.dispose()


async def deliveries(client, auth, **params) -> list[dict]:
    r = await client.get("/v1/projects/PAY/ci-deliveries", params=params, headers=auth("tpm", "PAY"))
    assert r.status_code == 200
    return r.json()["items"]


# ---- GitHub -------------------------------------------------------------------------------------------


async def test_github_workflow_run_records_the_run_and_ticks_the_checklist(client, auth):
    await make_source(
        client,
        auth,
        "github",
        "octo-org/octo-repo",
        checklist_rules=[{"workflow": "*", "checklist_code": "pressure_test"}],
    )
    release = await make_release(client, auth, "1.0.0", repository="octo-org/octo-repo")
    raw = fixture("github/workflow_run.completed.json")
    r = await client.post("/v1/webhooks/github", content=raw, headers=github_headers(raw, "workflow_run"))
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "processed" and r.json()["runs"] == 1 and r.json()["checklist_ticked"] == 1
    [run] = (
        await client.get(f"/v1/releases/{release['id']}/pipeline-runs", headers=auth("viewer", "PAY"))
    ).json()["items"]
    body = json.loads(raw)["workflow_run"]
    assert (
        run["external_id"] == str(body["id"])
        and run["conclusion"] == "success"
        and run["status"] == "completed"
    )
    assert run["sha"] == body["head_sha"] and run["ref"] == "master" and run["url"] == body["html_url"]
    checklist = (
        await client.get(f"/v1/releases/{release['id']}/checklist", headers=auth("viewer", "PAY"))
    ).json()
    [ticked] = [c for c in checklist if c["code"] == "pressure_test"]
    assert ticked["status"] == "done" and ticked["evidence_url"] == body["html_url"]
    assert all(c["status"] != "done" for c in checklist if c["code"] != "pressure_test")


async def test_github_requested_then_completed_updates_one_run_and_never_goes_back(client, auth):
    await make_source(client, auth, "github", "octo-org/octo-repo")
    release = await make_release(client, auth, "1.0.0", repository="octo-org/octo-repo")
    done = fixture("github/workflow_run.completed.json")
    queued = fixture("github/workflow_run.requested.json")
    assert json.loads(done)["workflow_run"]["id"] == json.loads(queued)["workflow_run"]["id"]
    for raw in (done, queued):  # the late "requested" must not undo the finished run
        r = await client.post("/v1/webhooks/github", content=raw, headers=github_headers(raw, "workflow_run"))
        assert r.status_code == 200
    [run] = (
        await client.get(f"/v1/releases/{release['id']}/pipeline-runs", headers=auth("viewer", "PAY"))
    ).json()["items"]
    assert run["status"] == "completed" and run["conclusion"] == "success"


async def test_github_failed_job_is_recorded_and_emitted(client, auth):
    await make_source(client, auth, "github", "Codertocat/Hello-World")
    release = await make_release(client, auth, "2.0.0", repository="Codertocat/Hello-World")
    raw = fixture("github/workflow_job.completed.json")
    r = await client.post("/v1/webhooks/github", content=raw, headers=github_headers(raw, "workflow_job"))
    assert r.status_code == 200 and r.json()["runs"] == 1
    [failed] = await events_of(client, "ci.pipeline_failed")
    assert failed["release_id"] == release["id"] and failed["name"] == "linters"
    assert failed["conclusion"] == "failure" and failed["version"] == "2.0.0"


@pytest.mark.parametrize(
    "event,path",
    [
        ("check_suite", "github/check_suite.completed.json"),
        ("check_run", "github/check_run.completed.json"),
        ("deployment", "github/deployment.created.json"),
        ("release", "github/release.published.json"),
        ("workflow_job", "github/workflow_job.queued.json"),
    ],
)
async def test_github_other_used_events_record_runs(client, auth, event, path):
    await make_source(client, auth, "github", "Codertocat/Hello-World")
    raw = fixture(path)
    r = await client.post("/v1/webhooks/github", content=raw, headers=github_headers(raw, event))
    assert r.status_code == 200, r.text
    assert r.json() == {
        "delivery_id": r.json()["delivery_id"],
        "status": "processed",
        "runs": 1,
        "deployments": 0,
        "references": 0,
        "checklist_ticked": 0,
    }


async def test_github_release_tag_matches_the_release_by_version(client, auth):
    await make_source(
        client, auth, "github", "Codertocat/Hello-World", version_patterns=["v{version}", "{version}"]
    )
    release = await make_release(client, auth, "0.0.1")
    raw = fixture("github/release.published.json")
    r = await client.post("/v1/webhooks/github", content=raw, headers=github_headers(raw, "release"))
    assert r.status_code == 200
    [run] = (
        await client.get(f"/v1/releases/{release['id']}/pipeline-runs", headers=auth("viewer", "PAY"))
    ).json()["items"]
    assert run["kind"] == "release" and run["ref"] == "0.0.1"


async def test_github_production_deployment_records_dora_and_moves_the_release(client, auth):
    await make_source(client, auth, "github", "Codertocat/Hello-World")
    release = await make_release(client, auth, "3.1.0", approved=True)
    assert (await client.get(f"/v1/releases/{release['id']}", headers=auth("viewer", "PAY"))).json()[
        "status"
    ] == "approved"
    raw = fixture("github/deployment_status.created.success.json")
    r = await client.post(
        "/v1/webhooks/github", content=raw, headers=github_headers(raw, "deployment_status")
    )
    assert r.status_code == 200 and r.json()["deployments"] == 1
    assert (await client.get(f"/v1/releases/{release['id']}", headers=auth("viewer", "PAY"))).json()[
        "status"
    ] == "verifying"
    deps = (await client.get("/v1/projects/PAY/deployments", headers=auth("viewer", "PAY"))).json()["items"]
    [dep] = deps
    body = json.loads(raw)
    assert dep["environment"] == "production" and dep["status"] == "succeeded"
    assert dep["commit_sha"] == body["deployment"]["sha"] and dep["release_id"] == release["id"]


async def test_github_references_in_push_and_pull_request_are_emitted(client, auth):
    await make_source(client, auth, "github", "Codertocat/Hello-World")
    push = json.loads(fixture("github/push.with-new-branch.json"))
    push["ref"] = "refs/heads/feature/pay-7-wallet"
    push["commits"][0]["message"] = "PAY-42: retry card capture (refs PAY-43, not PAYX-1 or XPAY-9)"
    raw = json.dumps(push).encode()
    r = await client.post("/v1/webhooks/github", content=raw, headers=github_headers(raw, "push"))
    assert r.status_code == 200 and r.json()["references"] == 3
    pr = json.loads(fixture("github/pull_request.opened.json"))
    pr["pull_request"]["title"] = "PAY-42 Update the README"
    raw = json.dumps(pr).encode()
    r = await client.post("/v1/webhooks/github", content=raw, headers=github_headers(raw, "pull_request"))
    assert r.status_code == 200 and r.json()["references"] == 1
    refs = await events_of(client, "ci.item_referenced")
    assert sorted((e["item_key"], e["kind"]) for e in refs) == [
        ("PAY-42", "commit"),
        ("PAY-42", "pull_request"),
        ("PAY-43", "commit"),
        ("PAY-7", "branch"),
    ]
    pr_ref = next(e for e in refs if e["kind"] == "pull_request")
    assert pr_ref["ref"] == "2" and pr_ref["repository"] == "Codertocat/Hello-World"
    assert pr_ref["title"] == "PAY-42 Update the README" and pr_ref["url"] == pr["pull_request"]["html_url"]


async def test_github_bad_signature_is_401_and_records_nothing(client, auth):
    await make_source(client, auth, "github", "octo-org/octo-repo")
    raw = fixture("github/workflow_run.completed.json")
    for headers in (
        github_headers(raw, "workflow_run", secret="wrong-secret-0123456789"),
        {**github_headers(raw, "workflow_run"), "X-Hub-Signature-256": "sha256=" + "0" * 64},
        {k: v for k, v in github_headers(raw, "workflow_run").items() if k != "X-Hub-Signature-256"},
        {**github_headers(raw, "workflow_run"), "X-Hub-Signature-256": "sha1=abc"},
    ):
        r = await client.post("/v1/webhooks/github", content=raw, headers=headers)
        assert r.status_code == 401 and r.headers["content-type"] == "application/problem+json"
    tampered = raw.replace(b'"success"', b'"failure"', 1)
    r = await client.post(
        "/v1/webhooks/github", content=tampered, headers=github_headers(raw, "workflow_run")
    )
    assert r.status_code == 401
    unknown_repo = json.loads(raw)
    unknown_repo["repository"]["full_name"] = "someone/else"
    other = json.dumps(unknown_repo).encode()
    r = await client.post("/v1/webhooks/github", content=other, headers=github_headers(other, "workflow_run"))
    assert r.status_code == 401
    assert await deliveries(client, auth) == []
    assert await scalar(client, select(func.count()).select_from(OutboxEvent)) == 0


async def test_github_duplicate_delivery_is_200_and_not_repeated(client, auth):
    await make_source(client, auth, "github", "Codertocat/Hello-World")
    raw = fixture("github/workflow_job.completed.json")
    headers = github_headers(raw, "workflow_job", delivery="72d3162e-cc78-11e3-81ab-4c9367dc0958")
    first = await client.post("/v1/webhooks/github", content=raw, headers=headers)
    again = await client.post("/v1/webhooks/github", content=raw, headers=headers)
    assert first.status_code == 200 and first.json()["status"] == "processed"
    assert again.status_code == 200 and again.json()["status"] == "duplicate"
    assert len(await events_of(client, "ci.pipeline_failed")) == 1
    assert len(await deliveries(client, auth)) == 1


async def test_github_unused_event_is_202_and_recorded_as_ignored(client, auth):
    await make_source(client, auth, "github", "Codertocat/Hello-World")
    raw = fixture("github/push.json")  # any payload, announced as an event we do not use
    r = await client.post("/v1/webhooks/github", content=raw, headers=github_headers(raw, "star"))
    assert r.status_code == 202 and r.json()["status"] == "ignored"
    [d] = await deliveries(client, auth, status="ignored")
    assert d["event"] == "star"


async def test_malformed_json_is_400_and_oversized_is_413(client, auth):
    await make_source(client, auth, "github", "Codertocat/Hello-World")
    raw = b'{"repository": {"full_name": "Codertocat/Hello-World"'
    r = await client.post("/v1/webhooks/github", content=raw, headers=github_headers(raw, "push"))
    assert r.status_code == 400 and r.headers["content-type"] == "application/problem+json"
    r = await client.post("/v1/webhooks/github", content=b"[1, 2]", headers=github_headers(b"[1, 2]", "push"))
    assert r.status_code == 400
    big = b'{"pad": "' + b"x" * 2_000_000 + b'"}'
    r = await client.post("/v1/webhooks/github", content=big, headers=github_headers(big, "push"))
    assert r.status_code == 413
    assert await deliveries(client, auth) == []


async def test_gitea_push_with_github_compatible_signature(client, auth):
    await make_source(client, auth, "github", "gitea/webhooks")
    raw = fixture("gitea/push.json")
    digest = hmac.new(GH_SECRET.encode(), raw, hashlib.sha256).hexdigest()
    headers = {
        "X-Gitea-Event": "push",
        "X-GitHub-Event": "push",
        "X-Gitea-Delivery": str(uuid.uuid4()),
        "X-Gitea-Signature": digest,
        "X-Hub-Signature-256": f"sha256={digest}",
        "Content-Type": "application/json",
    }
    r = await client.post("/v1/webhooks/github", content=raw, headers=headers)
    assert r.status_code == 200 and r.json()["status"] == "processed"


# ---- GitLab -------------------------------------------------------------------------------------------


async def test_gitlab_pipeline_job_release_and_merge_request(client, auth):
    await make_source(
        client,
        auth,
        "gitlab",
        "gitlab-org/gitlab-test",
        checklist_rules=[{"workflow": "Pipeline for branch: *", "checklist_code": "reconciliation"}],
    )
    release = await make_release(client, auth, "1.2.0", repository="gitlab-org/gitlab-test")
    raw = fixture("gitlab/pipeline.json")
    r = await client.post("/v1/webhooks/gitlab", content=raw, headers=gitlab_headers("Pipeline Hook"))
    assert r.status_code == 200 and r.json()["runs"] == 1 and r.json()["checklist_ticked"] == 1
    raw = fixture("gitlab/build.json")
    r = await client.post("/v1/webhooks/gitlab", content=raw, headers=gitlab_headers("Job Hook"))
    assert r.status_code == 200 and r.json()["runs"] == 1
    runs = (
        await client.get(f"/v1/releases/{release['id']}/pipeline-runs", headers=auth("viewer", "PAY"))
    ).json()["items"]
    assert [(x["kind"], x["status"]) for x in runs] == [("pipeline", "completed"), ("job", "queued")]
    pipeline = runs[0]
    assert (
        pipeline["started_at"] == "2016-08-12T15:23:28Z" and pipeline["finished_at"] == "2016-08-12T15:26:29Z"
    )
    await make_source(client, auth, "gitlab", "gitlab-org/release-webhook-example")
    raw = fixture("gitlab/release.json")
    r = await client.post("/v1/webhooks/gitlab", content=raw, headers=gitlab_headers("Release Hook"))
    assert r.status_code == 200 and r.json()["runs"] == 1
    await make_source(client, auth, "gitlab", "gitlabhq/gitlab-test")
    mr = json.loads(fixture("gitlab/merge_request.json"))
    mr["object_attributes"]["title"] = "PAY-12 MS-Viewport"
    raw = json.dumps(mr).encode()
    r = await client.post("/v1/webhooks/gitlab", content=raw, headers=gitlab_headers("Merge Request Hook"))
    assert r.status_code == 200 and r.json()["references"] == 1
    [ref] = await events_of(client, "ci.item_referenced")
    assert ref["item_key"] == "PAY-12" and ref["kind"] == "pull_request" and ref["ref"] == "1"


async def test_gitlab_deployment_to_production_is_recorded(client, auth):
    await make_source(
        client, auth, "gitlab", "root/test-deployment-webhooks", production_environments=["staging"]
    )
    release = await make_release(client, auth, "4.0.0", approved=True)
    raw = fixture("gitlab/deployment.json")
    r = await client.post("/v1/webhooks/gitlab", content=raw, headers=gitlab_headers("Deployment Hook"))
    assert r.status_code == 200 and r.json()["deployments"] == 1
    [dep] = (await client.get("/v1/projects/PAY/deployments", headers=auth("viewer", "PAY"))).json()["items"]
    assert dep["environment"] == "staging" and dep["release_id"] == release["id"]
    assert dep["commit_sha"].startswith("279484c0")


async def test_gitlab_token_checked_and_deduplicated_by_idempotency_key(client, auth):
    await make_source(client, auth, "gitlab", "gitlab-org/gitlab-test")
    raw = fixture("gitlab/pipeline.json")
    r = await client.post(
        "/v1/webhooks/gitlab", content=raw, headers=gitlab_headers("Pipeline Hook", token="nope")
    )
    assert r.status_code == 401
    headers = {k: v for k, v in gitlab_headers("Pipeline Hook").items() if k != "X-Gitlab-Token"}
    assert (await client.post("/v1/webhooks/gitlab", content=raw, headers=headers)).status_code == 401
    assert await deliveries(client, auth) == []
    headers = gitlab_headers("Pipeline Hook", key="5a9c1c1e-2bb5-4b0e-8d3f-0c0c1d1e1f10")
    assert (await client.post("/v1/webhooks/gitlab", content=raw, headers=headers)).json()[
        "status"
    ] == "processed"
    retry = {**headers, "X-Gitlab-Event-UUID": str(uuid.uuid4())}  # a retry keeps its Idempotency-Key
    r = await client.post("/v1/webhooks/gitlab", content=raw, headers=retry)
    assert r.status_code == 200 and r.json()["status"] == "duplicate"
    older = {k: v for k, v in gitlab_headers("Pipeline Hook").items() if k != "Idempotency-Key"}
    older["X-Gitlab-Event-UUID"] = "0b9e3b6a-1111-4222-8333-444455556666"
    assert (await client.post("/v1/webhooks/gitlab", content=raw, headers=older)).json()[
        "status"
    ] == "processed"
    assert (await client.post("/v1/webhooks/gitlab", content=raw, headers=older)).json()[
        "status"
    ] == "duplicate"


# ---- generic CI (Standard Webhooks) -------------------------------------------------------------------


async def test_generic_ci_event_signed_per_standard_webhooks(client, auth):
    source = await make_source(
        client,
        auth,
        "generic",
        "acme/payments",
        checklist_rules=[{"workflow": "load-test", "checklist_code": "pressure_test"}],
    )
    assert source["secret"].startswith("whsec_") and source["webhook_url"] == "/v1/webhooks/ci"
    release = await make_release(client, auth, "1.4.0")
    event = {
        "type": "pipeline",
        "repository": "acme/payments",
        "run_id": "build-1042",
        "name": "load-test",
        "status": "success",
        "ref": "release/1.4.0",
        "sha": "9fceb02d0ae598e95dc970b74767f19372d61af8",
        "url": "https://jenkins.example.com/job/payments/1042/",
        "commits": [{"sha": "9fceb02d0ae598e95dc970b74767f19372d61af8", "message": "PAY-42 retry capture"}],
    }
    raw = json.dumps(event).encode()
    headers = standard_headers(source["secret"], raw)
    r = await client.post("/v1/webhooks/ci", content=raw, headers=headers)
    assert r.status_code == 200, r.text
    assert r.json()["runs"] == 1 and r.json()["checklist_ticked"] == 1 and r.json()["references"] == 1
    [run] = (
        await client.get(f"/v1/releases/{release['id']}/pipeline-runs", headers=auth("viewer", "PAY"))
    ).json()["items"]
    assert run["name"] == "load-test" and run["conclusion"] == "success"
    assert (await client.post("/v1/webhooks/ci", content=raw, headers=headers)).json()[
        "status"
    ] == "duplicate"
    # Replay protection: a signature older than 5 minutes is refused, as is a wrong one.
    stale = standard_headers(source["secret"], raw, ts=int(time.time()) - 301)
    assert (await client.post("/v1/webhooks/ci", content=raw, headers=stale)).status_code == 401
    future = standard_headers(source["secret"], raw, ts=int(time.time()) + 301)
    assert (await client.post("/v1/webhooks/ci", content=raw, headers=future)).status_code == 401
    wrong = {
        **standard_headers(source["secret"], raw),
        "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA=",
    }
    assert (await client.post("/v1/webhooks/ci", content=raw, headers=wrong)).status_code == 401
    garbled = {**standard_headers(source["secret"], raw), "webhook-signature": "nonsense"}
    assert (await client.post("/v1/webhooks/ci", content=raw, headers=garbled)).status_code == 401
    assert len(await deliveries(client, auth)) == 1


async def test_generic_ci_validation_and_deployment(client, auth):
    source = await make_source(client, auth, "generic", "acme/payments")
    bad = json.dumps(
        {"type": "pipeline", "repository": "acme/payments", "run_id": "1", "status": "exploded"}
    ).encode()
    r = await client.post("/v1/webhooks/ci", content=bad, headers=standard_headers(source["secret"], bad))
    assert r.status_code == 422 and r.json()["errors"][0]["loc"] == "body.status"
    assert await deliveries(client, auth) == []
    release = await make_release(client, auth, "5.0.0", approved=True)
    event = {
        "type": "deployment",
        "repository": "acme/payments",
        "run_id": "deploy-9",
        "status": "failure",
        "environment": "production",
        "sha": "9fceb02d0ae598e95dc970b74767f19372d61af8",
        "release_version": "5.0.0",
        "started_at": "2026-11-22T04:00:00Z",
        "finished_at": "2026-11-22T04:05:00Z",
    }
    raw = json.dumps(event).encode()
    r = await client.post("/v1/webhooks/ci", content=raw, headers=standard_headers(source["secret"], raw))
    assert r.status_code == 200 and r.json()["deployments"] == 1
    [failed] = await events_of(client, "ci.deployment_failed")
    assert failed["release_id"] == release["id"] and failed["environment"] == "production"
    assert (await client.get(f"/v1/releases/{release['id']}", headers=auth("viewer", "PAY"))).json()[
        "status"
    ] == "approved"


async def test_jenkins_notification_signed_per_standard_webhooks(client, auth):
    source = await make_source(client, auth, "generic", "evgeny-goldin/asgard")
    raw = fixture("jenkins/job.completed.json")
    r = await client.post("/v1/webhooks/ci", content=raw, headers=standard_headers(source["secret"], raw))
    assert r.status_code == 200 and r.json()["runs"] == 1
    unsigned = {"Content-Type": "application/json;charset=UTF-8"}  # what the plugin sends by itself
    assert (await client.post("/v1/webhooks/ci", content=raw, headers=unsigned)).status_code == 401


@pytest.mark.parametrize(
    "vector",
    json.loads(Path("/work/shared/fixtures/standard-webhooks/vectors.json").read_text())["valid"],
    ids=lambda v: v["msg_id"],
)
async def test_known_answer_vectors_verify_only_within_the_tolerance(client, auth, vector):
    # The published vectors are years old, so they are refused as replays; re-signed now they pass.
    raw = vector["payload"].encode()
    headers = {
        "webhook-id": vector["msg_id"],
        "webhook-timestamp": str(vector["timestamp"]),
        "webhook-signature": vector["expected_signature"],
    }
    from release_svc.webhooks.verification import _standard_valid

    assert not _standard_valid(vector["secret"], raw, headers)
    fresh = standard_headers(vector["secret"], raw, msg_id=vector["msg_id"])
    assert _standard_valid(vector["secret"], raw, {k.lower(): v for k, v in fresh.items()})


# ---- CI sources API -----------------------------------------------------------------------------------


async def test_ci_sources_roles_validation_and_secret_shown_once(client, auth):
    body = {"provider": "github", "repository": "acme/payments", "secret": GH_SECRET}
    assert (await client.post("/v1/projects/PAY/ci-sources", json=body)).status_code == 401
    for role in ("engineer", "viewer", "ci", "pm"):
        r = await client.post("/v1/projects/PAY/ci-sources", json=body, headers=auth(role, "PAY"))
        assert r.status_code == 403, role
    for bad in (
        {**body, "provider": "svn"},
        {**body, "extra": True},
        {**body, "secret": "short"},
        {**body, "version_patterns": ["release/*"]},
        {**body, "repository": "a b"},
        {**body, "production_environments": ["pro duction"]},
        {"provider": "generic", "repository": "x/y", "secret": "whsec_abcdefghijklmnopqrstu"},
    ):
        r = await client.post("/v1/projects/PAY/ci-sources", json=bad, headers=auth("tpm", "PAY"))
        assert r.status_code == 422, bad
    r = await client.post("/v1/projects/PAY/ci-sources", json=body, headers=auth("tpm", "PAY"))
    assert r.status_code == 201 and r.json()["secret"] == GH_SECRET
    source = r.json()
    assert (
        await client.post("/v1/projects/PAY/ci-sources", json=body, headers=auth("admin"))
    ).status_code == 409
    got = await client.get(f"/v1/ci-sources/{source['id']}", headers=auth("tpm", "PAY"))
    assert got.status_code == 200 and "secret" not in got.json()
    assert (await client.get(f"/v1/ci-sources/{source['id']}", headers=auth("tpm", "OPS"))).status_code == 404
    r = await client.patch(
        f"/v1/ci-sources/{source['id']}",
        json={"active": False},
        headers={**auth("tpm", "PAY"), "If-Match": '"7"'},
    )
    assert r.status_code == 412
    r = await client.patch(
        f"/v1/ci-sources/{source['id']}",
        json={"active": False},
        headers={**auth("tpm", "PAY"), "If-Match": got.headers["etag"]},
    )
    assert r.status_code == 200 and not r.json()["active"]
    raw = fixture("github/push.json")
    payload = json.loads(raw)
    payload["repository"]["full_name"] = "acme/payments"
    raw = json.dumps(payload).encode()
    r = await client.post("/v1/webhooks/github", content=raw, headers=github_headers(raw, "push"))
    assert r.status_code == 401  # an inactive source verifies nothing
    assert (
        await client.delete(f"/v1/ci-sources/{source['id']}", headers=auth("tpm", "PAY"))
    ).status_code == 204
    listed = (await client.get("/v1/projects/PAY/ci-sources", headers=auth("tpm", "PAY"))).json()
    assert listed["items"] == []
