"""Alembic for every service from one env: two branches per database, `shared` (tables defined in this
package: history, idempotency keys, outbox, …; versions here) and the service's own (versions under
`services/<svc>/migrations/versions`). The same tree runs on SQLite (batch mode) and PostgreSQL."""

from __future__ import annotations

import asyncio
import importlib
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

HERE = Path(__file__).resolve().parent


def alembic_config(*, service: str, models_module: str, versions_dir: Path, database_url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    cfg.set_main_option("version_locations", f"{HERE / 'versions'} {versions_dir}")
    cfg.set_main_option("path_separator", "space")
    cfg.set_main_option("file_template", "%%(year)d%%(month).2d%%(day).2d_%%(rev)s_%%(slug)s")
    cfg.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    cfg.attributes["service"] = service
    cfg.attributes["models_module"] = models_module
    return cfg


def upgrade(cfg: Config) -> None:
    importlib.import_module(cfg.attributes["models_module"])
    command.upgrade(cfg, "heads")


async def upgrade_async(cfg: Config) -> None:
    """Run migrations from async code (env.py runs its own loop, so it gets a thread)."""
    await asyncio.to_thread(upgrade, cfg)


def script_heads(cfg: Config) -> set[str]:
    return set(ScriptDirectory.from_config(cfg).get_heads())


def revision_parents(cfg: Config) -> dict[str, set[str]]:
    """Each revision's parents: its down revisions and the revisions it depends on."""
    parents: dict[str, set[str]] = {}
    for rev in ScriptDirectory.from_config(cfg).walk_revisions():
        down = rev.down_revision or ()
        deps = rev.dependencies or ()
        parents[rev.revision] = set((down,) if isinstance(down, str) else down) | set(
            (deps,) if isinstance(deps, str) else deps
        )
    return parents


def pending_heads(heads: set[str], applied: set[str], parents: dict[str, set[str]]) -> set[str]:
    """Heads not yet applied. Alembic keeps only the tips in `alembic_version`: a revision another
    applied revision depends on is applied but not listed, so walk ancestors and dependencies."""
    covered: set[str] = set()
    stack = list(applied)
    while stack:
        rev = stack.pop()
        if rev in covered:
            continue
        covered.add(rev)
        stack.extend(parents.get(rev, ()))
    return heads - covered


async def applied_heads(engine: AsyncEngine) -> set[str]:
    async with engine.connect() as conn:
        rows = await conn.execute(text("SELECT version_num FROM alembic_version"))
        return {r[0] for r in rows}
