"""Request and response models of `/v1/subscriptions`."""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, SecretStr, StringConstraints, field_validator
from pydantic import Field as PField

from tpmhub_shared.events.subscriptions.formats import Format
from tpmhub_shared.events.subscriptions.models import ROBOT_SECRET_MAX, Subscription

TypeGlob = Annotated[str, StringConstraints(min_length=1, max_length=100, pattern=r"^[a-z0-9_.*?\[\]-]+$")]
ProjectKey = Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9]{1,9}$")]
SignatureScheme = Literal["v1", "v1a"]
_ROBOT_SECRET_CHARS = re.compile(r"^[\x21-\x7e]+$")  # printable ASCII, no spaces: what the platforms issue


class SubscriptionCreate(BaseModel):
    """A new outbound webhook. Deliveries are signed per Standard Webhooks with the secret returned once."""

    model_config = ConfigDict(extra="forbid")

    url: str = PField(
        min_length=8,
        max_length=2000,
        examples=["https://hooks.example.com/tpmhub"],
        description="http(s) URL; loopback/private targets are refused unless the deployment allows them.",
    )
    event_types: list[TypeGlob] = PField(
        min_length=1,
        max_length=50,
        examples=[["rollout.*", "release.released"]],
        description="Event types to send; globs such as `rollout.*` or `*`.",
    )
    project_key: ProjectKey | None = PField(
        default=None,
        examples=["PAY"],
        description="Only events of this project; null for every project (admins only).",
    )
    format: Format = PField(
        default="cloudevents",
        examples=["cloudevents"],
        description="`cloudevents` (the envelope as JSON), or a chat message: `slack`, "
        "`dingtalk` (markdown), `feishu` (text), `feishu_card` (interactive card).",
    )
    signature_scheme: SignatureScheme = PField(
        default="v1",
        examples=["v1"],
        description="Standard Webhooks signature: `v1` (HMAC-SHA256 with the `whsec_…` secret returned "
        "once) or `v1a` (ed25519: the service keeps the private key and returns the public key `whpk_…` "
        "to verify with). Fixed for the subscription's life.",
    )
    robot_secret: SecretStr | None = PField(
        default=None,
        examples=["SEC3f5a0c2b9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c"],
        description="`dingtalk`, `feishu` and `feishu_card` only: the robot's signing secret (加签), for "
        "robots whose security setting requires a signature. Never shown again.",
    )
    description: str = PField(default="", max_length=500, examples=["#pay-release room"])
    active: bool = True

    @field_validator("url")
    @classmethod
    def _strip(cls, value: str) -> str:
        return value.strip()

    @field_validator("robot_secret")
    @classmethod
    def _robot_secret(cls, value: SecretStr | None) -> SecretStr | None:
        return _check_robot_secret(value)


def _check_robot_secret(value: SecretStr | None) -> SecretStr | None:
    if value is None:
        return None
    raw = value.get_secret_value().strip()
    if not raw or len(raw) > ROBOT_SECRET_MAX or not _ROBOT_SECRET_CHARS.match(raw):
        # The message never repeats the value.
        raise ValueError(f"a robot secret is 1 to {ROBOT_SECRET_MAX} printable characters without spaces")
    return SecretStr(raw)


class SubscriptionUpdate(BaseModel):
    """Fields to change (JSON merge patch). Setting `active` to true re-enables a disabled subscription."""

    model_config = ConfigDict(extra="forbid")

    url: str | None = PField(default=None, min_length=8, max_length=2000)
    event_types: list[TypeGlob] | None = PField(default=None, min_length=1, max_length=50)
    format: Format | None = None
    robot_secret: SecretStr | None = PField(
        default=None,
        description="A new robot signing secret; null removes it (the robot must then not "
        "require a signature).",
    )
    description: str | None = PField(default=None, max_length=500)
    active: bool | None = None

    @field_validator("robot_secret")
    @classmethod
    def _robot_secret(cls, value: SecretStr | None) -> SecretStr | None:
        return _check_robot_secret(value)


class SubscriptionPublic(BaseModel):
    """An outbound webhook subscription (the secret is never shown again after creation)."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    url: str = PField(examples=["https://hooks.example.com/tpmhub"])
    description: str
    event_types: list[str] = PField(examples=[["rollout.*"]])
    project_key: str | None = PField(examples=["PAY"])
    format: str = PField(examples=["cloudevents"])
    signature_scheme: str = PField(examples=["v1"], description="`v1` (HMAC-SHA256) or `v1a` (ed25519)")
    public_key: str | None = PField(
        default=None,
        examples=["whpk_MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE="],
        description="For `v1a`: the ed25519 public key (`whpk_` + base64 of the 32 raw bytes) that "
        "verifies the `v1a,…` signatures; null for `v1`.",
    )
    robot_signing: bool = PField(
        default=False, description="A chat robot signing secret is set (the secret itself is never shown)."
    )
    active: bool
    consecutive_failures: int = PField(examples=[0])
    disabled_reason: str | None = PField(default=None, examples=["the target answered 410 Gone"])
    disabled_at: datetime | None = None
    created_by: str
    version: int
    created_at: datetime
    updated_at: datetime


class SubscriptionWithSecret(SubscriptionPublic):
    """The subscription with its signing secret: returned only when it is created or the secret rotated."""

    secret: str | None = PField(
        examples=["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
        description="For `v1`: the Standard Webhooks signing secret; store it now, it is not shown again. "
        "Null for `v1a`, whose private key never leaves the service (verify with `public_key`).",
    )

    @classmethod
    def of(cls, row: Subscription) -> SubscriptionWithSecret:
        public = SubscriptionPublic.model_validate(row).model_dump()
        return cls(**public, secret=row.secret if row.signature_scheme == "v1" else None)
