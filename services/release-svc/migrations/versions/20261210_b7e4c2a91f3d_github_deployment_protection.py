"""github deployment protection: a GitHub App per CI source, and pending protection requests

Revision ID: b7e4c2a91f3d
Revises: e1d20b626745
Create Date: 2026-12-10 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
import tpmhub_shared.db
from alembic import op

revision: str = "b7e4c2a91f3d"
down_revision: str | Sequence[str] | None = "e1d20b626745"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("ci_sources", schema=None) as batch_op:
        batch_op.add_column(sa.Column("github_app_id", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("github_app_private_key", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("github_app_webhook_secret", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("github_app_installation_id", sa.BigInteger(), nullable=True))

    op.create_table(
        "deployment_protection_requests",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("project_key", sa.String(length=10), nullable=False),
        sa.Column("source_id", sa.Uuid(), nullable=False),
        sa.Column("release_id", sa.Uuid(), nullable=True),
        sa.Column("delivery_id", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("repository", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("environment", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("gate_environment", sqlmodel.sql.sqltypes.AutoString(length=50), nullable=True),
        sa.Column("event", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("ref", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
        sa.Column("sha", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("installation_id", sa.BigInteger(), nullable=False),
        sa.Column("callback_url", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("failing_checks", tpmhub_shared.db.JSONType, nullable=False),
        sa.Column("reasons_digest", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("reports_posted", sa.Integer(), nullable=False),
        sa.Column("last_decision_id", sa.Uuid(), nullable=True),
        sa.Column("next_check_at", tpmhub_shared.db.UTCDateTime(), nullable=False),
        sa.Column("locked_until", tpmhub_shared.db.UTCDateTime(), nullable=True),
        sa.Column("expires_at", tpmhub_shared.db.UTCDateTime(), nullable=False),
        sa.Column("decided_at", tpmhub_shared.db.UTCDateTime(), nullable=True),
        sa.Column("created_at", tpmhub_shared.db.UTCDateTime(), nullable=False),
        sa.Column("updated_at", tpmhub_shared.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["release_id"], ["releases.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["source_id"], ["ci_sources.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("source_id", "callback_url", name="uq_deployment_protection_requests_callback"),
    )
    with op.batch_alter_table("deployment_protection_requests", schema=None) as batch_op:
        batch_op.create_index(
            "ix_deployment_protection_requests_due", ["status", "next_check_at"], unique=False
        )
        batch_op.create_index(
            "ix_deployment_protection_requests_project_id", ["project_key", "id"], unique=False
        )
        batch_op.create_index(
            "ix_deployment_protection_requests_release", ["release_id", "status"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("deployment_protection_requests", schema=None) as batch_op:
        batch_op.drop_index("ix_deployment_protection_requests_release")
        batch_op.drop_index("ix_deployment_protection_requests_project_id")
        batch_op.drop_index("ix_deployment_protection_requests_due")
    op.drop_table("deployment_protection_requests")
    with op.batch_alter_table("ci_sources", schema=None) as batch_op:
        batch_op.drop_column("github_app_installation_id")
        batch_op.drop_column("github_app_webhook_secret")
        batch_op.drop_column("github_app_private_key")
        batch_op.drop_column("github_app_id")
