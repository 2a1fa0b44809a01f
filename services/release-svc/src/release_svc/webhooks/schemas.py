"""Request and response models of CI webhooks: the generic CI event, the receipt of a delivery, and the
deliveries and pipeline runs as listed."""

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class CiCommit(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sha: str = Field(pattern=r"^[0-9a-f]{7,64}$", examples=["9fceb02d0ae598e95dc970b74767f19372d61af8"])
    message: str = Field(default="", max_length=5000, examples=["PAY-42 retry card capture"])


class CiEvent(BaseModel):
    """The JSON body of `POST /v1/webhooks/ci`, for Jenkins and any other CI; signed per Standard Webhooks
    (`webhook-id`, `webhook-timestamp`, `webhook-signature`) with the source's `whsec_` secret."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "type": "pipeline",
                    "repository": "acme/payments",
                    "run_id": "build-1042",
                    "name": "load-test",
                    "status": "success",
                    "ref": "release/1.4.0",
                    "sha": "9fceb02d0ae598e95dc970b74767f19372d61af8",
                    "url": "https://jenkins.example.com/job/payments/1042/",
                    "commits": [
                        {
                            "sha": "9fceb02d0ae598e95dc970b74767f19372d61af8",
                            "message": "PAY-42 retry card capture",
                        }
                    ],
                }
            ]
        },
    )

    type: Literal["pipeline", "deployment"] = Field(examples=["pipeline"])
    repository: str = Field(min_length=1, max_length=300, examples=["acme/payments"])
    run_id: str = Field(min_length=1, max_length=100, examples=["build-1042"])
    name: str = Field(default="", max_length=300, examples=["load-test"])
    status: Literal["queued", "running", "success", "failure", "cancelled"] = Field(examples=["success"])
    ref: str | None = Field(
        default=None,
        max_length=300,
        examples=["release/1.4.0"],
        description="Branch or tag (with or without `refs/heads/`, `refs/tags/`).",
    )
    sha: str | None = Field(default=None, pattern=r"^[0-9a-f]{7,64}$")
    environment: str | None = Field(
        default=None,
        max_length=50,
        examples=["production"],
        description="For `deployment`: the environment deployed to.",
    )
    release_version: str | None = Field(
        default=None,
        max_length=100,
        examples=["1.4.0"],
        description="The release this run belongs to, if the ref does not say.",
    )
    url: str | None = Field(default=None, max_length=2000, pattern=r"^https?://\S+$")
    started_at: datetime | None = None
    finished_at: datetime | None = None
    commits: list[CiCommit] = Field(default_factory=list, max_length=200)


class WebhookReceipt(BaseModel):
    """What TPM Hub did with a webhook delivery."""

    delivery_id: str = Field(examples=["72d3162e-cc78-11e3-81ab-4c9367dc0958"])
    status: Literal["processed", "ignored", "duplicate"] = Field(
        examples=["processed"],
        description="`ignored`: an event we do not use (recorded, 202); `duplicate`: "
        "this source accepted this delivery id before, nothing was repeated (200).",
    )
    runs: int = Field(default=0, description="Pipeline runs recorded or updated.")
    deployments: int = Field(default=0, description="Deployments recorded.")
    references: int = Field(default=0, description="Item keys referenced (emitted as `ci.item_referenced`).")
    checklist_ticked: int = Field(default=0)
    detail: str | None = Field(
        default=None,
        examples=["deployment protection request 0193… pending on release 1.4.0 (production)"],
        description="What was done with a deployment protection request, or why it was ignored.",
    )


class PipelineRunPublic(BaseModel):
    """A CI run recorded on a release."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    release_id: uuid.UUID | None
    provider: str = Field(examples=["github"])
    kind: str = Field(examples=["workflow_run"])
    external_id: str
    name: str = Field(examples=["CI"])
    ref: str | None = Field(examples=["release/1.4.0"])
    sha: str | None
    status: str = Field(examples=["completed"])
    conclusion: str | None = Field(examples=["success"])
    url: str | None
    started_at: datetime | None
    finished_at: datetime | None
    updated_at: datetime


class CiDeliveryPublic(BaseModel):
    """A webhook delivery TPM Hub accepted."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    provider: str
    delivery_id: str
    source_id: uuid.UUID | None
    event: str = Field(examples=["workflow_run"])
    action: str | None
    status: str = Field(examples=["processed"])
    summary: str
    received_at: datetime
