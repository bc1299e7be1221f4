"""tournaments

Revision ID: d1a2b3c4e501
Revises: c9a3e5f72d43
Create Date: 2026-12-01 02:45:00
"""

from collections.abc import Sequence

revision: str = "d1a2b3c4e501"
down_revision: str | None = "c9a3e5f72d43"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
