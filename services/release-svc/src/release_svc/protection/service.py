"""GitHub custom deployment protection rules: a `deployment_protection_rule` delivery becomes a protection
request on the matching release; the gate decides it (at once, or while pending whenever something it
depends on changes), and every answer to GitHub is an outbox event delivered by `github.send_callback`.

- No matching release, or a release that can never deploy again (cancelled, rolled back, released), is
  rejected in the webhook's own transaction.
- Otherwise the request is pending and evaluated by the re-check worker: at once, again whenever release-svc
  changes the release (a flush of its approvals, checklist, freeze windows, rollouts marks it due), and on
  `protection_recheck_seconds` for what the siblings own (scope, risks). A change of the failing reasons
  posts a status report (no `state`, at most 10 per deployment); the first allowed answer approves.
- A pending request older than `protection_ttl_seconds` is rejected with a comment.
Each state is emitted once: the request row is locked while it moves, and only a pending row moves."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import event as sa_event
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session
from tpmhub_shared import events
from tpmhub_shared.auth import Principal, ensure_read
from tpmhub_shared.ids import utcnow
from tpmhub_shared.logging import get_logger
from tpmhub_shared.problems import NotFound

from release_svc.approvals.models import ReleaseApproval
from release_svc.checklist.models import ChecklistItem
from release_svc.environments.service import environments_of
from release_svc.freezes.models import FreezeException, FreezeWindow
from release_svc.gate import repository as gate_repository
from release_svc.gate.service import evaluate_gate
from release_svc.protection import comments, repository
from release_svc.protection.github import CALLBACK_EVENT, under_api
from release_svc.protection.models import APPROVED, REJECTED, ProtectionRequest
from release_svc.releases.models import Release
from release_svc.rollouts.models import Rollout

log = get_logger(__name__)

SOURCE = "/tpmhub/release-svc"
MAX_STATUS_REPORTS = 10
FINAL_RELEASE_STATES = frozenset({"cancelled", "rolled_back", "released"})
_GATE_ENVIRONMENT = re.compile(r"^[a-z0-9][a-z0-9_-]{0,49}$")


async def gate_environment(session: AsyncSession, source: Any, github_environment: str) -> str | None:
    """The gate's environment for GitHub's environment name: the project's environment it names or is an
    alias of (any case), None when the project has no such environment (rejected at once)."""
    name = github_environment.strip().lower()
    if not _GATE_ENVIRONMENT.fullmatch(name):
        return None
    return (await environments_of(session, source.project_key)).lookup(name)


# ---- the outgoing callbacks ---------------------------------------------------------------------------


def _emit(
    session: AsyncSession,
    req: ProtectionRequest,
    *,
    state: str | None,
    comment: str,
    decision_id: uuid.UUID | None,
) -> None:
    body: dict[str, Any] = {"environment_name": req.environment, "comment": comment}
    if state is not None:
        body["state"] = state
    events.emit(
        session,
        source=SOURCE,
        type=CALLBACK_EVENT,
        subject=str(req.id),
        project_key=req.project_key,
        data={
            "request_id": req.id,
            "project_key": req.project_key,
            "source_id": req.source_id,
            "release_id": req.release_id,
            "installation_id": req.installation_id,
            "callback_url": req.callback_url,
            "decision_id": decision_id,
            "body": body,
        },
    )


def _finish(
    session: AsyncSession,
    req: ProtectionRequest,
    state: str,
    reason: str,
    comment: str,
    decision_id: uuid.UUID | None = None,
) -> None:
    now = utcnow()
    req.status = state
    req.reason = reason[:1000]
    req.decided_at = now
    req.updated_at = now
    req.locked_until = None
    if decision_id is not None:
        req.last_decision_id = decision_id
    _emit(session, req, state=state, comment=comment, decision_id=decision_id)


# ---- intake (in the webhook's transaction) ------------------------------------------------------------


@dataclass
class Intake:
    status: str  # processed or ignored
    summary: str


async def intake(
    session: AsyncSession, *, source: Any, fact: Any, release: Any, delivery_id: str, settings: Any
) -> Intake:
    """Record a protection request of `source` for `release` (matched by the webhook to the delivery's ref,
    None when no release matches) and reject at once what can never be allowed."""
    if source.github_app_id is None or not source.github_app_private_key:
        return Intake(
            "ignored",
            "deployment protection request ignored: this CI source has no GitHub App configured (github_app)",
        )
    configured = source.github_app_installation_id
    if configured is not None and configured != fact.installation_id:
        return Intake(
            "ignored",
            f"deployment protection request ignored: installation "
            f"{fact.installation_id} is not this source's installation {configured}",
        )
    existing = await repository.of_callback(session, source_id=source.id, callback_url=fact.callback_url)
    if existing is not None:
        return Intake(
            "processed", f"deployment protection request {existing.id} already received ({existing.status})"
        )
    now = utcnow()
    environment = await gate_environment(session, source, fact.environment)
    req = ProtectionRequest(
        project_key=source.project_key,
        source_id=source.id,
        release_id=release.id if release else None,
        delivery_id=delivery_id,
        repository=source.repository,
        environment=fact.environment,
        gate_environment=environment,
        event=fact.event[:100],
        ref=fact.ref,
        sha=fact.sha,
        installation_id=fact.installation_id,
        callback_url=fact.callback_url,
        next_check_at=now,
        expires_at=now + timedelta(seconds=settings.protection_ttl_seconds),
    )
    repository.add(session, req)
    await session.flush()
    where = f"ref {fact.ref or '(none)'}" + (f", commit {fact.sha[:12]}" if fact.sha else "")
    if release is None:
        reason = f"no TPM Hub release of {source.project_key} matches {source.repository} {where}"
        _finish(session, req, REJECTED, reason, f"TPM Hub rejected this deployment: {reason}.")
    elif release.status in FINAL_RELEASE_STATES:
        reason = f"release {release.semver} is {release.status}"
        _finish(
            session,
            req,
            REJECTED,
            reason,
            f"TPM Hub rejected this deployment: {reason} and can no longer be deployed.",
        )
    elif environment is None:
        reason = f"environment {fact.environment!r} is not one of {source.project_key}'s environments"
        _finish(session, req, REJECTED, reason, f"TPM Hub rejected this deployment: {reason}.")
    else:
        req.reason = "waiting for the gate"
        return Intake(
            "processed",
            f"deployment protection request {req.id} pending on release {release.semver} ({environment})",
        )
    return Intake("processed", f"deployment protection request {req.id} rejected: {req.reason}")


def callback_allowed(url: str, settings: Any) -> bool:
    return under_api(url, settings.github_api_url)


# ---- re-evaluation ------------------------------------------------------------------------------------


def _principal(req: ProtectionRequest) -> Principal:
    return Principal(
        sub=f"github-app:{req.repository}"[:200],
        name=f"GitHub deployment protection ({req.repository})"[:200],
        roles={req.project_key: "ci"},
    )


async def claim_due(app: Any, now: datetime, limit: int = 20) -> list[uuid.UUID]:
    """Reserve due pending requests for this replica (`FOR UPDATE SKIP LOCKED` on PostgreSQL)."""
    db = app.state.db
    async with db.session() as session, session.begin():
        rows = await repository.due(session, now, limit=limit, skip_locked=not db.is_sqlite)
        until = now + timedelta(seconds=app.state.settings.protection_lease_seconds)
        for row in rows:
            row.locked_until = until
        return [r.id for r in rows]


async def recheck(app: Any, request_id: uuid.UUID, now: datetime | None = None) -> str | None:
    """Evaluate one pending request and answer GitHub if there is something to say; returns what was
    emitted (approved, rejected, report) or None."""
    settings = app.state.settings
    base = settings.public_url or settings.common.release_url
    now = now or utcnow()
    session: AsyncSession = app.state.db.session()
    try:
        req = await repository.locked_pending(session, request_id)
        if req is None:
            return None
        release = await session.get(Release, req.release_id) if req.release_id else None
        if req.expires_at <= now:
            days = settings.protection_ttl_seconds / 86400
            reason = f"still not allowed after {days:g} day(s)"
            link = ""
            if release is not None:
                link = f"\nGate decisions: {comments.decisions_url(base, release.id, req.gate_environment)}"
            text = f"TPM Hub rejected this deployment: the request expired, {reason}. Reasons: {req.reason}"
            _finish(session, req, REJECTED, reason, comments.compose(text, [], link.strip()))
            await session.commit()
            return REJECTED
        if release is None or release.status in FINAL_RELEASE_STATES:
            reason = (
                "the release no longer exists"
                if release is None
                else f"release {release.semver} is {release.status}"
            )
            _finish(
                session,
                req,
                REJECTED,
                reason,
                f"TPM Hub rejected this deployment: {reason} and can no longer be deployed.",
            )
            await session.commit()
            return REJECTED
        environment = req.gate_environment or "production"
        release_id = release.id
        try:
            decision = await evaluate_gate(
                session,
                principal=_principal(req),
                release_id=release_id,
                environment=environment,
                requirements=app.state.siblings["requirements"],
                risk=app.state.siblings["risk"],
                budget=settings.gate_budget,
            )
        except NotFound:
            await session.rollback()
            return None
        # evaluate_gate ended the first transaction while the siblings answered: lock the request again.
        req = await repository.locked_pending(session, request_id)
        if req is None:
            await session.rollback()
            return None
        link = comments.decisions_url(base, release_id, environment)
        failing = comments.failing_checks(decision["checks"])
        footer = f"Decision {decision['id']}: {link}"
        if decision["allowed"]:
            _finish(
                session,
                req,
                APPROVED,
                "the gate allows the deployment",
                f"TPM Hub gate allows release {decision['version']} to {environment}: every check passed.\n"
                f"{footer}",
                decision["id"],
            )
            req.failing_checks = []
            await session.commit()
            return APPROVED
        lines = [f"- {c['name']}: {c['reason']}" for c in failing]
        digest = comments.digest(failing)
        emitted = None
        req.next_check_at = min(now + timedelta(seconds=settings.protection_recheck_seconds), req.expires_at)
        req.locked_until = None
        req.updated_at = utcnow()
        if digest != req.reasons_digest:
            req.reasons_digest = digest
            req.failing_checks = failing
            req.reason = "; ".join(f"{c['name']}: {c['reason']}" for c in failing)[:1000]
            req.last_decision_id = decision["id"]
            if req.reports_posted < MAX_STATUS_REPORTS:
                head = (
                    f"TPM Hub gate: release {decision['version']} may not deploy to {environment} yet "
                    f"({len(failing)} failing check(s)); waiting."
                )
                _emit(
                    session,
                    req,
                    state=None,
                    comment=comments.compose(head, lines, footer),
                    decision_id=decision["id"],
                )
                req.reports_posted += 1
                emitted = "report"
        else:
            # Nothing new to say: the decision is not kept.
            await gate_repository.delete_decision(session, decision["id"])
        await session.commit()
        return emitted
    except BaseException:
        await session.rollback()
        raise
    finally:
        await session.close()


async def run_once(app: Any, now: datetime | None = None) -> int:
    claimed = await claim_due(app, now or utcnow())
    for request_id in claimed:
        try:
            await recheck(app, request_id, now)
        except Exception:  # one request's failure leaves it to its lease and the next round
            log.exception("protection_recheck_failed", request_id=str(request_id))
    return len(claimed)


# ---- what makes a pending request due at once ---------------------------------------------------------


def _mark_due(session: Session, flush_context: Any) -> None:
    """After a flush that changed what the gate reads of a release, its pending requests are due now (in the
    same transaction: a committed change is never missed, whichever replica made it)."""
    releases: set[uuid.UUID] = set()
    projects: set[str] = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Release):
            releases.add(obj.id)
        elif isinstance(obj, ChecklistItem | ReleaseApproval | Rollout | FreezeException):
            if obj.release_id is not None:
                releases.add(obj.release_id)
        elif isinstance(obj, FreezeWindow):
            projects.add(obj.project_key)
    if not releases and not projects:
        return
    repository.mark_pending_due(session, releases=releases, projects=projects, now=utcnow())


sa_event.listen(Session, "after_flush", _mark_due)


# ---- listing ------------------------------------------------------------------------------------------


async def list_requests(
    session: AsyncSession,
    *,
    principal: Principal,
    project_key: str,
    status: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[ProtectionRequest], str | None]:
    ensure_read(principal, project_key)
    return await repository.page_of_project(session, project_key, status=status, limit=limit, cursor=cursor)
