"""A project's releases over a period in one answer (for requirements-svc's health and reports): states,
gate denials with reasons, rollouts in progress, rollbacks, verifications and DORA."""

from __future__ import annotations

import statistics
import uuid
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.auth import Principal, ensure_read
from tpmhub_shared.contracts import (
    GateDenial,
    ReleaseBrief,
    ReleaseSummary,
    RollbackEvent,
    RolloutProgress,
    SummaryDora,
    VerificationBrief,
)
from tpmhub_shared.problems import UnprocessableEntity, field_error

from release_svc.rollouts.models import Rollout
from release_svc.summary import repository

MAX_DAYS = 92
LIST_LIMIT = 100
FINISHED = ("released", "rolled_back", "cancelled")


def _start(d: date) -> datetime:
    return datetime.combine(d, time.min, tzinfo=UTC)


def check_range(start: date, end: date, today: date) -> None:
    if start > end:
        raise UnprocessableEntity(
            "`from` is after `to`.",
            errors=[field_error("query.from", "must be on or before `to`", "date_order")],
        )
    if start > today:
        raise UnprocessableEntity(
            "The period has not started yet.",
            errors=[field_error("query.from", "must not be in the future", "future_period")],
        )
    if (end - start).days + 1 > MAX_DAYS:
        raise UnprocessableEntity(
            f"At most {MAX_DAYS} days per summary.",
            errors=[field_error("query.from", f"range spans more than {MAX_DAYS} days", "range")],
        )


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 2) if values else None


async def release_summary(
    session: AsyncSession, *, principal: Principal, project_key: str, start: date, end: date, now: datetime
) -> ReleaseSummary:
    ensure_read(principal, project_key)
    check_range(start, end, now.date())
    lo, hi = _start(start), _start(end + timedelta(days=1))

    states = await repository.release_states(session, project_key)
    releases = await repository.open_or_changed_releases(
        session, project_key, lo, hi, finished=FINISHED, limit=LIST_LIMIT
    )
    versions = {r.id: r.semver for r in releases}

    async def version_of(ids: set) -> dict:  # noqa: ANN001 - uuid sets
        missing = ids - versions.keys()
        if missing:
            versions.update(await repository.release_versions(session, missing))
        return versions

    denials = await repository.gate_denials(session, project_key, lo, hi, limit=LIST_LIMIT)
    rollouts = await repository.active_rollouts(session, project_key, limit=LIST_LIMIT)
    rolled_back_rollouts = await repository.rolled_back_rollouts(session, project_key, lo, hi)
    # Releases changing state in the period, from their history (who, when, why).
    moves = await repository.release_moves(session, project_key, lo, hi)
    verifications = await repository.verifications(session, project_key, lo, hi, limit=LIST_LIMIT)

    ids = (
        {d.release_id for d in denials}
        | {r.release_id for r in rollouts}
        | {v.release_id for v in verifications}
    )
    ids |= {r.release_id for r in rolled_back_rollouts} | {uuid.UUID(m.resource_id) for m in moves}
    await version_of(ids)
    created = (
        await repository.release_created_at(session, {uuid.UUID(m.resource_id) for m in moves})
        if moves
        else {}
    )

    rollout_by_release = {r.release_id: r for r in rolled_back_rollouts}
    rollbacks, released_lead_hours = [], []
    for m in moves:
        rid = uuid.UUID(m.resource_id)
        if m.action == "roll_back":
            ro = rollout_by_release.get(rid)
            rollbacks.append(
                RollbackEvent(
                    release_id=rid,
                    version=versions.get(rid, "?"),
                    rollout_id=ro.id if ro else None,
                    at=m.at,
                    reason=m.note,
                )
            )
        elif rid in created:
            released_lead_hours.append((m.at - created[rid]).total_seconds() / 3600)
    n_released = sum(1 for m in moves if m.action == "mark_released")
    n_rolled_back = len(rollbacks)
    days = (end - start).days + 1

    def progress(r: Rollout) -> RolloutProgress:
        stages = r.stages or []
        stage = stages[r.current_stage] if 0 <= r.current_stage < len(stages) else {}
        return RolloutProgress(
            id=r.id,
            release_id=r.release_id,
            version=versions.get(r.release_id, "?"),
            name=r.name,
            status=r.status,
            current_stage=r.current_stage,
            current_percent=r.current_percent,
            stage_percents=[int(s.get("percent", 0)) for s in stages],
            operator=stage.get("operator"),
            started_at=r.started_at,
            pause_reason=r.pause_reason,
        )

    return ReleaseSummary(
        project_key=project_key,
        from_date=start.isoformat(),
        to_date=end.isoformat(),
        generated_at=now,
        states=states,
        releases=[
            ReleaseBrief(
                id=r.id,
                version=r.semver,
                name=r.name,
                status=r.status,
                target_date=r.target_date.isoformat() if r.target_date else None,
                scope=list(r.scope),
                updated_at=r.updated_at,
            )
            for r in releases
        ],
        gate_denials=[
            GateDenial(
                release_id=d.release_id,
                version=d.version,
                at=d.at,
                reasons=[
                    str(c.get("reason", c.get("name", ""))) for c in d.checks if not c.get("passed", True)
                ],
            )
            for d in denials
        ],
        rollouts_in_progress=[progress(r) for r in rollouts],
        rollbacks=rollbacks,
        verifications=[
            VerificationBrief(
                release_id=v.release_id,
                version=versions.get(v.release_id, "?"),
                name=v.scenario,
                outcome=v.result,
                at=v.verified_at,
            )
            for v in verifications
        ],
        dora=SummaryDora(
            deployments=n_released,
            deployment_frequency_per_day=round(n_released / days, 3),
            lead_time_hours_median=_median(released_lead_hours),
            change_failure_rate=round(n_rolled_back / (n_released + n_rolled_back), 3)
            if (n_released + n_rolled_back)
            else None,
            time_to_restore_hours_median=None,
        ),
        sources_missing=["time_to_restore"],
    )
