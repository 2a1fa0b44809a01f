"""The command line every service has: `python -m <svc> serve | migrate | makemigration | openapi`."""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import typer
import uvicorn
from alembic import command
from pydantic import ValidationError

from tpmhub_shared import migrations
from tpmhub_shared.app import ServiceSpec, begin_shutdown, database_password, migration_config
from tpmhub_shared.logging import configure_logging
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


class DrainingServer(uvicorn.Server):
    """uvicorn's server, with readiness turned false the moment SIGTERM/SIGINT arrives (before the in-flight
    requests drain), and an optional lame-duck period that keeps serving while load balancers notice.
    A second signal skips what is left of that period."""

    def __init__(self, config: uvicorn.Config, *, drain_seconds: float = 0.0) -> None:
        super().__init__(config)
        self.drain_seconds = drain_seconds
        self._drain_timer: threading.Timer | None = None

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        begin_shutdown()
        if self.drain_seconds > 0 and self._drain_timer is None and not self.should_exit:
            self._drain_timer = threading.Timer(self.drain_seconds, super().handle_exit, (sig, frame))
            self._drain_timer.daemon = True
            self._drain_timer.start()
            return
        if self._drain_timer is not None:
            self._drain_timer.cancel()
        super().handle_exit(sig, frame)


def service_cli(spec: ServiceSpec, settings_cls: type[ServiceSettings], app_path: str) -> Callable[[], None]:
    cli = typer.Typer(help=f"{spec.title}", no_args_is_help=True, add_completion=False)

    @cli.command()
    def migrate() -> None:
        """Apply every pending migration (both branches)."""
        settings = load_settings(settings_cls)
        migrations.upgrade(migration_config(spec, settings))
        typer.echo(f"{spec.name}: migrations at head")

    @cli.command()
    def serve(
        host: str | None = None,
        port: int | None = None,
        workers: int = 1,
        migrate_first: bool = typer.Option(True, "--migrate/--no-migrate"),
        drain_seconds: float = typer.Option(
            0.0,
            min=0,
            max=60,
            envvar="TPM_SHUTDOWN_DRAIN_SECONDS",
            help="On SIGTERM, answer /readyz 503 but keep serving this long before draining (for load "
            "balancers that follow readiness); 0: drain at once.",
        ),
    ) -> None:
        """Run the service with uvicorn (migrating first by default)."""
        settings = load_settings(settings_cls)
        # Logging (with its redaction) is set up before migrating, so a failure there is logged like any.
        configure_logging(settings.common, spec.name, secrets=[database_password(settings.database_url)])
        if migrate_first:
            migrations.upgrade(migration_config(spec, settings))
        options: dict[str, Any] = dict(
            factory=True,
            host=host or settings.host,
            port=port or settings.port,
            loop="uvloop",
            http="httptools",
            log_config=None,
            access_log=False,
            proxy_headers=True,
            timeout_graceful_shutdown=15,
            backlog=2048,
            # Longer than the idle timeout of the proxies in front (ALB 60 s, nginx 75 s) and than any client
            # pause under load: with uvicorn's 5 s, the server could close a keep-alive connection just as a
            # client sent its next request on it ("server disconnected without a response").
            timeout_keep_alive=75,
        )
        if workers > 1:
            uvicorn.run(app_path, workers=workers, **options)
            return
        DrainingServer(uvicorn.Config(app_path, **options), drain_seconds=drain_seconds).run()

    @cli.command()
    def makemigration(
        message: str = typer.Option(..., "-m", help="What the migration does."),
        shared: bool = typer.Option(False, help="Generate for the shared branch (tables of tpmhub_shared)."),
        branch: str | None = typer.Option(None, help="Branch label; default: the service's own branch."),
        module: list[str] = typer.Option([], help="Only tables of these model modules (repeatable)."),
    ) -> None:
        """Autogenerate a migration for one branch. A new branch starts from the service's base revision."""
        from alembic.script import ScriptDirectory

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
            cfg,
            message=message,
            autogenerate=True,
            head="base",
            branch_label=label,
            depends_on=depends,
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
