"""checklist items: who ticked them and when (done_by, done_at)

Items already done get their tick back from the change history where it was recorded (the latest
entry that set status to done); otherwise the two stay null (unknown).

Revision ID: 5c1d0e7a9b42
Revises: 27e11c1392e9
Create Date: 2026-12-04 09:00:00.000000
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
import tpmhub_shared.db
from alembic import op

revision: str = "5c1d0e7a9b42"
down_revision: str | Sequence[str] | None = "27e11c1392e9"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _ticked(changes) -> bool:
    if isinstance(changes, str | bytes):
        changes = json.loads(changes)
    return any(c.get("field") == "status" and c.get("after") == "done" for c in changes or [])


def upgrade() -> None:
    with op.batch_alter_table("release_checklist_items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("done_by", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True))
        batch_op.add_column(sa.Column("done_at", tpmhub_shared.db.UTCDateTime(), nullable=True))

    bind = op.get_bind()
    items = sa.table(
        "release_checklist_items",
        sa.column("id", sa.Uuid()),
        sa.column("status", sa.String()),
        sa.column("done_by", sa.String()),
        sa.column("done_at", tpmhub_shared.db.UTCDateTime()),
    )
    history = sa.table(
        "history",
        sa.column("id", sa.Uuid()),
        sa.column("resource_type", sa.String()),
        sa.column("resource_id", sa.String()),
        sa.column("actor", sa.String()),
        sa.column("at", tpmhub_shared.db.UTCDateTime()),
        sa.column("changes", tpmhub_shared.db.JSONType),
    )
    if not sa.inspect(bind).has_table("history"):
        return
    done = [r.id for r in bind.execute(sa.select(items.c.id).where(items.c.status == "done"))]
    for item_id in done:
        entries = bind.execute(
            sa.select(history.c.actor, history.c.at, history.c.changes)
            .where(history.c.resource_type == "checklist_item", history.c.resource_id == str(item_id))
            .order_by(history.c.id.desc())
        )
        tick = next((e for e in entries if _ticked(e.changes)), None)
        if tick is not None:
            bind.execute(
                sa.update(items)
                .where(items.c.id == item_id)
                .values(done_by=tick.actor[:200], done_at=tick.at)
            )


def downgrade() -> None:
    with op.batch_alter_table("release_checklist_items", schema=None) as batch_op:
        batch_op.drop_column("done_at")
        batch_op.drop_column("done_by")
