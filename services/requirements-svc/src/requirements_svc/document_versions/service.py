"""Document versions: approval freezes the working copy as version N; versions are read back exactly as
frozen and compared section by section (with each other or with the working copy)."""

import difflib
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.auth import Principal
from tpmhub_shared.problems import NotFound

from requirements_svc.document_versions import repository
from requirements_svc.document_versions.models import DocumentVersion
from requirements_svc.documents.kinds import DocumentKind
from requirements_svc.documents.models import Document
from requirements_svc.documents.service import emit, readable, record_status, sections_of


async def list_versions(
    session: AsyncSession,
    *,
    kind: DocumentKind,
    principal: Principal,
    doc_id: uuid.UUID,
    limit: int,
    cursor: str | None,
) -> tuple[list[DocumentVersion], str | None]:
    await readable(session, kind, principal, doc_id)
    return await repository.list_page(session, doc_id, limit=limit, cursor=cursor)


async def _version(session: AsyncSession, kind: DocumentKind, doc: Document, number: int) -> DocumentVersion:
    row = await repository.by_number(session, doc.id, number)
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
    doc = await readable(session, kind, principal, doc_id)
    return await _version(session, kind, doc, number)


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
    doc = await readable(session, kind, principal, doc_id)
    left = _frozen_side(await _version(session, kind, doc, from_number))
    if to_number is None:
        sections = await sections_of(session, doc)
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


async def freeze(
    session: AsyncSession,
    principal: Principal,
    kind: DocumentKind,
    doc: Document,
    approvers: list[str],
) -> None:
    """Freeze the working copy as version N (the document's revision), approved by `approvers`."""
    sections = await sections_of(session, doc)
    titles = dict(kind.sections)
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
    await record_status(session, principal, kind, doc, "in_review", approved_version=doc.revision)
    emit(
        session,
        kind,
        doc,
        "approved",
        version=doc.revision,
        approvers=approvers,
        linked_items=list(doc.linked_items),
    )
