"""Developer commands behind `make up` and `make token`."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import httpx
import typer

from tpmhub_shared.auth import issue_token
from tpmhub_shared.settings import CommonSettings
from tpmhub_shared.vocabulary import ROLES

cli = typer.Typer(help="TPM Hub developer commands.", no_args_is_help=True, add_completion=False)

SERVICES = [
    ("requirements-svc", "requirements_svc", "REQUIREMENTS", 8001),
    ("risk-svc", "risk_svc", "RISK", 8002),
    ("release-svc", "release_svc", "RELEASE", 8003),
]


def _common() -> CommonSettings:
    try:
        return CommonSettings()
    except Exception as exc:  # configuration errors are the user's to fix: say so plainly
        typer.secho(f"configuration error: {exc}", err=True, fg=typer.colors.RED)
        raise SystemExit(78) from None


@cli.command()
def token(
    role: str = typer.Option("admin", help=f"One of {', '.join(ROLES)}."),
    project: str = typer.Option("*", help="Project key, or * for every project."),
    sub: str = typer.Option("dev", help="The user id (JWT sub)."),
    name: str = typer.Option("", help="Display name."),
    ttl_hours: float = typer.Option(12.0, help="Lifetime in hours."),
) -> None:
    """Print a bearer token signed with TPM_JWT_SECRET (the development secret by default)."""
    if role not in ROLES:
        typer.secho(f"unknown role '{role}'; use one of {', '.join(ROLES)}", err=True, fg=typer.colors.RED)
        raise SystemExit(2)
    typer.echo(
        issue_token(
            _common(), sub=sub, name=name or sub, roles={project: role}, ttl_seconds=int(ttl_hours * 3600)
        )
    )


@cli.command()
def up() -> None:
    """Migrate and start all three services (SQLite under var/ unless *_DATABASE_URL say otherwise);
    Ctrl-C stops them."""
    common = _common()
    os.makedirs("var", exist_ok=True)
    ports = {prefix: int(os.environ.get(f"{prefix}_PORT", default)) for _, _, prefix, default in SERVICES}
    env = dict(os.environ)
    env.update({f"TPM_{prefix}_URL": f"http://127.0.0.1:{port}" for prefix, port in ports.items()})
    for name, module, _, _ in SERVICES:
        result = subprocess.run([sys.executable, "-m", module, "migrate"], env=env)
        if result.returncode != 0:
            typer.secho(f"{name}: migration failed", err=True, fg=typer.colors.RED)
            raise SystemExit(result.returncode)
    procs: list[subprocess.Popen[bytes]] = []

    def stop_all(*_: object) -> None:
        for p in procs:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        for p in procs:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()

    signal.signal(signal.SIGTERM, lambda *_: (stop_all(), sys.exit(0)))
    try:
        for _, module, prefix, _ in SERVICES:
            command = [sys.executable, "-m", module, "serve", "--no-migrate", "--port", str(ports[prefix])]
            procs.append(subprocess.Popen(command, env=env))
        deadline = time.monotonic() + 60
        pending = {prefix for _, _, prefix, _ in SERVICES}
        while pending and time.monotonic() < deadline:
            for prefix in list(pending):
                try:
                    if httpx.get(f"http://127.0.0.1:{ports[prefix]}/readyz", timeout=1).status_code == 200:
                        pending.discard(prefix)
                except httpx.HTTPError:
                    pass
            if any(p.poll() is not None for p in procs):
                typer.secho(
                    "a service exited during start-up; see its log above", err=True, fg=typer.colors.RED
                )
                stop_all()
                raise SystemExit(1)
            time.sleep(0.2)
        if pending:
            typer.secho(f"not ready after 60 s: {', '.join(sorted(pending))}", err=True, fg=typer.colors.RED)
            stop_all()
            raise SystemExit(1)
        dev_token = issue_token(
            common, sub="dev", name="Developer", roles={"*": "admin"}, ttl_seconds=12 * 3600
        )
        lines = ["", "TPM Hub is up:"]
        for name, _, prefix, _ in SERVICES:
            lines.append(f"  {name:17} http://127.0.0.1:{ports[prefix]}/docs")
        lines += [
            "",
            "Dev admin token (Swagger → Authorize; valid 12 h):",
            f"  {dev_token}",
            "",
            "Press Ctrl-C to stop.",
            "",
        ]
        typer.echo("\n".join(lines))
        while all(p.poll() is None for p in procs):
            time.sleep(0.5)
        typer.secho("a service stopped; stopping the others", err=True, fg=typer.colors.YELLOW)
    except KeyboardInterrupt:
        typer.echo("\nstopping…")
    finally:
        stop_all()


if __name__ == "__main__":
    cli()
