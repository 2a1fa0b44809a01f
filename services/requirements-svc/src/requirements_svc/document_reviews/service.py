"""Document review rounds: submitting names this round's reviewers and the quorum; each assigned reviewer
decides once; a request for changes ends the round, and approval comes when every required reviewer
approved and the approvals reach the quorum (the version is then frozen by `document_versions`)."""

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import history
from tpmhub_shared.auth import Principal, ensure_role
from tpmhub_shared.concurrency import check_if_match
from tpmhub_shared.ids import utcnow
from tpmhub_shared.problems import Conflict, Forbidden, UnprocessableEntity, field_error

from requirements_svc.document_reviews import repository
from requirements_svc.document_reviews.models import DocumentReview
from requirements_svc.document_versions.service import freeze
from requirements_svc.documents.kinds import SUBMITTERS, DocumentKind
from requirements_svc.documents.service import (
    emit,
    readable,
    record_status,
    refuse,
    round_reviews,
    sections_of,
    view_of,
)
from requirements_svc.documents.views import DocumentView


async def list_reviews(
    session: AsyncSession,
    *,
    kind: DocumentKind,
    principal: Principal,
    doc_id: uuid.UUID,
    limit: int,
    cursor: str | None,
) -> tuple[list[DocumentReview], str | None]:
    await readable(session, kind, principal, doc_id)
    return await repository.list_page(session, doc_id, limit=limit, cursor=cursor)


async def submit_document(
    session: AsyncSession,
    *,
    kind: DocumentKind,
    principal: Principal,
    doc_id: uuid.UUID,
    data: Any,
    if_match: str | None,
) -> DocumentView:
    doc = await readable(session, kind, principal, doc_id, lock=True)
    ensure_role(principal, doc.project_key, SUBMITTERS, action=f"submit a {kind.label} for review")
    check_if_match(if_match, doc.version)
    if doc.status not in ("draft", "changes_requested"):
        detail = (
            f"Version {doc.revision} of this {kind.label} is already approved; edit it to start revision "
            f"{doc.revision + 1}."
            if doc.status == "approved"
            else None
        )
        raise refuse("submit", doc, kind, detail)
    errors = []
    seen: set[str] = set()
    for i, r in enumerate(data.reviewers):
        if r.reviewer in seen:
            errors.append(
                field_error(f"body.reviewers.{i}.reviewer", f"{r.reviewer} is named twice", "duplicate")
            )
        seen.add(r.reviewer)
    required = sum(1 for r in data.reviewers if r.required)
    quorum = data.quorum if data.quorum is not None else (required or len(data.reviewers))
    if quorum > len(data.reviewers):
        errors.append(
            field_error(
                "body.quorum",
                f"quorum {quorum} exceeds the {len(data.reviewers)} reviewer(s)",
                "quorum_too_large",
            )
        )
    if quorum < required:
        errors.append(
            field_error(
                "body.quorum",
                f"quorum {quorum} is below the {required} required reviewer(s), who must all approve",
                "quorum_too_small",
            )
        )
    if errors:
        raise UnprocessableEntity("The review request is invalid.", errors=errors)
    before = {"status": doc.status, "review_round": doc.review_round, "quorum": doc.quorum}
    doc.review_round += 1
    doc.status = "in_review"
    doc.quorum = quorum
    doc.submitted_by = principal.sub
    doc.submitted_at = utcnow()
    reviews = [
        DocumentReview(
            document_id=doc.id,
            project_key=doc.project_key,
            revision=doc.revision,
            review_round=doc.review_round,
            reviewer=r.reviewer,
            domain=r.domain,
            required=r.required,
            assigned_by=principal.sub,
        )
        for r in data.reviewers
    ]
    session.add_all(reviews)
    names = [r.reviewer for r in reviews]
    await history.record(
        session,
        principal=principal,
        project_key=doc.project_key,
        resource_type=kind.name,
        resource_id=doc.id,
        action="submit",
        before=before,
        after={"status": doc.status, "review_round": doc.review_round, "quorum": quorum, "reviewers": names},
        note=data.note,
    )
    emit(
        session,
        kind,
        doc,
        "submitted",
        review_round=doc.review_round,
        quorum=quorum,
        reviewers=[{"reviewer": r.reviewer, "domain": r.domain, "required": r.required} for r in reviews],
    )
    await session.flush()
    return DocumentView(doc, await sections_of(session, doc), reviews)


async def withdraw_document(
    session: AsyncSession,
    *,
    kind: DocumentKind,
    principal: Principal,
    doc_id: uuid.UUID,
    if_match: str | None,
) -> DocumentView:
    doc = await readable(session, kind, principal, doc_id, lock=True)
    ensure_role(principal, doc.project_key, SUBMITTERS, action=f"withdraw a {kind.label} from review")
    check_if_match(if_match, doc.version)
    if doc.status != "in_review":
        raise refuse("withdraw", doc, kind)
    doc.status = "draft"
    await history.record(
        session,
        principal=principal,
        project_key=doc.project_key,
        resource_type=kind.name,
        resource_id=doc.id,
        action="withdraw",
        before={"status": "in_review"},
        after={"status": "draft"},
    )
    emit(session, kind, doc, "withdrawn", review_round=doc.review_round)
    await session.flush()
    return await view_of(session, doc)


async def decide_document(
    session: AsyncSession,
    *,
    kind: DocumentKind,
    principal: Principal,
    doc_id: uuid.UUID,
    data: Any,
    if_match: str | None,
) -> DocumentView:
    doc = await readable(session, kind, principal, doc_id, lock=True)
    check_if_match(if_match, doc.version)
    if doc.status != "in_review":
        raise refuse("decide", doc, kind)
    reviews = await round_reviews(session, doc)
    mine = next((r for r in reviews if r.reviewer == principal.sub), None)
    if mine is None:
        raise Forbidden(
            f"{principal.sub} is not an assigned reviewer of round {doc.review_round} of this {kind.label}; "
            f"reviewers: {', '.join(r.reviewer for r in reviews)}.",
            reviewers=[r.reviewer for r in reviews],
        )
    if mine.decision is not None:
        raise Conflict(
            f"{principal.sub} already decided '{mine.decision}' in round {doc.review_round}.",
            decision=mine.decision,
        )
    mine.decision = data.decision
    mine.comment = data.comment or None
    mine.decided_at = utcnow()
    await history.record(
        session,
        principal=principal,
        project_key=doc.project_key,
        resource_type=kind.name,
        resource_id=doc.id,
        action="review",
        after={
            "decision": data.decision,
            "reviewer": principal.sub,
            "domain": mine.domain,
            "review_round": doc.review_round,
        },
        note=data.comment or None,
    )
    emit(
        session,
        kind,
        doc,
        "reviewed",
        review_round=doc.review_round,
        reviewer=principal.sub,
        domain=mine.domain,
        decision=data.decision,
    )
    if data.decision == "request_changes":
        doc.status = "changes_requested"
        await record_status(session, principal, kind, doc, "in_review")
        emit(
            session,
            kind,
            doc,
            "changes_requested",
            review_round=doc.review_round,
            reviewer=principal.sub,
            comment=data.comment,
        )
    elif _quorum_met(reviews, doc.quorum or len(reviews)):
        await freeze(session, principal, kind, doc, [r.reviewer for r in reviews if r.decision == "approve"])
    else:
        doc.updated_at = utcnow()  # the review state changed: new ETag
    await session.flush()
    return DocumentView(doc, await sections_of(session, doc), reviews)


def _quorum_met(reviews: Sequence[DocumentReview], quorum: int) -> bool:
    approvals = [r for r in reviews if r.decision == "approve"]
    required_ok = all(r.decision == "approve" for r in reviews if r.required)
    return required_ok and len(approvals) >= quorum
