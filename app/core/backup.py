"""``quizgraph backup DEST``: a consistent copy of the database while the server runs.

SQLite: the sqlite3 online backup API (``sqlite3.Connection.backup``) copies every page
in one step under one read transaction, so the copy is the database as of one commit
and, in WAL mode (which ``app.core.db`` turns on), the servers keep writing meanwhile.
(Copying in several steps would start over whenever another connection writes, and
may never finish on a busy server.) The copy is written beside DEST, checked, switched
to a plain rollback journal so it is one self-contained file, and renamed into place:
DEST is either absent or a whole backup.

PostgreSQL: ``pg_dump --format=custom`` (one snapshot, also while the servers write),
run when it is installed; otherwise the command to run is printed. The password goes
through ``PGPASSWORD``, never the command line (visible to every user in ``ps``).
"""

from __future__ import annotations

import os
import shlex
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, make_url

# How long the backup waits for a lock (a checkpoint, a write in rollback-journal mode).
BUSY_TIMEOUT_SECONDS = 60.0


class BackupError(Exception):
    """The backup could not be made; the message says why and what to do."""


@dataclass(frozen=True)
class BackupDone:
    destination: Path
    size_bytes: int
    how: str


def backup(database_url: str, destination: Path) -> BackupDone:
    """Copy the database at ``database_url`` into ``destination`` (which must not exist)."""
    if destination.exists():
        raise BackupError(f"{destination} exists; name a new file (a backup never overwrites)")
    if not destination.parent.is_dir():
        raise BackupError(f"{destination.parent} is not a directory")
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        return _sqlite_backup(url, destination)
    if url.get_backend_name() == "postgresql":
        return _pg_dump(url, destination)
    raise BackupError(f"no backup method for {url.get_backend_name()} databases")


def _sqlite_backup(url: URL, destination: Path) -> BackupDone:
    source_path = Path(url.database or "")
    if not url.database or url.database == ":memory:" or not source_path.is_file():
        raise BackupError(f"no SQLite database file at {source_path}")
    partial = destination.with_name(f".{destination.name}.partial-{os.getpid()}")
    # Created before SQLite opens it, so the copy (password hashes, key hashes) is
    # never readable by others, not even for a moment.
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        _copy_pages(source_path, partial)
        partial.replace(destination)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return BackupDone(destination, destination.stat().st_size, "sqlite3 online backup")


def _copy_pages(source_path: Path, partial: Path) -> None:
    source = sqlite3.connect(source_path, timeout=BUSY_TIMEOUT_SECONDS)
    copy = sqlite3.connect(partial, timeout=BUSY_TIMEOUT_SECONDS)
    try:
        source.backup(copy, pages=-1)  # every page in one step: one consistent snapshot
        # The source's WAL mode came with its pages; a backup is one file on its own.
        copy.execute("PRAGMA journal_mode=DELETE")
        (verdict,) = copy.execute("PRAGMA quick_check").fetchone()
        if verdict != "ok":
            raise BackupError(f"the copy failed SQLite's check: {verdict}")
    finally:
        copy.close()
        source.close()


def pg_dump_command(url: URL, destination: Path) -> tuple[list[str], dict[str, str]]:
    """The ``pg_dump`` command line for this database, and the environment it needs
    (the password and TLS mode, kept off the command line)."""
    command = ["pg_dump", "--format=custom", "--no-owner", "--file", str(destination)]
    if url.host:
        command += ["--host", url.host]
    if url.port:
        command += ["--port", str(url.port)]
    if url.username:
        command += ["--username", url.username]
    command += ["--dbname", url.database or "postgres"]
    env: dict[str, str] = {}
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    ssl = url.query.get("sslmode") or url.query.get("ssl")
    if isinstance(ssl, str):
        env["PGSSLMODE"] = ssl
    return command, env


def _pg_dump(url: URL, destination: Path) -> BackupDone:
    partial = destination.with_name(f".{destination.name}.partial-{os.getpid()}")
    command, env = pg_dump_command(url, partial)
    if shutil.which("pg_dump") is None:
        shown, _ = pg_dump_command(url, destination)
        password = " (with PGPASSWORD set)" if "PGPASSWORD" in env else ""
        raise BackupError(
            "pg_dump is not installed (Debian: apt-get install postgresql-client, of the "
            f"server's major version or newer). Run{password}:\n  {shlex.join(shown)}"
        )
    try:
        finished = subprocess.run(
            command, env={**os.environ, **env}, capture_output=True, text=True, check=False
        )
        if finished.returncode != 0:
            raise BackupError(f"pg_dump failed: {finished.stderr.strip()}")
        partial.chmod(0o600)
        partial.replace(destination)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return BackupDone(destination, destination.stat().st_size, "pg_dump --format=custom")


def restore_hint(done: BackupDone) -> str:
    """How to bring this backup back, for the command's last line."""
    if done.how.startswith("pg_dump"):
        return (
            "restore into a new, empty database: "
            f"pg_restore --no-owner --dbname NEWDB {shlex.quote(str(done.destination))}"
        )
    return (
        "restore: stop the servers, put the file in place of the database file "
        "(removing its -wal and -shm files), start them"
    )
