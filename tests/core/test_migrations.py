"""Migrating an empty database gives exactly the models' schema, on both databases."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from app.core.db import get_engine
from app.tables import metadata
from tests.architecture.test_distribution_keys import REFERENCE_TABLES


async def test_migrated_database_matches_the_models(database_url: str) -> None:
    # given a database brought to head by the real migrations (the session fixture)
    # when alembic compares it with the models
    async with get_engine(database_url).connect() as connection:
        differences = await connection.run_sync(
            lambda sync: compare_metadata(
                MigrationContext.configure(sync, opts={"compare_type": True}), metadata
            )
        )
    # then autogenerate would find nothing to do
    assert differences == []


async def test_every_tenant_table_carries_org_id() -> None:
    # The tables every org shares are the scaling plan's reference tables, each with
    # its reason (tests/architecture/test_distribution_keys.py, docs/scaling.md).
    global_tables = {*REFERENCE_TABLES, "alembic_version"}
    for name, table in metadata.tables.items():
        if name not in global_tables:
            assert "org_id" in table.columns, f"{name} has no org_id"


async def test_migrate_creates_the_sqlite_folder_of_a_fresh_clone(tmp_path: Path) -> None:
    import asyncio

    from app.core.migrations import upgrade_to_head

    # given a database path whose folder doesn't exist yet (var/ in a fresh clone)
    path = tmp_path / "var" / "quizgraph.db"
    # when migrating
    await asyncio.to_thread(upgrade_to_head, f"sqlite+aiosqlite:///{path}")
    # then the file is there
    assert path.exists()
