"""Release review rules: a listed approver decides once per review round; what the decisions of the
current round add up to. Moving the release on a decision is `releases.flows.decide_approval`."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import history
from tpmhub_shared.auth import Principal
from tpmhub_shared.problems import Conflict, Forbidden

from release_svc.approvals import repository
from release_svc.approvals.models import ReleaseApproval
from release_svc.approvals.schemas import ApprovalPublic, ApprovalState
from release_svc.releases import repository as releases
from release_svc.releases.models import Release
from release_svc.releases.repository import RESOURCE as RELEASE_RESOURCE


async def round_approvals(session: AsyncSession, release: Release) -> list[ReleaseApproval]:
    """The decisions of the release's current review round."""
    return await repository.round_approvals(session, release_id=release.id, review_round=release.review_round)


def ensure_approver(principal: Principal, release: Release) -> None:
    if principal.sub not in release.approvers:
        raise Forbidden(
            f"{principal.sub} is not an approver of release {release.semver}.", approvers=release.approvers
        )


async def record_decision(
    session: AsyncSession, *, principal: Principal, release: Release, decision: str, comment: str
) -> set[str]:
    """Records the caller's decision in the current round (once per round; 409 on a second) and answers
    who has approved in it so far, the caller included."""
    existing = await round_approvals(session, release)
    if any(a.approver == principal.sub for a in existing):
        raise Conflict(f"{principal.sub} already decided in review round {release.review_round}.")
    await repository.add_approval(
        session,
        release_id=release.id,
        project_key=release.project_key,
        review_round=release.review_round,
        approver=principal.sub,
        decision=decision,
        comment=comment,
    )
    await history.record(
        session,
        principal=principal,
        project_key=release.project_key,
        resource_type=RELEASE_RESOURCE,
        resource_id=release.id,
        action=f"review_{decision}",
        after={"review_round": release.review_round, "decision": decision},
        note=comment or None,
    )
    return {a.approver for a in existing if a.decision == "approve"} | (
        {principal.sub} if decision == "approve" else set()
    )


async def get_approval_state(
    session: AsyncSession, *, principal: Principal, release_id: uuid.UUID
) -> ApprovalState:
    release = await releases.get_visible(session, principal=principal, release_id=release_id)
    return await approval_state(session, release)


async def approval_state(session: AsyncSession, release: Release) -> ApprovalState:
    rows = await round_approvals(session, release)
    approved = [a.approver for a in rows if a.decision == "approve"]
    decided = {a.approver for a in rows}
    return ApprovalState(
        release_id=release.id,
        review_round=release.review_round,
        required_approvals=release.required_approvals,
        approvers=release.approvers,
        approved_by=approved,
        pending=[a for a in release.approvers if a not in decided],
        approvals=[ApprovalPublic.model_validate(a) for a in rows],
        status=release.status,
    )
