"""risk review reminders

One row per (project, owner, UTC day) a review reminder was sent; the unique constraint keeps it to
one a day with several replicas.

Revision ID: 7b3e9c1d4a60
Revises: 5c1d0a7e93b2
Create Date: 2026-12-15 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
import tpmhub_shared.db
from alembic import op

revision: str = "7b3e9c1d4a60"
down_revision: str | Sequence[str] | None = "5c1d0a7e93b2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "risk_review_reminders",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("project_key", sa.String(length=10), nullable=False),
        sa.Column("owner", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("risk_keys", tpmhub_shared.db.JSONType, nullable=False),
        sa.Column("sent_at", tpmhub_shared.db.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_risk_review_reminders")),
        sa.UniqueConstraint("project_key", "owner", "day", name="uq_risk_review_reminders_owner_day"),
    )


def downgrade() -> None:
    op.drop_table("risk_review_reminders")
