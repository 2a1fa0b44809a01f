"""Deployment records and the DORA metrics computed from them (aggregates in SQL)."""

import uuid
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import history
from tpmhub_shared.auth import Principal, ensure_read, ensure_role, visible
from tpmhub_shared.concurrency import lock_and_check
from tpmhub_shared.ids import as_utc, utcnow
from tpmhub_shared.pagination import parse_sort
from tpmhub_shared.patching import merge_patch
from tpmhub_shared.problems import UnprocessableEntity, field_error

from release_svc.deployments import repository
from release_svc.deployments.models import Deployment
from release_svc.deployments.schemas import (
    DeploymentCreate,
    DeploymentUpdate,
    DoraMetrics,
    RolloutOutcomes,
)
from release_svc.environments.service import resolve_environment
from release_svc.rollouts.service import rollout_outcomes

RESOURCE = "deployment"
DEPLOYERS = frozenset({"admin", "pm", "tpm", "engineer", "ci"})
MAX_WINDOW_DAYS = 366


def _derive(row: Deployment) -> None:
    """Lead time and restore time as plain numbers, so DORA aggregates are portable SQL."""
    row.lead_time_seconds = (
        (row.finished_at - row.committed_at).total_seconds()
        if row.finished_at and row.committed_at and row.status == "succeeded"
        else None
    )
    failed = row.status in ("failed", "rolled_back") or row.caused_failure
    since = row.finished_at or row.started_at
    row.restore_seconds = (
        (row.restored_at - since).total_seconds() if failed and row.restored_at is not None else None
    )


def _check_times(row: Deployment) -> None:
    errors = []
    if row.finished_at is not None and row.finished_at < row.started_at:
        errors.append(field_error("body.finished_at", "before started_at", "time_order"))
    if row.committed_at is not None and row.committed_at > row.started_at:
        errors.append(field_error("body.committed_at", "after started_at", "time_order"))
    if row.restored_at is not None:
        if not (row.status in ("failed", "rolled_back") or row.caused_failure):
            errors.append(field_error("body.restored_at", "only a failed change is restored", "not_failed"))
        elif row.restored_at < (row.finished_at or row.started_at):
            errors.append(field_error("body.restored_at", "before the deployment finished", "time_order"))
    if row.status == "in_progress" and row.finished_at is not None:
        errors.append(
            field_error("body.finished_at", "an in-progress deployment has no finished_at", "state")
        )
    if row.status != "in_progress" and row.finished_at is None:
        errors.append(field_error("body.finished_at", "required once the deployment finished", "missing"))
    if errors:
        raise UnprocessableEntity("; ".join(f"{e['loc']}: {e['message']}" for e in errors), errors=errors)


async def create_deployment(
    session: AsyncSession,
    *,
    principal: Principal,
    project_key: str,
    data: DeploymentCreate,
    source: str = "api",
) -> Deployment:
    """Record a deployment (also the entry point for CI webhooks, with `source`)."""
    ensure_role(principal, project_key, DEPLOYERS, action="record a deployment")
    environment = await resolve_environment(session, project_key, data.environment, loc="body.environment")
    if data.release_id is not None:
        release = await repository.release(session, data.release_id)
        if release is None or release.project_key != project_key:
            raise UnprocessableEntity(
                f"Release {data.release_id} does not exist in {project_key}.",
                errors=[field_error("body.release_id", "unknown release", "release_unknown")],
            )
    row = Deployment(
        project_key=project_key,
        created_by=principal.sub,
        source=source,
        **data.model_dump(exclude={"started_at", "environment"}),
        environment=environment,
        started_at=data.started_at or utcnow(),
    )
    _check_times(row)
    _derive(row)
    repository.add(session, row)
    await history.record(
        session,
        principal=principal,
        project_key=project_key,
        resource_type=RESOURCE,
        resource_id=row.id,
        action="create",
        after=history.snapshot(row),
    )
    await session.flush()
    return row


async def get_deployment(
    session: AsyncSession, *, principal: Principal, deployment_id: uuid.UUID
) -> Deployment:
    row = await repository.get(session, deployment_id)
    return visible(principal, row, f"Deployment {deployment_id} does not exist.")


async def update_deployment(
    session: AsyncSession,
    *,
    principal: Principal,
    deployment_id: uuid.UUID,
    patch: DeploymentUpdate,
    if_match: str | None,
) -> Deployment:
    row = await get_deployment(session, principal=principal, deployment_id=deployment_id)
    ensure_role(principal, row.project_key, DEPLOYERS, action="update a deployment")
    await lock_and_check(session, row, if_match)
    before = history.snapshot(row)
    merge_patch(row, patch, required={"status", "caused_failure"})
    if patch.status and patch.status != "in_progress" and row.finished_at is None:
        row.finished_at = utcnow()
    _check_times(row)
    _derive(row)
    await history.record(
        session,
        principal=principal,
        project_key=row.project_key,
        resource_type=RESOURCE,
        resource_id=row.id,
        action="update",
        before=before,
        after=history.snapshot(row),
    )
    await session.flush()
    return row


async def list_deployments(
    session: AsyncSession,
    *,
    principal: Principal,
    project_key: str,
    environment: str | None,
    release_id: uuid.UUID | None,
    status: str | None,
    sort: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[Deployment], str | None]:
    ensure_read(principal, project_key)
    sort_key, order = parse_sort(sort, repository.SORTS, "-started")
    if environment:
        environment = await resolve_environment(session, project_key, environment)
    return await repository.page_of_project(
        session,
        project_key,
        environment=environment or None,
        release_id=release_id,
        status=status,
        order=order,
        sort_key=sort_key,
        limit=limit,
        cursor=cursor,
    )


async def dora(
    session: AsyncSession,
    *,
    principal: Principal,
    project_key: str,
    environment: str,
    start: datetime | None,
    end: datetime | None,
) -> DoraMetrics:
    ensure_read(principal, project_key)
    environment = await resolve_environment(session, project_key, environment)
    end = as_utc(end) or utcnow()
    try:
        start = as_utc(start) or end - timedelta(days=30)
    except OverflowError as exc:
        raise UnprocessableEntity(
            "The window starts before the first representable date.",
            errors=[field_error("query.to", "too early", "window_range")],
        ) from exc
    if end <= start:
        raise UnprocessableEntity(
            "The window must end after it starts.",
            errors=[field_error("query.to", "not after `from`", "window_order")],
        )
    if end - start > timedelta(days=MAX_WINDOW_DAYS):
        raise UnprocessableEntity(
            f"The window is at most {MAX_WINDOW_DAYS} days.",
            errors=[field_error("query.from", "window too long", "window_too_long")],
        )
    figures = await repository.dora_figures(
        session, project_key=project_key, environment=environment, start=start, end=end
    )
    total, ok, failures, restored = figures.total, figures.succeeded, figures.failures, figures.restored
    lead_mean = figures.lead_mean
    days = (end - start).total_seconds() / 86400
    return DoraMetrics(
        project_key=project_key,
        environment=environment,
        window_start=start,
        window_end=end,
        days=round(days, 3),
        deployments=total,
        successful_deployments=ok,
        deployment_frequency_per_day=round(ok / days, 4),
        deployment_frequency_per_week=round(ok / days * 7, 4),
        lead_time_median_seconds=figures.lead_median,
        lead_time_mean_seconds=float(lead_mean) if lead_mean is not None else None,
        change_failure_rate=round(failures / total, 4) if total else None,
        failed_deployments=failures,
        time_to_restore_median_seconds=figures.restore_median,
        restored_failures=restored,
        rollouts=RolloutOutcomes(
            **await rollout_outcomes(
                session, project_key=project_key, environment=environment, start=start, end=end
            )
        ),
    )
