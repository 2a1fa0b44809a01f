"""CI sources: the repositories of a project whose CI may call the webhooks — their secrets (generated or
given, shown once), version patterns, checklist rules, production environments and GitHub App."""

from __future__ import annotations

import base64
import secrets
import uuid

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import history
from tpmhub_shared.auth import PLANNERS, Principal, ensure_role
from tpmhub_shared.concurrency import lock_and_check
from tpmhub_shared.patching import merge_patch
from tpmhub_shared.problems import Conflict, NotFound, UnprocessableEntity, field_error

from release_svc.ci_sources import repository
from release_svc.ci_sources.app_keys import key_fingerprint
from release_svc.ci_sources.models import CiSource
from release_svc.ci_sources.schemas import CiSourceCreate, CiSourceUpdate, GitHubAppConfig, GitHubAppPublic
from release_svc.environments.service import resolve_environments

RESOURCE = "ci_source"
# Where each provider's CI is pointed (paths of the webhooks router), shown on every source.
WEBHOOK_PATHS = {
    "github": "/v1/webhooks/github",
    "gitlab": "/v1/webhooks/gitlab",
    "generic": "/v1/webhooks/ci",
}


def _new_secret(provider: str) -> str:
    if provider == "generic":
        return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()
    return secrets.token_urlsafe(32)


async def create_source(
    session: AsyncSession, *, principal: Principal, project_key: str, data: CiSourceCreate
) -> CiSource:
    ensure_role(principal, project_key, {"tpm"}, action="configure CI sources")
    if data.provider == "generic" and data.secret is not None:
        raise UnprocessableEntity(
            "A generic source's secret is generated (Standard Webhooks `whsec_`).",
            errors=[field_error("body.secret", "not accepted for provider generic")],
        )
    if data.github_app is not None and data.provider != "github":
        raise UnprocessableEntity(
            "A GitHub App configures GitHub sources only.",
            errors=[field_error("body.github_app", f"not accepted for provider {data.provider}")],
        )
    if await repository.exists(
        session, project_key=project_key, provider=data.provider, repository=data.repository
    ):
        raise Conflict(f"{data.provider} source {data.repository} already exists in {project_key}.")
    production = await resolve_environments(
        session, project_key, data.production_environments, loc="body.production_environments"
    )
    row = CiSource(
        project_key=project_key,
        created_by=principal.sub,
        secret=data.secret or _new_secret(data.provider),
        **data.model_dump(exclude={"secret", "checklist_rules", "production_environments", "github_app"}),
        production_environments=production,
        checklist_rules=[r.model_dump() for r in data.checklist_rules],
    )
    _set_app(row, data.github_app)
    repository.add(session, row)
    await history.record(
        session,
        principal=principal,
        project_key=project_key,
        resource_type=RESOURCE,
        resource_id=row.id,
        action="create",
        after=history.snapshot(row, _AUDITED),
    )
    await session.flush()
    return row


_AUDITED = [
    "provider",
    "repository",
    "name",
    "version_patterns",
    "checklist_rules",
    "production_environments",
    "active",
    "github_app_id",
    "github_app_installation_id",
]  # never the secret, the App's private key or its webhook secret


def _set_app(row: CiSource, app: GitHubAppConfig | None) -> None:
    row.github_app_id = app.app_id if app else None
    row.github_app_private_key = app.private_key if app else None
    row.github_app_webhook_secret = app.webhook_secret if app else None
    row.github_app_installation_id = app.installation_id if app else None


def app_public(row: CiSource) -> GitHubAppPublic | None:
    """The App configuration as shown (a fingerprint of its key, never the key or the webhook secret)."""
    if row.github_app_id is None or not row.github_app_private_key:
        return None
    try:
        fingerprint = key_fingerprint(row.github_app_private_key)
    except ValueError:
        fingerprint = "(unreadable)"
    return GitHubAppPublic(
        app_id=row.github_app_id,
        installation_id=row.github_app_installation_id,
        private_key_fingerprint=fingerprint,
        webhook_secret_set=bool(row.github_app_webhook_secret),
    )


async def get_source(session: AsyncSession, *, principal: Principal, source_id: uuid.UUID) -> CiSource:
    row = await repository.get(session, source_id)
    if row is None or not principal.can(row.project_key, PLANNERS):
        raise NotFound(f"CI source {source_id} does not exist.")
    return row


async def list_sources(
    session: AsyncSession, *, principal: Principal, project_key: str, limit: int, cursor: str | None
) -> tuple[list[CiSource], str | None]:
    ensure_role(principal, project_key, PLANNERS, action="list CI sources")
    return await repository.page_of_project(session, project_key, limit=limit, cursor=cursor)


async def update_source(
    session: AsyncSession,
    *,
    principal: Principal,
    source_id: uuid.UUID,
    patch: CiSourceUpdate,
    if_match: str | None,
) -> CiSource:
    row = await get_source(session, principal=principal, source_id=source_id)
    ensure_role(principal, row.project_key, {"tpm"}, action="configure CI sources")
    await lock_and_check(session, row, if_match)
    before = history.snapshot(row, _AUDITED)
    rules = patch.checklist_rules
    app_sent = "github_app" in patch.model_fields_set
    if app_sent and patch.github_app is not None and row.provider != "github":
        raise UnprocessableEntity(
            "A GitHub App configures GitHub sources only.",
            errors=[field_error("body.github_app", f"not accepted for provider {row.provider}")],
        )
    plain = patch.model_copy()
    plain.__pydantic_fields_set__.discard("github_app")
    merge_patch(
        row,
        plain,
        required={"name", "version_patterns", "checklist_rules", "production_environments", "active"},
    )
    if rules is not None:
        row.checklist_rules = [r.model_dump() for r in rules]
    if patch.production_environments is not None:
        row.production_environments = await resolve_environments(
            session, row.project_key, patch.production_environments, loc="body.production_environments"
        )
    if app_sent:
        _set_app(row, patch.github_app)
    await history.record(
        session,
        principal=principal,
        project_key=row.project_key,
        resource_type=RESOURCE,
        resource_id=row.id,
        action="update",
        before=before,
        after=history.snapshot(row, _AUDITED),
    )
    await session.flush()
    return row


async def delete_source(
    session: AsyncSession, *, principal: Principal, source_id: uuid.UUID, if_match: str | None
) -> None:
    row = await get_source(session, principal=principal, source_id=source_id)
    ensure_role(principal, row.project_key, {"tpm"}, action="configure CI sources")
    await lock_and_check(session, row, if_match)
    await history.record(
        session,
        principal=principal,
        project_key=row.project_key,
        resource_type=RESOURCE,
        resource_id=row.id,
        action="delete",
        before=history.snapshot(row, _AUDITED),
    )
    await repository.delete(session, row)
    await session.flush()
