"""slack users: per-project mapping of Slack user ids to TPM Hub users

Revision ID: 9e2a5b7c3d18
Revises:
Create Date: 2026-12-15 11:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
import tpmhub_shared.db
from alembic import op

revision: str = "9e2a5b7c3d18"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = ("release_slack",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "slack_users",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", tpmhub_shared.db.UTCDateTime(), nullable=False),
        sa.Column("updated_at", tpmhub_shared.db.UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("project_key", sa.String(length=10), nullable=False),
        sa.Column("slack_user_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("sub", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("role", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_slack_users")),
        sa.UniqueConstraint("project_key", "slack_user_id", name="uq_slack_users_project_user"),
    )


def downgrade() -> None:
    op.drop_table("slack_users")
