"""Slack interactive messages: verify Slack's signature, map the Slack user to a TPM Hub identity of the
project, and run the same service function the REST action runs (so every rule of it applies)."""

from __future__ import annotations

import hashlib
import hmac
import json
import uuid
from datetime import datetime
from urllib.parse import parse_qs

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared import history
from tpmhub_shared.auth import Principal, ensure_role
from tpmhub_shared.db import Database
from tpmhub_shared.logging import get_logger
from tpmhub_shared.problems import BadRequest, Forbidden, NotFound, ProblemError, Unauthorized

from release_svc.gate.service import GateSiblings
from release_svc.releases import flows as releases
from release_svc.rollouts import flows as rollouts
from release_svc.rollouts.schemas import AdvanceRequest
from release_svc.slack import repository
from release_svc.slack.models import SlackUser
from release_svc.slack.schemas import SlackInteraction, SlackReply, SlackUserPut

RESOURCE = "slack_user"
MAX_SKEW_SECONDS = 300
MAX_BODY_BYTES = 64 * 1024
VIA = "via Slack"

log = get_logger(__name__)


# ---- signature ------------------------------------------------------------------------------------------


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """Slack's request signature: `v0=` + hex HMAC-SHA256(secret, `v0:{timestamp}:{body}`)."""
    base = b"v0:" + timestamp.encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def verify(secret: str, *, timestamp: str | None, sig: str | None, body: bytes, now: datetime) -> None:
    """401 unless the request is signed with `secret` and its timestamp is within 5 minutes of `now`."""
    if not timestamp or not sig:
        raise Unauthorized("X-Slack-Request-Timestamp and X-Slack-Signature are required.")
    if not timestamp.isdigit() or len(timestamp) > 12:
        raise Unauthorized("X-Slack-Request-Timestamp is not a Unix time.")
    if abs(now.timestamp() - int(timestamp)) > MAX_SKEW_SECONDS:
        raise Unauthorized("The request timestamp is more than 5 minutes away from now (a replay?).")
    if not hmac.compare_digest(signature(secret, timestamp, body).encode(), sig.encode()):
        raise Unauthorized("The Slack signature does not match.")


def parse(body: bytes) -> SlackInteraction:
    """The form-encoded `payload=<json>` of an interaction; 400 when it is not one."""
    try:
        form = parse_qs(body.decode("utf-8"), strict_parsing=True, max_num_fields=20)
        raw = form["payload"][0]
        return SlackInteraction.model_validate(json.loads(raw))
    except (UnicodeDecodeError, ValueError, KeyError, IndexError, ValidationError):
        raise BadRequest("The body is not a Slack interaction (form field `payload` with JSON).") from None


# ---- the mapping ----------------------------------------------------------------------------------------


async def put_user(
    session: AsyncSession, *, principal: Principal, project_key: str, slack_user_id: str, body: SlackUserPut
) -> tuple[SlackUser, bool]:
    """Create or replace a mapping (tpm/admin; only an admin may map someone as admin)."""
    ensure_role(principal, project_key, {"tpm"}, action="map Slack users")
    if body.role == "admin" and not principal.is_admin(project_key):
        raise Forbidden("Only an admin may map a Slack user as admin.", required_roles=["admin"])
    row = await repository.mapping(session, project_key, slack_user_id, for_update=True)
    created = row is None
    before = None if created else history.snapshot(row, ["sub", "role"])
    if row is None:
        row = SlackUser(
            project_key=project_key,
            slack_user_id=slack_user_id,
            sub=body.sub,
            role=body.role,
            updated_by=principal.sub,
        )
        repository.add(session, row)
    else:
        row.sub, row.role, row.updated_by = body.sub, body.role, principal.sub
    await history.record(
        session,
        principal=principal,
        project_key=project_key,
        resource_type=RESOURCE,
        resource_id=f"{project_key}/{slack_user_id}",
        action="create" if created else "update",
        before=before,
        after=history.snapshot(row, ["sub", "role"]),
    )
    await session.flush()
    return row, created


async def list_users(session: AsyncSession, *, principal: Principal, project_key: str) -> list[SlackUser]:
    ensure_role(principal, project_key, {"tpm"}, action="see the Slack user mapping")
    return await repository.mappings_of(session, project_key)


async def delete_user(
    session: AsyncSession, *, principal: Principal, project_key: str, slack_user_id: str
) -> None:
    ensure_role(principal, project_key, {"tpm"}, action="map Slack users")
    row = await repository.mapping(session, project_key, slack_user_id)
    if row is None:
        raise NotFound(f"Slack user {slack_user_id} is not mapped in project {project_key}.")
    await history.record(
        session,
        principal=principal,
        project_key=project_key,
        resource_type=RESOURCE,
        resource_id=f"{project_key}/{slack_user_id}",
        action="delete",
        before=history.snapshot(row, ["sub", "role"]),
        after=None,
    )
    await repository.delete(session, row)
    await session.flush()


# ---- an interaction -------------------------------------------------------------------------------------


def _reply(text: str) -> SlackReply:
    return SlackReply(text=text)


def _target(value: str) -> tuple[str, uuid.UUID] | None:
    verb, _, ident = value.partition(":")
    if verb not in ("advance", "approve"):
        return None
    try:
        return verb, uuid.UUID(ident)
    except ValueError:
        return None


async def _principal(session: AsyncSession, project_key: str, slack_user: str) -> Principal | None:
    row = await repository.mapping(session, project_key, slack_user)
    if row is None:
        return None
    return Principal(sub=row.sub, name=f"{row.sub} ({VIA})", roles={project_key: row.role})


async def _advance(
    session: AsyncSession, slack_user: str, rollout_id: uuid.UUID, now: datetime, siblings: GateSiblings
) -> SlackReply:
    found = await repository.rollout(session, rollout_id)
    if found is None:
        return _reply("That rollout no longer exists; nothing was changed.")
    principal = await _principal(session, found.project_key, slack_user)
    if principal is None:
        return _reply(
            f"Your Slack account is not linked to a TPM Hub user in project {found.project_key}; "
            "ask a TPM to map it. Nothing was changed."
        )
    rollout = await rollouts.advance(
        session,
        principal=principal,
        rollout_id=rollout_id,
        body=AdvanceRequest(reason=VIA),
        now=now,
        siblings=siblings,
    )
    stage = rollout.current_stage + 1
    return _reply(
        f"Advanced {rollout.name or 'the rollout'} to stage {stage} of {len(rollout.stages)} "
        f"({rollout.current_percent}%) as {principal.sub}."
    )


async def _approve(session: AsyncSession, slack_user: str, release_id: uuid.UUID) -> SlackReply:
    found = await repository.release(session, release_id)
    if found is None:
        return _reply("That release no longer exists; nothing was changed.")
    principal = await _principal(session, found.project_key, slack_user)
    if principal is None:
        return _reply(
            f"Your Slack account is not linked to a TPM Hub user in project {found.project_key}; "
            "ask a TPM to map it. Nothing was changed."
        )
    release = await releases.decide_approval(
        session, principal=principal, release_id=release_id, decision="approve", comment=VIA
    )
    return _reply(f"Approved release {release.semver} as {principal.sub}; it is now {release.status}.")


async def handle(
    db: Database, interaction: SlackInteraction, *, now: datetime, siblings: GateSiblings
) -> SlackReply:
    """Run the clicked action as the mapped user, committed once at the end (an advance asks the gate's
    siblings between its read and its locked write, as over HTTP). A refusal (any problem the action
    raises: not the operator, hold not passed, gate denied, wrong state, …) rolls everything back and is
    told to Slack."""
    target = _target(interaction.actions[0].value)
    if target is None:
        return _reply("TPM Hub does not know that button; nothing was changed.")
    verb, ident = target
    async with db.session(write=True) as session:
        try:
            if verb == "advance":
                reply = await _advance(session, interaction.user.id, ident, now, siblings)
            else:
                reply = await _approve(session, interaction.user.id, ident)
            await session.commit()
        except ProblemError as exc:
            await session.rollback()
            reason = exc.detail or exc.title
            log.info("slack_action_refused", action=verb, status=exc.status)
            return _reply(f"Not done: {reason}")
    return reply
