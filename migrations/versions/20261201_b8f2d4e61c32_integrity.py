"""integrity events, rules and reviews

Revision ID: b8f2d4e61c32
Revises: a7e1c3d50b21
Create Date: 2026-12-01 00:00:00
"""

from collections.abc import Sequence

revision: str = "b8f2d4e61c32"
down_revision: str | None = "a7e1c3d50b21"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
