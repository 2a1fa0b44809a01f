"""Our documented generic CI event (and the Jenkins Notification plugin's message, translated to it) as
facts. Pure functions."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from release_svc.webhooks.providers.facts import (
    CANCELLED,
    FAILURE,
    QUEUED,
    RUNNING,
    SUCCESS,
    DeploymentFact,
    Facts,
    RefFact,
    RunFact,
    as_dict,
    clip,
    strip_ref,
)


def jenkins_repository(body: dict[str, Any]) -> str | None:
    scm_url = as_dict(as_dict(body.get("build")).get("scm")).get("url")
    if not scm_url:
        return None
    path = urlsplit(str(scm_url)).path or str(scm_url).split(":", 1)[-1]
    return clip(path.strip("/").removesuffix(".git"))


def jenkins_to_generic(body: dict[str, Any]) -> dict[str, Any]:
    """The Jenkins Notification plugin's message in our schema's terms."""
    build = as_dict(body.get("build"))
    scm = as_dict(build.get("scm"))
    phase = str(build.get("phase") or "").upper()
    result = str(build.get("status") or "").upper()
    if phase in ("COMPLETED", "FINALIZED"):
        status = {"SUCCESS": SUCCESS, "ABORTED": CANCELLED, "NOT_BUILT": CANCELLED}.get(result, FAILURE)
    else:
        status = RUNNING if phase == "STARTED" else QUEUED
    return {
        "type": "pipeline",
        "repository": jenkins_repository(body) or str(body.get("name") or ""),
        "run_id": f"{body.get('name')}#{build.get('number')}",
        "name": str(body.get("name") or ""),
        "status": status,
        "ref": strip_ref(scm.get("branch")),
        "sha": scm.get("commit"),
        "url": build.get("full_url"),
    }


def generic_facts(data: Any) -> Facts:
    """`data` is a validated `CiEvent` (see schemas)."""
    facts = Facts(event=f"ci.{data.type}", action=data.status)
    done = data.status in (SUCCESS, FAILURE, CANCELLED)
    if data.type == "deployment":
        facts.deployment = DeploymentFact(
            environment=data.environment or "",
            state={SUCCESS: "succeeded", FAILURE: "failed", CANCELLED: "failed"}.get(
                data.status, "in_progress"
            ),
            sha=data.sha,
            ref=data.ref,
            url=data.url,
            started_at=data.started_at,
            finished_at=(data.finished_at or data.started_at) if done else None,
            version=data.release_version,
        )
    else:
        facts.runs.append(
            RunFact(
                kind="pipeline",
                external_id=data.run_id,
                name=data.name,
                status="completed" if done else data.status,
                conclusion=data.status if done else None,
                ref=data.ref,
                sha=data.sha,
                url=data.url,
                started_at=data.started_at,
                finished_at=data.finished_at,
                version=data.release_version,
            )
        )
    for commit in data.commits:
        facts.refs.append(RefFact("commit", commit.sha, commit.message, None))
    if data.ref and not data.ref.startswith("refs/tags/"):
        facts.refs.append(RefFact("branch", strip_ref(data.ref) or data.ref, strip_ref(data.ref) or data.ref))
    return facts
