"""analytics rollups: per-quiz and per-question aggregates

Revision ID: a7e1c3d50b21
Revises: 9694417b72ca
Create Date: 2026-12-01 00:00:00
"""

from collections.abc import Sequence

revision: str = "a7e1c3d50b21"
down_revision: str | None = "9694417b72ca"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
