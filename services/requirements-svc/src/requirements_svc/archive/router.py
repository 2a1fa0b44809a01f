"""The closing archive over HTTP: a streamed zip."""

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.deps import ReadSession
from tpmhub_shared.ids import utcnow
from tpmhub_shared.problems import responses

from requirements_svc.archive import service

router = APIRouter(prefix="/v1/projects/{key}", tags=["archive"])


@router.get(
    "/archive",
    response_class=StreamingResponse,
    responses={
        200: {
            "content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}},
            "description": "A zip: README.md index, project.json, documents/*/v*.md, and "
            "items, milestones, iterations, change_requests, risks, releases, gate_decisions, "
            "retrospectives as .json and .csv.",
        },
        **responses(401, 403, 404),
    },
)
async def get_project_archive(
    key: str, request: Request, session: ReadSession, principal: CurrentPrincipal
) -> StreamingResponse:
    """The closing archive (项目收尾): every PRD and design version as Markdown, the backlog, risks, releases,
    gate decisions and retrospectives as JSON and CSV, and a README index — streamed, page by page, so any
    project size fits in bounded memory. A sibling that fails mid-way leaves its files marked incomplete
    in the README."""
    project = await service.check_access(session, principal=principal, key=key)
    stream = service.stream_archive(
        project=project, db=request.app.state.db, siblings=request.app.state.siblings
    )
    filename = service.archive_name(key, utcnow())
    return StreamingResponse(
        stream,
        media_type="application/zip",
        headers={"Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"},
    )


TAGS = [{"name": "archive", "description": "The closing archive of a project, as a streamed zip."}]
