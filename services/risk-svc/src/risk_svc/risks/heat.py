"""Heatmap counters: each open risk counts once in its inherent cell and once in its residual cell (the
inherent one where no residual is assessed). Service functions take the cells of a risk before a change
and apply the difference after it, in the same transaction."""

from collections import Counter

from sqlalchemy import delete, func, select
from sqlalchemy import insert as sa_insert
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from risk_svc.risks.models import Risk, RiskHeatCell

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


async def rebuild(session: AsyncSession, project_key: str) -> None:
    """Recount a project's cells from the risks table (after a bulk load, or to repair)."""
    await session.execute(delete(RiskHeatCell).where(RiskHeatCell.project_key == project_key))
    open_ = Risk.status != "closed"
    for basis, p, i in (
        ("inherent", Risk.probability, Risk.impact),
        (
            "residual",
            func.coalesce(Risk.residual_probability, Risk.probability),
            func.coalesce(Risk.residual_impact, Risk.impact),
        ),
    ):
        rows = (
            await session.execute(
                select(Risk.kind, p, i, func.count())
                .where(Risk.project_key == project_key, open_)
                .group_by(Risk.kind, p, i)
            )
        ).all()
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
