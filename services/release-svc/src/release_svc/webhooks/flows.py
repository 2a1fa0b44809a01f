"""Acting on a CI webhook delivery across domains, in the webhook's one transaction: verify, record once
per source, then the pipeline runs on the matching release, checklist items ticked by configured
workflows, production deployments recorded for DORA (moving the release), deployment protection requests
handed to protection."""

from __future__ import annotations

import fnmatch
import uuid
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.ids import utcnow
from tpmhub_shared.logging import get_logger

from release_svc.checklist import repository as checklist_repository
from release_svc.checklist.schemas import ChecklistItemUpdate
from release_svc.checklist.service import update_checklist_item
from release_svc.ci_sources.models import CiSource
from release_svc.deployments.schemas import DeploymentCreate
from release_svc.deployments.service import create_deployment
from release_svc.environments.service import environments_of
from release_svc.protection.service import intake
from release_svc.releases.flows import transition
from release_svc.releases.models import Release
from release_svc.settings import Settings
from release_svc.webhooks import service, verification
from release_svc.webhooks.matching import match_release
from release_svc.webhooks.models import CiDelivery
from release_svc.webhooks.providers.facts import FAILURE, SUCCESS, Facts, RunFact
from release_svc.webhooks.schemas import WebhookReceipt

log = get_logger(__name__)


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
    body = verification.parse_body(raw)
    sources = await verification.verified_sources(
        session, provider=provider, headers=headers, raw=raw, body=body, source_id=source_id
    )
    delivery_id = verification.delivery_id(provider, headers, raw)
    facts = service.facts_of(provider, headers, body, api_url=_api_url(settings))
    fresh = await service.record_deliveries(
        session, sources, provider=provider, delivery_id=delivery_id, facts=facts
    )
    if not fresh:
        return Ingested(WebhookReceipt(delivery_id=delivery_id, status="duplicate"), 200)
    status = "processed" if facts.used else "ignored"
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


async def _apply(
    session: AsyncSession, source: CiSource, facts: Facts, delivery_id: str, receipt: WebhookReceipt
) -> None:
    for run in facts.runs:
        release = await match_release(session, source, ref=run.ref, version=run.version)
        await service.record_run(session, source, run, release, delivery_id)
        receipt.runs += 1
        if run.status == "completed" and run.conclusion == SUCCESS and release is not None:
            receipt.checklist_ticked += await _tick_checklist(session, source, release, run)
        if run.conclusion == FAILURE:
            service.emit_failure(
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
    receipt.references += service.emit_references(session, source, facts)


async def _tick_checklist(session: AsyncSession, source: CiSource, release: Release, run: RunFact) -> int:
    codes = [
        r["checklist_code"] for r in source.checklist_rules if fnmatch.fnmatchcase(run.name, r["workflow"])
    ]
    if not codes or not run.url:
        return 0
    items = await checklist_repository.not_done_with_codes(session, release.id, codes)
    for item in items:
        await update_checklist_item(
            session,
            principal=service.ci_principal(source),
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
    principal = service.ci_principal(source)
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
        service.emit_failure(
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
