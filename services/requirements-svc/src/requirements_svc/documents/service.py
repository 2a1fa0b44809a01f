"""Document rules and transactions, one implementation for PRDs and designs (the kind is a parameter):
loading with the caller's rights, reads, create and edit. Review rounds are `document_reviews`, frozen
versions `document_versions`.

States: draft → in_review → approved / changes_requested. Editing an approved document starts revision
N+1 as a draft; version N stays frozen."""

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import events, history
from tpmhub_shared.auth import Principal, ensure_read, ensure_role, ensure_visible, visible
from tpmhub_shared.concurrency import check_if_match
from tpmhub_shared.ids import utcnow
from tpmhub_shared.problems import InvalidTransition, NotFound, UnprocessableEntity, field_error

from requirements_svc.document_reviews import repository as reviews_repository
from requirements_svc.document_reviews.models import DocumentReview
from requirements_svc.documents import links, repository
from requirements_svc.documents.kinds import DocumentKind
from requirements_svc.documents.models import Document, DocumentSection
from requirements_svc.documents.views import ACTIONS, DocumentView
from requirements_svc.projects.repository import ensure_project

SOURCE = "/tpmhub/requirements-svc"


# ---- loading ---------------------------------------------------------------------------------------------


async def sections_of(session: AsyncSession, doc: Document) -> list[DocumentSection]:
    return await repository.sections(session, doc.id)


async def round_reviews(session: AsyncSession, doc: Document) -> list[DocumentReview]:
    return await reviews_repository.round_reviews(session, doc.id, doc.review_round)


async def view_of(session: AsyncSession, doc: Document) -> DocumentView:
    return DocumentView(doc, await sections_of(session, doc), await round_reviews(session, doc))


async def readable(
    session: AsyncSession, kind: DocumentKind, principal: Principal, doc_id: uuid.UUID, *, lock: bool = False
) -> Document:
    """The document of this kind, if the caller may read its project (else the same 404 as a missing id)."""
    doc = await repository.load(session, kind.name, doc_id, lock=lock)
    return visible(principal, doc, f"{kind.label} {doc_id} does not exist.")


def snapshot(doc: Document, sections: Sequence[DocumentSection]) -> dict[str, Any]:
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


def emit(session: AsyncSession, kind: DocumentKind, doc: Document, what: str, **extra: Any) -> None:
    events.emit(
        session,
        source=SOURCE,
        type=f"{kind.name}.{what}",
        subject=str(doc.id),
        project_key=doc.project_key,
        data=_event_data(kind, doc, **extra),
    )


def refuse(action: str, doc: Document, kind: DocumentKind, detail: str | None = None) -> InvalidTransition:
    return InvalidTransition(
        action,
        doc.status,
        list(ACTIONS[doc.status]),
        detail or f"Cannot {action} a {kind.label} in state '{doc.status}'.",
    )


async def record_status(
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


# ---- reads -----------------------------------------------------------------------------------------------


async def get_document(
    session: AsyncSession, *, kind: DocumentKind, principal: Principal, doc_id: uuid.UUID
) -> DocumentView:
    return await view_of(session, await readable(session, kind, principal, doc_id))


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
    await ensure_project(session, project_key)
    return await repository.list_page(
        session,
        kind=kind.name,
        project_key=project_key,
        status=status,
        owner=owner,
        sort=sort,
        limit=limit,
        cursor=cursor,
    )


async def sections_by_id(
    session: AsyncSession, section_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, tuple[DocumentSection, Document]]:
    """Many sections with their documents in one query, for domains that link to sections (items, change
    requests) and want to check the ids they were given."""
    if not section_ids:
        return {}
    return {
        section.id: (section, doc)
        for section, doc in await repository.sections_with_documents(session, section_ids)
    }


async def get_section(
    session: AsyncSession, *, principal: Principal, section_id: uuid.UUID
) -> tuple[DocumentSection, Document]:
    found = (await sections_by_id(session, [section_id])).get(section_id)
    if found is None:
        raise NotFound(f"Section {section_id} does not exist.")
    ensure_visible(principal, found[1].project_key, f"Section {section_id} does not exist.")
    return found


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
    await ensure_project(session, project_key)
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
        after=snapshot(doc, sections),
    )
    emit(session, kind, doc, "created")
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
    doc = await readable(session, kind, principal, doc_id, lock=True)
    ensure_role(principal, doc.project_key, kind.editors, action=f"edit a {kind.label}")
    check_if_match(if_match, doc.version)
    if doc.status == "in_review":
        raise refuse(
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
    sections = await sections_of(session, doc)
    before = snapshot(doc, sections)
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
        return DocumentView(doc, sections, await round_reviews(session, doc))
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
        after=snapshot(doc, sections),
    )
    if started_revision:
        emit(session, kind, doc, "revision_started", based_on_version=doc.approved_revision)
    await session.flush()
    return DocumentView(doc, sections, await round_reviews(session, doc))
