"""tpm — the daily TPM flows from a terminal: projects, PRDs, backlog, risks, releases, the gate, rollouts."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from tpmhub_cli.api import Api, ApiError
from tpmhub_cli.config import Config

app = typer.Typer(help="TPM Hub command line.", no_args_is_help=True, add_completion=False,
                  pretty_exceptions_enable=False)
project_app = typer.Typer(help="Projects.", no_args_is_help=True)
prd_app = typer.Typer(help="PRDs: write from Markdown, submit, review, diff.", no_args_is_help=True)
item_app = typer.Typer(help="Backlog items and acceptance criteria.", no_args_is_help=True)
risk_app = typer.Typer(help="The risk register.", no_args_is_help=True)
release_app = typer.Typer(help="Releases, checklist, approvals and the gate.", no_args_is_help=True)
rollout_app = typer.Typer(help="Gray rollouts and cohort decisions.", no_args_is_help=True)
deployment_app = typer.Typer(help="Deployment records (DORA).", no_args_is_help=True)
for sub, name in [(project_app, "project"), (prd_app, "prd"), (item_app, "item"), (risk_app, "risk"),
                  (release_app, "release"), (rollout_app, "rollout"), (deployment_app, "deployment")]:
    app.add_typer(sub, name=name)

console = Console()
err = Console(stderr=True)


class Output(str, Enum):
    table = "table"
    json = "json"


class State:
    output: Output = Output.table


state = State()


@app.callback()
def main(output: Annotated[Output, typer.Option("--output", "-o", help="table (people) or json (scripts)")]
         = Output.table) -> None:
    state.output = output


def api() -> Api:
    return Api(Config.load())


def emit(data: Any, columns: list[str] | None = None, title: str | None = None) -> None:
    """Print `data` as JSON (--output json) or as a table/summary for people."""
    if state.output is Output.json:
        sys.stdout.write(json.dumps(data, indent=2, default=str) + "\n")
        return
    rows = data.get("items") if isinstance(data, dict) and "items" in data else data
    if isinstance(rows, list) and columns:
        table = Table(title=title)
        for c in columns:
            table.add_column(c)
        for row in rows:
            table.add_row(*[_cell(row.get(c)) for c in columns])
        console.print(table)
    elif isinstance(data, dict):
        for key, value in data.items():
            console.print(f"[bold]{key}[/bold]: {_cell(value)}")
    else:
        console.print(data)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, default=str) if not isinstance(value, list) or any(
            isinstance(v, dict) for v in value) else ", ".join(map(str, value))
    return str(value)


# ---- login and projects -------------------------------------------------------------------------------


@app.command()
def login(token: Annotated[str, typer.Option(help="Bearer token (`make token`).")],
          requirements_url: str | None = None, risk_url: str | None = None, release_url: str | None = None) -> None:
    """Store the token and base URLs in the config file."""
    config = Config.load()
    config.token = token
    config.requirements_url = requirements_url or config.requirements_url
    config.risk_url = risk_url or config.risk_url
    config.release_url = release_url or config.release_url
    path = config.save()
    console.print(f"saved to {path}")


@project_app.command("list")
def project_list() -> None:
    emit(api().pages("requirements", "/v1/projects"), ["key", "name", "owner", "status"], "Projects")


@project_app.command("create")
def project_create(key: str, name: str, owner: str | None = None, background: str = "") -> None:
    emit(api().call("requirements", "POST", "/v1/projects",
                    json={"key": key, "name": name, "owner": owner, "background": background}))


@project_app.command("show")
def project_show(key: str) -> None:
    emit(api().call("requirements", "GET", f"/v1/projects/{key}"))


# ---- PRDs ---------------------------------------------------------------------------------------------

PRD_SECTIONS = ["background", "goals", "non_goals", "user_scenarios", "functional_requirements",
                "non_functional_requirements", "metrics", "open_questions", "design_links"]


def markdown_sections(text: str) -> tuple[str | None, dict[str, str]]:
    """`# Title` and `## Section` headings → title and PRD sections (heading text normalised to a key)."""
    title = None
    sections: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        if line.startswith("# ") and title is None:
            title = line[2:].strip()
            continue
        if line.startswith("## "):
            key = re.sub(r"[^a-z0-9]+", "_", line[3:].strip().lower()).strip("_")
            key = {"non_functional": "non_functional_requirements", "functional": "functional_requirements",
                   "scenarios": "user_scenarios", "questions": "open_questions"}.get(key, key)
            if key not in PRD_SECTIONS:
                raise typer.BadParameter(f"unknown section '## {line[3:].strip()}'; use: {', '.join(PRD_SECTIONS)}")
            current = key
            sections[current] = []
            continue
        if current:
            sections[current].append(line)
    return title, {k: "\n".join(v).strip() for k, v in sections.items()}


@prd_app.command("create")
def prd_create(project: str, file: Annotated[Path, typer.Argument(exists=True, dir_okay=False)],
               title: str | None = None) -> None:
    """Create a PRD from a Markdown file: `# Title`, then `## Background`, `## Goals`, …"""
    md_title, sections = markdown_sections(file.read_text())
    body = {"title": title or md_title or file.stem, "sections": sections}
    emit(api().call("requirements", "POST", f"/v1/projects/{project}/prds", json=body))


@prd_app.command("submit")
def prd_submit(prd_id: str, reviewer: Annotated[list[str], typer.Option("--reviewer", "-r")],
               quorum: int | None = None) -> None:
    emit(api().call("requirements", "POST", f"/v1/prds/{prd_id}/submit",
                    json={"reviewers": [{"reviewer": r} for r in reviewer], "quorum": quorum}))


@prd_app.command("review")
def prd_review(prd_id: str, approve: Annotated[bool, typer.Option("--approve/--request-changes")],
               comment: str = "") -> None:
    decision = "approve" if approve else "request_changes"
    emit(api().call("requirements", "POST", f"/v1/prds/{prd_id}/decide",
                    json={"decision": decision, "comment": comment}))


@prd_app.command("diff")
def prd_diff(prd_id: str, from_version: int, to_version: int) -> None:
    emit(api().call("requirements", "GET", f"/v1/prds/{prd_id}/diff",
                    params={"from": from_version, "to": to_version}))


# ---- backlog ------------------------------------------------------------------------------------------


@item_app.command("list")
def item_list(project: str, type: str | None = None, status: str | None = None, assignee: str | None = None,
              label: str | None = None, q: str | None = None, sort: str = "rank", limit: int = 50) -> None:
    page = api().call("requirements", "GET", f"/v1/projects/{project}/items",
                      params={"type": type, "status": status, "assignee": assignee, "label": label, "q": q,
                              "sort": sort, "limit": limit})
    emit(page, ["key", "type", "title", "status", "priority", "points", "assignee"], f"{project} backlog")


@item_app.command("create")
def item_create(project: str, title: str, type: str = "story", parent: str | None = None,
                points: float | None = None, priority: str | None = None, assignee: str | None = None,
                criterion: Annotated[list[str], typer.Option("--criterion", "-c")] = []) -> None:  # noqa: B006
    body = {"type": type, "title": title, "parent": parent, "points": points, "priority": priority,
            "assignee": assignee, "criteria": criterion}
    emit(api().call("requirements", "POST", f"/v1/projects/{project}/items",
                    json={k: v for k, v in body.items() if v not in (None, [])}))


@item_app.command("move")
def item_move(key: str, before: str | None = None, after: str | None = None) -> None:
    emit(api().call("requirements", "POST", f"/v1/items/{key}/move", json={"before": before, "after": after}))


@item_app.command("transition")
def item_transition(key: str, to: str, note: str | None = None) -> None:
    emit(api().call("requirements", "POST", f"/v1/items/{key}/transition", json={"to": to, "note": note}))


@item_app.command("delete")
def item_delete(key: str) -> None:
    """Delete a backlog item (a soft delete: its history stays readable). Refused while it has child items or
    while a release scope or a risk link holds it; the refusal names the holders."""
    client = api()
    current = client.call("requirements", "GET", f"/v1/items/{key}", raw=True)
    client.call("requirements", "DELETE", f"/v1/items/{key}", headers={"If-Match": current.headers["ETag"]})
    emit({"deleted": key})


@item_app.command("criteria")
def item_criteria(key: str) -> None:
    emit(api().call("requirements", "GET", f"/v1/items/{key}/criteria"), ["id", "text", "status", "evidence_url"])


@item_app.command("pass")
def criterion_pass(criterion_id: str, evidence: str | None = None) -> None:
    emit(api().call("requirements", "POST", f"/v1/criteria/{criterion_id}/verify",
                    json={"status": "passed", "evidence_url": evidence}))


@item_app.command("fail")
def criterion_fail(criterion_id: str, evidence: str | None = None) -> None:
    emit(api().call("requirements", "POST", f"/v1/criteria/{criterion_id}/verify",
                    json={"status": "failed", "evidence_url": evidence}))


@app.command("import")
def import_csv(project: str, file: Annotated[Path, typer.Argument(exists=True, dir_okay=False)],
               chunk: int = typer.Option(200, help="Rows per request (each chunk all-or-nothing).")) -> None:
    """Import a Jira CSV export, in chunks with a progress bar; prints the rejected rows."""
    text = file.read_text(encoding="utf-8-sig")
    reader = list(csv.reader(io.StringIO(text)))
    if not reader:
        raise ApiError("The CSV file is empty.")
    header, rows = reader[0], reader[1:]
    client, created, rejected = api(), 0, []
    with Progress(console=err, transient=True) as progress:
        task = progress.add_task("importing", total=len(rows))
        for start in range(0, len(rows), chunk):
            part = rows[start:start + chunk]
            buf = io.StringIO()
            csv.writer(buf).writerows([header, *part])
            try:
                result = client.call("requirements", "POST", f"/v1/projects/{project}/items/import",
                                     content=buf.getvalue().encode(), headers={"Content-Type": "text/csv"})
                created += len(result.get("items", result.get("created", [])) or [])
            except ApiError as exc:
                for e in exc.problem.get("errors") or [{"loc": "file", "message": str(exc)}]:
                    rejected.append({"rows_from": start + 2, "where": e.get("loc"), "error": e.get("message")})
            progress.advance(task, len(part))
    emit({"created": created, "rejected": rejected} if state.output is Output.json else
         {"created": created, "rejected_chunks": len({r["rows_from"] for r in rejected})})
    if rejected and state.output is Output.table:
        emit(rejected, ["rows_from", "where", "error"], "Rejected")
    if rejected:
        raise typer.Exit(1)


# ---- risks --------------------------------------------------------------------------------------------


@risk_app.command("list")
def risk_list(project: str, status: str | None = None, level: str | None = None) -> None:
    page = api().call("risk", "GET", f"/v1/projects/{project}/risks",
                      params={"status": status, "level": level, "limit": 100})
    emit(page, ["key", "title", "category", "score", "level", "status", "owner"], f"{project} risks")


@risk_app.command("heatmap")
def risk_heatmap(project: str, residual: bool = False) -> None:
    """The P×I grid, coloured by level."""
    data = api().call("risk", "GET", f"/v1/projects/{project}/risks/heatmap",
                      params={"basis": "residual" if residual else "inherent"})
    if state.output is Output.json:
        emit(data)
        return
    counts: dict[tuple[int, int], int] = {}
    for cell in data.get("cells", []):
        counts[(int(cell["probability"]), int(cell["impact"]))] = int(cell["count"])
    table = Table(title=f"{project} risk heatmap ({'residual' if residual else 'inherent'})")
    table.add_column("P \\ I")
    for impact in range(1, 6):
        table.add_column(str(impact), justify="center")
    for probability in range(5, 0, -1):
        cells = []
        for impact in range(1, 6):
            score = probability * impact
            colour = "red" if score >= 17 else "dark_orange" if score >= 10 else "yellow" if score >= 5 else "green"
            n = counts.get((probability, impact), 0)
            cells.append(f"[{colour}]{n if n else '·'}[/{colour}]")
        table.add_row(str(probability), *cells)
    console.print(table)


@risk_app.command("review")
def risk_review(key: str, outcome: str, notes: str = "") -> None:
    emit(api().call("risk", "POST", f"/v1/risks/{key}/reviews", json={"outcome": outcome, "notes": notes}))


@risk_app.command("escalate")
def risk_escalate(key: str, reason: str) -> None:
    emit(api().call("risk", "POST", f"/v1/risks/{key}/escalate", json={"reason": reason}))


# ---- releases and the gate ----------------------------------------------------------------------------


@release_app.command("create")
def release_create(project: str, version: str, name: str = "",
                   scope: Annotated[list[str], typer.Option("--item", "-i")] = []) -> None:  # noqa: B006
    emit(api().call("release", "POST", f"/v1/projects/{project}/releases",
                    json={"version": version, "name": name, "scope": scope}))


@release_app.command("plan")
def release_plan(release_id: str) -> None:
    emit(api().call("release", "GET", f"/v1/releases/{release_id}/plan"))


@release_app.command("checklist")
def release_checklist(release_id: str, tick: Annotated[str | None, typer.Option(help="Item id to mark done.")]
                      = None, evidence: str | None = None) -> None:
    client = api()
    if tick:
        client.call("release", "PATCH", f"/v1/releases/{release_id}/checklist/{tick}",
                    json={"status": "done", "evidence_url": evidence})
    data = client.call("release", "GET", f"/v1/releases/{release_id}/checklist")
    emit(data, ["id", "title", "owner", "status", "evidence_url"], "Go/no-go checklist")


@release_app.command("approve")
def release_approve(release_id: str, comment: str = "") -> None:
    emit(api().call("release", "POST", f"/v1/releases/{release_id}/approvals",
                    json={"decision": "approve", "comment": comment}))


def release_version(version: str) -> str:
    """A tag such as `v1.4.0` names release 1.4.0 (release versions are SemVer without a `v`)."""
    version = version.strip()
    return version[1:] if re.match(r"^[vV]\d", version) else version


def resolve_release(client: Api, release_id: str | None, project: str | None, version: str | None) -> str:
    """The release id given, or the id of the project's release with that version (usage error if none)."""
    if release_id:
        if project or version:
            raise typer.BadParameter("give a release id or --project and --version, not both")
        return release_id
    if not (project and version):
        raise typer.BadParameter("give a release id, or both --project and --version")
    wanted = release_version(version)
    page = client.call("release", "GET", f"/v1/projects/{project}/releases",
                       params={"version": wanted, "limit": 1})
    if not page["items"]:
        raise ApiError(f"No release {wanted} in project {project}.", 404)
    return str(page["items"][0]["id"])


# Exit codes of `tpm release gate`: CI must tell "no" from "could not ask".
GATE_ALLOWED, GATE_DENIED, GATE_USAGE, GATE_UNREACHABLE = 0, 1, 2, 3


@release_app.command(
    "gate",
    epilog="Exit codes: 0 allowed; 1 denied (every failing check is printed); 2 usage error (bad "
    "arguments, or the service refused the question: unknown release or environment, invalid token, no "
    "role); 3 could not ask (a service unreachable, timed out or failed with 5xx). Treat 2 and 3 as "
    "\"no answer\", never as \"allowed\".",
)
def release_gate(
    release_id: Annotated[str | None, typer.Argument(help="The release id; or name it with --project and "
                                                       "--version.")] = None,
    project: Annotated[str | None, typer.Option("--project", "-p", help="Project key, e.g. PAY.")] = None,
    version: Annotated[str | None, typer.Option("--version", "-V", help="Release version, e.g. 1.4.0 (a "
                                                "tag's leading `v` is dropped).")] = None,
    environment: str = "production",
) -> None:
    """Ask the gate whether the release may deploy now, with every reason."""
    try:
        client = api()
        release_id = resolve_release(client, release_id, project, version)
        result = client.call("release", "GET", f"/v1/releases/{release_id}/gate",
                             params={"environment": environment})
    except ApiError as exc:
        err.print(f"[red]error:[/red] {exc}")
        could_not_ask = exc.unreachable or (exc.status or 0) >= 500
        raise typer.Exit(GATE_UNREACHABLE if could_not_ask else GATE_USAGE) from None
    if state.output is Output.json:
        emit(result)
    else:
        verdict = "[green]ALLOWED[/green]" if result["allowed"] else "[red]DENIED[/red]"
        console.print(f"gate for {result.get('version', release_id)} ({environment}): {verdict}")
        for check in result["checks"]:
            mark = "[green]✓[/green]" if check["passed"] else "[red]✗[/red]"
            ids = f" [{', '.join(map(str, check.get('offending_ids') or []))}]" if check.get("offending_ids") else ""
            console.print(f"  {mark} {check['name']}: {check['reason']}{ids}")
    raise typer.Exit(GATE_ALLOWED if result["allowed"] else GATE_DENIED)


# ---- deployments --------------------------------------------------------------------------------------


class DeploymentStatus(str, Enum):
    in_progress = "in_progress"
    succeeded = "succeeded"
    failed = "failed"
    rolled_back = "rolled_back"


@deployment_app.command("record")
def deployment_record(
    project: Annotated[str, typer.Option("--project", "-p", help="Project key, e.g. PAY.")],
    commit: Annotated[str, typer.Option("--commit", help="The deployed commit SHA (7 to 64 hex digits).")],
    environment: Annotated[str, typer.Option("--environment", "-e")] = "production",
    version: Annotated[str | None, typer.Option("--version", "-V", help="Release version deployed (a tag's "
                                                "leading `v` is dropped).")] = None,
    release_id: Annotated[str | None, typer.Option("--release-id", help="Release id deployed.")] = None,
    status: Annotated[DeploymentStatus, typer.Option("--status", "-s")] = DeploymentStatus.succeeded,
    started_at: Annotated[str | None, typer.Option(help="ISO 8601 with a zone; default now.")] = None,
    finished_at: Annotated[str | None, typer.Option(help="ISO 8601 with a zone; default now unless "
                                                    "in_progress.")] = None,
    committed_at: Annotated[str | None, typer.Option(help="When the commit was made (lead time), e.g. "
                                                     "`git log -1 --format=%cI`.")] = None,
    url: Annotated[str | None, typer.Option(help="Link to the pipeline or job.")] = None,
) -> None:
    """Record a deployment (for DORA): after the deploy step of a pipeline, with what was deployed."""
    from datetime import UTC, datetime

    client = api()
    if release_id and version:
        raise typer.BadParameter("give --release-id or --version, not both")
    rid = release_id or (resolve_release(client, None, project, version) if version else None)
    now = datetime.now(UTC).isoformat().replace("+00:00", "Z")
    body: dict[str, Any] = {
        "environment": environment,
        "commit_sha": commit.strip().lower(),
        "release_id": rid,
        "status": status.value,
        "started_at": started_at or None,
        "committed_at": committed_at or None,
        "url": url or None,
    }
    if status is not DeploymentStatus.in_progress:
        body["finished_at"] = finished_at or now
        body["started_at"] = body["started_at"] or body["finished_at"]
    elif finished_at:
        body["finished_at"] = finished_at
    data = client.call("release", "POST", f"/v1/projects/{project}/deployments",
                       json={k: v for k, v in body.items() if v is not None})
    if state.output is Output.json:
        emit(data)
    else:
        console.print(f"recorded deployment {data['id']}: {data.get('environment')} {data.get('status')} "
                      f"({data.get('commit_sha', '')[:12]})")


@app.command()
def dora(project: str, days: int = typer.Option(30, min=1, max=366, help="Window length in days."),
         until: str | None = typer.Option(None, help="Window end (ISO date or time); default now."),
         environment: str = "production") -> None:
    """Delivery metrics (DORA) for a window of N days (the last 30 by default)."""
    from datetime import UTC, datetime, timedelta

    end = datetime.fromisoformat(until) if until else datetime.now(UTC)
    end = end if end.tzinfo else end.replace(tzinfo=UTC)
    emit(api().call("release", "GET", f"/v1/projects/{project}/dora", params={
        "from": (end - timedelta(days=days)).isoformat(), "to": end.isoformat(), "environment": environment}))


# ---- rollouts -----------------------------------------------------------------------------------------


OverrideReason = Annotated[str | None, typer.Option(
    "--override-reason",
    help="tpm/admin: go on although the release gate denies, with this reason (recorded in the audit trail).")]


def _rollout_action(rollout_id: str, action: str, reason: str | None, override_reason: str | None = None) -> None:
    body: dict[str, Any] = {"reason": reason} if reason else {}
    if override_reason is not None:
        body["override_gate"] = {"reason": override_reason}
    emit(api().call("release", "POST", f"/v1/rollouts/{rollout_id}/{action}", json=body))


@rollout_app.command("start")
def rollout_start(rollout_id: str, reason: str | None = None, override_reason: OverrideReason = None) -> None:
    """Start the rollout; the release gate is asked first (a denial lists each failing check)."""
    _rollout_action(rollout_id, "start", reason, override_reason)


@rollout_app.command("status")
def rollout_status(rollout_id: str) -> None:
    data = api().call("release", "GET", f"/v1/rollouts/{rollout_id}")
    if state.output is Output.json:
        emit(data)
        return
    console.print(f"[bold]{data.get('name') or rollout_id}[/bold] {data['status']} at {data['current_percent']}%"
                  + (f" (paused: {data['pause_reason']})" if data.get("pause_reason") else ""))
    emit(data["stages"], ["index", "percent", "operator", "min_hold_seconds", "guardrails", "failed_checks"])


@rollout_app.command("advance")
def rollout_advance(rollout_id: str, reason: str | None = None, override_reason: OverrideReason = None) -> None:
    """Advance to the next stage; the release gate is asked first."""
    _rollout_action(rollout_id, "advance", reason, override_reason)


@rollout_app.command("complete")
def rollout_complete(rollout_id: str, reason: str | None = None, override_reason: OverrideReason = None) -> None:
    """Finish at the last stage; the release gate is asked first."""
    _rollout_action(rollout_id, "complete", reason, override_reason)


@rollout_app.command("pause")
def rollout_pause(rollout_id: str, reason: str = "paused from the CLI") -> None:
    _rollout_action(rollout_id, "pause", reason)


@rollout_app.command("resume")
def rollout_resume(rollout_id: str, reason: str | None = None) -> None:
    _rollout_action(rollout_id, "resume", reason)


@rollout_app.command("rollback")
def rollout_rollback(rollout_id: str, reason: str = "rolled back from the CLI") -> None:
    _rollout_action(rollout_id, "rollback", reason)


@rollout_app.command("abort")
def rollout_abort(rollout_id: str, reason: str = typer.Option(..., "--reason", help="Why (required).")) -> None:
    """Stop the rollout for good (a draft, or while running or paused): nobody is exposed any more."""
    emit(api().call("release", "POST", f"/v1/rollouts/{rollout_id}/abort", json={"reason": reason}))


@rollout_app.command("schedule")
def rollout_schedule(
    rollout_id: str,
    action: str = typer.Argument(..., help="start or advance"),
    at: str = typer.Option(..., "--at", help="When (ISO 8601; without an offset: UTC)."),
    reason: str = typer.Option(..., "--reason", help="Why (required)."),
) -> None:
    """Start or advance the rollout at a given time (refused inside a freeze window)."""
    emit(api().call("release", "POST", f"/v1/rollouts/{rollout_id}/schedules",
                    json={"action": action, "at": at, "reason": reason}))


@rollout_app.command("schedules")
def rollout_schedules(rollout_id: str) -> None:
    """The rollout's scheduled actions with their status."""
    data = api().call("release", "GET", f"/v1/rollouts/{rollout_id}/schedules", params={"limit": 200})
    emit(data["items"], ["id", "action", "at", "status", "created_by", "failure_reason"])


@rollout_app.command("unschedule")
def rollout_unschedule(rollout_id: str, schedule_id: str) -> None:
    """Cancel a pending scheduled action."""
    emit(api().call("release", "DELETE", f"/v1/rollouts/{rollout_id}/schedules/{schedule_id}"))


@rollout_app.command("portfolio")
def rollout_portfolio(status: str = "running,paused", project: str | None = None) -> None:
    """Every running or paused rollout across the projects you can read (first 200)."""
    params: dict[str, Any] = {"status": status, "limit": 200}
    if project:
        params["project"] = project
    data = api().call("release", "GET", "/v1/rollouts", params=params)
    emit(data["items"], ["id", "project_key", "version", "status", "current_percent", "operator",
                         "hold_left_seconds", "guardrail_outcome"])


@rollout_app.command("decide")
def rollout_decide(rollout_id: str, unit: Annotated[list[str], typer.Argument()]) -> None:
    """Is each unit in the rollout's cohort now?"""
    if len(unit) == 1:
        data = api().call("release", "GET", f"/v1/rollouts/{rollout_id}/decide", params={"unit": unit[0]})
        emit(data)
    else:
        data = api().call("release", "POST", f"/v1/rollouts/{rollout_id}/decide", json={"units": unit})
        emit(data.get("decisions", data), ["unit", "enabled", "bucket"])


# ---- health and reports -------------------------------------------------------------------------------


@app.command()
def health(project: str) -> None:
    """Derived project health with every rule that fired."""
    data = api().call("requirements", "GET", f"/v1/projects/{project}/health")
    if state.output is Output.json:
        emit(data)
        return
    colour = {"on_track": "green", "at_risk": "yellow", "off_track": "red"}.get(data.get("status"), "white")
    console.print(f"{project}: [{colour}]{data.get('status')}[/{colour}]")
    if data.get("override"):
        console.print(f"  overridden: {data['override'].get('note', '')}")
    for rule in data.get("rules", []):
        console.print(f"  • [{rule.get('severity', '')}] {rule.get('title', rule.get('rule', ''))}")
    if not data.get("complete", True):
        console.print("  (some facts were unavailable: a sibling service did not answer)")


@app.command()
def report(project: str, week: bool = typer.Option(False, "--week", help="Weekly instead of daily."),
           date: str | None = None) -> None:
    """The status report as Markdown on stdout (paste it into chat or mail)."""
    text = api().call("requirements", "GET", f"/v1/projects/{project}/reports",
                      params={"period": "week" if week else "day", "date": date, "format": "markdown"})
    sys.stdout.write(text if isinstance(text, str) else json.dumps(text, indent=2))


def run() -> None:
    try:
        app()
    except ApiError as exc:
        err.print(f"[red]error:[/red] {exc}")
        sys.exit(1)
    except typer.BadParameter as exc:
        err.print(f"[red]error:[/red] {exc}")
        sys.exit(2)
