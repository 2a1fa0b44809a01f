"""Events from sibling services about criteria: which online-trial verification failed (or passed) them."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.auth import Principal
from tpmhub_shared.contracts import VerificationRecorded
from tpmhub_shared.events import CloudEvent
from tpmhub_shared.logging import get_logger
from tpmhub_shared.problems import ProblemError

from requirements_svc.criteria import flows, repository
from requirements_svc.criteria.models import AcceptanceCriterion
from requirements_svc.criteria.schemas import CriterionVerify

log = get_logger(__name__)


def _verification_target(criterion: AcceptanceCriterion, data: VerificationRecorded) -> str | None:
    """What the verification makes of the criterion (docs/decisions/verification.md): failed → failed;
    passed → passed when it is pending, or failed by this same verification (a re-run that now passes);
    blocked, or a criterion passed or failed by anything else → left alone (None)."""
    if data.result == "failed":
        already = criterion.status == "failed" and criterion.evidence_url == data.verification_url
        return None if already else "failed"
    if data.result == "passed":
        if criterion.status == "pending":
            return "passed"
        if criterion.status == "failed" and criterion.evidence_url == data.verification_url:
            return "passed"
    return None


async def on_verification_recorded(session: AsyncSession, event: CloudEvent) -> None:
    """Each linked criterion of the verification's project moves through the same flow as
    `POST /v1/criteria/{id}/verify` (so every rule on criteria writes holds), with the verification's
    address as evidence and its recorder as the actor. Idempotent: a criterion already where the
    verification puts it is not written again, so a redelivery changes nothing."""
    data = VerificationRecorded.model_validate(event.data)
    ids = list(dict.fromkeys(data.criterion_ids))
    if not ids or data.result == "blocked":
        return
    rows = await repository.in_project(session, ids, data.project_key)
    # The recorder acts, with the rights release-svc checked when it recorded the verification.
    actor = Principal(
        sub=data.verified_by,
        name=f"verification {data.verification_id}",
        roles={data.project_key: "qa"},
        service="release-svc",
    )
    for criterion in rows:
        target = _verification_target(criterion, data)
        if target is None:
            continue
        try:
            async with session.begin_nested():
                await flows.verify_criterion(
                    session,
                    principal=actor,
                    criterion_id=criterion.id,
                    data=CriterionVerify(status=target, evidence_url=data.verification_url),
                    if_match=None,
                )
        except ProblemError as exc:
            # A rule refused this one write: the others still apply, and the refusal is on record.
            log.warning(
                "verification_criterion_refused",
                criterion_id=str(criterion.id),
                verification_id=str(data.verification_id),
                detail=exc.detail if hasattr(exc, "detail") else str(exc),
            )
    missing = set(ids) - {c.id for c in rows}
    if missing:
        log.info(
            "verification_criteria_unknown",
            verification_id=str(data.verification_id),
            criteria=sorted(str(c) for c in missing)[:20],
        )
    await session.flush()


HANDLERS = {
    "verification.recorded": on_verification_recorded,
}
