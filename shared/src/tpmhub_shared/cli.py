"""The command line every service has: `python -m <svc> serve | migrate | makemigration | openapi`."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import typer
from alembic import command
from pydantic import ValidationError

from tpmhub_shared.app import ServiceSpec, migration_config
from tpmhub_shared.settings import InsecureSettingsError, ServiceSettings


def load_settings(settings_cls: type[ServiceSettings]) -> ServiceSettings:
    """Settings from the environment; a bad or insecure configuration exits with a clear message."""
    try:
        return settings_cls()
    except (ValidationError, InsecureSettingsError, ValueError) as exc:
        message = str(exc)
        if isinstance(exc, ValidationError):
            message = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        typer.secho(f"configuration error: {message}", err=True, fg=typer.colors.RED)
        raise SystemExit(78) from None  # EX_CONFIG


def service_cli(spec: ServiceSpec, settings_cls: type[ServiceSettings], app_path: str) -> Callable[[], None]:
    cli = typer.Typer(help=f"{spec.title}", no_args_is_help=True, add_completion=False)

    @cli.command()
    def migrate() -> None:
        """Apply every pending migration (both branches)."""
        settings = load_settings(settings_cls)
        from tpmhub_shared import migrations

        migrations.upgrade(migration_config(spec, settings))
        typer.echo(f"{spec.name}: migrations at head")

    @cli.command()
    def serve(
        host: str | None = None, port: int | None = None, workers: int = 1,
        migrate_first: bool = typer.Option(True, "--migrate/--no-migrate"),
    ) -> None:
        """Run the service with uvicorn (migrating first by default)."""
        import uvicorn

        settings = load_settings(settings_cls)
        if migrate_first:
            from tpmhub_shared import migrations

            migrations.upgrade(migration_config(spec, settings))
        uvicorn.run(
            app_path, factory=True, host=host or settings.host, port=port or settings.port, workers=workers,
            loop="uvloop", http="httptools", log_config=None, access_log=False, proxy_headers=True,
            timeout_graceful_shutdown=15, backlog=2048,
        )

    @cli.command()
    def makemigration(
        message: str = typer.Option(..., "-m", help="What the migration does."),
        shared: bool = typer.Option(False, help="Generate for the shared branch (tables of tpmhub_shared)."),
        branch: str | None = typer.Option(None, help="Branch label; default: the service's own branch."),
        module: list[str] = typer.Option([], help="Only tables of these model modules (repeatable)."),
    ) -> None:
        """Autogenerate a migration for one branch. A new branch starts from the service's base revision."""
        from alembic.script import ScriptDirectory

        from tpmhub_shared import migrations

        settings = load_settings(settings_cls)
        cfg = migration_config(spec, settings)
        xargs = [f"scope={'shared' if shared else 'service'}"]
        if module:
            xargs.append("modules=" + ",".join(module))
        migrations.upgrade(cfg)  # autogenerate compares against a database at head
        cfg.cmd_opts = type("Opts", (), {"x": xargs})()
        service_label = spec.name.removesuffix("-svc")
        label = "shared" if shared else (branch or service_label)
        script = ScriptDirectory.from_config(cfg)
        revisions = list(script.walk_revisions())
        branch_exists = any(label in (r.branch_labels or ()) for r in revisions)
        if branch_exists:
            command.revision(cfg, message=message, autogenerate=True, head=f"{label}@head")
            return
        depends = None
        if label not in ("shared", service_label):
            bases = [r.revision for r in revisions if service_label in (r.branch_labels or ())]
            depends = bases[0] if bases else None
        command.revision(
            cfg, message=message, autogenerate=True, head="base", branch_label=label, depends_on=depends,
            version_path=str(migrations.HERE / "versions") if shared else str(spec.versions_dir),
        )

    @cli.command()
    def openapi(out: Path | None = None) -> None:
        """Print (or write) the OpenAPI document."""
        import importlib

        module, _, attr = app_path.partition(":")
        app = getattr(importlib.import_module(module), attr)()
        text = json.dumps(app.openapi(), indent=2, sort_keys=False) + "\n"
        if out:
            out.write_text(text)
        else:
            sys.stdout.write(text)

    return cli
