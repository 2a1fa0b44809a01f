"""items full-text search on SQLite (FTS5); PostgreSQL already has its GIN index

Revision ID: 5a7c1e2f9b01
Revises: e71dacc20643
Create Date: 2026-11-22 07:05:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "5a7c1e2f9b01"
down_revision: str | Sequence[str] | None = "e71dacc20643"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# An external-content FTS5 index over items(title, description), kept in step by triggers. A later
# migration that rebuilds `items` on SQLite (batch mode) drops these triggers: recreate them and run
# INSERT INTO items_fts(items_fts) VALUES('rebuild') in that migration.
TRIGGERS = {
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
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE VIRTUAL TABLE items_fts USING fts5(title, description, content='items', "
        "content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')"
    )
    op.execute("INSERT INTO items_fts(items_fts) VALUES ('rebuild')")
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS items_fts")
