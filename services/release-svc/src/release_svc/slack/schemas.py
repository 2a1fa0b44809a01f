"""Slack interactions: the user mapping and what Slack is answered."""

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from tpmhub_shared.vocabulary import Role

SLACK_USER_ID = r"^[UW][A-Z0-9]{2,31}$"


class SlackUserPut(BaseModel):
    """The TPM Hub identity and project role a Slack user acts as."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"sub": "bob", "role": "engineer"}]}
    )

    sub: str = Field(min_length=1, max_length=200, pattern=r"^\S(.*\S)?$", examples=["bob"])
    role: Role = Field(
        examples=["engineer"], description="The role in this project (only an admin may grant admin)."
    )


class SlackUserPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    project_key: str = Field(examples=["PAY"])
    slack_user_id: str = Field(examples=["U2CERLKJA"])
    sub: str = Field(examples=["bob"])
    role: str = Field(examples=["engineer"])
    updated_by: str = Field(examples=["alice"])
    created_at: datetime
    updated_at: datetime
    version: int


class SlackReply(BaseModel):
    """What Slack shows the person who clicked: an ephemeral message saying what happened or why not."""

    response_type: Literal["ephemeral"] = "ephemeral"
    replace_original: bool = False
    text: str = Field(examples=["Advanced checkout-v2 (release 1.4.0) to stage 2 of 4 (25%)."])


class SlackAction(BaseModel):
    model_config = ConfigDict(extra="allow")

    value: str = Field(max_length=200)


class SlackUserRef(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str = Field(max_length=32)
    name: str | None = Field(default=None, max_length=200)


class SlackInteraction(BaseModel):
    """The part of Slack's `block_actions` payload TPM Hub reads."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(max_length=50)
    user: SlackUserRef
    actions: list[SlackAction] = Field(min_length=1)
    team: dict[str, Any] | None = None
