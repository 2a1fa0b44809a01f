"""rollout guardrail outcomes (grey band, min readings, dry run), per-guardrail checks of readings, bake

Revision ID: c4f19a7e3b58
Revises: c4a9e2f81d35
Create Date: 2026-12-10 09:00:00.000000

Guardrail options live in the stages' JSON (absent keys read as today's behaviour), so only the rollout's
bake and inconclusive hold and the readings' per-guardrail checks need columns. Existing rows get no bake
(`bake_seconds` 0) and no checks (`[]`).
"""

from collections.abc import Sequence

import sqlalchemy as sa
import tpmhub_shared.db
from alembic import op

revision: str = "c4f19a7e3b58"
down_revision: str | Sequence[str] | None = "c4a9e2f81d35"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("rollouts", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("bake_seconds", sa.Integer(), nullable=False, server_default=sa.text("0"))
        )
        batch_op.add_column(sa.Column("bake_until", tpmhub_shared.db.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("inconclusive_hold", tpmhub_shared.db.JSONType, nullable=True))
    with op.batch_alter_table("rollout_metric_readings", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("checks", tpmhub_shared.db.JSONType, nullable=False, server_default=sa.text("'[]'"))
        )


def downgrade() -> None:
    with op.batch_alter_table("rollout_metric_readings", schema=None) as batch_op:
        batch_op.drop_column("checks")
    with op.batch_alter_table("rollouts", schema=None) as batch_op:
        batch_op.drop_column("inconclusive_hold")
        batch_op.drop_column("bake_until")
        batch_op.drop_column("bake_seconds")
