"""Risk matrix rules: defaults until saved; saving checks If-Match, records history and re-levels every
open risk of the project in the same transaction."""

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import history
from tpmhub_shared.auth import PLANNERS, Principal, ensure_read, ensure_role
from tpmhub_shared.concurrency import check_if_match, lock_and_check
from tpmhub_shared.ids import utcnow

from risk_svc.matrix.models import RiskMatrix
from risk_svc.matrix.repository import load_matrix
from risk_svc.matrix.schemas import (
    DEFAULT_CADENCE,
    DEFAULT_IMPACT,
    DEFAULT_PROBABILITY,
    DEFAULT_THRESHOLDS,
    RiskMatrixIn,
    RiskMatrixPublic,
)
from risk_svc.risks import flows, scoring

RESOURCE = "risk_matrix"


def default_matrix(project_key: str) -> RiskMatrixPublic:
    return RiskMatrixPublic(
        project_key=project_key,
        probability_labels=DEFAULT_PROBABILITY,
        impact_labels=DEFAULT_IMPACT,
        thresholds=DEFAULT_THRESHOLDS,
        review_cadence_days=DEFAULT_CADENCE,
        gate_level="high",
        is_default=True,
        version=0,
    )


def to_public(row: RiskMatrix) -> RiskMatrixPublic:
    return RiskMatrixPublic.model_validate({**row.model_dump(), "is_default": False})


async def get_matrix(session: AsyncSession, *, principal: Principal, project_key: str) -> RiskMatrixPublic:
    ensure_read(principal, project_key)
    row = await load_matrix(session, project_key)
    return to_public(row) if row else default_matrix(project_key)


def ensure_history_readable(*, principal: Principal, project_key: str) -> None:
    ensure_read(principal, project_key)


async def put_matrix(
    session: AsyncSession, *, principal: Principal, project_key: str, data: RiskMatrixIn, if_match: str | None
) -> RiskMatrixPublic:
    ensure_role(principal, project_key, PLANNERS, action="change the risk matrix")
    row = await load_matrix(session, project_key)
    values = data.model_dump(mode="json")
    if row is None:
        check_if_match(if_match, 0)
        row = RiskMatrix(project_key=project_key, **values)
        session.add(row)
        # The first save replaces the defaults: the history shows what changed from them.
        before = history.snapshot(default_matrix(project_key), list(history.snapshot(row)))
        created = True
    else:
        await lock_and_check(session, row, if_match)
        before = history.snapshot(row)
        created = False
        for name, value in values.items():
            setattr(row, name, value)
    await session.flush()
    await history.record(
        session,
        principal=principal,
        project_key=project_key,
        resource_type=RESOURCE,
        resource_id=project_key,
        action="create" if created else "update",
        before=before,
        after=history.snapshot(row),
    )
    matrix = scoring.Matrix(
        thresholds=list(row.thresholds), cadence=dict(row.review_cadence_days), gate_level=row.gate_level
    )
    await flows.relevel_open_risks(
        session, principal=principal, project_key=project_key, matrix=matrix, now=utcnow()
    )
    return to_public(row)
