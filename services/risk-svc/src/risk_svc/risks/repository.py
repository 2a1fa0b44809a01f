"""Queries of the risks table and its key counter. Other domains ask here for risks; a clause they add
(a correlated EXISTS over their own table) comes in as an argument, built over `RISK_ID`."""

import uuid
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, and_, case, exists, func, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import fast_reads
from tpmhub_shared.db import among
from tpmhub_shared.pagination import paginate, parse_sort

from risk_svc.matrix.schemas import LEVELS
from risk_svc.risks.models import Risk, RiskCounter
from risk_svc.risks.scoring import DEFAULT as DEFAULT_MATRIX
from risk_svc.risks.scoring import OPEN_STATUSES

DEFAULT_GATE_LEVEL = DEFAULT_MATRIX.gate_level
RISK_ID = Risk.id  # what other domains' correlated clauses match their `risk_id` against
SORTS = {
    "key": Risk.seq,
    "score": Risk.score,
    "created": Risk.created_at,
    "updated": Risk.updated_at,
    "next_review": Risk.next_review_at,
}


async def by_key(session: AsyncSession, key: str) -> Risk | None:
    return (await session.execute(select(Risk).where(Risk.key == key))).scalar_one_or_none()


async def by_id(session: AsyncSession, risk_id: uuid.UUID) -> Risk | None:
    return await session.get(Risk, risk_id)


async def add(session: AsyncSession, risk: Risk) -> None:
    session.add(risk)
    await session.flush()


async def next_seq(session: AsyncSession, project_key: str) -> int:
    """Increment the project's counter row (upsert, row-locked until commit): gap-free and unique."""
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    table = RiskCounter.__table__
    stmt = (
        insert(table)
        .values(project_key=project_key, last_seq=1)
        .on_conflict_do_update(index_elements=[table.c.project_key], set_={"last_seq": table.c.last_seq + 1})
        .returning(table.c.last_seq)
    )
    return int((await session.execute(stmt)).scalar_one())


async def id_of_change_request(session: AsyncSession, change_request_id: uuid.UUID) -> uuid.UUID | None:
    row = (await session.execute(select(Risk.id).where(Risk.change_request_id == change_request_id))).first()
    return None if row is None else row[0]


async def scores_of_change_request(session: AsyncSession, change_request_id: uuid.UUID) -> Row | None:
    """Key, probability, impact, score and level of the risk created for a change request."""
    return (
        await session.execute(
            select(Risk.key, Risk.probability, Risk.impact, Risk.score, Risk.level).where(
                Risk.change_request_id == change_request_id
            )
        )
    ).first()


def is_open_risk(risk_id: Any) -> ColumnElement[bool]:
    """The risk of `risk_id` (another table's column) is open."""
    return exists().where(Risk.id == risk_id, Risk.status.in_(OPEN_STATUSES))


def flagged(*, has_open_action: ColumnElement[bool], has_overdue_action: ColumnElement[bool]) -> Any:
    """The attention rule: high/critical, open and not occurred, with no open action or an overdue one."""
    return and_(
        Risk.level.in_(("high", "critical")),
        Risk.status.in_([s for s in OPEN_STATUSES if s != "occurred"]),
        or_(~has_open_action, has_overdue_action),
    )


async def page(
    session: AsyncSession,
    *,
    project_key: str,
    status: list[str] | None,
    level: list[str] | None,
    category: str | None,
    owner: str | None,
    kind: str | None,
    escalated: bool | None,
    review_overdue_at: tuple[bool, datetime] | None,
    clauses: Sequence[Any],
    sort: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[Risk], str | None]:
    """A filtered page of the project's risks; `clauses` are further conditions (linked item, flag)."""
    sort_key, order = parse_sort(sort, SORTS, "key")
    stmt = select(Risk).where(Risk.project_key == project_key)
    if status:
        stmt = stmt.where(Risk.status.in_(status))
    if level:
        stmt = stmt.where(Risk.level.in_(level))
    if category:
        stmt = stmt.where(Risk.category == category)
    if owner:
        stmt = stmt.where(Risk.owner == owner)
    if kind:
        stmt = stmt.where(Risk.kind == kind)
    if escalated is not None:
        stmt = stmt.where(Risk.escalated.is_(escalated))
    for clause in clauses:
        stmt = stmt.where(clause)
    if review_overdue_at is not None:
        wanted, now = review_overdue_at
        overdue = and_(Risk.status.in_(OPEN_STATUSES), Risk.next_review_at < now)
        stmt = stmt.where(overdue if wanted else ~overdue)
    return await paginate(
        session, stmt, order=order, id_column=Risk.id, limit=limit, cursor=cursor, sort_key=sort_key
    )


async def keys_by_id(session: AsyncSession, ids: set[uuid.UUID]) -> dict[uuid.UUID, str]:
    if not ids:
        return {}
    return dict((await session.execute(select(Risk.id, Risk.key).where(Risk.id.in_(ids)))).all())


# ---- reviews -------------------------------------------------------------------------------------------


async def page_review_overdue(
    session: AsyncSession, *, project_key: str, as_of: datetime, limit: int, cursor: str | None
) -> tuple[list[Risk], str | None]:
    stmt = select(Risk).where(
        Risk.project_key == project_key, Risk.status.in_(OPEN_STATUSES), Risk.next_review_at < as_of
    )
    return await paginate(
        session,
        stmt,
        order=[(Risk.next_review_at, False)],
        id_column=Risk.id,
        limit=limit,
        cursor=cursor,
        sort_key="overdue_review",
    )


def _review_due(end_of_day: datetime) -> ColumnElement[bool]:
    return and_(Risk.status.in_(OPEN_STATUSES), Risk.owner.is_not(None), Risk.next_review_at < end_of_day)


async def owners_with_review_due(
    session: AsyncSession,
    *,
    end_of_day: datetime,
    reminded: Callable[[Any, Any], ColumnElement[bool]],
    limit: int,
) -> list[tuple[str, str]]:
    """(project, owner) pairs with a review due before `end_of_day` and not `reminded(project, owner)`."""
    rows = await session.execute(
        select(Risk.project_key, Risk.owner)
        .where(_review_due(end_of_day), ~reminded(Risk.project_key, Risk.owner))
        .group_by(Risk.project_key, Risk.owner)
        .order_by(Risk.project_key, Risk.owner)
        .limit(limit)
    )
    return [(p, o) for p, o in rows.all()]


async def review_due_of_owner(
    session: AsyncSession, *, project_key: str, owner: str, end_of_day: datetime
) -> list[Risk]:
    return list(
        (
            await session.execute(
                select(Risk)
                .where(_review_due(end_of_day), Risk.project_key == project_key, Risk.owner == owner)
                .order_by(Risk.next_review_at, Risk.seq)
            )
        ).scalars()
    )


# ---- escalation and re-levelling -----------------------------------------------------------------------


async def escalation_candidates(
    session: AsyncSession,
    *,
    cutoff: datetime,
    overdue_action: ColumnElement[bool],
    limit: int,
    skip_locked: bool,
) -> list[Risk]:
    """Open, not escalated risks that must be: critical, or high with a review overdue since before
    `cutoff` or `overdue_action`; minus those a person de-escalated at their current level. With
    `skip_locked` (PostgreSQL) they are locked `FOR UPDATE SKIP LOCKED`, so replicas split the work."""
    not_suppressed = or_(
        Risk.escalation_suppressed_level.is_(None), Risk.escalation_suppressed_level != Risk.level
    )
    stmt = (
        select(Risk)
        .where(
            Risk.status.in_(OPEN_STATUSES),
            Risk.escalated.is_(False),
            not_suppressed,
            or_(
                Risk.level == "critical",
                and_(Risk.level == "high", or_(Risk.next_review_at < cutoff, overdue_action)),
            ),
        )
        .order_by(Risk.id)
        .limit(limit)
    )
    if skip_locked:
        stmt = stmt.with_for_update(skip_locked=True, of=Risk)
    return list((await session.execute(stmt)).scalars().all())


def _level_case(column: Any, thresholds: list[dict[str, Any]]) -> Any:
    return case(*[(column.between(t["min_score"], t["max_score"]), t["level"]) for t in thresholds])


async def open_with_other_level(
    session: AsyncSession, project_key: str, thresholds: list[dict[str, Any]]
) -> list[Risk]:
    """Open risks of the project whose level or residual level differs under these thresholds."""
    inherent = _level_case(Risk.score, thresholds)
    residual = _level_case(Risk.residual_score, thresholds)
    stmt = (
        select(Risk)
        .where(
            Risk.project_key == project_key,
            Risk.status.in_(OPEN_STATUSES),
            or_(
                Risk.level != inherent, (Risk.residual_score.is_not(None) & (Risk.residual_level != residual))
            ),
        )
        .order_by(Risk.seq)
    )
    return list((await session.execute(stmt)).scalars().all())


# ---- read models and sibling queries -------------------------------------------------------------------


async def top(session: AsyncSession, *, project_key: str, n: int, basis: str) -> list[Risk]:
    """The N open threats with the highest exposure (score, then EMV)."""
    score = func.coalesce(Risk.residual_score, Risk.score) if basis == "residual" else Risk.score
    stmt = (
        select(Risk)
        .where(Risk.project_key == project_key, Risk.status.in_(OPEN_STATUSES), Risk.kind == "threat")
        .order_by(score.desc(), Risk.emv.is_(None), Risk.emv.desc(), Risk.seq)
        .limit(n)
    )
    return list((await session.execute(stmt)).scalars())


async def chunk_after(
    session: AsyncSession, *, project_key: str, after_seq: int, status: list[str] | None, limit: int
) -> list[Risk]:
    """The next `limit` risks of the project by key number (keyset)."""
    stmt = select(Risk).where(Risk.project_key == project_key, Risk.seq > after_seq)
    if status:
        stmt = stmt.where(Risk.status.in_(status))
    return list((await session.execute(stmt.order_by(Risk.seq).limit(limit))).scalars().all())


async def open_cell_counts(session: AsyncSession, project_key: str) -> dict[str, list[Row]]:
    """Open risks per (kind, P, I) on each basis (residual falls back to inherent), for the heatmap."""
    open_ = Risk.status != "closed"
    result = {}
    for basis, p, i in (
        ("inherent", Risk.probability, Risk.impact),
        (
            "residual",
            func.coalesce(Risk.residual_probability, Risk.probability),
            func.coalesce(Risk.residual_impact, Risk.impact),
        ),
    ):
        result[basis] = list(
            (
                await session.execute(
                    select(Risk.kind, p, i, func.count())
                    .where(Risk.project_key == project_key, open_)
                    .group_by(Risk.kind, p, i)
                )
            ).all()
        )
    return result


_OPEN_LIST = ", ".join(f"'{s}'" for s in OPEN_STATUSES)


def _rank(column: str) -> str:
    """A level's rank in SQL (LEVELS' order, lowest 0; NULL for a word outside it)."""
    return "CASE " + column + "".join(f" WHEN '{lv}' THEN {n}" for n, lv in enumerate(LEVELS)) + " END"


def gate_statement(gate_level: fast_reads.Statement, linked: fast_reads.Statement) -> fast_reads.Statement:
    """The gate query in one statement, from two other domains' parts over the same parameters ($1 the
    project, $2 the release id as text, $3 the item keys): `gate_level` (one row, one column, or none for
    the default matrix) and `linked` (rows of `risk_id, item_key`). Its first column is the gate level on
    every row; then the open risks joined to their linked targets, at or above the gate level or marked
    `blocks_release`, highest score first, then key number, then item key (one row per linked target);
    a single row of NULL risk columns when none blocks."""

    def text(p: str, gate: str, links: str) -> str:
        return (
            f"WITH g AS (SELECT COALESCE(({gate}), '{DEFAULT_GATE_LEVEL}') AS gate_level)"
            " SELECT g.gate_level, b.id, b.key, b.title, b.level, b.score, b.status, b.item_key FROM g"
            " LEFT JOIN (SELECT r.id, r.key, r.title, r.level, r.score, r.status, r.seq, r.blocks_release,"
            f" l.item_key FROM risks r JOIN ({links}) l ON l.risk_id = r.id"
            f" WHERE r.project_key = {p}1 AND r.status IN ({_OPEN_LIST})) b"
            f" ON ({_rank('b.level')} >= {_rank('g.gate_level')} OR b.blocks_release)"
            " ORDER BY b.score DESC, b.seq, b.item_key"
        )

    return fast_reads.Statement(
        text("$", gate_level.postgresql, linked.postgresql), text("?", gate_level.sqlite, linked.sqlite)
    )


async def gate_rows(
    session: AsyncSession,
    statement: fast_reads.Statement,
    *,
    project_key: str,
    release_key: str | None,
    item_keys: list[str],
) -> Sequence[Sequence[Any]]:
    """The driver's rows of a `gate_statement`: gate level, then id, key, title, level, score, status and
    item key (None for a release link; all None on the one row of an answer with no blocking risk)."""
    return await fast_reads.fetch(session, statement, project_key, release_key, item_keys)


async def briefs(
    session: AsyncSession, *, project_key: str, ids: Sequence[uuid.UUID], include_closed: bool, by_score: bool
) -> list[Row]:
    """Id, key, title, level, score and status of these risks of the project, by score (highest first)
    then key number, or by key number."""
    if not ids:
        return []
    stmt = select(Risk.id, Risk.key, Risk.title, Risk.level, Risk.score, Risk.status).where(
        Risk.project_key == project_key, among(session, Risk.id, list(ids))
    )
    if not include_closed:
        stmt = stmt.where(Risk.status != "closed")
    order = (Risk.score.desc(), Risk.seq) if by_score else (Risk.seq,)
    return list((await session.execute(stmt.order_by(*order))).all())


# ---- the period summary --------------------------------------------------------------------------------


async def _risks(session: AsyncSession, stmt: Select) -> list[Risk]:
    return list((await session.execute(stmt)).scalars().all())


async def created_between(
    session: AsyncSession, *, project_key: str, lo: datetime, hi: datetime, limit: int
) -> list[Risk]:
    return await _risks(
        session,
        select(Risk)
        .where(Risk.project_key == project_key, Risk.created_at >= lo, Risk.created_at < hi)
        .order_by(Risk.seq)
        .limit(limit),
    )


async def closed_between(
    session: AsyncSession, *, project_key: str, lo: datetime, hi: datetime, limit: int
) -> list[Risk]:
    return await _risks(
        session,
        select(Risk)
        .where(Risk.project_key == project_key, Risk.closed_at >= lo, Risk.closed_at < hi)
        .order_by(Risk.closed_at, Risk.seq)
        .limit(limit),
    )


async def open_by_score(
    session: AsyncSession, *, project_key: str, limit: int, level: str | None = None
) -> list[Risk]:
    """The project's open risks (of one level, if given), highest score first."""
    stmt = select(Risk).where(Risk.project_key == project_key, Risk.status.in_(OPEN_STATUSES))
    if level is not None:
        stmt = stmt.where(Risk.level == level)
    return await _risks(session, stmt.order_by(Risk.score.desc(), Risk.seq).limit(limit))


async def review_overdue(session: AsyncSession, *, project_key: str, now: datetime, limit: int) -> list[Risk]:
    return await _risks(
        session,
        select(Risk)
        .where(Risk.project_key == project_key, Risk.status.in_(OPEN_STATUSES), Risk.next_review_at < now)
        .order_by(Risk.next_review_at, Risk.seq)
        .limit(limit),
    )


async def by_ids(session: AsyncSession, ids: set[uuid.UUID]) -> dict[uuid.UUID, Risk]:
    if not ids:
        return {}
    return {r.id: r for r in await _risks(session, select(Risk).where(Risk.id.in_(ids)))}
