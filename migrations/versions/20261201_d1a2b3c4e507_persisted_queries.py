"""persisted queries

``persisted_queries``: the registry of persisted GraphQL documents by the SHA-256 of
their text, shared by every process (app/persisted_queries). A global table, not a
tenant table: a document is content-addressed, the same for every org. ``trusted``
marks documents registered ahead of time (manifests); ``registered_by_org_id`` says
whose cap an automatically registered document counts against (NULL: anonymous callers
and platform staff), indexed with ``trusted`` and ``created_at`` to count a
registrant's documents and evict the oldest.

Revision ID: d1a2b3c4e507
Revises: d1a2b3c4e506
Create Date: 2026-12-01 02:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "d1a2b3c4e507"
down_revision: str | None = "d1a2b3c4e506"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "persisted_queries",
        sa.Column("sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("trusted", sa.Boolean(), nullable=False),
        sa.Column("registered_by_org_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["registered_by_org_id"], ["organizations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("sha256"),
    )
    with op.batch_alter_table("persisted_queries", schema=None) as batch_op:
        batch_op.create_index(
            "ix_persisted_queries_registrant",
            ["registered_by_org_id", "trusted", "created_at"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("persisted_queries", schema=None) as batch_op:
        batch_op.drop_index("ix_persisted_queries_registrant")
    op.drop_table("persisted_queries")
