"""What the database keeps: never a secret, and lastUsedAt written behind."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from uuid import UUID

import httpx
import pytest
from sqlalchemy import MetaData, select
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry import relay

from app.api_keys import last_used, repository
from app.core.clock import FrozenClock
from app.core.db import get_engine, unit_of_work
from tests.api_keys.support import (
    LIST_KEYS,
    REVOKE,
    ROTATE,
    VIEWER,
    IssuedKey,
    as_key,
    create_key,
)
from tests.support.client import ApiClient, GraphQLResult
from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn
from tests.support.servers import PASSWORD, deployment


async def dump_database() -> list[str]:
    """Every value of every column of every table, as text (like a dump would hold)."""
    async with get_engine().connect() as connection:
        metadata = MetaData()
        await connection.run_sync(metadata.reflect)
        values: list[str] = []
        for table in metadata.sorted_tables:
            rows = await connection.execute(select(table))
            values.extend(str(value) for row in rows for value in row if value is not None)
    return values


async def test_no_table_holds_a_secret(org: OrgFixture, signed_in: SignIn) -> None:
    owner = await signed_in(org, "owner")
    # given keys created, used, rotated and revoked
    first = await create_key(owner, ["org:read", "members:read"], name="first")
    second = await create_key(owner, ["org:read"], name="second")
    await as_key(owner, first, VIEWER)
    rotated = await owner.gql(ROTATE, {"input": {"id": first.id, "gracePeriodSeconds": 60}})
    third_secret = rotated.ok()["rotateApiKey"]["secret"]
    await owner.gql(REVOKE, {"input": {"id": second.id}})
    await as_key(owner, third_secret, VIEWER)
    await last_used.flush()
    # when the whole database is dumped
    dump = await dump_database()
    # then the prefixes are there (the dump is real) but no secret is
    assert any(first.prefix in value for value in dump)
    for secret in (first.secret, second.secret, third_secret):
        hidden_part = secret[16:]
        assert not [value for value in dump if hidden_part in value]


def _parse(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


async def _last_used_at(owner: ApiClient, slug: str, key_id: str) -> datetime | None:
    listing = (await owner.gql(LIST_KEYS, {"slug": slug})).ok()
    nodes = [edge["node"] for edge in listing["organization"]["apiKeys"]["edges"]]
    return _parse(next(node for node in nodes if node["id"] == key_id)["lastUsedAt"])


async def test_last_used_at_is_written_behind_at_most_once_a_minute(
    org: OrgFixture, signed_in: SignIn, frozen_clock: FrozenClock
) -> None:
    owner = await signed_in(org, "owner")
    key = await create_key(owner, ["org:read"])
    first_use = frozen_clock.now()
    # when the key is used three times
    for _ in range(3):
        assert (await as_key(owner, key, VIEWER)).ok()
    # then no request wrote it
    assert await _last_used_at(owner, org.slug, key.id) is None
    # and the write-behind stores the first use
    await last_used.flush()
    assert await _last_used_at(owner, org.slug, key.id) == first_use
    # uses within the minute change nothing
    frozen_clock.advance(seconds=59)
    await as_key(owner, key, VIEWER)
    await last_used.flush()
    assert await _last_used_at(owner, org.slug, key.id) == first_use
    # the first use a minute later is written
    frozen_clock.advance(seconds=1)
    await as_key(owner, key, VIEWER)
    await last_used.flush()
    assert await _last_used_at(owner, org.slug, key.id) == first_use + timedelta(seconds=60)


async def test_a_touch_within_the_minute_of_the_stored_value_writes_nothing(
    org: OrgFixture, signed_in: SignIn, frozen_clock: FrozenClock
) -> None:
    owner = await signed_in(org, "owner")
    key = await create_key(owner, ["org:read"])
    key_id = relay.GlobalID.from_id(key.id).node_id
    now = frozen_clock.now()
    async with unit_of_work() as db:
        # the first touch writes; one 30 s later finds the stored value fresh
        first = await repository.touch_last_used(db, UUID(key_id), now, last_used.WRITE_INTERVAL)
        later = now + timedelta(seconds=30)
        second = await repository.touch_last_used(db, UUID(key_id), later, last_used.WRITE_INTERVAL)
    assert (first, second) == (True, False)
    assert await _last_used_at(owner, org.slug, key.id) == now


async def test_two_server_processes_noting_the_same_minute_write_the_first_use_once(
    database_url: str, client_factory: ClientFactory
) -> None:
    async with deployment(database_url, processes=2) as pair:
        owner = await pair.signed_in("owner")
        key = await create_key(owner, ["org:read"])
        # given the key used on the first process, then seconds later on the second,
        # before either has flushed (both find no stored value, so both note a use)
        first_use_started = datetime.now(UTC)
        assert (await _use(pair.urls[0], key)).ok()
        first_use_done = datetime.now(UTC)
        await asyncio.sleep(2.5)
        second_use_started = datetime.now(UTC)
        assert (await _use(pair.urls[1], key)).ok()
    # when both shut down, the first process flushing first, then the second
    # then the stored value is the first process's use: the second flush wrote nothing
    reader = client_factory()
    (await reader.login(pair.slug, pair.portal_code, "owner", PASSWORD)).ok()
    stored = await _last_used_at(reader, pair.slug, key.id)
    assert stored is not None
    assert first_use_started - timedelta(seconds=1) <= stored <= first_use_done
    assert stored < second_use_started - timedelta(seconds=1)


async def _use(url: str, key: IssuedKey) -> GraphQLResult:
    async with httpx.AsyncClient(base_url=url) as partner:
        response = await partner.post("/graphql", json={"query": VIEWER}, headers=key.headers)
    return GraphQLResult(response)


async def test_a_flush_touches_keys_in_id_order(
    monkeypatch: pytest.MonkeyPatch, frozen_clock: FrozenClock
) -> None:
    # Two processes flushing overlapping keys in different orders deadlocked on
    # PostgreSQL (seen in the soak benchmark); in one order they only wait for each other.
    keys = [UUID(int=n) for n in (7, 3, 9, 1, 5)]
    touched: list[UUID] = []

    async def record(
        db: AsyncSession, key_id: UUID, used_at: datetime, interval: timedelta
    ) -> bool:
        touched.append(key_id)
        return True

    monkeypatch.setattr(repository, "touch_last_used", record)
    monkeypatch.setattr(last_used, "_pending", {})  # uses noted by earlier tests stay theirs
    for key_id in keys:  # noted out of order
        last_used._pending[key_id] = frozen_clock.now()
    assert await last_used.flush() == len(keys)
    assert touched == sorted(keys)
