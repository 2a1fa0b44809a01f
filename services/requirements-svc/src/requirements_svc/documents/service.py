"""Document rules and transactions, one implementation for PRDs and designs (the kind is a parameter).

States: draft → in_review → approved / changes_requested. Submitting names this round's reviewers;
each assigned reviewer decides once; a request for changes ends the round, and approval comes when every
required reviewer approved and the approvals reach the quorum. Approval freezes the working copy as
version N; editing an approved document starts revision N+1 as a draft."""

import difflib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import events, history
from tpmhub_shared.auth import Principal, ensure_read, ensure_role, ensure_visible, visible
from tpmhub_shared.concurrency import check_if_match
from tpmhub_shared.ids import utcnow
from tpmhub_shared.pagination import paginate, parse_sort
from tpmhub_shared.problems import (
    Conflict,
    Forbidden,
    InvalidTransition,
    NotFound,
    UnprocessableEntity,
    field_error,
)

from requirements_svc.documents import links
from requirements_svc.documents.kinds import SUBMITTERS, DocumentKind
from requirements_svc.documents.models import Document, DocumentReview, DocumentSection, DocumentVersion
from requirements_svc.projects.models import Project

SOURCE = "/tpmhub/requirements-svc"

# What may be done in each state; the 409 for anything else lists these.
ACTIONS: dict[str, tuple[str, ...]] = {
    "draft": ("edit", "submit"),
    "changes_requested": ("edit", "submit"),
    "in_review": ("decide", "withdraw"),
    "approved": ("edit",),
}

_SORTS = {
    "created": Document.created_at,
    "updated": Document.updated_at,
    "title": Document.title,
}


@dataclass
class DocumentView:
    document: Document
    sections: list[DocumentSection]
    reviews: list[DocumentReview]

    @property
    def allowed_actions(self) -> list[str]:
        return list(ACTIONS[self.document.status])


# ---- loading ---------------------------------------------------------------------------------------------


async def _ensure_project(session: AsyncSession, key: str) -> None:
    found = (await session.execute(select(Project.id).where(Project.key == key))).first()
    if found is None:
        raise NotFound(f"Project {key} does not exist.")


async def _load(
    session: AsyncSession, kind: DocumentKind, doc_id: uuid.UUID, *, lock: bool = False
) -> Document | None:
    stmt = select(Document).where(Document.id == doc_id, Document.kind == kind.name)
    if lock:
        # Serialises concurrent decisions and edits on PostgreSQL; SQLite write transactions are already
        # serialised (BEGIN IMMEDIATE).
        stmt = stmt.with_for_update()
    return (await session.execute(stmt)).scalar_one_or_none()


async def _sections(session: AsyncSession, doc: Document) -> list[DocumentSection]:
    rows = await session.execute(
        select(DocumentSection)
        .where(DocumentSection.document_id == doc.id)
        .order_by(DocumentSection.position)
    )
    return list(rows.scalars().all())


async def _round_reviews(session: AsyncSession, doc: Document) -> list[DocumentReview]:
    if doc.review_round == 0:
        return []
    rows = await session.execute(
        select(DocumentReview)
        .where(DocumentReview.document_id == doc.id, DocumentReview.review_round == doc.review_round)
        .order_by(DocumentReview.id)
    )
    return list(rows.scalars().all())


async def _view(session: AsyncSession, doc: Document) -> DocumentView:
    return DocumentView(doc, await _sections(session, doc), await _round_reviews(session, doc))


async def _readable(
    session: AsyncSession, kind: DocumentKind, principal: Principal, doc_id: uuid.UUID, *, lock: bool = False
) -> Document:
    doc = await _load(session, kind, doc_id, lock=lock)
    return visible(principal, doc, f"{kind.label} {doc_id} does not exist.")


def _snapshot(doc: Document, sections: Sequence[DocumentSection]) -> dict[str, Any]:
    snap: dict[str, Any] = {"title": doc.title, "status": doc.status, "revision": doc.revision}
    if doc.kind == "design":
        snap["linked_items"] = list(doc.linked_items)
    for s in sections:
        snap[f"sections.{s.key}"] = s.body
    return snap


def _event_data(kind: DocumentKind, doc: Document, **extra: Any) -> dict[str, Any]:
    return {
        "id": doc.id,
        "kind": kind.name,
        "project_key": doc.project_key,
        "title": doc.title,
        "status": doc.status,
        "revision": doc.revision,
        **extra,
    }


def _emit(session: AsyncSession, kind: DocumentKind, doc: Document, what: str, **extra: Any) -> None:
    events.emit(
        session,
        source=SOURCE,
        type=f"{kind.name}.{what}",
        subject=str(doc.id),
        project_key=doc.project_key,
        data=_event_data(kind, doc, **extra),
    )


def _refuse(action: str, doc: Document, kind: DocumentKind, detail: str | None = None) -> InvalidTransition:
    return InvalidTransition(
        action,
        doc.status,
        list(ACTIONS[doc.status]),
        detail or f"Cannot {action} a {kind.label} in state '{doc.status}'.",
    )


# ---- reads -----------------------------------------------------------------------------------------------


async def get_document(
    session: AsyncSession, *, kind: DocumentKind, principal: Principal, doc_id: uuid.UUID
) -> DocumentView:
    return await _view(session, await _readable(session, kind, principal, doc_id))


async def list_documents(
    session: AsyncSession,
    *,
    kind: DocumentKind,
    principal: Principal,
    project_key: str,
    status: str | None,
    owner: str | None,
    sort: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[Document], str | None]:
    ensure_read(principal, project_key)
    await _ensure_project(session, project_key)
    sort_key, order = parse_sort(sort, _SORTS, "created")
    stmt = select(Document).where(Document.project_key == project_key, Document.kind == kind.name)
    if status:
        stmt = stmt.where(Document.status == status)
    if owner:
        stmt = stmt.where(Document.owner == owner)
    return await paginate(
        session, stmt, order=order, id_column=Document.id, limit=limit, cursor=cursor, sort_key=sort_key
    )


async def list_reviews(
    session: AsyncSession,
    *,
    kind: DocumentKind,
    principal: Principal,
    doc_id: uuid.UUID,
    limit: int,
    cursor: str | None,
) -> tuple[list[DocumentReview], str | None]:
    await _readable(session, kind, principal, doc_id)
    stmt = select(DocumentReview).where(DocumentReview.document_id == doc_id)
    return await paginate(
        session,
        stmt,
        order=[(DocumentReview.review_round, False)],
        id_column=DocumentReview.id,
        limit=limit,
        cursor=cursor,
        sort_key="round",
    )


async def list_versions(
    session: AsyncSession,
    *,
    kind: DocumentKind,
    principal: Principal,
    doc_id: uuid.UUID,
    limit: int,
    cursor: str | None,
) -> tuple[list[DocumentVersion], str | None]:
    await _readable(session, kind, principal, doc_id)
    stmt = select(DocumentVersion).where(DocumentVersion.document_id == doc_id)
    return await paginate(
        session,
        stmt,
        order=[(DocumentVersion.number, False)],
        id_column=DocumentVersion.id,
        limit=limit,
        cursor=cursor,
        sort_key="number",
    )


async def _version(session: AsyncSession, kind: DocumentKind, doc: Document, number: int) -> DocumentVersion:
    row = (
        await session.execute(
            select(DocumentVersion).where(
                DocumentVersion.document_id == doc.id, DocumentVersion.number == number
            )
        )
    ).scalar_one_or_none()
    if row is None:
        approved = (
            f"; the latest approved version is {doc.approved_revision}"
            if doc.approved_revision
            else "; it has no approved version yet"
        )
        raise NotFound(f"{kind.label} {doc.id} has no version {number}{approved}.")
    return row


async def get_version(
    session: AsyncSession, *, kind: DocumentKind, principal: Principal, doc_id: uuid.UUID, number: int
) -> DocumentVersion:
    doc = await _readable(session, kind, principal, doc_id)
    return await _version(session, kind, doc, number)


async def sections_by_id(
    session: AsyncSession, section_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, tuple[DocumentSection, Document]]:
    """Many sections with their documents in one query, for domains that link to sections (items, change
    requests) and want to check the ids they were given."""
    if not section_ids:
        return {}
    rows = await session.execute(
        select(DocumentSection, Document)
        .join(Document, Document.id == DocumentSection.document_id)
        .where(DocumentSection.id.in_(list(section_ids)))
    )
    return {section.id: (section, doc) for section, doc in rows.all()}


async def get_section(
    session: AsyncSession, *, principal: Principal, section_id: uuid.UUID
) -> tuple[DocumentSection, Document]:
    found = (await sections_by_id(session, [section_id])).get(section_id)
    if found is None:
        raise NotFound(f"Section {section_id} does not exist.")
    ensure_visible(principal, found[1].project_key, f"Section {section_id} does not exist.")
    return found


@dataclass
class Side:
    """One side of a diff: a frozen version or the working copy."""

    number: int | None
    revision: int
    title: str
    sections: list[dict[str, Any]]  # {id, key, body}
    linked_items: list[str]


def _unified(before: str, after: str, from_label: str, to_label: str) -> str:
    if before == after:
        return ""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=from_label,
        tofile=to_label,
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def compare(kind: DocumentKind, left: Side, right: Side) -> dict[str, Any]:
    """Section-by-section comparison, in the kind's section order."""
    titles = dict(kind.sections)
    before = {s["key"]: s for s in left.sections}
    after = {s["key"]: s for s in right.sections}
    left_label = f"v{left.number}"
    right_label = f"v{right.number}" if right.number is not None else f"r{right.revision}-draft"
    out = []
    for key in [*kind.section_keys, *sorted((set(before) | set(after)) - set(kind.section_keys))]:
        b, a = before.get(key), after.get(key)
        if b is None and a is None:
            continue
        b_body, a_body = (b or {}).get("body", ""), (a or {}).get("body", "")
        if b_body == a_body:
            change = "unchanged"
        elif not b_body:
            change = "added"
        elif not a_body:
            change = "removed"
        else:
            change = "modified"
        out.append(
            {
                "id": (a or b)["id"],
                "key": key,
                "title": titles.get(key, key),
                "change": change,
                "before": b_body,
                "after": a_body,
                "patch": _unified(b_body, a_body, f"{left_label}/{key}", f"{right_label}/{key}"),
            }
        )
    return {
        "from_version": left.number,
        "to_version": right.number,
        "to_revision": right.revision,
        "title": {"before": left.title, "after": right.title, "changed": left.title != right.title},
        "sections": out,
        "linked_items": {
            "added": [k for k in right.linked_items if k not in left.linked_items],
            "removed": [k for k in left.linked_items if k not in right.linked_items],
        },
        "changed_sections": [s["key"] for s in out if s["change"] != "unchanged"],
    }


def _frozen_side(v: DocumentVersion) -> Side:
    return Side(v.number, v.number, v.title, list(v.sections), list(v.linked_items))


async def diff_versions(
    session: AsyncSession,
    *,
    kind: DocumentKind,
    principal: Principal,
    doc_id: uuid.UUID,
    from_number: int,
    to_number: int | None,
) -> dict[str, Any]:
    doc = await _readable(session, kind, principal, doc_id)
    left = _frozen_side(await _version(session, kind, doc, from_number))
    if to_number is None:
        sections = await _sections(session, doc)
        right = Side(
            None,
            doc.revision,
            doc.title,
            [{"id": str(s.id), "key": s.key, "body": s.body} for s in sections],
            list(doc.linked_items),
        )
    else:
        right = _frozen_side(await _version(session, kind, doc, to_number))
    return {"document_id": doc.id, **compare(kind, left, right)}


# ---- writes ----------------------------------------------------------------------------------------------


def _section_values(kind: DocumentKind, sections_input: Any, *, only_set: bool) -> dict[str, str]:
    if sections_input is None:
        return {}
    raw = sections_input.model_dump(exclude_unset=only_set)
    return {key: (value or "") for key, value in raw.items() if key in kind.section_keys}


async def create_document(
    session: AsyncSession, *, kind: DocumentKind, principal: Principal, project_key: str, data: Any
) -> DocumentView:
    ensure_role(principal, project_key, kind.editors, action=f"create a {kind.label}")
    await _ensure_project(session, project_key)
    linked = list(getattr(data, "linked_items", []) or [])
    if kind.links_items:
        await links.validate(session, project_key, linked, loc="body.linked_items")
    doc = Document(
        project_key=project_key, kind=kind.name, title=data.title, owner=principal.sub, linked_items=linked
    )
    session.add(doc)
    await session.flush()
    bodies = _section_values(kind, data.sections, only_set=False)
    sections = [
        DocumentSection(
            document_id=doc.id, project_key=project_key, key=key, position=i, body=bodies.get(key, "")
        )
        for i, key in enumerate(kind.section_keys)
    ]
    session.add_all(sections)
    await history.record(
        session,
        principal=principal,
        project_key=project_key,
        resource_type=kind.name,
        resource_id=doc.id,
        action="create",
        after=_snapshot(doc, sections),
    )
    _emit(session, kind, doc, "created")
    await session.flush()
    return DocumentView(doc, sections, [])


async def update_document(
    session: AsyncSession,
    *,
    kind: DocumentKind,
    principal: Principal,
    doc_id: uuid.UUID,
    patch: Any,
    if_match: str | None,
) -> DocumentView:
    doc = await _readable(session, kind, principal, doc_id, lock=True)
    ensure_role(principal, doc.project_key, kind.editors, action=f"edit a {kind.label}")
    check_if_match(if_match, doc.version)
    if doc.status == "in_review":
        raise _refuse(
            "edit",
            doc,
            kind,
            f"The {kind.label} is in review and its content is frozen for the "
            "reviewers; withdraw it to edit, or wait for the decisions.",
        )
    changes = patch.model_dump(exclude_unset=True)
    if "title" in changes and changes["title"] is None:
        raise UnprocessableEntity(
            "title cannot be null.", errors=[field_error("body.title", "may not be null", "null_not_allowed")]
        )
    sections = await _sections(session, doc)
    before = _snapshot(doc, sections)
    new_links = list(doc.linked_items)
    if kind.links_items and "linked_items" in changes:
        new_links = list(changes["linked_items"] or [])
        if new_links != list(doc.linked_items):
            await links.validate(session, doc.project_key, new_links, loc="body.linked_items")
    new_bodies = _section_values(kind, patch.sections, only_set=True) if "sections" in changes else {}
    by_key = {s.key: s for s in sections}
    content_changes = (
        ("title" in changes and changes["title"] != doc.title)
        or new_links != list(doc.linked_items)
        or any(by_key[k].body != v for k, v in new_bodies.items())
    )
    if not content_changes:
        return DocumentView(doc, sections, await _round_reviews(session, doc))
    started_revision = doc.status == "approved"
    if started_revision:
        # The approved revision stays frozen in document_versions; the working copy becomes N+1.
        doc.revision += 1
        doc.status = "draft"
    if "title" in changes:
        doc.title = changes["title"]
    doc.linked_items = new_links
    for key, body in new_bodies.items():
        by_key[key].body = body
    doc.updated_at = utcnow()  # bumps the version (ETag) even when only sections changed
    await history.record(
        session,
        principal=principal,
        project_key=doc.project_key,
        resource_type=kind.name,
        resource_id=doc.id,
        action="update",
        before=before,
        after=_snapshot(doc, sections),
    )
    if started_revision:
        _emit(session, kind, doc, "revision_started", based_on_version=doc.approved_revision)
    await session.flush()
    return DocumentView(doc, sections, await _round_reviews(session, doc))


async def submit_document(
    session: AsyncSession,
    *,
    kind: DocumentKind,
    principal: Principal,
    doc_id: uuid.UUID,
    data: Any,
    if_match: str | None,
) -> DocumentView:
    doc = await _readable(session, kind, principal, doc_id, lock=True)
    ensure_role(principal, doc.project_key, SUBMITTERS, action=f"submit a {kind.label} for review")
    check_if_match(if_match, doc.version)
    if doc.status not in ("draft", "changes_requested"):
        detail = (
            f"Version {doc.revision} of this {kind.label} is already approved; edit it to start revision "
            f"{doc.revision + 1}."
            if doc.status == "approved"
            else None
        )
        raise _refuse("submit", doc, kind, detail)
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
    _emit(
        session,
        kind,
        doc,
        "submitted",
        review_round=doc.review_round,
        quorum=quorum,
        reviewers=[{"reviewer": r.reviewer, "domain": r.domain, "required": r.required} for r in reviews],
    )
    await session.flush()
    return DocumentView(doc, await _sections(session, doc), reviews)


async def withdraw_document(
    session: AsyncSession,
    *,
    kind: DocumentKind,
    principal: Principal,
    doc_id: uuid.UUID,
    if_match: str | None,
) -> DocumentView:
    doc = await _readable(session, kind, principal, doc_id, lock=True)
    ensure_role(principal, doc.project_key, SUBMITTERS, action=f"withdraw a {kind.label} from review")
    check_if_match(if_match, doc.version)
    if doc.status != "in_review":
        raise _refuse("withdraw", doc, kind)
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
    _emit(session, kind, doc, "withdrawn", review_round=doc.review_round)
    await session.flush()
    return await _view(session, doc)


async def decide_document(
    session: AsyncSession,
    *,
    kind: DocumentKind,
    principal: Principal,
    doc_id: uuid.UUID,
    data: Any,
    if_match: str | None,
) -> DocumentView:
    doc = await _readable(session, kind, principal, doc_id, lock=True)
    check_if_match(if_match, doc.version)
    if doc.status != "in_review":
        raise _refuse("decide", doc, kind)
    reviews = await _round_reviews(session, doc)
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
    _emit(
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
        await _record_status(session, principal, kind, doc, "in_review")
        _emit(
            session,
            kind,
            doc,
            "changes_requested",
            review_round=doc.review_round,
            reviewer=principal.sub,
            comment=data.comment,
        )
    elif _quorum_met(reviews, doc.quorum or len(reviews)):
        await _freeze(session, principal, kind, doc, reviews)
    else:
        doc.updated_at = utcnow()  # the review state changed: new ETag
    await session.flush()
    return DocumentView(doc, await _sections(session, doc), reviews)


def _quorum_met(reviews: Sequence[DocumentReview], quorum: int) -> bool:
    approvals = [r for r in reviews if r.decision == "approve"]
    required_ok = all(r.decision == "approve" for r in reviews if r.required)
    return required_ok and len(approvals) >= quorum


async def _record_status(
    session: AsyncSession, principal: Principal, kind: DocumentKind, doc: Document, before: str, **after: Any
) -> None:
    await history.record(
        session,
        principal=principal,
        project_key=doc.project_key,
        resource_type=kind.name,
        resource_id=doc.id,
        action="status",
        before={"status": before},
        after={"status": doc.status, **after},
    )


async def _freeze(
    session: AsyncSession,
    principal: Principal,
    kind: DocumentKind,
    doc: Document,
    reviews: Sequence[DocumentReview],
) -> None:
    sections = await _sections(session, doc)
    titles = dict(kind.sections)
    approvers = [r.reviewer for r in reviews if r.decision == "approve"]
    session.add(
        DocumentVersion(
            document_id=doc.id,
            project_key=doc.project_key,
            kind=kind.name,
            number=doc.revision,
            title=doc.title,
            sections=[
                {"id": str(s.id), "key": s.key, "title": titles.get(s.key, s.key), "body": s.body}
                for s in sections
            ],
            linked_items=list(doc.linked_items),
            review_round=doc.review_round,
            approvers=approvers,
        )
    )
    doc.status = "approved"
    doc.approved_revision = doc.revision
    await _record_status(session, principal, kind, doc, "in_review", approved_version=doc.revision)
    _emit(
        session,
        kind,
        doc,
        "approved",
        version=doc.revision,
        approvers=approvers,
        linked_items=list(doc.linked_items),
    )
