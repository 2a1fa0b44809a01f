"""Events of release-svc's releases, CI webhooks and verifications."""

from __future__ import annotations

import uuid
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from tpmhub_shared.contracts.event_data import ItemReferenced, ReleaseReleased, VerificationRecorded
from tpmhub_shared.events.types.base import EXAMPLE_RELEASE_ID, EXAMPLE_TIME, EventType
from tpmhub_shared.vocabulary import ReleaseStatus

RELEASE_STATES: tuple[str, ...] = get_args(ReleaseStatus)


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


_TRANSITION = {
    "release_id": EXAMPLE_RELEASE_ID,
    "project_key": "PAY",
    "version": "1.4.0",
    "by": "alice",
    "reason": None,
}
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


def _release_example(state: str) -> dict[str, Any]:
    action, frm = _ACTION_TO[state]
    return {**_TRANSITION, "from": frm, "to": state, "action": action}


CI_EVENTS: list[EventType] = [
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
            "release_id": EXAMPLE_RELEASE_ID,
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
            "release_id": EXAMPLE_RELEASE_ID,
            "version": "1.4.0",
            "environment": "production",
            "sha": "9fceb02d0ae598e95dc970b74767f19372d61af8",
            "ref": "v1.4.0",
            "url": "https://gitlab.example.com/acme/payments/-/jobs/796",
        },
    ),
]


RELEASE_EVENTS: list[EventType] = [
    EventType(
        f"release.{state}",
        "release-svc",
        "release id",
        ReleaseReleasedEvent if state == "released" else ReleaseTransitioned,
        {
            **_release_example(state),
            **({"items": ["PAY-1", "PAY-2"], "released_at": EXAMPLE_TIME} if state == "released" else {}),
        },
        consumers=(
            "requirements-svc (items learn which release shipped them), outbound subscriptions"
            if state == "released"
            else "outbound subscriptions"
        ),
    )
    for state in RELEASE_STATES
    if state in _ACTION_TO
]


VERIFICATION_RECORDED = EventType(
    "verification.recorded",
    "release-svc",
    "verification id",
    VerificationRecorded,
    {
        "verification_id": "01937c5e-0000-7000-8000-0000000000b1",
        "release_id": EXAMPLE_RELEASE_ID,
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
        "verified_at": EXAMPLE_TIME,
        "revision": 1,
    },
    consumers="requirements-svc (a failed result fails the linked criteria, a passed one passes those "
    "pending or failed by this verification), outbound subscriptions",
)
