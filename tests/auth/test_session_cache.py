"""The door's credential cache for session cookies (one process, no Redis).

A session the process has verified is answered without SQL; its idle clock still
moves, with one UPDATE at most every ``TOUCH_INTERVAL``; every change that ends it or
changes its member is seen on the very next request, with the cache warm.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest
from sqlmodel import col, select, update

from app.auth.models import MemberSession
from app.auth.service import TOUCH_INTERVAL
from app.auth.tokens import token_digest
from app.core.clock import FrozenClock, as_utc
from app.core.db import unit_of_work
from app.core.settings import get_settings
from app.orgs import service as orgs
from tests.support.client import ApiClient, GraphQLResult
from tests.support.factories import OrgFixture, cli_context
from tests.support.fixture_types import ClientFactory, SignIn
from tests.support.statements import counting

VIEWER = "{ viewer { kind role member { username } organization { slug } } }"
UPDATE_MEMBER = """
mutation($input: UpdateMemberInput!) { updateMember(input: $input) { member { role disabled } } }
"""
REMOVE_MEMBER = "mutation($input: RemoveMemberInput!) { removeMember(input: $input) { removedId } }"
LOGOUT = "mutation { logout { ok } }"


def cookie_of(client: ApiClient) -> str:
    cookie = client.http.cookies.get("qg_session")
    assert cookie
    return cookie


async def with_cookie(client: ApiClient, cookie: str, query: str = VIEWER) -> GraphQLResult:
    """A request carrying exactly this session cookie (from a client with an empty jar)."""
    return await client.gql(query, headers={"cookie": f"qg_session={cookie}"})


async def warm(client: ApiClient) -> GraphQLResult:
    """Use the session until the process answers it from its cache: no SQL at all."""
    for _ in range(2):
        (await client.gql(VIEWER)).ok()
    with counting() as statements:
        result = await client.gql(VIEWER)
    assert statements == []
    result.ok()
    return result


def without_begin(statements: list[str]) -> list[str]:
    return [statement for statement in statements if not statement.startswith("BEGIN")]


async def stored_last_seen(cookie: str) -> datetime:
    async with unit_of_work(write=False) as db:
        found = await db.exec(
            select(MemberSession.last_seen_at).where(
                col(MemberSession.token_hash) == token_digest(cookie)
            )
        )
        return as_utc(found.one())


async def test_a_verified_session_is_answered_without_sql(
    org: OrgFixture, signed_in: SignIn
) -> None:
    teacher = await signed_in(org, "teacher")
    first = (await teacher.gql(VIEWER)).ok()
    assert (await warm(teacher)).ok() == first
    assert first["viewer"] == {
        "kind": "MEMBER",
        "role": "TEACHER",
        "member": {"username": "teacher"},
        "organization": {"slug": org.slug},
    }


@dataclass(frozen=True)
class Change:
    name: str
    make: Callable[[ApiClient, OrgFixture], Awaitable[object]]
    # what the next request with the teacher's cookie gets: anonymous, or a door problem
    code: str | None = None


async def _disable_teacher(owner: ApiClient, org: OrgFixture) -> object:
    member = {"id": org.account("teacher").global_id, "disabled": True}
    return (await owner.gql(UPDATE_MEMBER, {"input": member})).ok()


async def _remove_teacher(owner: ApiClient, org: OrgFixture) -> object:
    member = {"id": org.account("teacher").global_id}
    return (await owner.gql(REMOVE_MEMBER, {"input": member})).ok()


async def _disable_org(_owner: ApiClient, org: OrgFixture) -> object:
    async with unit_of_work() as db:
        return await orgs.set_disabled(cli_context(db), org.id, True)


CHANGES = [
    Change("member disabled", _disable_teacher),
    Change("member removed", _remove_teacher),
    Change("org disabled", _disable_org, "ORG_DISABLED"),
]


@pytest.mark.parametrize("change", CHANGES, ids=[change.name for change in CHANGES])
async def test_a_change_ends_the_cached_session_on_its_next_request(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory, change: Change
) -> None:
    owner = await signed_in(org, "owner")
    teacher = await signed_in(org, "teacher")
    cookie = cookie_of(teacher)
    await warm(teacher)
    await change.make(owner, org)
    for _ in range(2):
        refused = await with_cookie(client_factory(), cookie)
        if change.code is None:
            assert refused.ok()["viewer"]["kind"] == "ANONYMOUS"
            assert 'qg_session=""' in refused.response.headers["set-cookie"]
        else:
            assert refused.status == 403
            assert refused.body["code"] == change.code


async def test_logging_out_ends_the_cached_session_at_once(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    teacher = await signed_in(org, "teacher")
    cookie = cookie_of(teacher)
    await warm(teacher)
    # a second browser of the same member stays signed in
    other = await signed_in(org, "teacher")
    await warm(other)
    assert (await teacher.gql(LOGOUT)).ok()["logout"]["ok"] is True
    # the cookie that signed out reads as anonymous from the very next request
    replayed = await with_cookie(client_factory(), cookie)
    assert replayed.ok()["viewer"]["kind"] == "ANONYMOUS"
    assert (await other.gql(VIEWER)).ok()["viewer"]["kind"] == "MEMBER"


async def test_a_role_change_is_seen_on_the_next_request(
    org: OrgFixture, signed_in: SignIn
) -> None:
    owner = await signed_in(org, "owner")
    teacher = await signed_in(org, "teacher")
    await warm(teacher)
    member = {"id": org.account("teacher").global_id, "role": "STUDENT"}
    (await owner.gql(UPDATE_MEMBER, {"input": member})).ok()
    assert (await teacher.gql(VIEWER)).ok()["viewer"]["role"] == "STUDENT"


async def test_a_cached_session_ends_after_its_idle_timeout(
    org: OrgFixture, signed_in: SignIn, frozen_clock: FrozenClock
) -> None:
    teacher = await signed_in(org, "teacher")
    await warm(teacher)
    idle = timedelta(seconds=get_settings().session_idle_timeout_seconds)
    frozen_clock.advance(seconds=idle.total_seconds() - 1)
    assert (await teacher.gql(VIEWER)).ok()["viewer"]["kind"] == "MEMBER"  # and touched
    frozen_clock.advance(seconds=idle.total_seconds())
    assert (await teacher.gql(VIEWER)).ok()["viewer"]["kind"] == "ANONYMOUS"


async def test_a_cached_session_ends_at_its_absolute_expiry_however_active(
    org: OrgFixture, signed_in: SignIn, frozen_clock: FrozenClock
) -> None:
    teacher = await signed_in(org, "teacher")
    await warm(teacher)
    settings = get_settings()
    step = settings.session_idle_timeout_seconds - 60
    lived = 0
    while lived + step < settings.session_absolute_timeout_seconds:
        frozen_clock.advance(seconds=step)
        lived += step
        assert (await teacher.gql(VIEWER)).ok()["viewer"]["kind"] == "MEMBER"
    frozen_clock.advance(seconds=settings.session_absolute_timeout_seconds - lived)
    assert (await teacher.gql(VIEWER)).ok()["viewer"]["kind"] == "ANONYMOUS"


async def test_the_idle_clock_is_touched_at_most_once_a_minute_and_never_by_a_get(
    org: OrgFixture, signed_in: SignIn, frozen_clock: FrozenClock
) -> None:
    teacher = await signed_in(org, "teacher")
    cookie = cookie_of(teacher)
    await warm(teacher)
    signed_in_at = await stored_last_seen(cookie)
    # within the interval: nothing is written
    frozen_clock.advance(seconds=TOUCH_INTERVAL.total_seconds() / 2)
    with counting() as statements:
        (await teacher.gql(VIEWER)).ok()
    assert statements == []
    # once due, a GET still writes nothing (safe methods never do)
    frozen_clock.advance(seconds=TOUCH_INTERVAL.total_seconds() / 2)
    with counting() as statements:
        response = await teacher.http.get("/graphql", params={"query": VIEWER})
    assert response.json()["data"]["viewer"]["kind"] == "MEMBER"
    assert statements == []
    # the next POST writes one UPDATE and reads nothing
    with counting() as statements:
        (await teacher.gql(VIEWER)).ok()
    assert [s.split()[0:2] for s in without_begin(statements)] == [["UPDATE", "member_sessions"]]
    assert await stored_last_seen(cookie) == frozen_clock.now() != signed_in_at
    # and the next one, within the interval again, nothing
    with counting() as statements:
        (await teacher.gql(VIEWER)).ok()
    assert statements == []


async def test_activity_seen_by_another_process_keeps_the_session(
    org: OrgFixture, signed_in: SignIn, frozen_clock: FrozenClock
) -> None:
    teacher = await signed_in(org, "teacher")
    cookie = cookie_of(teacher)
    await warm(teacher)
    # this process sees no activity for longer than the idle timeout, while another
    # process serving the same browser touched the session a minute ago
    frozen_clock.advance(seconds=get_settings().session_idle_timeout_seconds + 60)
    async with unit_of_work() as db:
        await db.execute(
            update(MemberSession)
            .where(col(MemberSession.token_hash) == token_digest(cookie))
            .values(last_seen_at=frozen_clock.now() - timedelta(minutes=1))
        )
    # so the session stands: the cache read it again rather than ending it
    assert (await teacher.gql(VIEWER)).ok()["viewer"]["kind"] == "MEMBER"
