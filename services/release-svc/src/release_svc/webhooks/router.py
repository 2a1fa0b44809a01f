"""CI webhooks (GitHub, GitLab, any CI) over HTTP, and the deliveries and pipeline runs they recorded."""

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.deps import ProjectKeyPath, ReadSession, Session
from tpmhub_shared.pagination import Cursor, Limit, Page
from tpmhub_shared.problems import responses

from release_svc.webhooks import flows, service
from release_svc.webhooks.schemas import CiDeliveryPublic, CiEvent, PipelineRunPublic, WebhookReceipt

# Two routers so that main.py can list the CI sources' routes between them, where the OpenAPI document has
# them: the webhooks first, the deliveries and runs they recorded after the sources.
router = APIRouter(tags=["ci-webhooks"])
records_router = APIRouter(tags=["ci-webhooks"])
SourceQuery = Annotated[
    uuid.UUID | None,
    Query(
        description="The CI source to verify against; default: every active source of the payload's "
        "repository."
    ),
]

_RECEIPT = {
    200: {"model": WebhookReceipt, "description": "Processed, or a duplicate delivery (nothing repeated)."},
    202: {"model": WebhookReceipt, "description": "An event TPM Hub does not use: recorded as ignored."},
}
_WEBHOOK_ERRORS = responses(400, 401, 413, 422)


def _inline(schema: dict) -> dict:
    """A request-body schema with its `$defs` inlined (a `$ref` in OpenAPI resolves against the document)."""
    defs = schema.pop("$defs", {})

    def resolve(node):  # noqa: ANN001, ANN202
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                return resolve(dict(defs[ref.removeprefix("#/$defs/")]))
            return {k: resolve(v) for k, v in node.items()}
        if isinstance(node, list):
            return [resolve(v) for v in node]
        return node

    return resolve(schema)


async def _receive(
    provider: str, request: Request, session: AsyncSession, source: uuid.UUID | None
) -> JSONResponse:
    raw = await request.body()
    headers = {k.lower(): v for k, v in request.headers.items()}
    result = await flows.ingest(
        session,
        provider=provider,
        headers=headers,
        raw=raw,
        source_id=source,
        settings=request.app.state.settings,
    )
    body = result.receipt.model_dump(mode="json", exclude_none=True)
    return JSONResponse(body, status_code=result.status_code)


@router.post(
    "/v1/webhooks/github",
    response_model=WebhookReceipt,
    responses={**_RECEIPT, **_WEBHOOK_ERRORS},
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "description": "A GitHub (or Gitea/Forgejo) webhook payload.",
                    }
                }
            },
        }
    },
)
async def receive_github_webhook(
    request: Request, session: Session, source: SourceQuery = None
) -> JSONResponse:
    """GitHub webhooks, verified by `X-Hub-Signature-256` (HMAC-SHA256 of the raw body with the source's
    secret), deduplicated per source by `X-GitHub-Delivery` (at most 200 characters). Uses workflow_run,
    workflow_job, check_suite, check_run, deployment, deployment_status, push, pull_request, release,
    deployment_protection_rule (a GitHub App's custom deployment protection rule: the gate answers GitHub
    at `deployment_callback_url`; see `list_deployment_protection_requests`) (and answers ping)."""
    return await _receive("github", request, session, source)


@router.post(
    "/v1/webhooks/gitlab",
    response_model=WebhookReceipt,
    responses={**_RECEIPT, **_WEBHOOK_ERRORS},
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": {"type": "object", "description": "A GitLab webhook payload."}}
            },
        }
    },
)
async def receive_gitlab_webhook(
    request: Request, session: Session, source: SourceQuery = None
) -> JSONResponse:
    """GitLab webhooks, verified by `X-Gitlab-Token` (constant-time compare), deduplicated per source by
    `Idempotency-Key` or `X-Gitlab-Event-UUID` (at most 200 characters). Uses Pipeline, Job, Deployment,
    Release, Merge Request and Push hooks."""
    return await _receive("gitlab", request, session, source)


@router.post(
    "/v1/webhooks/ci",
    response_model=WebhookReceipt,
    responses={**_RECEIPT, **_WEBHOOK_ERRORS},
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": _inline(CiEvent.model_json_schema())}},
        }
    },
)
async def receive_ci_webhook(request: Request, session: Session, source: SourceQuery = None) -> JSONResponse:
    """Any CI (Jenkins, Buildkite, …): a `CiEvent` JSON body (or the Jenkins Notification plugin's message),
    signed per Standard Webhooks with the source's `whsec_` secret; timestamps older or newer than 5
    minutes are refused; deduplicated per source by `webhook-id` (at most 200 characters)."""
    return await _receive("generic", request, session, source)


@records_router.get(
    "/v1/projects/{key}/ci-deliveries",
    response_model=Page[CiDeliveryPublic],
    responses=responses(401, 403, 422),
)
async def list_ci_deliveries(
    key: ProjectKeyPath,
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
    status: Annotated[Literal["processed", "ignored"] | None, Query()] = None,
) -> Page[CiDeliveryPublic]:
    """Webhook deliveries accepted for the project, oldest first (`status=ignored`: events not used)."""
    rows, next_cursor = await service.list_deliveries(
        session, principal=principal, project_key=key, status=status, limit=limit, cursor=cursor
    )
    return Page[CiDeliveryPublic](
        items=[CiDeliveryPublic.model_validate(r) for r in rows], next_cursor=next_cursor
    )


@records_router.get(
    "/v1/releases/{release_id}/pipeline-runs",
    response_model=Page[PipelineRunPublic],
    responses=responses(401, 404, 422),
)
async def list_release_pipeline_runs(
    release_id: uuid.UUID,
    session: ReadSession,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[PipelineRunPublic]:
    """CI runs recorded on the release, oldest first."""
    rows, next_cursor = await service.list_release_runs(
        session, principal=principal, release_id=release_id, limit=limit, cursor=cursor
    )
    return Page[PipelineRunPublic](
        items=[PipelineRunPublic.model_validate(r) for r in rows], next_cursor=next_cursor
    )


TAGS = [
    {"name": "ci-webhooks", "description": "CI webhooks from GitHub, GitLab and any CI, and their sources."}
]
