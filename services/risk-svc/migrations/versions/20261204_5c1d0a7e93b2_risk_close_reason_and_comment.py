"""risk close reason and comment

A closed risk carries why it was closed: `close_reason` becomes a code (mitigated,
occurred_and_handled, no_longer_applicable, accepted) and the rationale moves to `close_comment`.
A risk closed before carries its free-text reason as the comment and no code.

Revision ID: 5c1d0a7e93b2
Revises: 2f140a44ff6d
Create Date: 2026-12-04 02:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "5c1d0a7e93b2"
down_revision: str | Sequence[str] | None = "2f140a44ff6d"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CODES = "('mitigated', 'occurred_and_handled', 'no_longer_applicable', 'accepted')"


def upgrade() -> None:
    with op.batch_alter_table("risks", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("close_comment", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True)
        )
    op.execute(
        sa.text(
            f"UPDATE risks SET close_comment = close_reason, close_reason = NULL "
            f"WHERE close_reason IS NOT NULL AND close_reason NOT IN {CODES}"
        )
    )


def downgrade() -> None:
    op.execute(
        sa.text(
            "UPDATE risks SET close_reason = CASE WHEN close_reason IS NULL THEN close_comment "
            "ELSE close_reason || ': ' || close_comment END WHERE close_comment IS NOT NULL"
        )
    )
    with op.batch_alter_table("risks", schema=None) as batch_op:
        batch_op.drop_column("close_comment")
