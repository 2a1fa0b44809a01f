"""What each CI system's payload means to us: the repository it names, and the facts we act on (runs,
a deployment, references to item keys), in one normalized shape. Pure functions over parsed JSON."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

SUCCESS, FAILURE, CANCELLED, RUNNING, QUEUED = "success", "failure", "cancelled", "running", "queued"
_FAILED = {"failure", "failed", "timed_out", "startup_failure", "error", "action_required"}
_CANCELLED = {"cancelled", "canceled", "skipped", "stale", "aborted", "neutral"}


@dataclass
class RunFact:
    kind: str
    external_id: str
    name: str
    status: str  # queued, running, completed
    conclusion: str | None = None  # success, failure, cancelled
    ref: str | None = None
    sha: str | None = None
    url: str | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None
    version: str | None = None  # an explicit release version (generic CI)


@dataclass
class DeploymentFact:
    environment: str
    state: str  # in_progress, succeeded, failed
    sha: str | None
    ref: str | None
    url: str | None
    started_at: datetime | None
    finished_at: datetime | None
    version: str | None = None


@dataclass
class RefFact:
    kind: str  # commit, pull_request, branch
    ref: str
    text: str
    url: str | None = None


@dataclass
class ProtectionFact:
    """A GitHub `deployment_protection_rule` request: GitHub waits for an answer at `callback_url`."""

    environment: str
    event: str
    callback_url: str
    sha: str | None
    ref: str | None
    installation_id: int


@dataclass
class Facts:
    event: str
    action: str | None = None
    used: bool = True
    runs: list[RunFact] = field(default_factory=list)
    deployment: DeploymentFact | None = None
    refs: list[RefFact] = field(default_factory=list)
    summary: str = ""
    protection: ProtectionFact | None = None
    # Why a payload that must be acted on cannot be (field, message): the delivery is refused with 422.
    invalid: list[tuple[str, str]] = field(default_factory=list)


def _s(value: Any, limit: int = 300) -> str | None:
    if value is None or value == "":
        return None
    return str(value)[:limit]


def _sha(value: Any) -> str | None:
    text = _s(value, 64)
    return text.lower() if text and re.fullmatch(r"[0-9a-fA-F]{7,64}", text) else None


def parse_time(value: Any) -> datetime | None:
    """ISO 8601 (GitHub) or GitLab's `2016-08-12 15:23:28 UTC` / `2021-04-28 21:50:00 +0200`."""
    if not value or not isinstance(value, str):
        return None
    text = value.strip()
    for candidate in (text.replace("Z", "+00:00"), text.replace(" UTC", "+00:00")):
        try:
            parsed = datetime.fromisoformat(candidate)
            return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
        except ValueError:
            pass
    for fmt in ("%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M:%S %Z"):
        try:
            parsed = datetime.strptime(text, fmt)
            return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
        except ValueError:
            pass
    return None


def conclusion_of(value: Any) -> str | None:
    text = str(value or "").lower()
    if not text:
        return None
    if text in ("success", "succeeded", "passed"):
        return SUCCESS
    if text in _FAILED:
        return FAILURE
    if text in _CANCELLED:
        return CANCELLED
    return None


def strip_ref(ref: str | None) -> str | None:
    if not ref:
        return None
    for prefix in ("refs/heads/", "refs/tags/", "origin/"):
        if ref.startswith(prefix):
            return ref[len(prefix) :]
    return ref


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


# ---- GitHub (and Gitea/Forgejo, which send GitHub-compatible headers and payloads) ----------------------


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
    return _s(_dict(body.get("repository")).get("full_name"))


def github_facts(event: str, body: dict[str, Any]) -> Facts:
    action = _s(body.get("action"), 100)
    facts = Facts(event=event, action=action)
    if event == "workflow_run":
        run = _dict(body.get("workflow_run"))
        completed = run.get("status") == "completed"
        facts.runs.append(
            RunFact(
                kind="workflow_run",
                external_id=str(run.get("id")),
                name=_s(run.get("name")) or "",
                status="completed"
                if completed
                else (RUNNING if run.get("status") == "in_progress" else QUEUED),
                conclusion=conclusion_of(run.get("conclusion")) if completed else None,
                ref=_s(run.get("head_branch")),
                sha=_sha(run.get("head_sha")),
                url=_s(run.get("html_url"), 2000),
                started_at=parse_time(run.get("run_started_at") or run.get("created_at")),
                finished_at=parse_time(run.get("updated_at")) if completed else None,
            )
        )
    elif event == "workflow_job":
        job = _dict(body.get("workflow_job"))
        completed = job.get("status") == "completed"
        facts.runs.append(
            RunFact(
                kind="workflow_job",
                external_id=str(job.get("id")),
                name=_s(job.get("name")) or "",
                status="completed"
                if completed
                else (RUNNING if job.get("status") == "in_progress" else QUEUED),
                conclusion=conclusion_of(job.get("conclusion")) if completed else None,
                ref=_s(job.get("head_branch")),
                sha=_sha(job.get("head_sha")),
                url=_s(job.get("html_url"), 2000),
                started_at=parse_time(job.get("started_at")),
                finished_at=parse_time(job.get("completed_at")),
            )
        )
    elif event == "check_suite":
        suite = _dict(body.get("check_suite"))
        completed = suite.get("status") == "completed"
        facts.runs.append(
            RunFact(
                kind="check_suite",
                external_id=str(suite.get("id")),
                name=_s(_dict(suite.get("app")).get("name")) or "",
                status="completed" if completed else QUEUED,
                conclusion=conclusion_of(suite.get("conclusion")) if completed else None,
                ref=_s(suite.get("head_branch")),
                sha=_sha(suite.get("head_sha")),
                url=_s(suite.get("url"), 2000),
                started_at=parse_time(suite.get("created_at")),
                finished_at=parse_time(suite.get("updated_at")) if completed else None,
            )
        )
    elif event == "check_run":
        check = _dict(body.get("check_run"))
        completed = check.get("status") == "completed"
        facts.runs.append(
            RunFact(
                kind="check_run",
                external_id=str(check.get("id")),
                name=_s(check.get("name")) or "",
                status="completed"
                if completed
                else (RUNNING if check.get("status") == "in_progress" else QUEUED),
                conclusion=conclusion_of(check.get("conclusion")) if completed else None,
                ref=_s(_dict(check.get("check_suite")).get("head_branch")),
                sha=_sha(check.get("head_sha")),
                url=_s(check.get("html_url"), 2000),
                started_at=parse_time(check.get("started_at")),
                finished_at=parse_time(check.get("completed_at")),
            )
        )
    elif event == "deployment":
        dep = _dict(body.get("deployment"))
        facts.runs.append(
            RunFact(
                kind="deployment",
                external_id=str(dep.get("id")),
                name=f"deploy to {dep.get('environment')}",
                status=QUEUED,
                ref=_s(dep.get("ref")),
                sha=_sha(dep.get("sha")),
                url=_s(dep.get("url"), 2000),
                started_at=parse_time(dep.get("created_at")),
            )
        )
    elif event == "deployment_status":
        dep = _dict(body.get("deployment"))
        status = _dict(body.get("deployment_status"))
        state = str(status.get("state") or "")
        mapped = {"success": "succeeded", "failure": "failed", "error": "failed"}.get(state, "in_progress")
        facts.deployment = DeploymentFact(
            environment=str(status.get("environment") or dep.get("environment") or ""),
            state=mapped,
            sha=_sha(dep.get("sha")),
            ref=_s(dep.get("ref")),
            url=_s(status.get("target_url") or status.get("log_url") or dep.get("url"), 2000),
            started_at=parse_time(dep.get("created_at")),
            finished_at=parse_time(status.get("created_at")) if mapped != "in_progress" else None,
        )
    elif event == "push":
        branch = str(body.get("ref") or "")
        if branch.startswith("refs/heads/") and not body.get("deleted"):
            facts.refs.append(
                RefFact(
                    "branch", strip_ref(branch) or "", strip_ref(branch) or "", _s(body.get("compare"), 2000)
                )
            )
        for commit in _list(body.get("commits"))[:200]:
            commit = _dict(commit)
            if commit.get("id"):
                facts.refs.append(
                    RefFact(
                        "commit",
                        str(commit["id"])[:64],
                        str(commit.get("message") or ""),
                        _s(commit.get("url"), 2000),
                    )
                )
    elif event == "pull_request":
        pr = _dict(body.get("pull_request"))
        number = str(body.get("number") or pr.get("number") or "")
        head = _s(_dict(pr.get("head")).get("ref")) or ""
        facts.refs.append(
            RefFact("pull_request", number, f"{pr.get('title') or ''}\n{head}", _s(pr.get("html_url"), 2000))
        )
    elif event == "release":
        release = _dict(body.get("release"))
        facts.runs.append(
            RunFact(
                kind="release",
                external_id=str(release.get("id")),
                name=_s(release.get("name")) or "release",
                status=action or "published",
                ref=_s(release.get("tag_name")),
                sha=_sha(release.get("target_commitish")),
                url=_s(release.get("html_url"), 2000),
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
    dep = _dict(deployment)
    sha = dep.get("sha")
    if sha is not None and _sha(sha) is None:
        invalid.append(("body.deployment.sha", "a hexadecimal commit id is expected"))
    ref = dep.get("ref")
    if ref is not None and (not isinstance(ref, str) or len(ref) > 300):
        invalid.append(("body.deployment.ref", "a string of at most 300 characters is expected"))
    installation = _dict(body.get("installation")).get("id")
    if isinstance(installation, bool) or not isinstance(installation, int) or not 0 < installation < 2**63:
        invalid.append(("body.installation.id", "the App installation id (a positive integer) is required"))
    if invalid:
        return None
    return ProtectionFact(
        environment=environment,
        event=event or "",
        callback_url=callback,
        sha=_sha(sha),
        ref=ref or None,
        installation_id=installation,
    )


# ---- GitLab -----------------------------------------------------------------------------------------


def gitlab_repository(body: dict[str, Any]) -> str | None:
    project = _dict(body.get("project"))
    if project.get("path_with_namespace"):
        return _s(project["path_with_namespace"])
    homepage = _dict(body.get("repository")).get("homepage")
    return _s(urlsplit(str(homepage)).path.strip("/")) if homepage else None


def gitlab_facts(event: str, body: dict[str, Any]) -> Facts:
    kind = str(body.get("object_kind") or body.get("event_name") or "")
    attrs = _dict(body.get("object_attributes"))
    facts = Facts(event=event or kind, action=_s(attrs.get("action") or body.get("action"), 100))
    if kind == "pipeline":
        status = str(attrs.get("status") or "")
        done = conclusion_of(status)
        facts.runs.append(
            RunFact(
                kind="pipeline",
                external_id=str(attrs.get("id")),
                name=_s(attrs.get("name")) or "pipeline",
                status="completed" if done else (RUNNING if status == "running" else QUEUED),
                conclusion=done,
                ref=_s(attrs.get("ref")),
                sha=_sha(attrs.get("sha")),
                url=_s(attrs.get("url"), 2000),
                started_at=parse_time(attrs.get("created_at")),
                finished_at=parse_time(attrs.get("finished_at")),
            )
        )
    elif kind == "build":
        status = str(body.get("build_status") or "")
        done = conclusion_of(status)
        homepage = _dict(body.get("repository")).get("homepage")
        facts.runs.append(
            RunFact(
                kind="job",
                external_id=str(body.get("build_id")),
                name=_s(body.get("build_name")) or "",
                status="completed" if done else (RUNNING if status == "running" else QUEUED),
                conclusion=done,
                ref=_s(body.get("ref")),
                sha=_sha(body.get("sha")),
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
            sha=_sha(commit_url.rsplit("/", 1)[-1]) or _sha(body.get("short_sha")),
            ref=_s(body.get("ref")),
            url=_s(body.get("deployable_url") or body.get("environment_external_url"), 2000),
            started_at=parse_time(body.get("status_changed_at")),
            finished_at=parse_time(body.get("status_changed_at")) if mapped != "in_progress" else None,
        )
    elif kind == "release":
        facts.runs.append(
            RunFact(
                kind="release",
                external_id=str(body.get("id")),
                name=_s(body.get("name")) or "release",
                status=_s(body.get("action")) or "create",
                ref=_s(body.get("tag")),
                sha=_sha(_dict(body.get("commit")).get("id")),
                url=_s(body.get("url"), 2000),
                started_at=parse_time(body.get("created_at")),
                finished_at=parse_time(body.get("released_at")),
            )
        )
    elif kind == "merge_request":
        last = _dict(attrs.get("last_commit"))
        facts.refs.append(
            RefFact(
                "pull_request",
                str(attrs.get("iid") or attrs.get("id") or ""),
                f"{attrs.get('title') or ''}\n{attrs.get('source_branch') or ''}",
                _s(attrs.get("url"), 2000),
            )
        )
        if last.get("id"):
            facts.refs.append(
                RefFact(
                    "commit", str(last["id"])[:64], str(last.get("message") or ""), _s(last.get("url"), 2000)
                )
            )
    elif kind in ("push", "tag_push"):
        branch = str(body.get("ref") or "")
        if branch.startswith("refs/heads/"):
            facts.refs.append(RefFact("branch", strip_ref(branch) or "", strip_ref(branch) or ""))
        for commit in _list(body.get("commits"))[:200]:
            commit = _dict(commit)
            if commit.get("id"):
                facts.refs.append(
                    RefFact(
                        "commit",
                        str(commit["id"])[:64],
                        str(commit.get("message") or ""),
                        _s(commit.get("url"), 2000),
                    )
                )
    else:
        facts.used = False
    return facts


# ---- generic CI (our documented schema) and the Jenkins Notification plugin ---------------------------


def jenkins_repository(body: dict[str, Any]) -> str | None:
    scm_url = _dict(_dict(body.get("build")).get("scm")).get("url")
    if not scm_url:
        return None
    path = urlsplit(str(scm_url)).path or str(scm_url).split(":", 1)[-1]
    return _s(path.strip("/").removesuffix(".git"))


def jenkins_to_generic(body: dict[str, Any]) -> dict[str, Any]:
    """The Jenkins Notification plugin's message in our schema's terms."""
    build = _dict(body.get("build"))
    scm = _dict(build.get("scm"))
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
