"""ci deliveries deduplicated per source

A delivery id is unique within the CI source that verified it, no longer across every project's sources
of a provider (where one project could claim another's next id first and have it dropped as a duplicate).

Revision ID: e1d20b626745
Revises: ed74bd95b2ed
Create Date: 2026-12-04 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "e1d20b626745"
down_revision: str | Sequence[str] | None = "ed74bd95b2ed"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The old key (provider, delivery_id) was stricter, so every existing row already satisfies the new one.
    with op.batch_alter_table("ci_deliveries", schema=None) as batch_op:
        batch_op.drop_constraint("uq_ci_deliveries_provider_delivery_id", type_="unique")
        batch_op.create_unique_constraint("uq_ci_deliveries_source_delivery_id", ["source_id", "delivery_id"])


def downgrade() -> None:
    # The old key cannot hold an id accepted by two sources: keep the earliest record of each id (what the
    # old scheme would have kept; the later one's effects stay where they were applied).
    op.execute(
        sa.text(
            "DELETE FROM ci_deliveries WHERE EXISTS (SELECT 1 FROM ci_deliveries AS earlier"
            " WHERE earlier.provider = ci_deliveries.provider AND earlier.delivery_id = ci_deliveries.delivery_id"
            " AND (earlier.received_at < ci_deliveries.received_at"
            " OR (earlier.received_at = ci_deliveries.received_at AND earlier.id < ci_deliveries.id)))"
        )
    )
    with op.batch_alter_table("ci_deliveries", schema=None) as batch_op:
        batch_op.drop_constraint("uq_ci_deliveries_source_delivery_id", type_="unique")
        batch_op.create_unique_constraint(
            "uq_ci_deliveries_provider_delivery_id", ["provider", "delivery_id"]
        )
