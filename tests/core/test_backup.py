"""``quizgraph backup``: a copy taken while another connection writes is one consistent
snapshot, and the restored database opens with the data.

Each test makes its own database (the writer adds a probe table the shared one must
not have), and runs the command as its own process, as an operator would beside the
servers.
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from app.core.backup import BackupError, backup
from app.core.db import get_engine, unit_of_work
from app.core.migrations import upgrade_to_head
from app.orgs import repository as orgs
from app.orgs import service as orgs_service
from tests.support.databases import postgres_database, sqlite_database
from tests.support.factories import cli_context

PROBE = "CREATE TABLE backup_probe (n INTEGER NOT NULL)"


def run_backup(database_url: str, destination: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QUIZGRAPH_DATABASE_URL": database_url}
    return subprocess.run(
        [sys.executable, "-m", "app.cli", "backup", str(destination)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


async def fresh_org(database_url: str) -> str:
    await asyncio.to_thread(upgrade_to_head, database_url)
    slug = f"kept-{os.urandom(3).hex()}"
    async with unit_of_work(database_url) as db:
        await orgs_service.create_org(
            cli_context(db), slug=slug, name="Kept", owner_password="correct horse battery"
        )
    return slug


async def org_is_there(database_url: str, slug: str) -> bool:
    try:
        async with unit_of_work(database_url, write=False) as db:
            return await orgs.by_slug(db, slug) is not None
    finally:
        await get_engine(database_url).dispose()


def assert_one_snapshot(rows: list[int], committed_before: int) -> None:
    """The writer commits n and -n together: a copy of one moment has whole pairs."""
    assert len(rows) >= committed_before > 0
    assert len(rows) % 2 == 0 and sum(rows) == 0


UNDER_WAY = 200  # rows the writer commits before the backup starts


@contextmanager
def sqlite_writer(path: Path) -> Iterator[list[int]]:
    """Commits pairs into the probe table from its own connection until the block ends;
    yields the running count of committed rows (a one-item list) once it is under way."""
    committed = [0]
    stop = threading.Event()
    under_way = threading.Event()

    def write() -> None:
        connection = sqlite3.connect(path, timeout=30, isolation_level=None)
        n = 0
        while not stop.is_set():
            n += 1
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("INSERT INTO backup_probe VALUES (?), (?)", (n, -n))
            connection.execute("COMMIT")
            committed[0] += 2
            if committed[0] >= UNDER_WAY:
                under_way.set()
        connection.close()

    with sqlite3.connect(path) as setup:
        setup.execute(PROBE)
    thread = threading.Thread(target=write)
    thread.start()
    try:
        assert under_way.wait(timeout=30), "the writer did not get going"
        yield committed
    finally:
        stop.set()
        thread.join()


async def test_a_sqlite_backup_taken_while_writing_restores_with_the_data(
    tmp_path: Path,
) -> None:
    async with sqlite_database(tmp_path) as url:
        slug = await fresh_org(url)
        await get_engine(url).dispose()
        source = Path(make_url(url).database or "")
        destination = tmp_path / "backups" / "quizgraph.db"
        destination.parent.mkdir()
        with sqlite_writer(source) as committed:
            before = committed[0]
            done = await asyncio.to_thread(run_backup, url, destination)
            during = committed[0] - before
        assert done.returncode == 0, done.stderr
        assert f"backed up to {destination}" in done.stdout
        # the copy is one file, only its owner's, in the plain journal mode
        assert sorted(destination.parent.iterdir()) == [destination]
        assert destination.stat().st_mode & 0o777 == 0o600
        with sqlite3.connect(destination) as copy:
            assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
            rows = [n for (n,) in copy.execute("SELECT n FROM backup_probe")]
        assert_one_snapshot(rows, before)
        assert during > 0, "nothing was written while the backup ran"
        # restored in place of a database, the app opens it and finds the org
        restored = tmp_path / "restored.db"
        restored.write_bytes(destination.read_bytes())
        assert await org_is_there(f"sqlite+aiosqlite:///{restored}", slug)


async def test_a_postgresql_backup_taken_while_writing_restores_with_the_data(
    tmp_path: Path,
) -> None:
    async with postgres_database() as url, postgres_database() as restored_url:
        slug = await fresh_org(url)
        await get_engine(url).dispose()
        dsn = url.replace("postgresql+asyncpg", "postgresql")
        setup = await asyncpg.connect(dsn)
        await setup.execute(PROBE)
        await setup.close()
        committed = [0]
        stop, under_way = asyncio.Event(), asyncio.Event()

        async def write() -> None:
            connection = await asyncpg.connect(dsn)
            n = 0
            while not stop.is_set():
                n += 1
                async with connection.transaction():
                    await connection.execute("INSERT INTO backup_probe VALUES ($1), ($2)", n, -n)
                committed[0] += 2
                if committed[0] >= UNDER_WAY:
                    under_way.set()
            await connection.close()

        writer = asyncio.create_task(write())
        await asyncio.wait_for(under_way.wait(), timeout=30)
        before = committed[0]
        destination = tmp_path / "quizgraph.dump"
        done = await asyncio.to_thread(run_backup, url, destination)
        during = committed[0] - before
        stop.set()
        await writer
        assert done.returncode == 0, done.stderr
        assert "pg_restore --no-owner" in done.stdout
        assert during > 0, "nothing was written while the backup ran"
        # restored into a new database with the command the output names
        restore = await asyncio.to_thread(
            subprocess.run,
            [
                "pg_restore",
                "--no-owner",
                "--dbname",
                restored_url.replace("+asyncpg", ""),
                str(destination),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        assert restore.returncode == 0, restore.stderr
        copy = await asyncpg.connect(restored_url.replace("+asyncpg", ""))
        rows = [record["n"] for record in await copy.fetch("SELECT n FROM backup_probe")]
        await copy.close()
        assert_one_snapshot(rows, before)
        assert await org_is_there(restored_url, slug)


def test_a_backup_never_overwrites_a_file(tmp_path: Path) -> None:
    taken = tmp_path / "taken.db"
    taken.write_text("an earlier backup")
    done = run_backup(f"sqlite+aiosqlite:///{tmp_path / 'any.db'}", taken)
    assert done.returncode == 1
    assert "exists; name a new file" in done.stderr
    assert taken.read_text() == "an earlier backup"


def test_without_pg_dump_the_command_to_run_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("app.core.backup.shutil.which", lambda _name: None)
    url = "postgresql+asyncpg://quiz:s3cret@db.internal:6543/quizgraph?ssl=require"
    with pytest.raises(BackupError) as refused:
        backup(url, tmp_path / "quizgraph.dump")
    message = str(refused.value)
    assert "apt-get install postgresql-client" in message
    assert "with PGPASSWORD set" in message
    assert (
        f"pg_dump --format=custom --no-owner --file {tmp_path / 'quizgraph.dump'} "
        "--host db.internal --port 6543 --username quiz --dbname quizgraph"
    ) in message
    assert "s3cret" not in message  # the password is never printed
