"""rollout controls: abort reason, scheduled actions, the portfolio index

Revision ID: c4a9e2f81d35
Revises: b7e3c94d2a61
Create Date: 2026-12-10 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
import tpmhub_shared.db
from alembic import op

revision: str = "c4a9e2f81d35"
down_revision: str | Sequence[str] | None = "b7e3c94d2a61"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("rollouts", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("abort_reason", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True)
        )
        batch_op.create_index(
            "ix_rollouts_status_project_key_id", ["status", "project_key", "id"], unique=False
        )
    op.create_table(
        "rollout_schedules",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", tpmhub_shared.db.UTCDateTime(), nullable=False),
        sa.Column("updated_at", tpmhub_shared.db.UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("project_key", sa.String(length=10), nullable=False),
        sa.Column("rollout_id", sa.Uuid(), nullable=False),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("at", tpmhub_shared.db.UTCDateTime(), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("created_by_name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("created_by_role", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
        sa.Column("claimed_at", tpmhub_shared.db.UTCDateTime(), nullable=True),
        sa.Column("executed_at", tpmhub_shared.db.UTCDateTime(), nullable=True),
        sa.Column("failure_reason", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
        sa.Column("failure", tpmhub_shared.db.JSONType, nullable=True),
        sa.Column("cancelled_by", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("cancelled_at", tpmhub_shared.db.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["rollout_id"], ["rollouts.id"], name=op.f("fk_rollout_schedules_rollout_id_rollouts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rollout_schedules")),
    )
    op.create_index("ix_rollout_schedules_status_at", "rollout_schedules", ["status", "at"], unique=False)
    op.create_index(
        "ix_rollout_schedules_rollout_id_id", "rollout_schedules", ["rollout_id", "id"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_rollout_schedules_rollout_id_id", table_name="rollout_schedules")
    op.drop_index("ix_rollout_schedules_status_at", table_name="rollout_schedules")
    op.drop_table("rollout_schedules")
    with op.batch_alter_table("rollouts", schema=None) as batch_op:
        batch_op.drop_index("ix_rollouts_status_project_key_id")
        batch_op.drop_column("abort_reason")
