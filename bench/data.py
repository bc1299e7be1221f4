"""Fresh databases and fast seeding for the scenarios (never through the API).

- ``fresh_database``: a SQLite file in a scratch directory, or a new PostgreSQL
  database ``quizgraph_bench_<random>`` that is dropped afterwards; migrated with
  ``quizgraph migrate`` and given one org (``quizgraph create-org``).
- ``bulk_insert``: SQLAlchemy Core ``insert()`` with lists of dicts (executemany)
  against the migrated tables; on PostgreSQL ``copy_rows`` uses COPY through asyncpg.
- Members and API keys are inserted directly; a key's stored hash is computed with the
  app's own ``secret_digest`` under the bench's secret key, so the server accepts it.
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import uuid
from collections.abc import AsyncIterator, Iterable, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.harness import quizgraph

SECRET_KEY = "bench-secret"
# The bench process computes key hashes with the app's code under the server's secret.
os.environ["QUIZGRAPH_SECRET_KEY"] = SECRET_KEY

PG_ADMIN_URL = os.environ.get("BENCH_PG_ADMIN_DSN", "postgresql://postgres@127.0.0.1:5432/postgres")
BACKENDS = ("sqlite", "postgresql")


@dataclass
class Database:
    backend: str
    url: str
    env: dict[str, str]
    org: dict[str, str] = field(default_factory=dict)
    org_id: uuid.UUID | None = None
    owner_id: uuid.UUID | None = None


def app_env(url: str) -> dict[str, str]:
    return {
        "QUIZGRAPH_DATABASE_URL": url,
        "QUIZGRAPH_SECRET_KEY": SECRET_KEY,
        "QUIZGRAPH_COOKIE_SECURE": "false",
        "QUIZGRAPH_LOGIN_ATTEMPTS_PER_IP": "100000",
    }


@contextmanager
def fresh_database(backend: str, scratch: Path, name: str) -> Iterator[Database]:
    """A migrated, empty database with one org ``bench``; PostgreSQL ones are dropped after."""
    if backend == "sqlite":
        url = f"sqlite+aiosqlite:///{scratch / name}.db"
        db = Database(backend, url, app_env(url))
        _prepare(db)
        yield db
        return
    pg_name = f"quizgraph_bench_{secrets.token_hex(4)}"
    asyncio.run(_pg_admin(f'CREATE DATABASE "{pg_name}"'))
    try:
        url = f"postgresql+asyncpg://postgres@127.0.0.1:5432/{pg_name}"
        db = Database(backend, url, app_env(url))
        _prepare(db)
        yield db
    finally:
        asyncio.run(_pg_admin(f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)'))


async def _pg_admin(statement: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(PG_ADMIN_URL)
    try:
        await conn.execute(statement)
    finally:
        await conn.close()


def _prepare(db: Database) -> None:
    quizgraph("migrate", env=db.env)
    db.org = json.loads(
        quizgraph(
            "create-org",
            "--slug",
            "bench",
            "--name",
            "Bench School",
            "--owner-password",
            "bench password 1",
            "--json",
            env=db.env,
        )
    )
    db.org_id, db.owner_id = asyncio.run(_org_and_owner(db.url, db.org["ownerUsername"]))


async def _org_and_owner(url: str, owner: str) -> tuple[uuid.UUID, uuid.UUID]:
    from sqlmodel import select

    from app.members.models import Member
    from app.orgs.models import Organization

    async with engine(url) as eng, eng.connect() as conn:
        org_id = (
            await conn.execute(select(Organization.id).where(Organization.slug == "bench"))
        ).scalar_one()
        owner_id = (
            await conn.execute(
                select(Member.id).where(Member.org_id == org_id, Member.username == owner)
            )
        ).scalar_one()
    return org_id, owner_id


@asynccontextmanager
async def engine(url: str) -> AsyncIterator[Any]:
    from sqlalchemy.ext.asyncio import create_async_engine

    eng = create_async_engine(url)
    try:
        yield eng
    finally:
        await eng.dispose()


def table(name: str) -> Any:
    from sqlmodel import SQLModel

    import app.schema  # noqa: F401  (imports every model)

    return SQLModel.metadata.tables[name]


async def bulk_insert(conn: Any, name: str, rows: Sequence[dict[str, Any]], chunk: int = 20_000):  # type: ignore[no-untyped-def]
    """Core ``insert()`` with lists of dicts: one executemany per chunk."""
    from sqlalchemy import insert

    statement = insert(table(name))
    for start in range(0, len(rows), chunk):
        await conn.execute(statement, list(rows[start : start + chunk]))


async def copy_rows(conn: Any, name: str, rows: Iterable[dict[str, Any]]) -> None:
    """PostgreSQL COPY through asyncpg's ``copy_records_to_table`` (same transaction)."""
    rows = list(rows)
    if not rows:
        return
    columns = list(rows[0])
    raw = (await conn.get_raw_connection()).driver_connection
    await raw.copy_records_to_table(
        name, records=[tuple(row[c] for c in columns) for row in rows], columns=columns
    )


def now() -> datetime:
    return datetime.now(UTC)


_PASSWORD_HASH: str | None = None


def password_hash() -> str:
    """One real argon2 hash (of 'bench password 1') shared by every seeded member."""
    global _PASSWORD_HASH
    if _PASSWORD_HASH is None:
        from argon2 import PasswordHasher

        _PASSWORD_HASH = PasswordHasher().hash("bench password 1")
    return _PASSWORD_HASH


def member_rows(org_id: uuid.UUID, count: int, role: str = "STUDENT", prefix: str = "s"):  # type: ignore[no-untyped-def]
    stamp, hashed = now(), password_hash()
    return [
        {
            "id": uuid.uuid4(),
            "org_id": org_id,
            "username": f"{prefix}{n}",
            "display_name": f"Student {n}",
            "role": role,
            "password_hash": hashed,
            "disabled": False,
            "created_at": stamp,
            "updated_at": stamp,
        }
        for n in range(count)
    ]


def key_rows(
    org_id: uuid.UUID, creators: Sequence[uuid.UUID], scopes: list[str]
) -> tuple[list[dict[str, Any]], list[str]]:
    """One key per creator (10,000 requests/minute); returns rows and the secrets."""
    from app.api_keys.tokens import display_prefix, new_secret, secret_digest

    rows, secrets_ = [], []
    stamp = now()
    for n, creator in enumerate(creators):
        secret = new_secret()
        secrets_.append(secret)
        rows.append(
            {
                "id": uuid.uuid4(),
                "org_id": org_id,
                "name": f"bench key {n}",
                "prefix": display_prefix(secret),
                "secret_hash": secret_digest(secret),
                "scopes": scopes,
                "rate_limit_per_minute": 10_000,
                "created_by_id": creator,
                "created_by_admin_id": None,
                "org_ids": None,
                "created_at": stamp,
                "last_used_at": None,
                "expires_at": None,
                "enabled": True,
                "revoked_at": None,
            }
        )
    return rows, secrets_


async def insert_keys(
    url: str, org_id: uuid.UUID, creators: Sequence[uuid.UUID], scopes: list[str]
) -> list[str]:
    rows, secrets_ = key_rows(org_id, creators, scopes)
    async with engine(url) as eng, eng.begin() as conn:
        await bulk_insert(conn, "api_keys", rows)
    return secrets_


def quiz_rows(
    org_id: uuid.UUID,
    creator: uuid.UUID,
    count: int,
    questions: int = 5,
    options: int = 4,
    attempts_allowed: int | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Published single-choice quizzes, option 1 right, one point per question."""
    stamp = now()
    quizzes, question_rows, option_rows = [], [], []
    for n in range(count):
        quiz_id = uuid.uuid4()
        created = stamp - timedelta(minutes=count - n)  # distinct, the newest last
        quizzes.append(
            {
                "id": quiz_id,
                "org_id": org_id,
                "title": f"Bench quiz {n}: a title of ordinary length",
                "description": "Seeded by bench/.",
                "status": "PUBLISHED",
                "version": 1,
                "time_limit_seconds": None,
                "attempts_allowed": attempts_allowed,
                "pass_mark_percent": 50.0,
                "shuffle_questions": False,
                "shuffle_options": False,
                "reveal_answers": "AFTER_SUBMIT",
                "opens_at": None,
                "closes_at": None,
                "question_count": questions,
                "max_points": float(questions),
                "created_by_id": creator,
                "created_at": created,
                "updated_at": created,
                "published_at": created,
                "archived_at": None,
            }
        )
        for q in range(questions):
            question_id = uuid.uuid4()
            question_rows.append(
                {
                    "id": question_id,
                    "org_id": org_id,
                    "quiz_id": quiz_id,
                    "position": q + 1,
                    "kind": "SINGLE_CHOICE",
                    "prompt": f"Question {q + 1} of quiz {n}: which of these is right?",
                    "points": 1.0,
                    "explanation": "Because the first option is always right here.",
                    "accepted_answers": [],
                    "numeric_value": None,
                    "numeric_tolerance": 0.0,
                }
            )
            for o in range(options):
                option_rows.append(
                    {
                        "id": uuid.uuid4(),
                        "org_id": org_id,
                        "quiz_id": quiz_id,
                        "question_id": question_id,
                        "position": o + 1,
                        "text": f"Option {o + 1}",
                        "correct": o == 0,
                    }
                )
    return {"quizzes": quizzes, "quiz_questions": question_rows, "quiz_options": option_rows}


async def insert_quizzes(url: str, tables: dict[str, list[dict[str, Any]]]) -> None:
    async with engine(url) as eng, eng.begin() as conn:
        for name in ("quizzes", "quiz_questions", "quiz_options"):
            await bulk_insert(conn, name, tables[name])


def global_id(type_name: str, row_id: uuid.UUID) -> str:
    from strawberry import relay

    return str(relay.GlobalID(type_name, str(row_id)))
