"""GitLab's payloads as facts: pipelines, jobs, deployments, releases, merge requests and pushes. Pure
functions over parsed JSON."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from release_svc.webhooks.providers.facts import (
    QUEUED,
    RUNNING,
    DeploymentFact,
    Facts,
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


def gitlab_repository(body: dict[str, Any]) -> str | None:
    project = as_dict(body.get("project"))
    if project.get("path_with_namespace"):
        return clip(project["path_with_namespace"])
    homepage = as_dict(body.get("repository")).get("homepage")
    return clip(urlsplit(str(homepage)).path.strip("/")) if homepage else None


def gitlab_facts(event: str, body: dict[str, Any]) -> Facts:
    kind = str(body.get("object_kind") or body.get("event_name") or "")
    attrs = as_dict(body.get("object_attributes"))
    facts = Facts(event=event or kind, action=clip(attrs.get("action") or body.get("action"), 100))
    if kind == "pipeline":
        status = str(attrs.get("status") or "")
        done = conclusion_of(status)
        facts.runs.append(
            RunFact(
                kind="pipeline",
                external_id=str(attrs.get("id")),
                name=clip(attrs.get("name")) or "pipeline",
                status="completed" if done else (RUNNING if status == "running" else QUEUED),
                conclusion=done,
                ref=clip(attrs.get("ref")),
                sha=sha_of(attrs.get("sha")),
                url=clip(attrs.get("url"), 2000),
                started_at=parse_time(attrs.get("created_at")),
                finished_at=parse_time(attrs.get("finished_at")),
            )
        )
    elif kind == "build":
        status = str(body.get("build_status") or "")
        done = conclusion_of(status)
        homepage = as_dict(body.get("repository")).get("homepage")
        facts.runs.append(
            RunFact(
                kind="job",
                external_id=str(body.get("build_id")),
                name=clip(body.get("build_name")) or "",
                status="completed" if done else (RUNNING if status == "running" else QUEUED),
                conclusion=done,
                ref=clip(body.get("ref")),
                sha=sha_of(body.get("sha")),
                url=f"{homepage}/-/jobs/{body.get('build_id')}" if homepage else None,
                started_at=parse_time(body.get("build_started_at")),
                finished_at=parse_time(body.get("build_finished_at")),
            )
        )
    elif kind == "deployment":
        status = str(body.get("status") or "")
        mapped = {"success": "succeeded", "failed": "failed", "canceled": "failed"}.get(status, "in_progress")
        commit_url = str(body.get("commit_url") or "")
        facts.deployment = DeploymentFact(
            environment=str(body.get("environment") or ""),
            state=mapped,
            sha=sha_of(commit_url.rsplit("/", 1)[-1]) or sha_of(body.get("short_sha")),
            ref=clip(body.get("ref")),
            url=clip(body.get("deployable_url") or body.get("environment_external_url"), 2000),
            started_at=parse_time(body.get("status_changed_at")),
            finished_at=parse_time(body.get("status_changed_at")) if mapped != "in_progress" else None,
        )
    elif kind == "release":
        facts.runs.append(
            RunFact(
                kind="release",
                external_id=str(body.get("id")),
                name=clip(body.get("name")) or "release",
                status=clip(body.get("action")) or "create",
                ref=clip(body.get("tag")),
                sha=sha_of(as_dict(body.get("commit")).get("id")),
                url=clip(body.get("url"), 2000),
                started_at=parse_time(body.get("created_at")),
                finished_at=parse_time(body.get("released_at")),
            )
        )
    elif kind == "merge_request":
        last = as_dict(attrs.get("last_commit"))
        facts.refs.append(
            RefFact(
                "pull_request",
                str(attrs.get("iid") or attrs.get("id") or ""),
                f"{attrs.get('title') or ''}\n{attrs.get('source_branch') or ''}",
                clip(attrs.get("url"), 2000),
            )
        )
        if last.get("id"):
            facts.refs.append(
                RefFact(
                    "commit",
                    str(last["id"])[:64],
                    str(last.get("message") or ""),
                    clip(last.get("url"), 2000),
                )
            )
    elif kind in ("push", "tag_push"):
        branch = str(body.get("ref") or "")
        if branch.startswith("refs/heads/"):
            facts.refs.append(RefFact("branch", strip_ref(branch) or "", strip_ref(branch) or ""))
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
    else:
        facts.used = False
    return facts
