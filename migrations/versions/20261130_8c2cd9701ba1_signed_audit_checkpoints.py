"""signed audit checkpoints

Each org's newest audit event (seq and hash), signed with the server key, kept apart
from the chain so that cutting off the newest events (or the whole log, or the org row)
shows. Orgs that already have events get a checkpoint of their current head here,
signed with the server key of the process that migrates (trust on first use).

Revision ID: 8c2cd9701ba1
Revises: f611242705ab
Create Date: 2026-11-30 14:16:05.844790
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "8c2cd9701ba1"
down_revision: str | None = "f611242705ab"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    checkpoints = op.create_table(
        "audit_checkpoints",
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("org_slug", sqlmodel.sql.sqltypes.AutoString(length=63), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("head_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("signature", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.PrimaryKeyConstraint("org_id"),
    )
    _sign_current_heads(checkpoints)


def _sign_current_heads(checkpoints: sa.Table) -> None:
    from app.audit.chain import checkpoint_signature

    orgs = sa.table(
        "organizations",
        sa.column("id", sa.Uuid()),
        sa.column("slug", sa.String()),
        sa.column("audit_seq", sa.Integer()),
    )
    events = sa.table(
        "audit_events",
        sa.column("org_id", sa.Uuid()),
        sa.column("seq", sa.Integer()),
        sa.column("hash", sa.String()),
    )
    heads = op.get_bind().execute(
        sa.select(orgs.c.id, orgs.c.slug, orgs.c.audit_seq, events.c.hash).join(
            events, sa.and_(events.c.org_id == orgs.c.id, events.c.seq == orgs.c.audit_seq)
        )
    )
    rows = [
        {
            "org_id": org_id,
            "org_slug": slug,
            "seq": seq,
            "head_hash": head_hash,
            "signature": checkpoint_signature(org_id, seq, head_hash),
        }
        for org_id, slug, seq, head_hash in heads
    ]
    if rows:
        op.bulk_insert(checkpoints, rows)


def downgrade() -> None:
    op.drop_table("audit_checkpoints")
