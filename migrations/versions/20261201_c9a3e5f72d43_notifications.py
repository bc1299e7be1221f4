"""staff notifications and their read state

Revision ID: c9a3e5f72d43
Revises: b8f2d4e61c32
Create Date: 2026-12-01 00:00:00
"""

from collections.abc import Sequence

revision: str = "c9a3e5f72d43"
down_revision: str | None = "b8f2d4e61c32"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
