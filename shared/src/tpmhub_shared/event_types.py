"""The catalogue of event types: for each, who emits it, what it means, the JSON schema of its `data`
and an example. docs/events.md is generated from it (`python -m tpmhub_shared.event_types > docs/events.md`)
and a test keeps the two in step."""

from __future__ import annotations

import json
import sys
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from tpmhub_shared.contracts import (
    ChangeRequestApproved,
    ItemReferenced,
    ItemReopened,
    ProjectCreated,
    ReleaseReleased,
    VerificationRecorded,
)
from tpmhub_shared.events import CloudEvent
from tpmhub_shared.vocabulary import ReleaseStatus

RELEASE_STATES: tuple[str, ...] = get_args(ReleaseStatus)
ROLLOUT_CHANGES = (
    "started",
    "stage_changed",
    "bake_started",
    "paused",
    "resumed",
    "completed",
    "rolled_back",
)
DOCUMENT_CHANGES = (
    "created",
    "submitted",
    "reviewed",
    "changes_requested",
    "approved",
    "withdrawn",
    "revision_started",
)


class ReleaseTransitioned(BaseModel):
    """`release.<state>`: a release moved by one action of its state machine."""

    model_config = ConfigDict(extra="allow")

    release_id: uuid.UUID
    project_key: str = Field(examples=["PAY"])
    version: str = Field(examples=["1.4.0"])
    from_: str = Field(alias="from", examples=["approved"])
    to: str = Field(examples=["deploying"])
    action: str = Field(examples=["start_deploy"])
    by: str = Field(examples=["alice"])
    reason: str | None = None


class ReleaseReleasedEvent(ReleaseTransitioned, ReleaseReleased):
    """`release.released`: the transition fields plus the shipped items (requirements-svc records them)."""


class RolloutChanged(BaseModel):
    """`rollout.<change>`: a gray rollout started, changed stage, paused, resumed, completed, rolled back."""

    model_config = ConfigDict(extra="allow")

    rollout_id: uuid.UUID
    release_id: uuid.UUID
    project_key: str = Field(examples=["PAY"])
    name: str = Field(examples=["checkout-v2"])
    action: str = Field(examples=["advance"])
    by: str = Field(examples=["alice"])
    by_name: str = ""
    reason: str | None = None
    from_: Any = Field(default=None, alias="from")
    to: Any = None
    stage_count: int = Field(examples=[4])


class GuardrailBreached(BaseModel):
    """`rollout.guardrail_breached`: guardrails failed at a stage or in the bake (`action_taken`:
    pause/rollback/null). `dry_run: true` reports failures of dry-run guardrails, which never act; each
    request with both sends one event of each kind."""

    model_config = ConfigDict(extra="allow")

    rollout_id: uuid.UUID
    release_id: uuid.UUID
    project_key: str
    name: str
    stage: int
    percent: float
    by: str
    guardrails: list[str] = Field(examples=[["error_rate <= 0.01"]])
    failures: list[dict[str, Any]] = Field(default_factory=list)
    failed_checks: int
    breach_threshold: int
    action_taken: str | None = Field(default=None, examples=["pause"])
    dry_run: bool = Field(default=False, description="Dry-run guardrails: recorded, never acted on.")
    baking: bool = Field(default=False, description="In the bake after the last stage.")


class GuardrailInconclusive(BaseModel):
    """`rollout.guardrail_inconclusive`: a canary reading fell in a guardrail's grey band (`trigger:
    reading`), or a stage or bake was due with an inconclusive guardrail (grey band or too few readings,
    `trigger: due`). An acting guardrail pauses a running rollout for a person's decision (`action_taken:
    pause`; `warn` guardrails only notify); `dry_run: true` never acts. Automatic advance never follows."""

    model_config = ConfigDict(extra="allow")

    rollout_id: uuid.UUID
    release_id: uuid.UUID
    project_key: str
    name: str
    stage: int
    percent: float
    baking: bool = False
    by: str
    dry_run: bool = False
    trigger: Literal["reading", "due"] = "reading"
    guardrails: list[str] = Field(examples=[["error_rate <= 0.01"]])
    items: list[dict[str, Any]] = Field(default_factory=list)
    action_taken: str | None = Field(default=None, examples=["pause"])


class RolloutGateHeld(RolloutChanged):
    """`rollout.gate_held`: the scheduler did not advance a due rollout because the release gate denies it
    for the rollout's environment; the stage waits and is asked again. Sent once per distinct denial."""

    environment: str = Field(examples=["production"])
    checks: list[dict[str, Any]] = Field(
        default_factory=list, description="The failing gate checks: name, reason, offending_ids."
    )
    decision_id: uuid.UUID | None = None


class RolloutAborted(RolloutChanged):
    """`rollout.aborted`: a person stopped the rollout for good, with a reason (distinct from a rollback).
    `exposed`: units had been inside (the release rolled back too); only then it counts as a change
    failure."""

    exposed: bool
    counts_as_change_failure: bool
    schedules_cancelled: int = 0


class RolloutUpdated(RolloutChanged):
    """`rollout.updated`: a draft rollout was edited (`changed`: the fields that changed)."""

    changed: list[str] = Field(default_factory=list, examples=[["stages"]])


class RolloutScheduleEvent(BaseModel):
    """`rollout.schedule_created` / `_cancelled` / `_failed`: a start or advance planned for a time; a failed
    one (gate denied, freeze window, the rollout's state, the hold) carries `failure_reason` and `problem`."""

    model_config = ConfigDict(extra="allow")

    rollout_id: uuid.UUID
    release_id: uuid.UUID
    project_key: str = Field(examples=["PAY"])
    name: str = Field(examples=["checkout-v2"])
    schedule_id: uuid.UUID
    action: Literal["start", "advance"]
    at: datetime
    by: str = Field(examples=["alice"])
    by_name: str = ""
    scheduled_by: str = Field(examples=["alice"])
    reason: str = Field(examples=["advance after the nightly batch"])
    failure_reason: str | None = None
    problem: dict[str, Any] | None = None


class DocumentChanged(BaseModel):
    """`prd.<change>` / `design.<change>`: a PRD or technical design was created, submitted, reviewed, …"""

    model_config = ConfigDict(extra="allow")

    id: uuid.UUID
    kind: Literal["prd", "design"]
    project_key: str
    title: str
    status: str = Field(examples=["in_review"])
    revision: int = Field(examples=[2])


class RiskEscalated(BaseModel):
    """`risk.escalated`: a risk was escalated (上升), by hand or by a trigger."""

    model_config = ConfigDict(extra="allow")

    key: str = Field(examples=["PAY-R7"])
    project_key: str
    title: str
    level: str = Field(examples=["high"])
    score: int = Field(examples=[16])
    status: str
    owner: str | None = None
    trigger: str | None = None


class ReviewDueRisk(BaseModel):
    """One risk in a review reminder."""

    key: str = Field(examples=["PAY-R7"])
    title: str
    level: str = Field(examples=["high"])
    status: str = Field(examples=["mitigating"])
    next_review_at: datetime
    due_date: date = Field(examples=["2026-11-20"], description="UTC date the review was due.")
    days_overdue: int = Field(ge=0, examples=[2], description="0 when due today.")


class RiskReviewDue(BaseModel):
    """`risk.review_due`: once a UTC day, an owner's open risks whose review is due that day or overdue."""

    model_config = ConfigDict(extra="allow")

    project_key: str = Field(examples=["PAY"])
    owner: str = Field(examples=["dave"])
    day: date = Field(examples=["2026-11-22"], description="The UTC day of the reminder.")
    count: int = Field(examples=[2])
    overdue: int = Field(examples=[1], description="How many of them are overdue (not just due today).")
    risks: list[ReviewDueRisk]


class ItemCreated(BaseModel):
    """`item.created`: a backlog item was created (one at a time, in bulk or by an import)."""

    model_config = ConfigDict(extra="allow")

    key: str = Field(examples=["PAY-42"])
    project_key: str = Field(examples=["PAY"])
    type: str = Field(examples=["story"])
    title: str
    status: str = Field(examples=["backlog"])
    priority: str = Field(examples=["P1"])
    parent: str | None = Field(default=None, examples=["PAY-7"])
    severity: str | None = Field(default=None, description="Bugs only (S1–S4).")
    points: float | None = None
    criteria: int = Field(examples=[2], description="How many acceptance criteria it was created with.")
    created_by: str = Field(examples=["alice"])


class ItemDeleted(BaseModel):
    """`item.deleted`: a backlog item was deleted (soft: its history stays readable)."""

    model_config = ConfigDict(extra="allow")

    key: str = Field(examples=["PAY-42"])
    project_key: str = Field(examples=["PAY"])
    type: str = Field(examples=["story"])
    title: str
    status: str = Field(examples=["backlog"])
    parent: str | None = Field(default=None, examples=["PAY-7"])
    deleted_by: str = Field(examples=["alice"])
    deleted_at: datetime


class RiskCreated(BaseModel):
    """`risk.created`: a risk was identified (by hand, or by an approved change request)."""

    model_config = ConfigDict(extra="allow")

    key: str = Field(examples=["PAY-R7"])
    project_key: str = Field(examples=["PAY"])
    title: str
    category: str = Field(examples=["dependency"])
    level: str = Field(examples=["high"])
    score: int = Field(examples=[16])
    status: str = Field(examples=["identified"])
    owner: str | None = None
    created_by: str = Field(examples=["alice"])
    change_request_id: uuid.UUID | None = None


class RiskDeescalated(BaseModel):
    """`risk.deescalated`: an escalation was withdrawn."""

    model_config = ConfigDict(extra="allow")

    key: str = Field(examples=["PAY-R7"])
    project_key: str
    level: str
    reason: str | None = None
    deescalated_by: str
    deescalated_at: datetime


class PipelineFailed(BaseModel):
    """`ci.pipeline_failed`: a CI run (workflow, job, check, pipeline) reported by a webhook failed."""

    project_key: str = Field(examples=["PAY"])
    provider: Literal["github", "gitlab", "generic"]
    repository: str = Field(examples=["acme/payments"])
    release_id: uuid.UUID | None = Field(description="The release the run matched, if any.")
    version: str | None = Field(examples=["1.4.0"])
    kind: str = Field(examples=["workflow_job"])
    name: str = Field(examples=["linters"])
    ref: str | None = None
    sha: str | None = None
    url: str | None = None
    conclusion: str = Field(examples=["failure"])


class DeploymentFailed(BaseModel):
    """`ci.deployment_failed`: a production deployment reported by CI failed (also recorded for DORA)."""

    project_key: str
    provider: Literal["github", "gitlab", "generic"]
    repository: str
    release_id: uuid.UUID | None
    version: str | None
    environment: str = Field(examples=["production"])
    sha: str | None = None
    ref: str | None = None
    url: str | None = None


class SubscriptionDisabled(BaseModel):
    """`subscription.disabled`: an outbound webhook was disabled (410 Gone or too many failures)."""

    subscription_id: uuid.UUID
    project_key: str | None
    url: str
    reason: str = Field(examples=["the target answered 410 Gone"])
    disabled_at: datetime


@dataclass(frozen=True)
class EventType:
    type: str
    source: str
    subject: str
    model: type[BaseModel]
    example: dict[str, Any]
    consumers: str = "outbound subscriptions"


_T = "2026-11-22T05:00:00Z"
_REL = "01937c5e-8f3a-7cc2-9d8e-3b1f0a6c2d11"
_TRANSITION = {"release_id": _REL, "project_key": "PAY", "version": "1.4.0", "by": "alice", "reason": None}
_NEXT = {
    "submit": ("draft", "in_review"),
    "approve": ("in_review", "approved"),
    "start_deploy": ("approved", "deploying"),
    "start_verification": ("deploying", "verifying"),
    "mark_released": ("verifying", "released"),
    "roll_back": ("deploying", "rolled_back"),
    "cancel": ("approved", "cancelled"),
    "request_changes": ("in_review", "draft"),
}
_ACTION_TO = {to: (action, frm) for action, (frm, to) in _NEXT.items()}
_ROLLOUT_ACTIONS = {
    "started": "start",
    "stage_changed": "advance",
    "bake_started": "bake",
    "paused": "pause",
    "resumed": "resume",
    "completed": "complete",
    "rolled_back": "rollback",
}


def _release_example(state: str) -> dict[str, Any]:
    action, frm = _ACTION_TO[state]
    return {**_TRANSITION, "from": frm, "to": state, "action": action}


CATALOGUE: list[EventType] = [
    EventType(
        "change_request.approved",
        "requirements-svc",
        "change request key (PAY-CR3)",
        ChangeRequestApproved,
        {
            "change_request_id": "01937c5e-0000-7000-8000-000000000003",
            "key": "PAY-CR3",
            "project_key": "PAY",
            "title": "Wallets in saved-card checkout",
            "reason": "Wallet share passed 30%",
            "affected_items": ["PAY-2"],
            "points_delta": 5,
            "date_delta_days": 7,
            "affected_milestones": [],
            "criteria_to_reverify": 1,
            "approved_by": "carol",
            "approved_at": _T,
        },
        consumers="risk-svc (creates the requirement_change risk), release-svc (approved releases "
        "touching the items go back to review), outbound subscriptions",
    ),
    EventType(
        "item.reopened",
        "requirements-svc",
        "item key (PAY-42)",
        ItemReopened,
        {
            "key": "PAY-42",
            "project_key": "PAY",
            "title": "Refund to the original card",
            "type": "story",
            "from": "done",
            "to": "in_review",
            "cause": "acceptance criterion failed: Refund reaches the card in 5 days",
            "criteria_not_passed": 1,
            "by": "dave",
            "at": _T,
        },
    ),
    EventType(
        "ci.item_referenced",
        "release-svc",
        "item key (PAY-42)",
        ItemReferenced,
        {
            "project_key": "PAY",
            "item_key": "PAY-42",
            "kind": "commit",
            "repository": "acme/payments",
            "ref": "9fceb02d0ae598e95dc970b74767f19372d61af8",
            "title": "PAY-42 retry card capture",
            "url": "https://github.com/acme/payments/commit/9fceb02",
        },
        consumers="requirements-svc (links the commit, PR or branch to the item), outbound subscriptions",
    ),
    EventType(
        "ci.pipeline_failed",
        "release-svc",
        "release id, else repository",
        PipelineFailed,
        {
            "project_key": "PAY",
            "provider": "github",
            "repository": "acme/payments",
            "release_id": _REL,
            "version": "1.4.0",
            "kind": "workflow_job",
            "name": "linters",
            "ref": "release/1.4.0",
            "sha": "9fceb02d0ae598e95dc970b74767f19372d61af8",
            "url": "https://github.com/acme/payments/actions/runs/1",
            "conclusion": "failure",
        },
    ),
    EventType(
        "ci.deployment_failed",
        "release-svc",
        "release id, else repository",
        DeploymentFailed,
        {
            "project_key": "PAY",
            "provider": "gitlab",
            "repository": "acme/payments",
            "release_id": _REL,
            "version": "1.4.0",
            "environment": "production",
            "sha": "9fceb02d0ae598e95dc970b74767f19372d61af8",
            "ref": "v1.4.0",
            "url": "https://gitlab.example.com/acme/payments/-/jobs/796",
        },
    ),
    *[
        EventType(
            f"release.{state}",
            "release-svc",
            "release id",
            ReleaseReleasedEvent if state == "released" else ReleaseTransitioned,
            {
                **_release_example(state),
                **({"items": ["PAY-1", "PAY-2"], "released_at": _T} if state == "released" else {}),
            },
            consumers=(
                "requirements-svc (items learn which release shipped them), outbound subscriptions"
                if state == "released"
                else "outbound subscriptions"
            ),
        )
        for state in RELEASE_STATES
        if state in _ACTION_TO
    ],
    *[
        EventType(
            f"rollout.{change}",
            "release-svc",
            "rollout id",
            RolloutChanged,
            {
                "rollout_id": "01937c5e-0000-7000-8000-0000000000a1",
                "release_id": _REL,
                "project_key": "PAY",
                "name": "checkout-v2",
                "action": _ROLLOUT_ACTIONS[change],
                "by": "alice",
                "by_name": "Alice",
                "reason": None,
                "from": {"stage": 0, "percent": 5},
                "to": {"stage": 1, "percent": 25},
                "stage_count": 4,
            },
        )
        for change in ROLLOUT_CHANGES
    ],
    EventType(
        "rollout.guardrail_breached",
        "release-svc",
        "rollout id",
        GuardrailBreached,
        {
            "rollout_id": "01937c5e-0000-7000-8000-0000000000a1",
            "release_id": _REL,
            "project_key": "PAY",
            "name": "checkout-v2",
            "stage": 1,
            "percent": 25,
            "by": "monitoring",
            "guardrails": ["error_rate <= 0.01"],
            "failures": [{"failed": ["error_rate <= 0.01"], "metrics": {"error_rate": 0.03}}],
            "failed_checks": 2,
            "breach_threshold": 2,
            "action_taken": "pause",
        },
    ),
    EventType(
        "rollout.guardrail_inconclusive",
        "release-svc",
        "rollout id",
        GuardrailInconclusive,
        {
            "rollout_id": "01937c5e-0000-7000-8000-0000000000a1",
            "release_id": _REL,
            "project_key": "PAY",
            "name": "checkout-v2",
            "stage": 1,
            "percent": 25,
            "baking": False,
            "by": "monitoring",
            "dry_run": False,
            "trigger": "reading",
            "guardrails": ["error_rate <= 0.01"],
            "items": [
                {
                    "metric": "error_rate",
                    "value": 0.015,
                    "guardrail": "error_rate <= 0.01",
                    "outcome": "inconclusive",
                    "limit": 0.01,
                    "action": "pause",
                }
            ],
            "action_taken": "pause",
        },
    ),
    EventType(
        "rollout.gate_held",
        "release-svc",
        "rollout id",
        RolloutGateHeld,
        {
            "rollout_id": "01937c5e-0000-7000-8000-0000000000a1",
            "release_id": _REL,
            "project_key": "PAY",
            "name": "checkout-v2",
            "action": "gate_hold",
            "by": "tpmhub:rollouts",
            "by_name": "Rollout automation",
            "reason": "automatic advance held: the gate denies production: freeze (freeze window active "
            "without an approved exception: Year end until 2026-12-31T00:00:00+00:00)",
            "from": {"status": "running", "stage": 1, "percent": 25},
            "to": {"status": "running", "stage": 1, "percent": 25},
            "stage_count": 4,
            "environment": "production",
            "checks": [
                {
                    "name": "freeze",
                    "reason": "freeze window active without an approved exception: "
                    "Year end until 2026-12-31T00:00:00+00:00",
                    "offending_ids": [],
                }
            ],
            "decision_id": "01937c5e-0000-7000-8000-0000000000b2",
        },
    ),
    EventType(
        "rollout.aborted",
        "release-svc",
        "rollout id",
        RolloutAborted,
        {
            "rollout_id": "01937c5e-0000-7000-8000-0000000000a1",
            "release_id": _REL,
            "project_key": "PAY",
            "name": "checkout-v2",
            "action": "abort",
            "by": "alice",
            "by_name": "Alice",
            "reason": "wrong build promoted to the canary",
            "from": {"status": "running", "stage": 1, "percent": 25},
            "to": {"status": "aborted", "stage": 1, "percent": 0},
            "stage_count": 4,
            "exposed": True,
            "counts_as_change_failure": True,
            "schedules_cancelled": 1,
        },
    ),
    EventType(
        "rollout.updated",
        "release-svc",
        "rollout id",
        RolloutUpdated,
        {
            "rollout_id": "01937c5e-0000-7000-8000-0000000000a1",
            "release_id": _REL,
            "project_key": "PAY",
            "name": "checkout-v2",
            "action": "edit",
            "by": "alice",
            "by_name": "Alice",
            "reason": None,
            "from": {"status": "draft", "stage": 0, "percent": 0},
            "to": {"status": "draft", "stage": 0, "percent": 0},
            "stage_count": 3,
            "changed": ["stages"],
        },
    ),
    *[
        EventType(
            f"rollout.schedule_{what}",
            "release-svc",
            "rollout id",
            RolloutScheduleEvent,
            {
                "rollout_id": "01937c5e-0000-7000-8000-0000000000a1",
                "release_id": _REL,
                "project_key": "PAY",
                "name": "checkout-v2",
                "schedule_id": "01937c5e-0000-7000-8000-0000000000c3",
                "action": "advance",
                "at": _T,
                "by": "tpmhub:rollouts" if what == "failed" else "alice",
                "by_name": "Rollout automation" if what == "failed" else "Alice",
                "scheduled_by": "alice",
                "reason": "advance after the nightly batch",
                **(
                    {
                        "failure_reason": "freeze window active without an approved exception for "
                        "production at 2026-12-24T02:00:00+00:00: Year end until 2027-01-02T00:00:00+00:00",
                        "problem": {
                            "type": "https://tpmhub.dev/problems/freeze-window",
                            "status": 409,
                            "title": "Freeze window active",
                        },
                    }
                    if what == "failed"
                    else {}
                ),
            },
        )
        for what in ("created", "cancelled", "failed")
    ],
    *[
        EventType(
            f"{kind}.{change}",
            "requirements-svc",
            f"{kind} id",
            DocumentChanged,
            {
                "id": "01937c5e-0000-7000-8000-0000000000d1",
                "kind": kind,
                "project_key": "PAY",
                "title": "Wallet checkout" if kind == "prd" else "Wallet tokenization design",
                "status": {
                    "created": "draft",
                    "submitted": "in_review",
                    "reviewed": "in_review",
                    "changes_requested": "changes_requested",
                    "approved": "approved",
                    "withdrawn": "draft",
                    "revision_started": "draft",
                }[change],
                "revision": 2,
            },
        )
        for kind in ("prd", "design")
        for change in DOCUMENT_CHANGES
    ],
    EventType(
        "project.created",
        "requirements-svc",
        "project key (PAY)",
        ProjectCreated,
        {
            "key": "PAY",
            "project_key": "PAY",
            "name": "Payments",
            "status": "active",
            "owner": "carol",
            "created_by": "carol",
            "created_at": _T,
        },
        consumers="risk-svc and release-svc (their project directory learns the project exists), "
        "outbound subscriptions",
    ),
    EventType(
        "item.created",
        "requirements-svc",
        "item key (PAY-42)",
        ItemCreated,
        {
            "key": "PAY-42",
            "project_key": "PAY",
            "type": "story",
            "title": "Pay with a saved card",
            "status": "backlog",
            "priority": "P1",
            "parent": "PAY-7",
            "severity": None,
            "points": 5,
            "criteria": 2,
            "created_by": "alice",
        },
    ),
    EventType(
        "item.deleted",
        "requirements-svc",
        "item key (PAY-42)",
        ItemDeleted,
        {
            "key": "PAY-42",
            "project_key": "PAY",
            "type": "story",
            "title": "Pay with a saved card",
            "status": "backlog",
            "parent": "PAY-7",
            "deleted_by": "alice",
            "deleted_at": _T,
        },
    ),
    EventType(
        "risk.created",
        "risk-svc",
        "risk key (PAY-R7)",
        RiskCreated,
        {
            "key": "PAY-R7",
            "project_key": "PAY",
            "title": "Card network latency",
            "category": "dependency",
            "level": "high",
            "score": 16,
            "status": "identified",
            "owner": "dave",
            "created_by": "alice",
            "change_request_id": None,
        },
    ),
    EventType(
        "risk.escalated",
        "risk-svc",
        "risk key (PAY-R7)",
        RiskEscalated,
        {
            "key": "PAY-R7",
            "project_key": "PAY",
            "title": "Card network latency",
            "level": "high",
            "score": 16,
            "status": "mitigating",
            "owner": "dave",
            "trigger": "score reached 16",
        },
    ),
    EventType(
        "risk.deescalated",
        "risk-svc",
        "risk key (PAY-R7)",
        RiskDeescalated,
        {
            "key": "PAY-R7",
            "project_key": "PAY",
            "level": "medium",
            "reason": "mitigated",
            "deescalated_by": "dave",
            "deescalated_at": _T,
        },
    ),
    EventType(
        "verification.recorded",
        "release-svc",
        "verification id",
        VerificationRecorded,
        {
            "verification_id": "01937c5e-0000-7000-8000-0000000000b1",
            "release_id": _REL,
            "project_key": "PAY",
            "version": "1.4.0",
            "scenario": "Pay 0.01 CNY with a wallet, then refund it",
            "result": "failed",
            "criterion_ids": ["01937c5e-0000-7000-8000-0000000000c1"],
            "item_keys": ["PAY-42"],
            "evidence": "Refund stuck in pending",
            "evidence_url": "https://wiki.example.com/trial/8812",
            "verification_url": "https://release.example.com/v1/verifications/"
            "01937c5e-0000-7000-8000-0000000000b1",
            "verified_by": "qa-lin",
            "verified_at": _T,
            "revision": 1,
        },
        consumers="requirements-svc (a failed result fails the linked criteria, a passed one passes those "
        "pending or failed by this verification), outbound subscriptions",
    ),
    EventType(
        "risk.review_due",
        "risk-svc",
        "project/owner (PAY/dave)",
        RiskReviewDue,
        {
            "project_key": "PAY",
            "owner": "dave",
            "day": "2026-11-22",
            "count": 2,
            "overdue": 1,
            "risks": [
                {
                    "key": "PAY-R7",
                    "title": "Card network latency",
                    "level": "high",
                    "status": "mitigating",
                    "next_review_at": "2026-11-20T09:00:00Z",
                    "due_date": "2026-11-20",
                    "days_overdue": 2,
                },
                {
                    "key": "PAY-R9",
                    "title": "Settlement file format change",
                    "level": "medium",
                    "status": "monitoring",
                    "next_review_at": "2026-11-22T14:00:00Z",
                    "due_date": "2026-11-22",
                    "days_overdue": 0,
                },
            ],
        },
    ),
    EventType(
        "subscription.disabled",
        "every service",
        "subscription id",
        SubscriptionDisabled,
        {
            "subscription_id": "01937c5e-0000-7000-8000-0000000000f1",
            "project_key": "PAY",
            "url": "https://hooks.example.com/tpmhub",
            "reason": "the target answered 410 Gone",
            "disabled_at": _T,
        },
    ),
]

BY_TYPE = {e.type: e for e in CATALOGUE}


def schema(entry: EventType) -> dict[str, Any]:
    return entry.model.model_json_schema(by_alias=True)


def example_envelope(entry: EventType) -> dict[str, Any]:
    subject = {
        "change_request.approved": "PAY-CR3",
        "ci.item_referenced": "PAY-42",
        "item.created": "PAY-42",
        "item.deleted": "PAY-42",
        "project.created": "PAY",
        "risk.created": "PAY-R7",
        "item.reopened": "PAY-42",
        "risk.escalated": "PAY-R7",
        "risk.deescalated": "PAY-R7",
        "verification.recorded": "01937c5e-0000-7000-8000-0000000000b1",
        "risk.review_due": "PAY/dave",
    }.get(entry.type, _REL)
    return CloudEvent(
        id="01937c5e-8f3a-7cc2-9d8e-3b1f0a6c2d11",
        source=f"/tpmhub/{entry.source}" if entry.source != "every service" else "/tpmhub/release-svc",
        type=entry.type,
        subject=subject,
        time=datetime.fromisoformat(_T.replace("Z", "+00:00")),
        data=entry.example,
    ).model_dump(mode="json")


def render_markdown() -> str:
    out = [
        "# Event types",
        "",
        "<!-- Generated by `python -m tpmhub_shared.event_types > docs/events.md`; edit "
        "shared/src/tpmhub_shared/event_types.py instead. -->",
        "",
        "Every event is a CloudEvents 1.0 JSON envelope (`specversion`, `id`, `source`, `type`, `subject`, "
        "`time`, `datacontenttype`, `data`). `id` is unique per `source`; receivers deduplicate by "
        "(`source`, `id`), and outbound webhooks carry it as `webhook-id`. Events are delivered at least "
        "once, in order per `subject` and target. See docs/decisions/events.md for the delivery guarantees "
        "and docs/webhooks.md for subscribing.",
        "",
        "| type | emitted by | subject | consumed by |",
        "|---|---|---|---|",
        *[f"| `{e.type}` | {e.source} | {e.subject} | {e.consumers} |" for e in CATALOGUE],
        "",
        "## The envelope",
        "",
        "```json",
        json.dumps(CloudEvent.model_json_schema(), indent=2, ensure_ascii=False),
        "```",
        "",
    ]
    for entry in CATALOGUE:
        out += [
            f"## `{entry.type}`",
            "",
            (entry.model.__doc__ or "").strip().split("\n")[0],
            "",
            f"Emitted by {entry.source}; subject: {entry.subject}; consumed by {entry.consumers}.",
            "",
            "<details><summary>JSON schema of <code>data</code></summary>",
            "",
            "```json",
            json.dumps(schema(entry), indent=2, ensure_ascii=False),
            "```",
            "",
            "</details>",
            "",
            "Example:",
            "",
            "```json",
            json.dumps(example_envelope(entry), indent=2, ensure_ascii=False),
            "```",
            "",
        ]
    return "\n".join(out)


if __name__ == "__main__":
    sys.stdout.write(render_markdown())
