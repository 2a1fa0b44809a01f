"""subscription signing: v1a (ed25519) key pairs and chat robot signing secrets

Revision ID: 7c3e9a51d2f4
Revises: 0db5beaf86e3
Create Date: 2026-12-04 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "7c3e9a51d2f4"
down_revision: str | Sequence[str] | None = "0db5beaf86e3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Existing subscriptions keep signing with their whsec_ secret (v1) and no robot signature.
    with op.batch_alter_table("subscriptions", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("signature_scheme", sa.String(length=4), server_default="v1", nullable=False)
        )
        batch_op.add_column(
            sa.Column("public_key", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True)
        )
        batch_op.add_column(
            sa.Column("robot_secret", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("subscriptions", schema=None) as batch_op:
        batch_op.drop_column("robot_secret")
        batch_op.drop_column("public_key")
        batch_op.drop_column("signature_scheme")
