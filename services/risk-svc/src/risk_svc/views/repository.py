"""Queries of the read-model tables. Heatmap counters: each open risk counts once in its inherent cell and
once in its residual cell (the inherent one where no residual is assessed); writers take the cells of a
risk before a change and apply the difference after it, in the same transaction. Exposure points: what a
risk adds to the project's open exposure from a moment on (the burndown)."""

from collections import Counter
from datetime import datetime

from sqlalchemy import Integer, and_, delete, func, literal, or_, select, union_all
from sqlalchemy import insert as sa_insert
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import fast_reads
from tpmhub_shared.db import UTCDateTime

from risk_svc.risks import repository as risks
from risk_svc.risks.models import Risk
from risk_svc.views.models import ExposurePoint, RiskHeatCell

Cell = tuple[str, str, int, int]  # kind, basis, probability, impact


def cells_of(risk: Risk) -> list[Cell]:
    if risk.status == "closed":
        return []
    residual = (risk.residual_probability, risk.residual_impact)
    if residual[0] is None or residual[1] is None:
        residual = (risk.probability, risk.impact)
    return [(risk.kind, "inherent", risk.probability, risk.impact), (risk.kind, "residual", *residual)]


async def apply(session: AsyncSession, project_key: str, before: list[Cell], after: list[Cell]) -> None:
    """Move the counts; cells are updated in a fixed order so concurrent writers cannot deadlock."""
    delta = Counter(after)
    delta.subtract(Counter(before))
    changes = sorted((cell, n) for cell, n in delta.items() if n)
    if not changes:
        return
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    table = RiskHeatCell.__table__
    for (kind, basis, p, i), n in changes:
        stmt = insert(table).values(
            project_key=project_key, kind=kind, basis=basis, probability=p, impact=i, count=n
        )
        stmt = stmt.on_conflict_do_update(
            index_elements=[
                table.c.project_key,
                table.c.kind,
                table.c.basis,
                table.c.probability,
                table.c.impact,
            ],
            set_={"count": table.c.count + n},
        )
        await session.execute(stmt)


async def counts(
    session: AsyncSession, project_key: str, basis: str, kind: str | None
) -> dict[tuple[int, int], int]:
    t = RiskHeatCell
    stmt = select(t.probability, t.impact, func.sum(t.count)).where(
        t.project_key == project_key, t.basis == basis
    )
    if kind:
        stmt = stmt.where(t.kind == kind)
    rows = await session.execute(stmt.group_by(t.probability, t.impact))
    return {(int(p), int(i)): int(n) for p, i, n in rows if n}


_COUNTS = fast_reads.Statement(
    "SELECT probability, impact, SUM(count) FROM risk_heat_cells WHERE project_key = $1 AND basis = $2"
    " GROUP BY probability, impact"
)
_COUNTS_OF_KIND = fast_reads.Statement(
    "SELECT probability, impact, SUM(count) FROM risk_heat_cells"
    " WHERE project_key = $1 AND basis = $2 AND kind = $3 GROUP BY probability, impact"
)


async def cell_counts(
    session: AsyncSession, project_key: str, basis: str, kind: str | None
) -> dict[tuple[int, int], int]:
    """`counts` on the driver connection (the heatmap's fast read)."""
    if kind:
        rows = await fast_reads.fetch(session, _COUNTS_OF_KIND, project_key, basis, kind)
    else:
        rows = await fast_reads.fetch(session, _COUNTS, project_key, basis)
    return {(p, i): n for p, i, n in rows if n}


async def rebuild(session: AsyncSession, project_key: str) -> None:
    """Recount a project's cells from the risks table (after a bulk load, or to repair)."""
    await session.execute(delete(RiskHeatCell).where(RiskHeatCell.project_key == project_key))
    for basis, rows in (await risks.open_cell_counts(session, project_key)).items():
        if rows:
            await session.execute(
                sa_insert(RiskHeatCell.__table__),
                [
                    {
                        "project_key": project_key,
                        "kind": k,
                        "basis": basis,
                        "probability": pp,
                        "impact": ii,
                        "count": n,
                    }
                    for k, pp, ii, n in rows
                ],
            )


def add_exposure_point(session: AsyncSession, risk: Risk, at: datetime) -> None:
    """What this risk adds to the project's open exposure from `at` on (opportunities add nothing)."""
    counts = risk.status != "closed" and risk.kind == "threat"
    session.add(
        ExposurePoint(
            risk_id=risk.id,
            project_key=risk.project_key,
            at=at,
            is_open=counts,
            score=risk.score if counts else 0,
            residual_score=(risk.residual_score if risk.residual_score is not None else risk.score)
            if counts
            else 0,
            emv=(risk.emv or 0.0) if counts else 0.0,
        )
    )


async def exposure_sums(
    session: AsyncSession, project_key: str, boundaries_at: list[datetime]
) -> dict[int, tuple[int, int, int, float]]:
    """Per boundary (by index): count, Σ score, Σ residual score and Σ EMV of the points open at it."""
    boundaries = union_all(
        *[
            select(literal(n, Integer).label("idx"), literal(b, UTCDateTime()).label("boundary"))
            for n, b in enumerate(boundaries_at)
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
        .where(ExposurePoint.project_key == project_key, ExposurePoint.at < boundaries_at[-1])
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
    return {
        int(idx): (int(n), int(s or 0), int(r or 0), float(e or 0))
        for idx, n, s, r, e in await session.execute(stmt)
    }
