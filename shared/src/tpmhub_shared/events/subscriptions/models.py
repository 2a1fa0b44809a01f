"""The subscriptions table: where to send which events, in which format, signed with which secret."""

from __future__ import annotations

import fnmatch
from datetime import datetime

from sqlalchemy import Boolean, Column, String
from sqlmodel import Field

from tpmhub_shared.db import TableBase, UTCDateTime, json_column
from tpmhub_shared.events.envelope import OutboxEvent

ROBOT_SECRET_MAX = 200


class Subscription(TableBase, table=True):
    __tablename__ = "subscriptions"

    url: str = Field(max_length=2000)
    description: str = Field(default="", max_length=500)
    event_types: list[str] = Field(default_factory=list, sa_column=json_column(nullable=False))
    project_key: str | None = Field(default=None, sa_column=Column(String(10), nullable=True, index=True))
    format: str = Field(default="cloudevents", max_length=20)
    # The signing secret of the scheme: `whsec_…` (v1, HMAC) or `whsk_…` (v1a, the ed25519 private key).
    secret: str = Field(max_length=100)
    signature_scheme: str = Field(
        default="v1", sa_column=Column(String(4), nullable=False, server_default="v1")
    )
    public_key: str | None = Field(default=None, max_length=100)  # `whpk_…` for v1a
    robot_secret: str | None = Field(default=None, max_length=ROBOT_SECRET_MAX)  # DingTalk / Feishu 加签
    active: bool = Field(default=True, sa_column=Column(Boolean, nullable=False, server_default="1"))
    consecutive_failures: int = 0
    disabled_reason: str | None = Field(default=None, max_length=500)
    disabled_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_by: str = Field(max_length=200)

    @property
    def robot_signing(self) -> bool:
        return bool(self.robot_secret)

    def matches(self, event: OutboxEvent) -> bool:
        if not self.active:
            return False
        if self.project_key is not None and event.project_key != self.project_key:
            return False
        return any(fnmatch.fnmatchcase(event.type, glob) for glob in self.event_types)


def project_label(project_key: str | None) -> str:
    """The project a subscription's history and events are filed under (`*` for every project)."""
    return project_key or "*"
