"""PRDs and designs over HTTP. One route factory serves both kinds; only the body models, the paths and
the operation ids differ (`create_prd` / `create_design`, …)."""

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response, status
from tpmhub_shared import history
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.concurrency import IfMatch, set_etag
from tpmhub_shared.deps import ProjectKeyPath, ReadSession, Session
from tpmhub_shared.history import HistoryEntryPublic
from tpmhub_shared.pagination import Cursor, Limit, Page
from tpmhub_shared.problems import responses
from tpmhub_shared.vocabulary import DocumentStatus

from requirements_svc.documents import service
from requirements_svc.documents.kinds import DESIGN, KINDS, PRD, DocumentKind
from requirements_svc.documents.models import DocumentVersion
from requirements_svc.documents.schemas import (
    DecisionRequest,
    DesignCreate,
    DesignSubmit,
    DesignUpdate,
    DocumentDiff,
    DocumentPublic,
    DocumentSummary,
    PrdCreate,
    PrdSubmit,
    PrdUpdate,
    ReviewPublic,
    SectionPublic,
    SectionRef,
    VersionPublic,
    VersionSummary,
)

VersionNumber = Annotated[int, Path(ge=1, le=1_000_000, examples=[1])]


def to_public(kind: DocumentKind, view: service.DocumentView) -> DocumentPublic:
    titles = dict(kind.sections)
    doc = view.document
    return DocumentPublic(
        **DocumentSummary.model_validate(doc).model_dump(),
        sections=[
            SectionPublic(id=s.id, key=s.key, title=titles.get(s.key, s.key), body=s.body)
            for s in view.sections
        ],
        reviewers=[ReviewPublic.model_validate(r) for r in view.reviews],
        allowed_actions=view.allowed_actions,
    )


def version_public(v: DocumentVersion) -> VersionPublic:
    return VersionPublic(
        number=v.number,
        title=v.title,
        approvers=list(v.approvers),
        review_round=v.review_round,
        approved_at=v.approved_at,
        document_id=v.document_id,
        kind=v.kind,
        project_key=v.project_key,
        sections=[SectionPublic(**s) for s in v.sections],
        linked_items=list(v.linked_items),
    )


def build_router(kind: DocumentKind, create_model: Any, update_model: Any, submit_model: Any) -> APIRouter:
    """The routes of one document kind: /v1/projects/{key}/<plural> and /v1/<plural>/{id}/…"""
    router = APIRouter(prefix="/v1", tags=[kind.plural])
    item = f"/{kind.plural}/{{doc_id}}"
    n, p, label = kind.name, kind.plural, kind.label

    async def create(
        key: ProjectKeyPath,
        body: create_model,
        session: Session,
        principal: CurrentPrincipal,
        response: Response,
    ) -> DocumentPublic:
        view = await service.create_document(
            session, kind=kind, principal=principal, project_key=key, data=body
        )
        set_etag(response, view.document.version)
        response.headers["Location"] = f"/v1/{p}/{view.document.id}"
        return to_public(kind, view)

    async def list_(
        key: ProjectKeyPath,
        session: ReadSession,
        principal: CurrentPrincipal,
        limit: Limit = 50,
        cursor: Cursor = None,
        status: Annotated[DocumentStatus | None, Query()] = None,
        owner: Annotated[str | None, Query(max_length=200)] = None,
        sort: Annotated[
            str | None, Query(max_length=100, description="created, updated, title; `-` descending")
        ] = None,
    ) -> Page[DocumentSummary]:
        rows, next_cursor = await service.list_documents(
            session,
            kind=kind,
            principal=principal,
            project_key=key,
            status=status,
            owner=owner,
            sort=sort,
            limit=limit,
            cursor=cursor,
        )
        return Page[DocumentSummary](
            items=[DocumentSummary.model_validate(r) for r in rows], next_cursor=next_cursor
        )

    async def get(
        doc_id: uuid.UUID, session: ReadSession, principal: CurrentPrincipal, response: Response
    ) -> DocumentPublic:
        view = await service.get_document(session, kind=kind, principal=principal, doc_id=doc_id)
        set_etag(response, view.document.version)
        return to_public(kind, view)

    async def update(
        doc_id: uuid.UUID,
        body: update_model,
        session: Session,
        principal: CurrentPrincipal,
        response: Response,
        if_match: IfMatch = None,
    ) -> DocumentPublic:
        view = await service.update_document(
            session, kind=kind, principal=principal, doc_id=doc_id, patch=body, if_match=if_match
        )
        set_etag(response, view.document.version)
        return to_public(kind, view)

    async def submit(
        doc_id: uuid.UUID,
        body: submit_model,
        session: Session,
        principal: CurrentPrincipal,
        response: Response,
        if_match: IfMatch = None,
    ) -> DocumentPublic:
        view = await service.submit_document(
            session, kind=kind, principal=principal, doc_id=doc_id, data=body, if_match=if_match
        )
        set_etag(response, view.document.version)
        return to_public(kind, view)

    async def withdraw(
        doc_id: uuid.UUID,
        session: Session,
        principal: CurrentPrincipal,
        response: Response,
        if_match: IfMatch = None,
    ) -> DocumentPublic:
        view = await service.withdraw_document(
            session, kind=kind, principal=principal, doc_id=doc_id, if_match=if_match
        )
        set_etag(response, view.document.version)
        return to_public(kind, view)

    async def decide(
        doc_id: uuid.UUID,
        body: DecisionRequest,
        session: Session,
        principal: CurrentPrincipal,
        response: Response,
        if_match: IfMatch = None,
    ) -> DocumentPublic:
        view = await service.decide_document(
            session, kind=kind, principal=principal, doc_id=doc_id, data=body, if_match=if_match
        )
        set_etag(response, view.document.version)
        return to_public(kind, view)

    async def list_reviews(
        doc_id: uuid.UUID,
        session: ReadSession,
        principal: CurrentPrincipal,
        limit: Limit = 50,
        cursor: Cursor = None,
    ) -> Page[ReviewPublic]:
        rows, next_cursor = await service.list_reviews(
            session, kind=kind, principal=principal, doc_id=doc_id, limit=limit, cursor=cursor
        )
        return Page[ReviewPublic](
            items=[ReviewPublic.model_validate(r) for r in rows], next_cursor=next_cursor
        )

    async def list_versions(
        doc_id: uuid.UUID,
        session: ReadSession,
        principal: CurrentPrincipal,
        limit: Limit = 50,
        cursor: Cursor = None,
    ) -> Page[VersionSummary]:
        rows, next_cursor = await service.list_versions(
            session, kind=kind, principal=principal, doc_id=doc_id, limit=limit, cursor=cursor
        )
        return Page[VersionSummary](
            items=[VersionSummary.model_validate(r) for r in rows], next_cursor=next_cursor
        )

    async def get_version(
        doc_id: uuid.UUID, number: VersionNumber, session: ReadSession, principal: CurrentPrincipal
    ) -> VersionPublic:
        row = await service.get_version(session, kind=kind, principal=principal, doc_id=doc_id, number=number)
        return version_public(row)

    async def diff(
        doc_id: uuid.UUID,
        session: ReadSession,
        principal: CurrentPrincipal,
        from_: Annotated[int, Query(alias="from", ge=1, le=1_000_000, description="An approved version.")],
        to: Annotated[
            int | None,
            Query(ge=1, le=1_000_000, description="An approved version; omit for the current working copy."),
        ] = None,
    ) -> DocumentDiff:
        return DocumentDiff.model_validate(
            await service.diff_versions(
                session, kind=kind, principal=principal, doc_id=doc_id, from_number=from_, to_number=to
            )
        )

    async def list_history(
        doc_id: uuid.UUID,
        session: ReadSession,
        principal: CurrentPrincipal,
        limit: Limit = 50,
        cursor: Cursor = None,
    ) -> Page[HistoryEntryPublic]:
        await service.get_document(session, kind=kind, principal=principal, doc_id=doc_id)
        return await history.list_history(
            session, resource_type=kind.name, resource_id=doc_id, limit=limit, cursor=cursor
        )

    editors = ", ".join(sorted(set(kind.editors) - {"admin"}))
    routes: list[tuple[str, str, Any, str, dict[str, Any], str]] = [
        (
            "POST",
            f"/projects/{{key}}/{p}",
            create,
            f"create_{n}",
            {
                "status_code": status.HTTP_201_CREATED,
                "responses": responses(400, 401, 403, 404, 409, 413, 422),
            },
            f"Create a {label} as draft revision 1 ({editors} or admin).",
        ),
        (
            "GET",
            f"/projects/{{key}}/{p}",
            list_,
            f"list_{p}",
            {"responses": responses(401, 403, 404, 422)},
            f"{label}s of a project, newest first by default; filters status and owner.",
        ),
        (
            "GET",
            item,
            get,
            f"get_{n}",
            {"responses": responses(401, 403, 404, 422)},
            f"A {label} with its sections, the current round's reviewers and the allowed actions.",
        ),
        (
            "PATCH",
            item,
            update,
            f"update_{n}",
            {"responses": responses(400, 401, 403, 404, 409, 412, 413, 422)},
            f"Edit a {label} (merge patch). Editing an approved {label} starts revision N+1 as a draft; "
            "version N stays frozen. Refused with 409 while in review. Send `If-Match` to refuse a stale "
            "edit.",
        ),
        (
            "POST",
            f"{item}/submit",
            submit,
            f"submit_{n}",
            {"responses": responses(400, 401, 403, 404, 409, 412, 413, 422)},
            f"Send a draft (or changes-requested) {label} to review, naming the reviewers and the quorum "
            "(pm, tpm or admin).",
        ),
        (
            "POST",
            f"{item}/withdraw",
            withdraw,
            f"withdraw_{n}",
            {"responses": responses(401, 403, 404, 409, 412, 422)},
            f"Take a {label} out of review back to draft (pm, tpm or admin).",
        ),
        (
            "POST",
            f"{item}/decide",
            decide,
            f"decide_{n}",
            {"responses": responses(400, 401, 403, 404, 409, 412, 413, 422)},
            "An assigned reviewer approves or requests changes (with a comment). A request for changes "
            "ends the round; approval freezes version N once every required reviewer approved and the "
            "quorum is met.",
        ),
        (
            "GET",
            f"{item}/reviews",
            list_reviews,
            f"list_{n}_reviews",
            {"responses": responses(401, 403, 404, 422)},
            "Every reviewer assignment and decision of every round, oldest round first.",
        ),
        (
            "GET",
            f"{item}/versions",
            list_versions,
            f"list_{n}_versions",
            {"responses": responses(401, 403, 404, 422)},
            "Approved (frozen) versions, oldest first.",
        ),
        (
            "GET",
            f"{item}/versions/{{number}}",
            get_version,
            f"get_{n}_version",
            {"responses": responses(401, 403, 404, 422)},
            "One approved version exactly as frozen.",
        ),
        (
            "GET",
            f"{item}/diff",
            diff,
            f"diff_{n}_versions",
            {"responses": responses(401, 403, 404, 422)},
            "Section-by-section diff from version `from` to version `to` (or to the working copy).",
        ),
        (
            "GET",
            f"{item}/history",
            list_history,
            f"list_{n}_history",
            {"responses": responses(401, 403, 404, 422)},
            f"Every recorded change of the {label}, oldest first.",
        ),
    ]
    for method, path, endpoint, name, extra, doc in routes:
        endpoint.__doc__ = doc
        router.add_api_route(path, endpoint, methods=[method], name=name, **extra)
    return router


router = APIRouter()
router.include_router(build_router(PRD, PrdCreate, PrdUpdate, PrdSubmit))
router.include_router(build_router(DESIGN, DesignCreate, DesignUpdate, DesignSubmit))


@router.get("/v1/sections/{section_id}", tags=["prds", "designs"], responses=responses(401, 403, 404, 422))
async def get_section(section_id: uuid.UUID, session: ReadSession, principal: CurrentPrincipal) -> SectionRef:
    """Resolve a section's stable id (as stored in an item's `prd_section_id`) to its current text and
    document."""
    section, doc = await service.get_section(session, principal=principal, section_id=section_id)
    kind = KINDS[doc.kind]
    return SectionRef(
        id=section.id,
        key=section.key,
        title=dict(kind.sections).get(section.key, section.key),
        body=section.body,
        document_id=doc.id,
        kind=doc.kind,
        project_key=doc.project_key,
        document_title=doc.title,
        document_status=doc.status,
        revision=doc.revision,
        document_url=f"/v1/{kind.plural}/{doc.id}",
    )


TAGS = [
    {
        "name": "prds",
        "description": "PRDs: structured sections, review with a quorum, frozen versions, diffs.",
    },
    {
        "name": "designs",
        "description": "Technical designs (技术方案): the PRD machinery with domain reviewers, "
        "linked to the epics and features they design.",
    },
]
