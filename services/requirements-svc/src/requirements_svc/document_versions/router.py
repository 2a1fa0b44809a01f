"""Frozen document versions over HTTP, for either kind: list, read one, diff."""

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.deps import ReadSession
from tpmhub_shared.pagination import Cursor, Limit, Page
from tpmhub_shared.problems import responses

from requirements_svc.document_versions import service
from requirements_svc.document_versions.models import DocumentVersion
from requirements_svc.documents.kinds import DESIGN, PRD, DocumentKind
from requirements_svc.documents.schemas import DocumentDiff, SectionPublic, VersionPublic, VersionSummary

VersionNumber = Annotated[int, Path(ge=1, le=1_000_000, examples=[1])]


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


def build_router(kind: DocumentKind) -> APIRouter:
    """The version routes of one kind: /v1/<plural>/{id}/versions, versions/{number}, diff."""
    router = APIRouter(prefix="/v1", tags=[kind.plural])
    item = f"/{kind.plural}/{{doc_id}}"
    n = kind.name

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

    routes: list[tuple[str, str, Any, str, dict[str, Any], str]] = [
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
    ]
    for method, path, endpoint, name, extra, doc in routes:
        endpoint.__doc__ = doc
        router.add_api_route(path, endpoint, methods=[method], name=name, **extra)
    return router


prd_router = build_router(PRD)
design_router = build_router(DESIGN)
