"""The two fast reads of risk-svc, held to the documented models on both backends: for generated risks,
links, matrices and heatmap counters written through the ORM, the gate query's and the heatmap's bytes
equal `documented_bytes(model, <the ordinary path's result>)`. The ordinary gate query (ORM reads, one for
the risks and one for their items, pydantic models) lives here as the reference; the ordinary heatmap is
`views.service.heatmap`, which the period summary still uses."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from risk_svc.gate import service as gate
from risk_svc.links.models import RiskLink
from risk_svc.matrix.models import RiskMatrix
from risk_svc.matrix.schemas import DEFAULT_CADENCE, DEFAULT_IMPACT, DEFAULT_PROBABILITY, LEVELS
from risk_svc.risks import scoring
from risk_svc.risks.models import Risk
from risk_svc.risks.scoring import OPEN_STATUSES
from risk_svc.views import service as views
from risk_svc.views.models import RiskHeatCell
from risk_svc.views.schemas import Heatmap
from sqlalchemy import and_, delete, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import fast_reads
from tpmhub_shared.auth import Principal, ensure_read
from tpmhub_shared.contracts import BlockingRisk, RiskGateQuery, RiskGateResult
from tpmhub_shared.db import among
from tpmhub_shared.problems import Forbidden
from tpmhub_shared.vocabulary import RiskStatus

PROJECT, OTHER = "FAST", "FASTB"
SERVICE = Principal(sub="service:release-svc", roles={"*": "viewer"}, service="release-svc")
# Any unicode PostgreSQL stores (no NUL, no lone surrogates).
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=200)
INT4 = st.integers(-(2**31), 2**31 - 1)
ITEMS = [f"{PROJECT}-1", f"{PROJECT}-2", f"{PROJECT}-10", f"{PROJECT}-11", f"{OTHER}-1", "Z9-123456789"]
RELEASES = [uuid.UUID(int=1), uuid.UUID("f0e1d2c3-b4a5-4697-8879-6a5b4c3d2e1f")]
STATUSES = list(RiskStatus.__args__)


@st.composite
def thresholds(draw: st.DrawFn) -> list[dict]:
    """Any valid partition of the scores 1–25 into the four levels, in order."""
    cuts = sorted(draw(st.lists(st.integers(1, 24), min_size=3, max_size=3, unique=True)))
    bounds = [0, *cuts, 25]
    return [
        {"level": level, "min_score": bounds[n] + 1, "max_score": bounds[n + 1]}
        for n, level in enumerate(LEVELS)
    ]


MATRIX = st.none() | st.fixed_dictionaries(
    {"thresholds": thresholds(), "gate_level": st.sampled_from(LEVELS)}
)
RISK = st.fixed_dictionaries(
    {
        "project_key": st.sampled_from([PROJECT, PROJECT, PROJECT, OTHER]),
        "title": TEXT,
        "status": st.sampled_from(STATUSES),
        "level": st.sampled_from(LEVELS),
        "score": INT4,
        "blocks_release": st.booleans(),
        "items": st.lists(st.sampled_from(ITEMS), unique=True, max_size=4),
        "releases": st.lists(st.sampled_from([str(r) for r in RELEASES]), unique=True, max_size=2),
        "prds": st.lists(st.sampled_from(ITEMS), unique=True, max_size=1),  # same keys, another type
    }
)
QUERY = st.fixed_dictionaries(
    {
        "release_id": st.none() | st.sampled_from(RELEASES),
        "item_keys": st.lists(st.sampled_from(ITEMS), max_size=6),  # duplicates included
    }
)
CELL = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(["threat", "opportunity"]),
        "basis": st.sampled_from(["inherent", "residual"]),
        # A cell off the grid (0, 6) still counts in the total.
        "probability": st.sampled_from([1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 0, 6]),
        "impact": st.sampled_from([1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 0, 6]),
        "count": INT4,
    }
)


async def reference_gate_query(
    session: AsyncSession, *, principal: Principal, query: RiskGateQuery
) -> RiskGateResult:
    """The gate query as the ORM answered it before its fast read (the documented behaviour)."""
    ensure_read(principal, query.project_key)
    matrix = await scoring.matrix_for(session, query.project_key)
    item_keys = sorted(set(query.item_keys))
    targets = []
    if query.release_id is not None:
        targets.append(and_(RiskLink.target_type == "release", RiskLink.target_key == str(query.release_id)))
    if item_keys:
        targets.append(and_(RiskLink.target_type == "item", among(session, RiskLink.target_key, item_keys)))
    if not targets:
        return RiskGateResult(gate_level=matrix.gate_level, blocking=[])
    linked = select(RiskLink.risk_id).where(RiskLink.project_key == query.project_key, or_(*targets))
    levels = matrix.levels_at_or_above(matrix.gate_level)
    found = (
        await session.execute(
            select(Risk.id, Risk.key, Risk.title, Risk.level, Risk.score, Risk.status)
            .where(
                Risk.project_key == query.project_key,
                Risk.id.in_(linked),
                Risk.status.in_(OPEN_STATUSES),
                or_(Risk.level.in_(levels), Risk.blocks_release.is_(True)),
            )
            .order_by(Risk.score.desc(), Risk.seq)
        )
    ).all()
    items: dict = {r.id: [] for r in found}
    if found and item_keys:
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
    for r in found:
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


@pytest.fixture
async def db(app):
    return app.state.db


async def _clean(session: AsyncSession) -> None:
    projects = (PROJECT, OTHER)
    await session.execute(delete(RiskLink).where(RiskLink.project_key.in_(projects)))
    await session.execute(delete(Risk).where(Risk.project_key.in_(projects)))
    await session.execute(delete(RiskMatrix).where(RiskMatrix.project_key.in_(projects)))
    await session.execute(delete(RiskHeatCell).where(RiskHeatCell.project_key.in_(projects)))


def _matrix(matrix: dict) -> RiskMatrix:
    return RiskMatrix(
        project_key=PROJECT,
        probability_labels=DEFAULT_PROBABILITY,
        impact_labels=DEFAULT_IMPACT,
        review_cadence_days=DEFAULT_CADENCE,
        **matrix,
    )


async def _write_register(db, matrix: dict | None, risks: list[dict]) -> None:
    async with db.session() as session:
        await _clean(session)
        if matrix is not None:
            session.add(_matrix(matrix))
        seqs = {PROJECT: 0, OTHER: 0}
        links = []
        for r in risks:
            project = r["project_key"]
            seqs[project] += 1
            risk = Risk(
                project_key=project,
                seq=seqs[project],
                key=f"{project}-R{seqs[project]}",
                title=r["title"],
                category="technical",
                status=r["status"],
                probability=3,
                impact=3,
                score=r["score"],
                level=r["level"],
                blocks_release=r["blocks_release"],
                created_by="alice",
            )
            session.add(risk)
            for target_type, plural in (("item", "items"), ("release", "releases"), ("prd", "prds")):
                for target in r[plural]:
                    links.append(
                        RiskLink(
                            risk_id=risk.id,
                            project_key=project,
                            target_type=target_type,
                            target_key=target,
                            created_by="alice",
                        )
                    )
        await session.flush()  # the risks before their links (no relationship orders them)
        session.add_all(links)
        await session.commit()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(matrix=MATRIX, risks=st.lists(RISK, max_size=8), query=QUERY)
async def test_the_gate_query_bytes_are_the_documented_ones(db, matrix, risks, query):
    await _write_register(db, matrix, risks)
    body = RiskGateQuery(project_key=PROJECT, **query)
    async with db.session(write=False) as session:
        fast = fast_reads.encode(await gate.gate_query(session, principal=SERVICE, query=body))
        expected = await reference_gate_query(session, principal=SERVICE, query=body)
    event(f"blocking risks: {min(len(expected.blocking), 3)}")
    event(f"with linked items: {any(b.linked_items for b in expected.blocking)}")
    assert fast == fast_reads.documented_bytes(RiskGateResult, expected)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    matrix=MATRIX,
    cells=st.lists(
        CELL, max_size=12, unique_by=lambda c: (c["kind"], c["basis"], c["probability"], c["impact"])
    ),
    basis=st.sampled_from(["inherent", "residual"]),
    kind=st.sampled_from(["threat", "opportunity", None]),
)
async def test_the_heatmap_bytes_are_the_documented_ones(db, matrix, cells, basis, kind):
    async with db.session() as session:
        await _clean(session)
        if matrix is not None:
            session.add(_matrix(matrix))
        session.add_all([RiskHeatCell(project_key=PROJECT, **c) for c in cells])
        # Another project's counters never count here.
        session.add_all([RiskHeatCell(project_key=OTHER, **c) for c in cells])
        await session.commit()
    args = {"principal": SERVICE, "project_key": PROJECT, "basis": basis, "kind": kind}
    async with db.session(write=False) as session:
        fast = fast_reads.encode(await views.heatmap_answer(session, **args))
        expected = await views.heatmap(session, **args)
    event(f"counted cells: {min(sum(1 for c in expected.cells if c.count), 3)}")
    assert fast == fast_reads.documented_bytes(Heatmap, expected)


async def test_both_fast_reads_refuse_a_reader_of_another_project(db):
    outsider = Principal(sub="bob", roles={"OPS": "viewer"})
    async with db.session(write=False) as session:
        with pytest.raises(Forbidden):
            await gate.gate_query(session, principal=outsider, query=RiskGateQuery(project_key=PROJECT))
        with pytest.raises(Forbidden):
            await views.heatmap_answer(
                session, principal=outsider, project_key=PROJECT, basis="inherent", kind="threat"
            )
