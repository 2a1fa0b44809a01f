"""Environments are a closed set per project. `resolve_environment` is the one way any path turns a name
someone typed (or a CI system sent) into the canonical name that is stored and compared: an alias becomes
its environment's name, an unknown name is a 422 listing the allowed names."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import history
from tpmhub_shared.auth import Principal, ensure_read, ensure_role
from tpmhub_shared.concurrency import check_if_match
from tpmhub_shared.ids import utcnow
from tpmhub_shared.problems import Conflict, UnprocessableEntity, field_error

from release_svc.environments import repository
from release_svc.environments.models import ProjectEnvironments
from release_svc.environments.schemas import EnvironmentPublic, EnvironmentsIn, EnvironmentsPublic
from release_svc.freezes import repository as freezes_repository
from release_svc.rollouts import repository as rollouts_repository

RESOURCE = "project_environments"
EDITORS = frozenset({"tpm"})  # and admin
DEFAULT_ENVIRONMENTS: list[dict[str, Any]] = [
    {"name": "development", "aliases": ["dev"]},
    {"name": "staging", "aliases": ["stage", "stg"]},
    {"name": "production", "aliases": ["prod", "prd"]},
]


@dataclass(frozen=True)
class EnvironmentSet:
    project_key: str
    environments: list[dict[str, Any]]
    version: int
    is_default: bool

    @property
    def names(self) -> list[str]:
        return [e["name"] for e in self.environments]

    def lookup(self, name: str) -> str | None:
        word = name.strip().lower()
        for env in self.environments:
            if word == env["name"] or word in env["aliases"]:
                return env["name"]
        return None

    def describe(self) -> str:
        parts = []
        for env in self.environments:
            aliases = f" ({', '.join(env['aliases'])})" if env["aliases"] else ""
            parts.append(f"{env['name']}{aliases}")
        return ", ".join(parts)


async def environments_of(session: AsyncSession, project_key: str) -> EnvironmentSet:
    row = await repository.project_row(session, project_key)
    if row is None:
        return EnvironmentSet(project_key, DEFAULT_ENVIRONMENTS, 0, True)
    return EnvironmentSet(project_key, list(row.environments), row.version, False)


def unknown(envs: EnvironmentSet, name: str, loc: str) -> UnprocessableEntity:
    return UnprocessableEntity(
        f"Unknown environment {name!r} in project {envs.project_key}; allowed: {envs.describe()}.",
        errors=[
            field_error(loc, f"unknown environment; allowed: {', '.join(envs.names)}", "environment_unknown")
        ],
        allowed_environments=envs.names,
        aliases={a: e["name"] for e in envs.environments for a in e["aliases"]},
    )


async def resolve_environment(
    session: AsyncSession, project_key: str, name: str, *, loc: str = "query.environment"
) -> str:
    """The canonical name of `name` (a name or an alias, any case) in the project's environments; 422
    naming the allowed ones otherwise."""
    envs = await environments_of(session, project_key)
    canonical = envs.lookup(name)
    if canonical is None:
        raise unknown(envs, name, loc)
    return canonical


async def resolve_environments(
    session: AsyncSession, project_key: str, names: Iterable[str], *, loc: str
) -> list[str]:
    """Each name resolved (422 naming every unknown one by index), duplicates dropped, order kept."""
    envs = await environments_of(session, project_key)
    out: list[str] = []
    errors = []
    for i, name in enumerate(names):
        canonical = envs.lookup(name)
        if canonical is None:
            errors.append((i, name))
        elif canonical not in out:
            out.append(canonical)
    if errors:
        i, name = errors[0]
        problem = unknown(envs, name, f"{loc}.{i}")
        problem.extra["errors"] = [
            field_error(
                f"{loc}.{j}",
                f"unknown environment {n!r}; allowed: {', '.join(envs.names)}",
                "environment_unknown",
            )
            for j, n in errors
        ]
        raise problem
    return out


def to_public(envs: EnvironmentSet) -> EnvironmentsPublic:
    return EnvironmentsPublic(
        project_key=envs.project_key,
        environments=[EnvironmentPublic.model_validate(e) for e in envs.environments],
        is_default=envs.is_default,
        version=envs.version,
    )


async def get_environments(
    session: AsyncSession, *, principal: Principal, project_key: str
) -> EnvironmentSet:
    ensure_read(principal, project_key)
    return await environments_of(session, project_key)


async def _in_use(session: AsyncSession, project_key: str, removed: set[str]) -> dict[str, list[str]]:
    """What still names an environment about to be removed: unfinished rollouts, current or future freezes."""
    used: dict[str, list[str]] = {}
    for rid, env in await rollouts_repository.unfinished_rollouts_in(session, project_key, removed):
        used.setdefault(env, []).append(f"rollout {rid}")
    for wid, names in await freezes_repository.freeze_windows_not_ended(session, project_key, utcnow()):
        for env in set(names or []) & removed:
            used.setdefault(env, []).append(f"freeze window {wid}")
    return used


async def put_environments(
    session: AsyncSession,
    *,
    principal: Principal,
    project_key: str,
    data: EnvironmentsIn,
    if_match: str | None,
) -> EnvironmentSet:
    """Replace the list (tpm/admin, If-Match against the version; the default set is version 0). An
    environment still named by an unfinished rollout or a current or future freeze window cannot be removed
    (409); past records keep the name they were stored with."""
    ensure_role(principal, project_key, EDITORS, action="change the project's environments")
    row = await repository.project_row(session, project_key, for_update=True)
    current = await environments_of(session, project_key) if row is not None else None
    check_if_match(if_match, row.version if row is not None else 0)
    values = [e.model_dump() for e in data.environments]
    old_names = set(current.names if current else [e["name"] for e in DEFAULT_ENVIRONMENTS])
    removed = old_names - {e["name"] for e in values}
    if removed:
        used = await _in_use(session, project_key, removed)
        if used:
            listed = "; ".join(f"{env}: {', '.join(what[:5])}" for env, what in sorted(used.items()))
            raise Conflict(
                f"Environment(s) still in use cannot be removed: {listed}.",
                in_use={env: what for env, what in sorted(used.items())},
            )
    before = {"environments": current.environments if current else DEFAULT_ENVIRONMENTS}
    if row is None:
        row = ProjectEnvironments(project_key=project_key, environments=values, updated_by=principal.sub)
        repository.add(session, row)
    else:
        row.environments = values
        row.updated_by = principal.sub
    await session.flush()
    await history.record(
        session,
        principal=principal,
        project_key=project_key,
        resource_type=RESOURCE,
        resource_id=project_key,
        action="update",
        before=before,
        after={"environments": values},
    )
    return EnvironmentSet(project_key, values, row.version, False)
