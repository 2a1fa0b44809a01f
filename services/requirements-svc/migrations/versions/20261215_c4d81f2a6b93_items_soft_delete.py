"""items soft delete: deleted_at, deleted_by

A deleted item keeps its row (and its history) but disappears from every list, read and look-up.

Revision ID: c4d81f2a6b93
Revises: 5a7c1e2f9b01
Create Date: 2026-12-15 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
import tpmhub_shared.db
from alembic import op

revision: str = "c4d81f2a6b93"
down_revision: str | Sequence[str] | None = "5a7c1e2f9b01"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The FTS5 triggers of 5a7c1e2f9b01: dropping a column rebuilds `items` on SQLite (batch mode), which drops
# them, so the downgrade puts them back and rebuilds the index.
FTS_TRIGGERS = {
    "items_fts_ai": "AFTER INSERT ON items BEGIN "
    "INSERT INTO items_fts(rowid, title, description) VALUES (new.rowid, new.title, new.description); END",
    "items_fts_ad": "AFTER DELETE ON items BEGIN "
    "INSERT INTO items_fts(items_fts, rowid, title, description) "
    "VALUES ('delete', old.rowid, old.title, old.description); END",
    "items_fts_au": "AFTER UPDATE OF title, description ON items BEGIN "
    "INSERT INTO items_fts(items_fts, rowid, title, description) "
    "VALUES ('delete', old.rowid, old.title, old.description); "
    "INSERT INTO items_fts(rowid, title, description) VALUES (new.rowid, new.title, new.description); END",
}


def upgrade() -> None:
    # Adding nullable columns is a plain ALTER TABLE on both backends (batch mode does not rebuild for it).
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("deleted_at", tpmhub_shared.db.UTCDateTime(), nullable=True))
        batch_op.add_column(
            sa.Column("deleted_by", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True)
        )


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.drop_column("deleted_by")
        batch_op.drop_column("deleted_at")
    if sqlite:
        for name, body in FTS_TRIGGERS.items():
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
            op.execute(f"CREATE TRIGGER {name} {body}")
        op.execute("INSERT INTO items_fts(items_fts) VALUES ('rebuild')")
