"""CI webhook deliveries: what a payload says, the delivery recorded once per source, and what is done
with it inside the webhooks' own tables and events — pipeline runs, failures and item-key references
emitted — plus the deliveries and runs as listed. Acting on other domains is in flows.py."""

from __future__ import annotations

import re
import uuid
from typing import Any

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import events
from tpmhub_shared.auth import PLANNERS, Principal, ensure_read, ensure_role
from tpmhub_shared.contracts import ItemReferenced
from tpmhub_shared.ids import utcnow
from tpmhub_shared.problems import UnprocessableEntity, field_error

from release_svc.ci_sources.models import CiSource
from release_svc.protection.github import under_api
from release_svc.releases.models import Release
from release_svc.releases.service import get_release
from release_svc.webhooks import repository
from release_svc.webhooks.models import CiDelivery, PipelineRun
from release_svc.webhooks.providers import generic, github, gitlab
from release_svc.webhooks.providers.facts import Facts, RunFact
from release_svc.webhooks.schemas import CiEvent

SOURCE = "/tpmhub/release-svc"


def facts_of(provider: str, headers: dict[str, str], body: dict[str, Any], *, api_url: str) -> Facts:
    """What the delivery says, in the providers' one shape; 422 when a payload that must be acted on is
    invalid (a protection request's callback must be under the GitHub API at `api_url`)."""
    if provider == "github":
        facts = github.github_facts(headers.get("x-github-event") or headers.get("x-gitea-event") or "", body)
    elif provider == "gitlab":
        facts = gitlab.gitlab_facts(headers.get("x-gitlab-event", ""), body)
    else:
        event = body if "build" not in body else generic.jenkins_to_generic(body)
        try:
            facts = generic.generic_facts(CiEvent.model_validate(event))
        except ValidationError as exc:
            raise UnprocessableEntity(
                f"{exc.error_count()} invalid field(s) in the CI event.",
                errors=[
                    field_error("body." + ".".join(str(p) for p in e["loc"]), e["msg"], e["type"])
                    for e in exc.errors()[:20]
                ],
            ) from exc
    if facts.protection is not None and not under_api(facts.protection.callback_url, api_url):
        facts.invalid.append(
            ("body.deployment_callback_url", "must be a URL under the configured GitHub API")
        )
    if facts.invalid:
        raise UnprocessableEntity(
            f"{len(facts.invalid)} invalid field(s) in the {facts.event} payload.",
            errors=[field_error(loc, msg, "invalid_payload") for loc, msg in facts.invalid],
        )
    return facts


async def record_deliveries(
    session: AsyncSession, sources: list[CiSource], *, provider: str, delivery_id: str, facts: Facts
) -> list[tuple[CiSource, CiDelivery]]:
    """Record the delivery once per verified source that has not accepted its id before; returns those
    (none: a duplicate)."""
    # Deduplicated per verified source: an id is "seen" only if this source accepted it before.
    seen = await repository.sources_that_saw(session, [s.id for s in sources], delivery_id)
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
        if not await repository.insert_once(session, record):
            continue  # the same delivery arrived twice at once: the other one acts
        fresh.append((source, record))
    return fresh


def ci_principal(source: CiSource) -> Principal:
    return Principal(
        sub=f"ci:{source.provider}:{source.repository}"[:200],
        name=source.name or source.repository,
        roles={source.project_key: "ci"},
    )


async def record_run(
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
    key = dict(source_id=source.id, kind=run.kind, external_id=run.external_id[:100])
    row = await repository.find_run(session, **key)
    if row is None:
        row = PipelineRun(
            project_key=source.project_key,
            source_id=source.id,
            provider=source.provider,
            kind=run.kind,
            external_id=run.external_id[:100],
            **values,
        )
        if await repository.insert_once(session, row):
            return row
        row = await repository.find_run(session, **key, required=True)
    if row.status == "completed" and run.status != "completed":
        return row  # a late "requested"/"in_progress" never undoes a finished run
    for name, value in values.items():
        if value is not None or name in ("conclusion", "finished_at"):
            setattr(row, name, value)
    row.updated_at = utcnow()
    return row


def emit_failure(
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


def emit_references(session: AsyncSession, source: CiSource, facts: Facts) -> int:
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


async def list_release_runs(
    session: AsyncSession, *, principal: Principal, release_id: uuid.UUID, limit: int, cursor: str | None
) -> tuple[list[PipelineRun], str | None]:
    await get_release(session, principal=principal, release_id=release_id)
    return await repository.page_of_release_runs(session, release_id, limit=limit, cursor=cursor)


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
    return await repository.page_of_deliveries(
        session, project_key, status=status, limit=limit, cursor=cursor
    )
