"""The CI snippets of docs/ci run for real: each pipeline's shell steps are taken from the published file
(YAML parsed, `run:` / `script:` as written), run with bash the way the CI runs them, with the pipeline's
variables set as that CI sets them, against the three services as real processes. A release the gate
denies fails the job with the reasons printed and nothing deployed or recorded; a release it allows is
deployed (a stand-in `./deploy.sh` in a real git checkout) and its deployment is recorded and read back.

The install steps are not run here (they clone the TPM Hub repository and install from a package index);
the `tpm` of this checkout's environment stands in for what they install, and the paths they install from
are checked to be installable projects."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import httpx
import pytest
import yaml

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[1]
CI_DOCS = ROOT / "docs" / "ci"
PROJECT = "CISNIP"
BIN = Path(sys.executable).parent


# ---- the services' side: a project, a done story, releases gate-ready or not -------------------------


def finish(req: str, headers: dict[str, str], key: str) -> None:
    for c in httpx.get(f"{req}/v1/items/{key}/criteria", headers=headers).json():
        r = httpx.post(
            f"{req}/v1/criteria/{c['id']}/verify",
            headers=headers,
            json={"status": "passed", "evidence_url": "https://ci.example.com/1"},
        )
        assert r.status_code == 200, r.text
    for to in ("ready", "in_progress", "in_review", "done"):
        r = httpx.post(f"{req}/v1/items/{key}/transition", json={"to": to}, headers=headers)
        assert r.status_code == 200, r.text


@pytest.fixture(scope="module")
def story(stack) -> str:
    req = stack.url("requirements")
    admin = stack.headers("admin", PROJECT)
    r = httpx.post(f"{req}/v1/projects", json={"key": PROJECT, "name": "CI snippets"}, headers=admin)
    assert r.status_code == 201, r.text
    r = httpx.post(
        f"{req}/v1/projects/{PROJECT}/items", json={"type": "story", "title": "Ship it"}, headers=admin
    )
    assert r.status_code == 201, r.text
    key = r.json()["key"]
    r = httpx.post(f"{req}/v1/items/{key}/criteria", json={"text": "it works"}, headers=admin)
    assert r.status_code == 201, r.text
    finish(req, admin, key)
    return key


def release(stack, version: str, scope: list[str], *, ready: bool) -> str:
    """A release of PROJECT: approved with its checklist done (the gate allows it), or left in draft."""
    rel = stack.url("release")
    tpm = stack.headers("tpm", PROJECT, sub="tina")
    r = httpx.post(
        f"{rel}/v1/projects/{PROJECT}/releases",
        headers=tpm,
        json={"version": version, "scope": scope, "approvers": ["carol"]},
    )
    assert r.status_code == 201, r.text
    rid = r.json()["id"]
    if not ready:
        return rid
    assert httpx.post(f"{rel}/v1/releases/{rid}/submit", headers=tpm).status_code == 200
    r = httpx.post(
        f"{rel}/v1/releases/{rid}/approvals",
        json={"decision": "approve"},
        headers=stack.headers("engineer", PROJECT, sub="carol"),
    )
    assert r.json()["status"] == "approved", r.text
    for item in httpx.get(f"{rel}/v1/releases/{rid}/checklist", headers=tpm).json():
        r = httpx.patch(
            f"{rel}/v1/releases/{rid}/checklist/{item['id']}",
            headers=tpm,
            json={"status": "done", "evidence_url": "https://wiki.example.com/go"},
        )
        assert r.status_code == 200, r.text
    return rid


def deployments(stack, rid: str) -> list[dict]:
    r = httpx.get(
        f"{stack.url('release')}/v1/projects/{PROJECT}/deployments",
        params={"release_id": rid},
        headers=stack.headers("viewer", PROJECT),
    )
    assert r.status_code == 200, r.text
    return r.json()["items"]


# ---- the pipeline's side: a checkout, a deploy script, bash as the CI runs it ------------------------


@pytest.fixture
def checkout(tmp_path) -> tuple[Path, str]:
    """A real git work tree with one commit, and a `./deploy.sh` that leaves a mark (exit DEPLOY_EXIT)."""
    work = tmp_path / "repo"
    work.mkdir()
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "dev",
        "GIT_AUTHOR_EMAIL": "dev@example.com",
        "GIT_COMMITTER_NAME": "dev",
        "GIT_COMMITTER_EMAIL": "dev@example.com",
    }
    deploy = work / "deploy.sh"
    deploy.write_text(
        '#!/usr/bin/env bash\necho "deploying $*" | tee -a deployed.txt\nexit "${DEPLOY_EXIT:-0}"\n'
    )
    deploy.chmod(0o755)
    for args in (["init", "-q"], ["add", "deploy.sh"], ["commit", "-q", "-m", "PAY-1 ship it"]):
        subprocess.run(["git", *args], cwd=work, env=env, check=True, capture_output=True)
    sha = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=work, check=True, capture_output=True, text=True
    ).stdout.strip()
    return work, sha


def base_env(tmp: Path) -> dict[str, str]:
    """A clean CI-like environment: `tpm` on PATH, no stray TPM settings or config file."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TPM_", "GITHUB_", "CI_"))}
    env.update(
        {
            "PATH": f"{BIN}{os.pathsep}{env.get('PATH', '/usr/bin:/bin')}",
            "HOME": str(tmp),
            "TPM_CONFIG": str(tmp / "no-config.json"),
            "COLUMNS": "200",
            "NO_COLOR": "1",
        }
    )
    return env


def bash(script: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    # GitHub Actions runs `run:` as `bash --noprofile --norc -eo pipefail {0}`; GitLab stops at the first
    # failing line too.
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


class Job:
    def __init__(self) -> None:
        self.failed = False
        self.output = ""
        self.ran: list[str] = []


def run_github_job(
    env: dict[str, str],
    cwd: Path,
    *,
    secrets: dict[str, str],
    variables: dict[str, str],
    skip_install: bool = True,
) -> Job:
    doc = yaml.safe_load((CI_DOCS / "github-actions.yml").read_text())
    job_def = doc["jobs"]["deploy"]
    contexts = {"secrets": secrets, "vars": variables}

    def evaluate(value: object) -> str:
        return re.sub(
            r"\$\{\{\s*(secrets|vars)\.(\w+)\s*\}\}", lambda m: contexts[m[1]].get(m[2], ""), str(value)
        )

    env = {**env, **{k: evaluate(v) for k, v in job_def.get("env", {}).items()}}
    github_env = cwd.parent / "github_env"
    github_env.write_text("")
    env["GITHUB_ENV"] = str(github_env)
    outcomes: dict[str, str] = {}
    job = Job()
    for step in job_def["steps"]:
        if "run" not in step:
            continue  # actions (`uses:`): checkout and setup-python are what this test's checkout provides
        name = step["name"]
        if skip_install and name.startswith("Install"):
            continue
        condition = step.get("if")
        if condition is None:
            should_run = not job.failed
        elif condition == "failure() && steps.deploy.outcome == 'failure'":
            should_run = job.failed and outcomes.get("deploy") == "failure"
        else:
            raise AssertionError(f"the test does not know the condition {condition!r}")
        if not should_run:
            continue
        exported = dict(line.split("=", 1) for line in github_env.read_text().splitlines() if "=" in line)
        step_env = {**env, **exported, **{k: evaluate(v) for k, v in step.get("env", {}).items()}}
        result = bash(step["run"], step_env, cwd)
        job.ran.append(name)
        job.output += f"--- {name}\n{result.stdout}{result.stderr}"
        if "id" in step:
            outcomes[step["id"]] = "success" if result.returncode == 0 else "failure"
        if result.returncode != 0:
            job.failed = True
    return job


def run_gitlab_job(env: dict[str, str], cwd: Path) -> Job:
    doc = yaml.safe_load((CI_DOCS / "gitlab-ci.yml").read_text())
    job_def = doc["deploy-production"]
    env = {**env, **{k: str(v) for k, v in job_def.get("variables", {}).items()}}
    result = bash("\n".join(line.rstrip("\n") for line in job_def["script"]), env, cwd)
    job = Job()
    job.failed = result.returncode != 0
    job.output = result.stdout + result.stderr
    return job


def run_any_ci(env: dict[str, str], cwd: Path) -> Job:
    result = subprocess.run(
        ["bash", str(CI_DOCS / "any-ci.sh"), "./deploy.sh", "production"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    job = Job()
    job.failed = result.returncode != 0
    job.output = result.stdout + result.stderr
    return job


def pipeline(kind: str, stack, tag: str, sha: str, cwd: Path, *, deploy_exit: int = 0) -> Job:
    env = base_env(cwd.parent)
    env["DEPLOY_EXIT"] = str(deploy_exit)
    token = stack.make_token("ci", PROJECT, sub="ci:pipeline")
    if kind == "github":
        env.update(
            {
                "GITHUB_REF_NAME": tag,
                "GITHUB_REF": f"refs/tags/{tag}",
                "GITHUB_SHA": sha,
                "GITHUB_SERVER_URL": "https://github.com",
                "GITHUB_REPOSITORY": "acme/payments",
                "GITHUB_RUN_ID": "4242",
                "RUNNER_TEMP": str(cwd.parent),
            }
        )
        return run_github_job(
            env,
            cwd,
            secrets={"TPM_TOKEN": token},
            variables={"TPM_RELEASE_URL": stack.url("release"), "TPM_PROJECT": PROJECT},
        )
    committed = subprocess.run(
        ["git", "log", "-1", "--format=%cI"], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout.strip()
    env.update({"TPM_TOKEN": token, "TPM_RELEASE_URL": stack.url("release"), "TPM_PROJECT": PROJECT})
    if kind == "gitlab":
        env.update(
            {
                "CI_COMMIT_TAG": tag,
                "CI_COMMIT_SHA": sha,
                "CI_COMMIT_TIMESTAMP": committed,
                "CI_JOB_URL": "https://gitlab.example.com/acme/payments/-/jobs/4242",
            }
        )
        return run_gitlab_job(env, cwd)
    env.update({"CI_COMMIT_TAG": tag, "TPM_RUN_URL": "https://jenkins.example.com/job/payments/4242/"})
    return run_any_ci(env, cwd)


KINDS = ["github", "gitlab", "any"]
EXPECTED_URL = {
    "github": "https://github.com/acme/payments/actions/runs/4242",
    "gitlab": "https://gitlab.example.com/acme/payments/-/jobs/4242",
    "any": "https://jenkins.example.com/job/payments/4242/",
}


# ---- the tests ----------------------------------------------------------------------------------------


def test_snippets_parse_and_install_from_real_paths():
    gh = yaml.safe_load((CI_DOCS / "github-actions.yml").read_text())
    steps = {s.get("name"): s for s in gh["jobs"]["deploy"]["steps"]}
    install = steps["Install the tpm CLI"]["run"]
    gl = yaml.safe_load((CI_DOCS / "gitlab-ci.yml").read_text())
    gl_install = "\n".join(gl["deploy-production"]["before_script"])
    for text in (install, gl_install, (CI_DOCS / "any-ci.sh").read_text()):
        for project in ("clients/python", "clients/cli"):
            assert f"{project}" in text
            assert (ROOT / project / "pyproject.toml").is_file()
    # The tags the pipelines run on are the tags the snippets resolve to a release version.
    triggers = gh["on"] if "on" in gh else gh[True]  # YAML 1.1 reads a bare `on` key as true
    assert triggers["push"]["tags"] == ["v*.*.*", "[0-9]*.*.*"]
    rule = gl["deploy-production"]["rules"][0]["if"]
    pattern = re.search(r"=~ /(.*)/$", rule)[1]
    assert re.match(pattern, "v1.4.0") and re.match(pattern, "1.4.0") and not re.match(pattern, "main")
    assert subprocess.run(["bash", "-n", str(CI_DOCS / "any-ci.sh")]).returncode == 0


@pytest.mark.parametrize("kind", KINDS)
def test_denied_release_fails_the_job_with_the_reasons(stack, story, checkout, kind):
    work, sha = checkout
    n = KINDS.index(kind)
    rid = release(stack, f"2.{n}.0", [story], ready=False)  # a draft: not approved, checklist open
    job = pipeline(kind, stack, f"v2.{n}.0", sha, work)
    assert job.failed, job.output
    assert "DENIED" in job.output, job.output
    assert "✗ state" in job.output and "✗ approvals" in job.output, job.output
    assert not (work / "deployed.txt").exists(), "deployed although the gate said no"
    assert deployments(stack, rid) == []


@pytest.mark.parametrize("kind", KINDS)
def test_allowed_release_deploys_and_records_the_deployment(stack, story, checkout, kind):
    work, sha = checkout
    n = KINDS.index(kind)
    rid = release(stack, f"3.{n}.0", [story], ready=True)
    job = pipeline(kind, stack, f"v3.{n}.0", sha, work)
    assert not job.failed, job.output
    assert "ALLOWED" in job.output, job.output
    deployed = (work / "deployed.txt").read_text().strip()
    assert deployed == ("deploying production" if kind == "any" else f"deploying production 3.{n}.0")
    [dep] = deployments(stack, rid)
    assert dep["environment"] == "production" and dep["status"] == "succeeded", dep
    assert dep["commit_sha"] == sha and dep["release_id"] == rid and dep["project_key"] == PROJECT
    assert dep["created_by"] == "ci:pipeline" and dep["url"] == EXPECTED_URL[kind]
    assert dep["committed_at"] is not None and dep["lead_time_seconds"] is not None
    assert dep["finished_at"] is not None
    # As instants, not strings: "…:13Z" sorts after "…:13.918784Z" as text.
    assert datetime.fromisoformat(dep["started_at"]) <= datetime.fromisoformat(dep["finished_at"])


@pytest.mark.parametrize("kind", ["github", "any"])
def test_a_failed_deploy_is_recorded_as_failed(stack, story, checkout, kind):
    work, sha = checkout
    n = KINDS.index(kind)
    rid = release(stack, f"4.{n}.0", [story], ready=True)
    job = pipeline(kind, stack, f"v4.{n}.0", sha, work, deploy_exit=1)
    assert job.failed, job.output
    [dep] = deployments(stack, rid)
    assert dep["status"] == "failed" and dep["commit_sha"] == sha, dep


def test_gate_by_project_and_version_usage_and_unknown(stack, story, tmp_path):
    env = base_env(tmp_path)
    env.update(
        {
            "TPM_TOKEN": stack.make_token("ci", PROJECT, sub="ci:pipeline"),
            "TPM_RELEASE_URL": stack.url("release"),
        }
    )

    def tpm(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(BIN / "tpm"), *args], env=env, capture_output=True, text=True, timeout=60)

    unknown = tpm("release", "gate", "--project", PROJECT, "--version", "9.9.9")
    assert unknown.returncode == 2 and "No release 9.9.9" in unknown.stderr, unknown
    assert tpm("release", "gate", "--project", PROJECT).returncode == 2  # a version is needed
    assert tpm("release", "gate", "some-id", "--project", PROJECT, "--version", "1.0.0").returncode == 2
    env["TPM_RELEASE_URL"] = "http://127.0.0.1:9"
    assert tpm("release", "gate", "--project", PROJECT, "--version", "1.0.0").returncode == 3
