"""Release reviews over HTTP: approvers' decisions and the state of the current review round."""

import uuid

from fastapi import APIRouter, status
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.deps import ReadSession, Session
from tpmhub_shared.problems import responses

from release_svc.approvals import service
from release_svc.approvals.schemas import ApprovalCreate, ApprovalState
from release_svc.releases import flows

router = APIRouter(tags=["releases"])


@router.post(
    "/v1/releases/{release_id}/approvals",
    status_code=status.HTTP_201_CREATED,
    response_model=ApprovalState,
    responses=responses(401, 403, 404, 409, 422),
)
async def approve_release(
    release_id: uuid.UUID, body: ApprovalCreate, session: Session, principal: CurrentPrincipal
) -> ApprovalState:
    """A listed approver approves or rejects the release under review. When N of the M approvers have
    approved, the release becomes approved; one rejection sends it back to draft."""
    release = await flows.decide_approval(
        session, principal=principal, release_id=release_id, decision=body.decision, comment=body.comment
    )
    return await service.approval_state(session, release)


@router.get(
    "/v1/releases/{release_id}/approvals", response_model=ApprovalState, responses=responses(401, 404, 422)
)
async def get_release_approvals(
    release_id: uuid.UUID, session: ReadSession, principal: CurrentPrincipal
) -> ApprovalState:
    """Approvals of the current review round: who approved, who is pending."""
    return await service.get_approval_state(session, principal=principal, release_id=release_id)
