"""Read models aggregated in SQL: heatmap (from its maintained counters), top-N, exposure trend
(burndown), CSV export, gate query."""

import csv
import io
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Integer, and_, func, literal, or_, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.auth import Principal, ensure_read
from tpmhub_shared.contracts import (
    BlockingRisk,
    ItemHoldersQuery,
    LinkedRisk,
    PredictedRisk,
    RiskGateQuery,
    RiskGateResult,
    RiskImpactQuery,
    RiskImpactResult,
    RiskLinkedToItems,
    RisksLinkedToItems,
)
from tpmhub_shared.db import Database, UTCDateTime, among
from tpmhub_shared.problems import UnprocessableEntity, field_error

from risk_svc.matrix.schemas import level_for
from risk_svc.risks import heat, scoring
from risk_svc.risks import links as link_rules
from risk_svc.risks.handlers import derive_scores, linked_items
from risk_svc.risks.models import ExposurePoint, Risk, RiskLink
from risk_svc.risks.schemas import ExposurePeriod, ExposureTrend, Heatmap, HeatmapCell, TopRisk

OPEN = scoring.OPEN_STATUSES
MAX_PERIODS = 400


async def heatmap(
    session: AsyncSession, *, principal: Principal, project_key: str, basis: str, kind: str | None
) -> Heatmap:
    ensure_read(principal, project_key)
    counts = await heat.counts(session, project_key, basis, kind)
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


async def top_risks(
    session: AsyncSession, *, principal: Principal, project_key: str, n: int, basis: str
) -> list[TopRisk]:
    ensure_read(principal, project_key)
    score = func.coalesce(Risk.residual_score, Risk.score) if basis == "residual" else Risk.score
    stmt = (
        select(Risk)
        .where(Risk.project_key == project_key, Risk.status.in_(OPEN), Risk.kind == "threat")
        .order_by(score.desc(), Risk.emv.is_(None), Risk.emv.desc(), Risk.seq)
        .limit(n)
    )
    return [TopRisk.model_validate(r, from_attributes=True) for r in (await session.execute(stmt)).scalars()]


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
    boundaries = union_all(
        *[
            select(literal(n, Integer).label("idx"), literal(b, UTCDateTime()).label("boundary"))
            for n, (_, b) in enumerate(periods)
        ]
    ).cte("boundaries")
    points = (
        select(
            ExposurePoint.at,
            ExposurePoint.is_open,
            ExposurePoint.score,
            ExposurePoint.residual_score,
            ExposurePoint.emv,
            func.lead(ExposurePoint.at)
            .over(partition_by=ExposurePoint.risk_id, order_by=(ExposurePoint.at, ExposurePoint.id))
            .label("until"),
        )
        .where(ExposurePoint.project_key == project_key, ExposurePoint.at < periods[-1][1])
        .cte("points")
    )
    stmt = (
        select(
            boundaries.c.idx,
            func.count(),
            func.sum(points.c.score),
            func.sum(points.c.residual_score),
            func.sum(points.c.emv),
        )
        .select_from(
            boundaries.join(
                points,
                and_(
                    points.c.at < boundaries.c.boundary,
                    or_(points.c.until.is_(None), points.c.until >= boundaries.c.boundary),
                    points.c.is_open.is_(True),
                ),
            )
        )
        .group_by(boundaries.c.idx)
    )
    sums = {
        int(idx): (int(n), int(s or 0), int(r or 0), float(e or 0))
        for idx, n, s, r, e in await session.execute(stmt)
    }
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
                stmt = select(Risk).where(Risk.project_key == project_key, Risk.seq > last_seq)
                if status:
                    stmt = stmt.where(Risk.status.in_(status))
                chunk = list((await session.execute(stmt.order_by(Risk.seq).limit(500))).scalars().all())
                if not chunk:
                    break
                links = await link_rules.load_many(session, [r.id for r in chunk])
                buffer.seek(0)
                buffer.truncate()
                for r in chunk:
                    values = {
                        **r.model_dump(),
                        "items": " ".join(links[r.id].items),
                        "prds": " ".join(links[r.id].prds),
                        "releases": " ".join(links[r.id].releases),
                    }
                    writer.writerow([_cell(values[c]) for c in CSV_COLUMNS])
                yield buffer.getvalue().encode()
                last_seq = chunk[-1].seq
                if len(chunk) < 500:
                    break

    return rows()


async def gate_query(session: AsyncSession, *, principal: Principal, query: RiskGateQuery) -> RiskGateResult:
    """Open risks at or above the gate level (or marked `blocks_release`) linked to the release or to any
    of the item keys: one indexed query for the risks and one for their linked items."""
    ensure_read(principal, query.project_key)
    matrix = await scoring.matrix_for(session, query.project_key)
    targets = []
    if query.release_id is not None:
        targets.append(and_(RiskLink.target_type == "release", RiskLink.target_key == str(query.release_id)))
    item_keys = sorted(set(query.item_keys))
    if item_keys:
        targets.append(and_(RiskLink.target_type == "item", among(session, RiskLink.target_key, item_keys)))
    if not targets:
        return RiskGateResult(gate_level=matrix.gate_level, blocking=[])
    levels = matrix.levels_at_or_above(matrix.gate_level)
    linked = select(RiskLink.risk_id).where(RiskLink.project_key == query.project_key, or_(*targets))
    # Only the columns the answer needs: no ORM objects for what may be hundreds of rows.
    stmt = (
        select(Risk.id, Risk.key, Risk.title, Risk.level, Risk.score, Risk.status)
        .where(
            Risk.project_key == query.project_key,
            Risk.id.in_(linked),
            Risk.status.in_(OPEN),
            or_(Risk.level.in_(levels), Risk.blocks_release.is_(True)),
        )
        .order_by(Risk.score.desc(), Risk.seq)
    )
    risks = list((await session.execute(stmt)).all())
    items: dict = {r.id: [] for r in risks}
    if risks and item_keys:
        rows = await session.execute(
            select(RiskLink.risk_id, RiskLink.target_key)
            .where(
                among(session, RiskLink.risk_id, list(items)),
                RiskLink.target_type == "item",
                among(session, RiskLink.target_key, item_keys),
            )
            .order_by(RiskLink.target_key)
        )
        for risk_id, key in rows:
            items[risk_id].append(key)
    blocking = []
    for r in risks:
        if r.level in levels:
            reason = f"level {r.level} ≥ gate level {matrix.gate_level}"
        else:
            reason = f"blocks_release is set (level {r.level} is below gate level {matrix.gate_level})"
        blocking.append(
            BlockingRisk(
                key=r.key,
                title=r.title,
                level=r.level,
                score=r.score,
                status=r.status,
                reason=reason,
                linked_items=items[r.id],
            )
        )
    return RiskGateResult(gate_level=matrix.gate_level, blocking=blocking)


async def impact_query(
    session: AsyncSession, *, principal: Principal, query: RiskImpactQuery
) -> RiskImpactResult:
    """For change-request impact: the project's risks (not closed) linked to any of the items, and the
    requirement_change risk that approving the change creates, scored by the same rule and matrix as the
    `change_request.approved` handler (or the one it already created for this change request)."""
    ensure_read(principal, query.project_key)
    matrix = await scoring.matrix_for(session, query.project_key)
    item_keys = sorted(set(query.item_keys))
    linked: list[LinkedRisk] = []
    if item_keys:
        rows = await session.execute(
            select(Risk.id, Risk.key, Risk.title, Risk.level, Risk.score, Risk.status, RiskLink.target_key)
            .join(RiskLink, RiskLink.risk_id == Risk.id)
            .where(
                RiskLink.project_key == query.project_key,
                RiskLink.target_type == "item",
                among(session, RiskLink.target_key, item_keys),
                Risk.project_key == query.project_key,
                Risk.status != "closed",
            )
            .order_by(Risk.score.desc(), Risk.seq, RiskLink.target_key)
        )
        by_risk: dict = {}
        for r in rows:
            entry = by_risk.get(r.id)
            if entry is None:
                entry = by_risk[r.id] = LinkedRisk(
                    key=r.key, title=r.title, level=r.level, score=r.score, status=r.status, linked_items=[]
                )
            entry.linked_items.append(r.target_key)
        linked = list(by_risk.values())
    existing = None
    if query.change_request_id is not None:
        existing = (
            await session.execute(
                select(Risk.key, Risk.probability, Risk.impact, Risk.score, Risk.level).where(
                    Risk.change_request_id == query.change_request_id
                )
            )
        ).first()
    probability, impact = derive_scores(query)
    own = linked_items(query.project_key, query.item_keys)
    if existing is not None:
        predicted = PredictedRisk(
            probability=existing.probability,
            impact=existing.impact,
            score=existing.score,
            level=existing.level,
            linked_items=own,
            existing_key=existing.key,
        )
    else:
        score = probability * impact
        predicted = PredictedRisk(
            probability=probability,
            impact=impact,
            score=score,
            level=matrix.level(score) or "low",
            linked_items=own,
        )
    return RiskImpactResult(linked=linked, requirement_change_risk=predicted)


async def risks_linked_to_items(
    session: AsyncSession, *, principal: Principal, query: ItemHoldersQuery
) -> RisksLinkedToItems:
    """Risks of the project, open or closed, linked to any of the items: one query over the link index."""
    ensure_read(principal, query.project_key)
    keys = sorted(set(query.item_keys))
    rows = await session.execute(
        select(Risk.id, Risk.key, Risk.title, Risk.status, Risk.level, RiskLink.target_key)
        .join(RiskLink, RiskLink.risk_id == Risk.id)
        .where(
            RiskLink.project_key == query.project_key,
            RiskLink.target_type == "item",
            among(session, RiskLink.target_key, keys),
        )
        .order_by(Risk.seq, RiskLink.target_key)
    )
    found: dict[Any, RiskLinkedToItems] = {}
    for rid, key, title, state, level, item_key in rows:
        entry = found.setdefault(
            rid, RiskLinkedToItems(key=key, title=title, status=state, level=level, item_keys=[])
        )
        entry.item_keys.append(item_key)
    return RisksLinkedToItems(risks=list(found.values()))
