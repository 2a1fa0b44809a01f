"""Document review rounds over HTTP, for either kind: submit, withdraw, decide, list the reviews."""

import uuid
from typing import Any

from fastapi import APIRouter, Response
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.concurrency import IfMatch, set_etag
from tpmhub_shared.deps import ReadSession, Session
from tpmhub_shared.pagination import Cursor, Limit, Page
from tpmhub_shared.problems import responses

from requirements_svc.document_reviews import service
from requirements_svc.documents.kinds import DESIGN, PRD, DocumentKind
from requirements_svc.documents.schemas import (
    DecisionRequest,
    DesignSubmit,
    DocumentPublic,
    PrdSubmit,
    ReviewPublic,
)
from requirements_svc.documents.views import to_public


def build_router(kind: DocumentKind, submit_model: Any) -> APIRouter:
    """The review routes of one kind: /v1/<plural>/{id}/submit, withdraw, decide, reviews."""
    router = APIRouter(prefix="/v1", tags=[kind.plural])
    item = f"/{kind.plural}/{{doc_id}}"
    n, label = kind.name, kind.label

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

    routes: list[tuple[str, str, Any, str, dict[str, Any], str]] = [
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
    ]
    for method, path, endpoint, name, extra, doc in routes:
        endpoint.__doc__ = doc
        router.add_api_route(path, endpoint, methods=[method], name=name, **extra)
    return router


prd_router = build_router(PRD, PrdSubmit)
design_router = build_router(DESIGN, DesignSubmit)
