"""CI webhooks: verify the sender, deduplicate the delivery, and act on it in one transaction — pipeline
runs on the matching release, checklist items ticked by configured workflows, production deployments
recorded for DORA (moving the release), failures and item-key references emitted as events."""

from __future__ import annotations

import base64
import binascii
import fnmatch
import hashlib
import hmac
import re
import secrets
import uuid
from dataclasses import dataclass
from typing import Any

import orjson
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from standardwebhooks.webhooks import Webhook, WebhookVerificationError
from tpmhub_shared import events, history
from tpmhub_shared.auth import PLANNERS, Principal, ensure_read, ensure_role, visible
from tpmhub_shared.concurrency import lock_and_check
from tpmhub_shared.contracts import ItemReferenced
from tpmhub_shared.ids import utcnow
from tpmhub_shared.logging import get_logger
from tpmhub_shared.pagination import paginate
from tpmhub_shared.patching import merge_patch
from tpmhub_shared.problems import (
    BadRequest,
    Conflict,
    NotFound,
    Unauthorized,
    UnprocessableEntity,
    field_error,
)

from release_svc.deployments.schemas import DeploymentCreate
from release_svc.deployments.service import create_deployment
from release_svc.environments.service import environments_of, resolve_environments
from release_svc.protection.github import key_fingerprint, under_api
from release_svc.protection.service import intake
from release_svc.releases.models import ChecklistItem, Release
from release_svc.releases.schemas import ChecklistItemUpdate
from release_svc.releases.service import transition, update_checklist_item
from release_svc.settings import Settings
from release_svc.webhooks import providers
from release_svc.webhooks.models import MAX_DELIVERY_ID_LENGTH, CiDelivery, CiSource, PipelineRun
from release_svc.webhooks.patterns import version_from_name
from release_svc.webhooks.providers import FAILURE, SUCCESS, Facts, RunFact
from release_svc.webhooks.schemas import (
    CiEvent,
    CiSourceCreate,
    CiSourceUpdate,
    GitHubAppConfig,
    GitHubAppPublic,
    WebhookReceipt,
)

log = get_logger(__name__)

SOURCE = "/tpmhub/release-svc"
RESOURCE = "ci_source"
WEBHOOK_PATHS = {
    "github": "/v1/webhooks/github",
    "gitlab": "/v1/webhooks/gitlab",
    "generic": "/v1/webhooks/ci",
}
ACTIVE_RELEASE_STATES = ("approved", "deploying")
CLOSED_RELEASE_STATES = ("released", "rolled_back", "cancelled")


# ---- sources ------------------------------------------------------------------------------------------


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
    taken = await session.execute(
        select(CiSource.id).where(
            CiSource.project_key == project_key,
            CiSource.provider == data.provider,
            CiSource.repository == data.repository,
        )
    )
    if taken.first() is not None:
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
    session.add(row)
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
    row = await session.get(CiSource, source_id)
    if row is None or not principal.can(row.project_key, PLANNERS):
        raise NotFound(f"CI source {source_id} does not exist.")
    return row


async def list_sources(
    session: AsyncSession, *, principal: Principal, project_key: str, limit: int, cursor: str | None
) -> tuple[list[CiSource], str | None]:
    ensure_role(principal, project_key, PLANNERS, action="list CI sources")
    stmt = select(CiSource).where(CiSource.project_key == project_key)
    return await paginate(
        session, stmt, order=[], id_column=CiSource.id, limit=limit, cursor=cursor, sort_key="ci_sources"
    )


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
    await session.delete(row)
    await session.flush()


async def list_release_runs(
    session: AsyncSession, *, principal: Principal, release_id: uuid.UUID, limit: int, cursor: str | None
) -> tuple[list[PipelineRun], str | None]:
    release = await session.get(Release, release_id)
    visible(principal, release, f"Release {release_id} does not exist.")
    stmt = select(PipelineRun).where(PipelineRun.release_id == release_id)
    return await paginate(
        session, stmt, order=[], id_column=PipelineRun.id, limit=limit, cursor=cursor, sort_key="runs"
    )


async def list_deliveries(
    session: AsyncSession,
    *,
    principal: Principal,
    project_key: str,
    status: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[CiDelivery], str | None]:
    ensure_read(principal, project_key)
    ensure_role(principal, project_key, PLANNERS, action="list CI webhook deliveries")
    stmt = select(CiDelivery).where(CiDelivery.project_key == project_key)
    if status:
        stmt = stmt.where(CiDelivery.status == status)
    return await paginate(
        session, stmt, order=[], id_column=CiDelivery.id, limit=limit, cursor=cursor, sort_key="ci_deliveries"
    )


# ---- verification -------------------------------------------------------------------------------------


def _github_valid(secret: str, raw: bytes, headers: dict[str, str]) -> bool:
    given = headers.get("x-hub-signature-256", "")
    if not given.startswith("sha256="):
        return False
    expected = "sha256=" + hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected.encode(), given.strip().lower().encode())


def _gitlab_valid(secret: str, raw: bytes, headers: dict[str, str]) -> bool:
    given = headers.get("x-gitlab-token")
    return given is not None and hmac.compare_digest(secret.encode(), given.encode())


def _standard_valid(secret: str, raw: bytes, headers: dict[str, str]) -> bool:
    try:
        Webhook(secret).verify(raw, headers, json_parse=False)
    except (WebhookVerificationError, ValueError, binascii.Error, UnicodeDecodeError):
        return False
    return True


_VERIFIERS = {"github": _github_valid, "gitlab": _gitlab_valid, "generic": _standard_valid}


_DELIVERY_HEADERS = {
    "github": ("x-github-delivery", "x-gitea-delivery"),
    "gitlab": ("idempotency-key", "x-gitlab-event-uuid"),
    "generic": ("webhook-id",),
}


def _delivery_id(provider: str, headers: dict[str, str], raw: bytes) -> str:
    """The sender's id of the delivery (a hash of the body when it sends none), whole: an id over
    `MAX_DELIVERY_ID_LENGTH` is refused, never cut (two ids sharing a prefix are different deliveries)."""
    for name in _DELIVERY_HEADERS[provider]:
        given = headers.get(name)
        if given:
            if len(given) > MAX_DELIVERY_ID_LENGTH:
                raise UnprocessableEntity(
                    f"The delivery id ({name}) is longer than {MAX_DELIVERY_ID_LENGTH} characters.",
                    errors=[
                        field_error(
                            f"header.{name}",
                            f"String should have at most {MAX_DELIVERY_ID_LENGTH} characters",
                            "string_too_long",
                        )
                    ],
                )
            return given
    return "sha256:" + hashlib.sha256(raw).hexdigest()


def _parse(raw: bytes) -> dict[str, Any]:
    try:
        body = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise BadRequest("The request body is not valid JSON.", title="Malformed JSON") from exc
    if not isinstance(body, dict):
        raise BadRequest("The request body must be a JSON object.", title="Malformed JSON")
    return body


def _repository(provider: str, body: dict[str, Any]) -> str | None:
    if provider == "github":
        return providers.github_repository(body)
    if provider == "gitlab":
        return providers.gitlab_repository(body)
    repo = body.get("repository")
    return repo[:300] if isinstance(repo, str) else providers.jenkins_repository(body)


async def _verified_sources(
    session: AsyncSession,
    *,
    provider: str,
    headers: dict[str, str],
    raw: bytes,
    body: dict[str, Any],
    source_id: uuid.UUID | None,
) -> list[CiSource]:
    stmt = select(CiSource).where(CiSource.provider == provider, CiSource.active.is_(True))
    if source_id is not None:
        stmt = stmt.where(CiSource.id == source_id)
    else:
        repository = _repository(provider, body)
        if not repository:
            raise Unauthorized("No configured CI source matches this delivery (no repository in it).")
        stmt = stmt.where(CiSource.repository == repository)
    candidates = list((await session.execute(stmt.order_by(CiSource.id))).scalars().all())
    verify = _VERIFIERS[provider]
    matched = [s for s in candidates if any(verify(secret, raw, headers) for secret in _secrets(provider, s))]
    if not matched:
        raise Unauthorized("The delivery's signature or token does not match a configured CI source.")
    return matched


def _secrets(provider: str, source: CiSource) -> list[str]:
    """The source's secret, and for GitHub its App's webhook secret (App deliveries are signed with it)."""
    if provider == "github" and source.github_app_webhook_secret:
        return [source.secret, source.github_app_webhook_secret]
    return [source.secret]


# ---- ingest -------------------------------------------------------------------------------------------


@dataclass
class Ingested:
    receipt: WebhookReceipt
    status_code: int


async def ingest(
    session: AsyncSession,
    *,
    provider: str,
    headers: dict[str, str],
    raw: bytes,
    source_id: uuid.UUID | None,
    settings: Any = None,
) -> Ingested:
    """Verify → deduplicate → act, all in the caller's transaction. 401 records nothing; 422 neither."""
    body = _parse(raw)
    sources = await _verified_sources(
        session, provider=provider, headers=headers, raw=raw, body=body, source_id=source_id
    )
    delivery_id = _delivery_id(provider, headers, raw)
    if provider == "github":
        facts = providers.github_facts(
            headers.get("x-github-event") or headers.get("x-gitea-event") or "", body
        )
    elif provider == "gitlab":
        facts = providers.gitlab_facts(headers.get("x-gitlab-event", ""), body)
    else:
        generic = body if "build" not in body else providers.jenkins_to_generic(body)
        try:
            facts = providers.generic_facts(CiEvent.model_validate(generic))
        except ValidationError as exc:
            raise UnprocessableEntity(
                f"{exc.error_count()} invalid field(s) in the CI event.",
                errors=[
                    field_error("body." + ".".join(str(p) for p in e["loc"]), e["msg"], e["type"])
                    for e in exc.errors()[:20]
                ],
            ) from exc
    if facts.protection is not None and not under_api(facts.protection.callback_url, _api_url(settings)):
        facts.invalid.append(
            ("body.deployment_callback_url", "must be a URL under the configured GitHub API")
        )
    if facts.invalid:
        raise UnprocessableEntity(
            f"{len(facts.invalid)} invalid field(s) in the {facts.event} payload.",
            errors=[field_error(loc, msg, "invalid_payload") for loc, msg in facts.invalid],
        )
    # Deduplicated per verified source: an id is "seen" only if this source accepted it before.
    seen = set(
        (
            await session.execute(
                select(CiDelivery.source_id).where(
                    CiDelivery.source_id.in_([s.id for s in sources]), CiDelivery.delivery_id == delivery_id
                )
            )
        )
        .scalars()
        .all()
    )
    status = "processed" if facts.used else "ignored"
    fresh: list[tuple[CiSource, CiDelivery]] = []
    for source in sources:
        if source.id in seen:
            continue
        record = CiDelivery(
            provider=provider,
            delivery_id=delivery_id,
            source_id=source.id,
            project_key=source.project_key,
            event=facts.event[:100],
            action=facts.action,
            status=status,
        )
        try:
            async with session.begin_nested():
                session.add(record)
        except IntegrityError:  # the same delivery arrived twice at once: the other one acts
            continue
        fresh.append((source, record))
    if not fresh:
        return Ingested(WebhookReceipt(delivery_id=delivery_id, status="duplicate"), 200)
    receipt = WebhookReceipt(delivery_id=delivery_id, status=status)
    if not facts.used:
        for _, record in fresh:
            record.summary = f"event {facts.event or '(none)'} is not used"
        return Ingested(receipt, 202)
    if facts.protection is not None:
        return await _protection(session, fresh, facts, delivery_id, settings)
    for source, record in fresh:
        done = WebhookReceipt(delivery_id=delivery_id, status=status)
        await _apply(session, source, facts, delivery_id, done)
        record.summary = (
            f"runs={done.runs} deployments={done.deployments} references={done.references} "
            f"checklist_ticked={done.checklist_ticked}"
        )
        receipt.runs += done.runs
        receipt.deployments += done.deployments
        receipt.references += done.references
        receipt.checklist_ticked += done.checklist_ticked
    return Ingested(receipt, 200)


def _api_url(settings: Any) -> str:
    return getattr(settings, "github_api_url", None) or "https://api.github.com"


async def _protection(
    session: AsyncSession,
    fresh: list[tuple[CiSource, CiDelivery]],
    facts: Facts,
    delivery_id: str,
    settings: Any,
) -> Ingested:
    settings = settings if settings is not None else Settings()
    summaries: list[str] = []
    used = False
    fact = facts.protection
    for source, record in fresh:
        release = await match_release(session, source, ref=fact.ref, version=None, deploying=True)
        done = await intake(
            session, source=source, fact=fact, release=release, delivery_id=delivery_id, settings=settings
        )
        record.status = done.status
        record.summary = done.summary[:500]
        summaries.append(done.summary)
        used = used or done.status == "processed"
    status = "processed" if used else "ignored"
    receipt = WebhookReceipt(delivery_id=delivery_id, status=status, detail="; ".join(summaries)[:1000])
    return Ingested(receipt, 200 if used else 202)


def _ci_principal(source: CiSource) -> Principal:
    return Principal(
        sub=f"ci:{source.provider}:{source.repository}"[:200],
        name=source.name or source.repository,
        roles={source.project_key: "ci"},
    )


def version_from_ref(patterns: list[str], ref: str | None) -> str | None:
    """`release/{version}` + `release/1.4.0` → `1.4.0`; `*` matches anything; first pattern wins. Linear
    time in the ref's length (no backtracking); refs over 255 characters match nothing."""
    return version_from_name(patterns, providers.strip_ref(ref))


async def _release_by_version(session: AsyncSession, project_key: str, version: str | None) -> Release | None:
    if not version:
        return None
    return (
        await session.execute(
            select(Release).where(Release.project_key == project_key, Release.semver == version)
        )
    ).scalar_one_or_none()


async def _only(session: AsyncSession, stmt: Any) -> Release | None:
    rows = list((await session.execute(stmt.order_by(Release.id).limit(2))).scalars().all())
    return rows[0] if len(rows) == 1 else None


async def match_release(
    session: AsyncSession, source: CiSource, *, ref: str | None, version: str | None, deploying: bool = False
) -> Release | None:
    """By explicit version; else by the ref through the source's patterns; else the project's one open
    release of this repository; for a deployment, else the project's one release being deployed."""
    release = await _release_by_version(session, source.project_key, version)
    release = release or await _release_by_version(
        session, source.project_key, version_from_ref(source.version_patterns, ref)
    )
    if release is None:
        release = await _only(
            session,
            select(Release).where(
                Release.project_key == source.project_key,
                Release.repository == source.repository,
                Release.status.not_in(CLOSED_RELEASE_STATES),
            ),
        )
    if release is None and deploying:
        release = await _only(
            session,
            select(Release).where(
                Release.project_key == source.project_key, Release.status.in_(ACTIVE_RELEASE_STATES)
            ),
        )
    return release


async def _record_run(
    session: AsyncSession, source: CiSource, run: RunFact, release: Release | None, delivery_id: str
) -> PipelineRun:
    values = dict(
        name=run.name[:300],
        ref=run.ref,
        sha=run.sha,
        status=run.status,
        conclusion=run.conclusion,
        url=run.url,
        started_at=run.started_at,
        finished_at=run.finished_at,
        delivery_id=delivery_id,
        release_id=release.id if release else None,
    )
    where = (
        PipelineRun.source_id == source.id,
        PipelineRun.kind == run.kind,
        PipelineRun.external_id == run.external_id[:100],
    )
    row = (await session.execute(select(PipelineRun).where(*where))).scalar_one_or_none()
    if row is None:
        row = PipelineRun(
            project_key=source.project_key,
            source_id=source.id,
            provider=source.provider,
            kind=run.kind,
            external_id=run.external_id[:100],
            **values,
        )
        try:
            async with session.begin_nested():
                session.add(row)
            return row
        except IntegrityError:
            row = (await session.execute(select(PipelineRun).where(*where))).scalar_one()
    if row.status == "completed" and run.status != "completed":
        return row  # a late "requested"/"in_progress" never undoes a finished run
    for name, value in values.items():
        if value is not None or name in ("conclusion", "finished_at"):
            setattr(row, name, value)
    row.updated_at = utcnow()
    return row


async def _tick_checklist(session: AsyncSession, source: CiSource, release: Release, run: RunFact) -> int:
    codes = [
        r["checklist_code"] for r in source.checklist_rules if fnmatch.fnmatchcase(run.name, r["workflow"])
    ]
    if not codes or not run.url:
        return 0
    items = (
        (
            await session.execute(
                select(ChecklistItem).where(
                    ChecklistItem.release_id == release.id,
                    ChecklistItem.code.in_(codes),
                    ChecklistItem.status != "done",
                )
            )
        )
        .scalars()
        .all()
    )
    for item in items:
        await update_checklist_item(
            session,
            principal=_ci_principal(source),
            release_id=release.id,
            item_id=item.id,
            patch=ChecklistItemUpdate(
                status="done",
                evidence_url=run.url,
                note=f"{source.provider} {run.kind} '{run.name}' succeeded",
            ),
            if_match=None,
        )
    return len(items)


def _emit_failure(
    session: AsyncSession, source: CiSource, type_: str, release: Release | None, **data: Any
) -> None:
    events.emit(
        session,
        source=SOURCE,
        type=type_,
        subject=str(release.id) if release else source.repository,
        project_key=source.project_key,
        data={
            "project_key": source.project_key,
            "provider": source.provider,
            "repository": source.repository,
            "release_id": release.id if release else None,
            "version": release.semver if release else None,
            **data,
        },
    )


async def _apply(
    session: AsyncSession, source: CiSource, facts: Facts, delivery_id: str, receipt: WebhookReceipt
) -> None:
    for run in facts.runs:
        release = await match_release(session, source, ref=run.ref, version=run.version)
        await _record_run(session, source, run, release, delivery_id)
        receipt.runs += 1
        if run.status == "completed" and run.conclusion == SUCCESS and release is not None:
            receipt.checklist_ticked += await _tick_checklist(session, source, release, run)
        if run.conclusion == FAILURE:
            _emit_failure(
                session,
                source,
                "ci.pipeline_failed",
                release,
                kind=run.kind,
                name=run.name,
                ref=run.ref,
                sha=run.sha,
                url=run.url,
                conclusion=run.conclusion,
            )
    if facts.deployment is not None:
        receipt.deployments += await _record_deployment(session, source, facts, delivery_id)
    receipt.references += _emit_references(session, source, facts)


async def _record_deployment(session: AsyncSession, source: CiSource, facts: Facts, delivery_id: str) -> int:
    dep = facts.deployment
    assert dep is not None
    # The CI system's name for the environment, resolved in the project's closed set: an alias records the
    # canonical name; an unknown one records nothing (a CI system's preview or ad-hoc environment).
    envs = await environments_of(session, source.project_key)
    environment = envs.lookup(dep.environment)
    if environment is None:
        log.info("ci_deployment_environment_unknown", environment=dep.environment[:50], allowed=envs.names)
        return 0
    production = environment in {envs.lookup(e) or e.lower() for e in source.production_environments}
    if dep.state == "in_progress" or not production:
        return 0
    release = await match_release(session, source, ref=dep.ref, version=dep.version, deploying=True)
    principal = _ci_principal(source)
    recorded = 0
    if dep.sha:
        finished = dep.finished_at or utcnow()
        started = min(dep.started_at or finished, finished)
        try:
            data = DeploymentCreate(
                environment=environment,
                release_id=release.id if release else None,
                commit_sha=dep.sha,
                started_at=started,
                finished_at=finished,
                status=dep.state,
                url=dep.url if dep.url and dep.url.startswith("http") else None,
            )
        except ValidationError as exc:
            log.info("ci_deployment_not_recorded", error=str(exc)[:200])
        else:
            await create_deployment(
                session,
                principal=principal,
                project_key=source.project_key,
                data=data,
                source=source.provider,
            )
            recorded = 1
    if dep.state == "succeeded" and release is not None:
        reason = f"{source.provider} deployment to {environment} succeeded"
        if release.status == "approved":
            await transition(
                session, principal=principal, release=release, action="start_deploy", reason=reason
            )
        if release.status == "deploying":
            await transition(
                session, principal=principal, release=release, action="start_verification", reason=reason
            )
    elif dep.state == "failed":
        _emit_failure(
            session,
            source,
            "ci.deployment_failed",
            release,
            environment=environment,
            sha=dep.sha,
            ref=dep.ref,
            url=dep.url,
        )
    return recorded


def _emit_references(session: AsyncSession, source: CiSource, facts: Facts) -> int:
    pattern = re.compile(
        rf"(?<![A-Za-z0-9]){re.escape(source.project_key)}-([1-9][0-9]{{0,8}})(?![0-9])", re.IGNORECASE
    )
    seen: set[tuple[str, str, str]] = set()
    for ref in facts.refs:
        title = (ref.text.strip().splitlines() or [""])[0][:300]
        for number in pattern.findall(ref.text):
            key = f"{source.project_key}-{number}"
            if (key, ref.kind, ref.ref) in seen:
                continue
            seen.add((key, ref.kind, ref.ref))
            data = ItemReferenced(
                project_key=source.project_key,
                item_key=key,
                kind=ref.kind,
                repository=source.repository,
                ref=ref.ref[:300],
                title=title,
                url=ref.url,
            )
            events.emit(
                session,
                source=SOURCE,
                type="ci.item_referenced",
                subject=key,
                project_key=source.project_key,
                data=data.model_dump(mode="json"),
            )
    return len(seen)
