"""Events of release-svc's gray rollouts: stage changes, guardrails, gate holds, schedules."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from tpmhub_shared.events.types.base import EXAMPLE_RELEASE_ID, EXAMPLE_TIME, EventType

ROLLOUT_CHANGES = (
    "started",
    "stage_changed",
    "bake_started",
    "paused",
    "resumed",
    "completed",
    "rolled_back",
)


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


_ROLLOUT_ACTIONS = {
    "started": "start",
    "stage_changed": "advance",
    "bake_started": "bake",
    "paused": "pause",
    "resumed": "resume",
    "completed": "complete",
    "rolled_back": "rollback",
}


ROLLOUT_EVENTS: list[EventType] = [
    *[
        EventType(
            f"rollout.{change}",
            "release-svc",
            "rollout id",
            RolloutChanged,
            {
                "rollout_id": "01937c5e-0000-7000-8000-0000000000a1",
                "release_id": EXAMPLE_RELEASE_ID,
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
            "release_id": EXAMPLE_RELEASE_ID,
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
            "release_id": EXAMPLE_RELEASE_ID,
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
            "release_id": EXAMPLE_RELEASE_ID,
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
            "release_id": EXAMPLE_RELEASE_ID,
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
            "release_id": EXAMPLE_RELEASE_ID,
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
                "release_id": EXAMPLE_RELEASE_ID,
                "project_key": "PAY",
                "name": "checkout-v2",
                "schedule_id": "01937c5e-0000-7000-8000-0000000000c3",
                "action": "advance",
                "at": EXAMPLE_TIME,
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
]
