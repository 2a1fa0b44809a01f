"""Read models of the register, aggregated in SQL: heatmap (from its maintained counters), top-N, exposure
trend (burndown), CSV export."""

import csv
import io
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import fast_reads
from tpmhub_shared.auth import Principal, ensure_read
from tpmhub_shared.db import Database
from tpmhub_shared.problems import UnprocessableEntity, field_error

from risk_svc.links import repository as links
from risk_svc.matrix import repository as matrices
from risk_svc.matrix.schemas import level_for
from risk_svc.risks import repository as risks
from risk_svc.risks import scoring
from risk_svc.views import repository
from risk_svc.views.schemas import ExposurePeriod, ExposureTrend, Heatmap, HeatmapCell, TopRisk

MAX_PERIODS = 400


async def heatmap(
    session: AsyncSession, *, principal: Principal, project_key: str, basis: str, kind: str | None
) -> Heatmap:
    ensure_read(principal, project_key)
    counts = await repository.counts(session, project_key, basis, kind)
    matrix = await scoring.matrix_for(session, project_key)
    cells = [
        HeatmapCell(
            probability=pp,
            impact=ii,
            score=pp * ii,
            level=level_for(pp * ii, matrix.thresholds),
            count=counts.get((pp, ii), 0),
        )
        for pp in range(5, 0, -1)
        for ii in range(1, 6)
    ]
    return Heatmap(project_key=project_key, basis=basis, total=sum(counts.values()), cells=cells)


@lru_cache(maxsize=256)
def _cells_of_matrix(thresholds_json: str | bytes | None) -> tuple[tuple[int, int, int, str], ...]:
    """(probability, impact, score, level) of the 25 cells in the heatmap's order, per matrix thresholds
    (their JSON text: a saved matrix changes its text, so this never serves a stale level)."""
    thresholds = (
        scoring.DEFAULT.thresholds if thresholds_json is None else fast_reads.json_value(thresholds_json)
    )
    return tuple(
        (pp, ii, pp * ii, level_for(pp * ii, thresholds)) for pp in range(5, 0, -1) for ii in range(1, 6)
    )


async def heatmap_answer(
    session: AsyncSession, *, principal: Principal, project_key: str, basis: str, kind: str | None
) -> dict[str, Any]:
    """`heatmap` as the plain values of `Heatmap` in its field order (a fast read: the bytes are tested
    equal to the model's), its levels derived once per matrix."""
    ensure_read(principal, project_key)
    counts = await repository.cell_counts(session, project_key, basis, kind)
    thresholds = await matrices.thresholds_json(session, project_key)
    if thresholds is not None and not isinstance(thresholds, str | bytes):
        thresholds = fast_reads.encode(thresholds)  # a driver that decodes JSON itself
    cells = [
        {"probability": pp, "impact": ii, "score": score, "level": level, "count": counts.get((pp, ii), 0)}
        for pp, ii, score, level in _cells_of_matrix(thresholds)
    ]
    return {"project_key": project_key, "basis": basis, "total": sum(counts.values()), "cells": cells}


async def top_risks(
    session: AsyncSession, *, principal: Principal, project_key: str, n: int, basis: str
) -> list[TopRisk]:
    ensure_read(principal, project_key)
    rows = await risks.top(session, project_key=project_key, n=n, basis=basis)
    return [TopRisk.model_validate(r, from_attributes=True) for r in rows]


def _periods(start: date, end: date, interval: str) -> list[tuple[date, datetime]]:
    if interval == "week":
        start = start - timedelta(days=start.weekday())
    step = timedelta(days=7 if interval == "week" else 1)
    periods = []
    cursor = start
    while cursor <= end:
        periods.append((cursor, datetime.combine(cursor + step, time.min, tzinfo=UTC)))
        cursor += step
        if len(periods) > MAX_PERIODS:
            raise UnprocessableEntity(
                f"At most {MAX_PERIODS} periods per request.",
                errors=[field_error("query.to", f"range spans more than {MAX_PERIODS} {interval}s", "range")],
            )
    return periods


async def exposure_trend(
    session: AsyncSession,
    *,
    principal: Principal,
    project_key: str,
    start: date,
    end: date,
    interval: str,
    now: datetime,
) -> ExposureTrend:
    """Open exposure (count, Σ score, Σ residual score, Σ EMV of open threats) at the end of each period;
    the current period is measured now."""
    ensure_read(principal, project_key)
    if start > end:
        raise UnprocessableEntity(
            "`from` is after `to`.",
            errors=[field_error("query.from", "must be on or before `to`", "date_order")],
        )
    periods = [(d, min(b, now)) for d, b in _periods(start, min(end, now.date()), interval)]
    if not periods:
        return ExposureTrend(project_key=project_key, interval=interval, periods=[])
    sums = await repository.exposure_sums(session, project_key, [b for _, b in periods])
    result = []
    for n, (d, _) in enumerate(periods):
        count, score, residual, emv = sums.get(n, (0, 0, 0, 0.0))
        result.append(
            ExposurePeriod(
                period_start=d, open_risks=count, score=score, residual_score=residual, emv=round(emv, 2)
            )
        )
    return ExposureTrend(project_key=project_key, interval=interval, periods=result)


CSV_COLUMNS = [
    "key",
    "title",
    "category",
    "kind",
    "status",
    "owner",
    "probability",
    "impact",
    "score",
    "level",
    "residual_probability",
    "residual_impact",
    "residual_score",
    "residual_level",
    "proximity_date",
    "response_strategy",
    "cost_impact",
    "emv",
    "blocks_release",
    "escalated",
    "next_review_at",
    "items",
    "prds",
    "releases",
    "cause",
    "event",
    "effect",
    "created_at",
    "updated_at",
]


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    text = str(value)
    # Spreadsheet formula injection: a cell must not start with a formula character.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


async def export_csv(
    db: Database, *, principal: Principal, project_key: str, status: list[str] | None
) -> AsyncIterator[bytes]:
    """The register as CSV, streamed in keyset chunks from its own read session."""
    ensure_read(principal, project_key)

    async def rows() -> AsyncIterator[bytes]:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(CSV_COLUMNS)
        yield buffer.getvalue().encode()
        last_seq = 0
        async with db.session(write=False) as session:
            while True:
                chunk = await risks.chunk_after(
                    session, project_key=project_key, after_seq=last_seq, status=status, limit=500
                )
                if not chunk:
                    break
                linked = await links.load_many(session, [r.id for r in chunk])
                buffer.seek(0)
                buffer.truncate()
                for r in chunk:
                    values = {
                        **r.model_dump(),
                        "items": " ".join(linked[r.id].items),
                        "prds": " ".join(linked[r.id].prds),
                        "releases": " ".join(linked[r.id].releases),
                    }
                    writer.writerow([_cell(values[c]) for c in CSV_COLUMNS])
                yield buffer.getvalue().encode()
                last_seq = chunk[-1].seq
                if len(chunk) < 500:
                    break

    return rows()
