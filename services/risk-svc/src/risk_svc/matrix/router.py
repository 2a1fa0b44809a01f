from fastapi import APIRouter, Response
from tpmhub_shared import history
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.concurrency import IfMatch, set_etag
from tpmhub_shared.deps import ProjectKeyPath, ReadSession, Session
from tpmhub_shared.history import HistoryEntryPublic
from tpmhub_shared.pagination import Cursor, Limit, Page
from tpmhub_shared.problems import responses

from risk_svc.matrix import service
from risk_svc.matrix.schemas import RiskMatrixIn, RiskMatrixPublic

router = APIRouter(prefix="/v1/projects/{key}/risk-matrix", tags=["risk matrix"])


@router.get("", response_model=RiskMatrixPublic, responses=responses(401, 403, 422))
async def get_risk_matrix(
    key: ProjectKeyPath, session: ReadSession, principal: CurrentPrincipal, response: Response
) -> RiskMatrixPublic:
    """The project's scoring matrix (the default 5×5 until one is saved)."""
    matrix = await service.get_matrix(session, principal=principal, project_key=key)
    set_etag(response, matrix.version)
    return matrix


@router.put("", response_model=RiskMatrixPublic, responses=responses(401, 403, 412, 413, 422))
async def put_risk_matrix(
    key: ProjectKeyPath,
    body: RiskMatrixIn,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
    if_match: IfMatch = None,
) -> RiskMatrixPublic:
    """Replace the matrix (admin, pm, tpm)."""
    matrix = await service.put_matrix(
        session, principal=principal, project_key=key, data=body, if_match=if_match
    )
    set_etag(response, matrix.version)
    return matrix


@router.get("/history", response_model=Page[HistoryEntryPublic], responses=responses(401, 403, 422))
async def list_risk_matrix_history(
    key: ProjectKeyPath,
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[HistoryEntryPublic]:
    """Every save of the matrix with each field before and after (the first save against the
    defaults), oldest first. Empty while the project uses the defaults."""
    service.ensure_history_readable(principal=principal, project_key=key)
    return await history.list_history(
        session, resource_type=service.RESOURCE, resource_id=key, limit=limit, cursor=cursor
    )


TAGS = [
    {
        "name": "risk matrix",
        "description": "Probability and impact scales, levels, review cadence, gate level.",
    }
]
