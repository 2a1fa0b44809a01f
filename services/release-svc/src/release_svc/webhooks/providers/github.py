"""GitHub's payloads (and Gitea's and Forgejo's, which send GitHub-compatible headers and payloads) as
facts: runs, deployments, references, deployment protection requests. Pure functions over parsed JSON."""

from __future__ import annotations

from typing import Any

from release_svc.webhooks.providers.facts import (
    QUEUED,
    RUNNING,
    DeploymentFact,
    Facts,
    ProtectionFact,
    RefFact,
    RunFact,
    as_dict,
    as_list,
    clip,
    conclusion_of,
    parse_time,
    sha_of,
    strip_ref,
)

GITHUB_EVENTS = (
    "workflow_run",
    "workflow_job",
    "check_suite",
    "check_run",
    "deployment",
    "deployment_status",
    "push",
    "pull_request",
    "release",
    "deployment_protection_rule",
    "ping",
)


def github_repository(body: dict[str, Any]) -> str | None:
    return clip(as_dict(body.get("repository")).get("full_name"))


def github_facts(event: str, body: dict[str, Any]) -> Facts:
    action = clip(body.get("action"), 100)
    facts = Facts(event=event, action=action)
    if event == "workflow_run":
        run = as_dict(body.get("workflow_run"))
        completed = run.get("status") == "completed"
        facts.runs.append(
            RunFact(
                kind="workflow_run",
                external_id=str(run.get("id")),
                name=clip(run.get("name")) or "",
                status="completed"
                if completed
                else (RUNNING if run.get("status") == "in_progress" else QUEUED),
                conclusion=conclusion_of(run.get("conclusion")) if completed else None,
                ref=clip(run.get("head_branch")),
                sha=sha_of(run.get("head_sha")),
                url=clip(run.get("html_url"), 2000),
                started_at=parse_time(run.get("run_started_at") or run.get("created_at")),
                finished_at=parse_time(run.get("updated_at")) if completed else None,
            )
        )
    elif event == "workflow_job":
        job = as_dict(body.get("workflow_job"))
        completed = job.get("status") == "completed"
        facts.runs.append(
            RunFact(
                kind="workflow_job",
                external_id=str(job.get("id")),
                name=clip(job.get("name")) or "",
                status="completed"
                if completed
                else (RUNNING if job.get("status") == "in_progress" else QUEUED),
                conclusion=conclusion_of(job.get("conclusion")) if completed else None,
                ref=clip(job.get("head_branch")),
                sha=sha_of(job.get("head_sha")),
                url=clip(job.get("html_url"), 2000),
                started_at=parse_time(job.get("started_at")),
                finished_at=parse_time(job.get("completed_at")),
            )
        )
    elif event == "check_suite":
        suite = as_dict(body.get("check_suite"))
        completed = suite.get("status") == "completed"
        facts.runs.append(
            RunFact(
                kind="check_suite",
                external_id=str(suite.get("id")),
                name=clip(as_dict(suite.get("app")).get("name")) or "",
                status="completed" if completed else QUEUED,
                conclusion=conclusion_of(suite.get("conclusion")) if completed else None,
                ref=clip(suite.get("head_branch")),
                sha=sha_of(suite.get("head_sha")),
                url=clip(suite.get("url"), 2000),
                started_at=parse_time(suite.get("created_at")),
                finished_at=parse_time(suite.get("updated_at")) if completed else None,
            )
        )
    elif event == "check_run":
        check = as_dict(body.get("check_run"))
        completed = check.get("status") == "completed"
        facts.runs.append(
            RunFact(
                kind="check_run",
                external_id=str(check.get("id")),
                name=clip(check.get("name")) or "",
                status="completed"
                if completed
                else (RUNNING if check.get("status") == "in_progress" else QUEUED),
                conclusion=conclusion_of(check.get("conclusion")) if completed else None,
                ref=clip(as_dict(check.get("check_suite")).get("head_branch")),
                sha=sha_of(check.get("head_sha")),
                url=clip(check.get("html_url"), 2000),
                started_at=parse_time(check.get("started_at")),
                finished_at=parse_time(check.get("completed_at")),
            )
        )
    elif event == "deployment":
        dep = as_dict(body.get("deployment"))
        facts.runs.append(
            RunFact(
                kind="deployment",
                external_id=str(dep.get("id")),
                name=f"deploy to {dep.get('environment')}",
                status=QUEUED,
                ref=clip(dep.get("ref")),
                sha=sha_of(dep.get("sha")),
                url=clip(dep.get("url"), 2000),
                started_at=parse_time(dep.get("created_at")),
            )
        )
    elif event == "deployment_status":
        dep = as_dict(body.get("deployment"))
        status = as_dict(body.get("deployment_status"))
        state = str(status.get("state") or "")
        mapped = {"success": "succeeded", "failure": "failed", "error": "failed"}.get(state, "in_progress")
        facts.deployment = DeploymentFact(
            environment=str(status.get("environment") or dep.get("environment") or ""),
            state=mapped,
            sha=sha_of(dep.get("sha")),
            ref=clip(dep.get("ref")),
            url=clip(status.get("target_url") or status.get("log_url") or dep.get("url"), 2000),
            started_at=parse_time(dep.get("created_at")),
            finished_at=parse_time(status.get("created_at")) if mapped != "in_progress" else None,
        )
    elif event == "push":
        branch = str(body.get("ref") or "")
        if branch.startswith("refs/heads/") and not body.get("deleted"):
            facts.refs.append(
                RefFact(
                    "branch",
                    strip_ref(branch) or "",
                    strip_ref(branch) or "",
                    clip(body.get("compare"), 2000),
                )
            )
        for commit in as_list(body.get("commits"))[:200]:
            commit = as_dict(commit)
            if commit.get("id"):
                facts.refs.append(
                    RefFact(
                        "commit",
                        str(commit["id"])[:64],
                        str(commit.get("message") or ""),
                        clip(commit.get("url"), 2000),
                    )
                )
    elif event == "pull_request":
        pr = as_dict(body.get("pull_request"))
        number = str(body.get("number") or pr.get("number") or "")
        head = clip(as_dict(pr.get("head")).get("ref")) or ""
        facts.refs.append(
            RefFact(
                "pull_request", number, f"{pr.get('title') or ''}\n{head}", clip(pr.get("html_url"), 2000)
            )
        )
    elif event == "release":
        release = as_dict(body.get("release"))
        facts.runs.append(
            RunFact(
                kind="release",
                external_id=str(release.get("id")),
                name=clip(release.get("name")) or "release",
                status=action or "published",
                ref=clip(release.get("tag_name")),
                sha=sha_of(release.get("target_commitish")),
                url=clip(release.get("html_url"), 2000),
                started_at=parse_time(release.get("created_at")),
                finished_at=parse_time(release.get("published_at")),
            )
        )
    elif event == "deployment_protection_rule":
        if action == "requested":
            facts.protection = _protection_fact(body, facts.invalid)
        else:
            facts.used = False
    elif event == "ping":
        facts.summary = "ping"
    else:
        facts.used = False
    return facts


def _protection_fact(body: dict[str, Any], invalid: list[tuple[str, str]]) -> ProtectionFact | None:
    """GitHub's `deployment_protection_rule.requested` schema: `environment`, `event`,
    `deployment_callback_url`, `deployment` (`sha`, `ref`), `installation` (`id`)."""
    environment = body.get("environment")
    if not isinstance(environment, str) or not 1 <= len(environment) <= 255:
        invalid.append(("body.environment", "a string of 1 to 255 characters is required"))
    callback = body.get("deployment_callback_url")
    if not isinstance(callback, str) or not 1 <= len(callback) <= 2000:
        invalid.append(("body.deployment_callback_url", "a URL of at most 2000 characters is required"))
    event = body.get("event")
    if event is not None and (not isinstance(event, str) or len(event) > 100):
        invalid.append(("body.event", "a string of at most 100 characters is expected"))
    deployment = body.get("deployment")
    if deployment is not None and not isinstance(deployment, dict):
        invalid.append(("body.deployment", "an object is expected"))
    dep = as_dict(deployment)
    sha = dep.get("sha")
    if sha is not None and sha_of(sha) is None:
        invalid.append(("body.deployment.sha", "a hexadecimal commit id is expected"))
    ref = dep.get("ref")
    if ref is not None and (not isinstance(ref, str) or len(ref) > 300):
        invalid.append(("body.deployment.ref", "a string of at most 300 characters is expected"))
    installation = as_dict(body.get("installation")).get("id")
    if isinstance(installation, bool) or not isinstance(installation, int) or not 0 < installation < 2**63:
        invalid.append(("body.installation.id", "the App installation id (a positive integer) is required"))
    if invalid:
        return None
    return ProtectionFact(
        environment=environment,
        event=event or "",
        callback_url=callback,
        sha=sha_of(sha),
        ref=ref or None,
        installation_id=installation,
    )
