"""project environments, rollout environment and gate hold, gate decisions of rollout actions

Revision ID: b7e3c94d2a61
Revises: 97571176ccf3 (depends on ed74bd95b2ed, which depends on 27e11c1392e9)
Create Date: 2026-11-23 09:00:00.000000

Existing environment names are canonicalised where they are an alias of the default set
(dev → development; stage, stg → staging; prod, prd → production), in freeze windows, deployments,
verifications, gate decisions and CI sources' production environments. Other names are left as they are.
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
import tpmhub_shared.db
from alembic import op

revision: str = "b7e3c94d2a61"
down_revision: str | Sequence[str] | None = "97571176ccf3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = "ed74bd95b2ed"

ALIASES = {
    "dev": "development",
    "stage": "staging",
    "stg": "staging",
    "prod": "production",
    "prd": "production",
}


def _canonical(name):
    return ALIASES.get(name.strip().lower(), name) if isinstance(name, str) else name


def _canonical_list(names):
    out = []
    for name in names or []:
        c = _canonical(name)
        if c not in out:
            out.append(c)
    return out


def _rewrite_column(table: str, column: str) -> None:
    for alias, name in ALIASES.items():
        op.execute(
            sa.text(f"UPDATE {table} SET {column} = :name WHERE lower({column}) = :alias").bindparams(
                name=name, alias=alias
            )
        )


def _rewrite_json_list(table: str, column: str) -> None:
    bind = op.get_bind()
    t = sa.table(table, sa.column("id", sa.Uuid()), sa.column(column, tpmhub_shared.db.JSONType))
    rows = bind.execute(sa.select(t.c.id, t.c[column])).all()
    for row_id, names in rows:
        if isinstance(names, str):
            names = json.loads(names)
        fixed = _canonical_list(names)
        if fixed != list(names or []):
            bind.execute(t.update().where(t.c.id == row_id).values({column: fixed}))


def upgrade() -> None:
    op.create_table(
        "project_environments",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", tpmhub_shared.db.UTCDateTime(), nullable=False),
        sa.Column("updated_at", tpmhub_shared.db.UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("project_key", sa.String(length=10), nullable=False),
        sa.Column("environments", tpmhub_shared.db.JSONType, nullable=False),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_environments")),
        sa.UniqueConstraint("project_key", name=op.f("uq_project_environments_project_key")),
    )
    with op.batch_alter_table("rollouts", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "environment",
                sqlmodel.sql.sqltypes.AutoString(length=50),
                nullable=False,
                server_default="production",
            )
        )
        batch_op.add_column(sa.Column("gate_hold", tpmhub_shared.db.JSONType, nullable=True))
    with op.batch_alter_table("gate_decisions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("action", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True))
        batch_op.add_column(sa.Column("rollout_id", sa.Uuid(), nullable=True))
        batch_op.add_column(
            sa.Column("overridden_by", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True)
        )
        batch_op.add_column(
            sa.Column("override_reason", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True)
        )
    for table in ("deployments", "release_verifications", "gate_decisions"):
        _rewrite_column(table, "environment")
    _rewrite_json_list("freeze_windows", "environments")
    _rewrite_json_list("ci_sources", "production_environments")


def downgrade() -> None:
    # Canonical names stay canonical: they are valid values for the older schema too.
    with op.batch_alter_table("gate_decisions", schema=None) as batch_op:
        batch_op.drop_column("override_reason")
        batch_op.drop_column("overridden_by")
        batch_op.drop_column("rollout_id")
        batch_op.drop_column("action")
    with op.batch_alter_table("rollouts", schema=None) as batch_op:
        batch_op.drop_column("gate_hold")
        batch_op.drop_column("environment")
    op.drop_table("project_environments")
