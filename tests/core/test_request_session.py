"""``RequestSession``: built on first use; offered rows answered without opening it."""

from __future__ import annotations

import uuid

from sqlalchemy import inspect

from app.core.db import RequestSession, detached_copy, offer_rows, offerable, peek, session_factory
from app.orgs.models import Organization


def an_org() -> Organization:
    row = Organization(
        id=uuid.uuid4(), slug="lazy", name="Lazy School", portal_code_hash="x", audit_seq=3
    )
    copy: Organization = detached_copy(row)
    return copy


async def test_an_unused_session_is_never_built(database_url: str) -> None:
    async with session_factory()() as db:
        assert isinstance(db, RequestSession)
        assert not db.opened and not db.in_transaction()
        await db.rollback()
        assert not db.opened
    assert not db.opened


async def test_offered_rows_are_peeked_without_opening_and_got_as_a_copy(
    database_url: str,
) -> None:
    org = an_org()
    async with session_factory()() as db:
        assert isinstance(db, RequestSession)
        offer_rows(db, offerable([org]))
        assert peek(db, Organization, org.id) is org  # read only, shared
        assert not db.opened
        got = await db.get(Organization, org.id)
        assert got is not None
        assert db.opened and got is not org and got in db
        assert inspect(got).persistent and not db.dirty
        assert (got.id, got.name, got.audit_seq) == (org.id, "Lazy School", 3)
        assert peek(db, Organization, org.id) is got  # the session's own row now
        assert await db.get(Organization, org.id) is got
        got.name = "Renamed"  # a change of the session's copy, not of the offered row
        assert list(db.dirty) == [got] and org.name == "Lazy School"
        await db.rollback()
    assert org.name == "Lazy School"


async def test_an_expired_row_is_not_peeked(database_url: str) -> None:
    """A row the session holds but a commit or rollback expired would load on reading:
    ``peek`` leaves it to ``get``."""
    org = an_org()
    async with session_factory()() as db:
        offer_rows(db, offerable([org]))
        got = await db.get(Organization, org.id)
        assert peek(db, Organization, org.id) is got
        db.expire(got)
        assert peek(db, Organization, org.id) is None
