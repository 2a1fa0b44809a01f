"""Slack over HTTP: the interactive-message endpoint Slack calls, and the per-project Slack user mapping."""

from typing import Annotated

from fastapi import APIRouter, Path, Request, Response, status
from tpmhub_shared.auth import CurrentPrincipal
from tpmhub_shared.clock import now_for
from tpmhub_shared.deps import ProjectKeyPath, ReadSession, Session
from tpmhub_shared.problems import NotFound, PayloadTooLarge, responses

from release_svc.gate.service import GateSiblings
from release_svc.slack import service
from release_svc.slack.schemas import SLACK_USER_ID, SlackReply, SlackUserPublic, SlackUserPut

TAGS = [
    {
        "name": "slack",
        "description": "Approve a release or advance a rollout stage from a Slack interactive message, "
        "and the per-project mapping of Slack users to TPM Hub users.",
    }
]
router = APIRouter(tags=["slack"])
SlackUserPath = Annotated[str, Path(pattern=SLACK_USER_ID, examples=["U2CERLKJA"])]


@router.post(
    "/v1/integrations/slack/interactions",
    response_model=SlackReply,
    responses=responses(400, 401, 404, 413),
    openapi_extra={
        "security": [],
        "requestBody": {
            "required": True,
            "content": {
                "application/x-www-form-urlencoded": {
                    "schema": {
                        "type": "object",
                        "required": ["payload"],
                        "properties": {
                            "payload": {"type": "string", "description": "Slack's block_actions JSON."}
                        },
                    }
                }
            },
        },
    },
)
async def slack_interaction(request: Request) -> SlackReply:
    """Slack's interactivity request URL. Verified by Slack's signature (`X-Slack-Signature`, HMAC-SHA256
    with the app's signing secret over `v0:{X-Slack-Request-Timestamp}:{body}`, 5 minutes at most old):
    401 otherwise. The button's value names the action — `advance:<rollout_id>` or `approve:<release_id>` —
    run as the TPM Hub user the Slack user is mapped to in the project, with every rule of the REST action.
    Answered with an ephemeral message saying what happened or why it was refused (nothing changed then)."""
    settings = request.app.state.settings
    secret = settings.slack_signing_secret
    if secret is None:
        # Switched off (no signing secret): the endpoint does not exist for this deployment.
        raise NotFound("The Slack integration is not enabled here (RELEASE_SLACK_SIGNING_SECRET).")
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > service.MAX_BODY_BYTES:
        raise PayloadTooLarge(f"A Slack interaction is at most {service.MAX_BODY_BYTES} bytes.")
    raw = await request.body()
    if len(raw) > service.MAX_BODY_BYTES:
        raise PayloadTooLarge(f"A Slack interaction is at most {service.MAX_BODY_BYTES} bytes.")
    now = now_for(request.app)
    service.verify(
        secret.get_secret_value(),
        timestamp=request.headers.get("x-slack-request-timestamp"),
        sig=request.headers.get("x-slack-signature"),
        body=raw,
        now=now,
    )
    return await service.handle(
        request.app.state.db, service.parse(raw), now=now, siblings=GateSiblings.of(request.app)
    )


@router.put(
    "/v1/projects/{key}/slack-users/{slack_user_id}",
    response_model=SlackUserPublic,
    responses={201: {"model": SlackUserPublic, "description": "Mapping created"}, **responses(401, 403, 422)},
)
async def put_slack_user(
    key: ProjectKeyPath,
    slack_user_id: SlackUserPath,
    body: SlackUserPut,
    session: Session,
    principal: CurrentPrincipal,
    response: Response,
) -> SlackUserPublic:
    """Map a Slack user to the TPM Hub user (`sub`) and project role that acts when they click a button
    (tpm/admin; only an admin may map someone as admin). 201 when new, 200 when replaced."""
    row, created = await service.put_user(
        session, principal=principal, project_key=key, slack_user_id=slack_user_id, body=body
    )
    response.status_code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
    return SlackUserPublic.model_validate(row)


@router.get(
    "/v1/projects/{key}/slack-users", response_model=list[SlackUserPublic], responses=responses(401, 403, 422)
)
async def list_slack_users(
    key: ProjectKeyPath, session: ReadSession, principal: CurrentPrincipal
) -> list[SlackUserPublic]:
    """The project's Slack user mapping (tpm/admin)."""
    rows = await service.list_users(session, principal=principal, project_key=key)
    return [SlackUserPublic.model_validate(r) for r in rows]


@router.delete(
    "/v1/projects/{key}/slack-users/{slack_user_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=responses(401, 403, 404, 422),
)
async def delete_slack_user(
    key: ProjectKeyPath, slack_user_id: SlackUserPath, session: Session, principal: CurrentPrincipal
) -> Response:
    """Remove a mapping (tpm/admin): that Slack user's clicks are refused from then on."""
    await service.delete_user(session, principal=principal, project_key=key, slack_user_id=slack_user_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
