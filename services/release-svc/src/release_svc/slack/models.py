"""Who a Slack user is in TPM Hub, per project (for actions taken from Slack interactive messages)."""

from sqlalchemy import Column, String, UniqueConstraint
from sqlmodel import Field
from tpmhub_shared.db import TableBase


class SlackUser(TableBase, table=True):
    """A Slack user id (`U2CERLKJA`) acting in a project as a TPM Hub identity (`sub`) with a role."""

    __tablename__ = "slack_users"
    __table_args__ = (UniqueConstraint("project_key", "slack_user_id", name="uq_slack_users_project_user"),)

    project_key: str = Field(sa_column=Column(String(10), nullable=False))
    slack_user_id: str = Field(max_length=32)
    sub: str = Field(max_length=200)
    role: str = Field(max_length=10)
    updated_by: str = Field(max_length=200)
