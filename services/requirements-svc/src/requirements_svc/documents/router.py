"""PRDs and designs over HTTP: create, list, read, edit, history, and section look-up. One route factory
serves both kinds; only the body models, the paths and the operation ids differ (`create_prd` /
`create_design`, …). Reviews and versions have their own routers (`document_reviews`, `document_versions`),
listed between these in `main.py` to keep each kind's paths together in the OpenAPI document."""

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response, status
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
from requirements_svc.documents.schemas import (
    DesignCreate,
    DesignUpdate,
    DocumentPublic,
    DocumentSummary,
    PrdCreate,
    PrdUpdate,
    SectionRef,
)
from requirements_svc.documents.views import to_public


def build_router(kind: DocumentKind, create_model: Any, update_model: Any) -> APIRouter:
    """The document routes of one kind: /v1/projects/{key}/<plural> and /v1/<plural>/{id}."""
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
    ]
    for method, path, endpoint, name, extra, doc in routes:
        endpoint.__doc__ = doc
        router.add_api_route(path, endpoint, methods=[method], name=name, **extra)
    return router


def build_history_router(kind: DocumentKind) -> APIRouter:
    """/v1/<plural>/{id}/history, last among each kind's paths."""
    router = APIRouter(prefix="/v1", tags=[kind.plural])
    item = f"/{kind.plural}/{{doc_id}}"
    n, label = kind.name, kind.label

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

    routes: list[tuple[str, str, Any, str, dict[str, Any], str]] = [
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


prd_router = build_router(PRD, PrdCreate, PrdUpdate)
prd_history_router = build_history_router(PRD)
design_router = build_router(DESIGN, DesignCreate, DesignUpdate)
design_history_router = build_history_router(DESIGN)
sections_router = APIRouter()


@sections_router.get(
    "/v1/sections/{section_id}", tags=["prds", "designs"], responses=responses(401, 403, 404, 422)
)
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
