"""``notificationsChanged`` over real websockets, against real uvicorn processes.

One server for the count's life (first message, a new notification, marking read)
and the door's answers; two servers sharing the database and Redis for a change made
on one reaching a subscriber on the other. Notifications come from the servers' own
producers (an import with problems tells its importer), as in production.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.notifications.support import MARK, key_secret
from tests.notifications.test_triggers import GIFT_WITH_A_PROBLEM, IMPORT
from tests.support.client import ApiClient
from tests.support.redis import REDIS_URL
from tests.support.servers import Deployment, deployment
from tests.support.websocket import LEGACY_WS, TRANSPORT_WS, Subscriber

COUNT = """subscription($slug: String!) { notificationsChanged(orgSlug: $slug) { unreadCount } }"""


@pytest.fixture(scope="module")
async def server(database_url: str) -> AsyncIterator[Deployment]:
    async with deployment(database_url) as running:
        yield running


async def counter(
    server: Deployment, client: ApiClient, index: int = 0, protocol: str = TRANSPORT_WS
) -> Subscriber:
    subscriber = await Subscriber.connect(
        server.ws_url(index), cookie=client.http.cookies["qg_session"], protocol=protocol
    )
    await subscriber.acknowledged()
    await subscriber.subscribe(COUNT, {"slug": server.slug})
    return subscriber


async def unread(subscriber: Subscriber) -> int:
    count: int = (await subscriber.next_data())["notificationsChanged"]["unreadCount"]
    return count


async def import_with_a_problem(client: ApiClient) -> None:
    variables = {"input": {"text": GIFT_WITH_A_PROBLEM, "format": "GIFT"}}
    assert (await client.gql(IMPORT, variables)).ok()["importQuiz"]["problems"]


async def test_the_count_comes_first_then_rises_and_falls_without_asking(
    server: Deployment,
) -> None:
    school = await server.another_org()
    owner = await school.signed_in("owner")
    subscriber = await counter(school, owner)
    assert await unread(subscriber) == 0
    # a notification for the owner (their import had a problem) is pushed
    await import_with_a_problem(owner)
    assert await unread(subscriber) == 1
    await import_with_a_problem(owner)
    assert await unread(subscriber) == 2
    # and reading them, from another tab, brings it down
    (await owner.gql(MARK, {"input": {"all": True}})).ok()
    assert await unread(subscriber) == 0
    await subscriber.close()


async def test_two_tabs_of_one_member_and_the_legacy_protocol(server: Deployment) -> None:
    school = await server.another_org()
    owner = await school.signed_in("owner")
    tabs = [await counter(school, owner), await counter(school, owner, protocol=LEGACY_WS)]
    assert [await unread(tab) for tab in tabs] == [0, 0]
    await import_with_a_problem(owner)
    assert [await unread(tab) for tab in tabs] == [1, 1]
    for tab in tabs:
        await tab.close()


async def test_a_count_is_only_its_members(server: Deployment) -> None:
    # given the owner and an admin of one org subscribed
    school = await server.another_org()
    owner = await school.signed_in("owner")
    admin_client = school.client()
    await owner.gql(
        "mutation($i: AddMemberInput!) { addMember(input: $i) { member { id } } }",
        {
            "i": {
                "username": "ada",
                "displayName": "Ada",
                "role": "ADMIN",
                "password": "pw-ada-123456",
            }
        },
    )
    assert (await admin_client.login(school.slug, school.portal_code, "ada", "pw-ada-123456")).ok()
    owners, admins = await counter(school, owner), await counter(school, admin_client)
    assert (await unread(owners), await unread(admins)) == (0, 0)
    # when the admin's import has a problem, the admin's count rises
    await import_with_a_problem(admin_client)
    assert await unread(admins) == 1
    # and the owner's next message is their own change, not the admin's
    await import_with_a_problem(owner)
    assert await unread(owners) == 1
    for subscriber in (owners, admins):
        await subscriber.close()


async def test_a_key_without_notifications_read_gets_an_error(server: Deployment) -> None:
    owner = await server.signed_in("owner")
    _id, secret = await key_secret(owner, ["leaderboard:read"])
    subscriber = await Subscriber.connect(
        server.ws_url(), payload={"authorization": f"Bearer {secret}"}
    )
    await subscriber.acknowledged()
    await subscriber.subscribe(COUNT, {"slug": server.slug})
    assert "FORBIDDEN" in str(await subscriber.receive())
    await subscriber.close()


async def test_a_change_on_one_process_reaches_a_subscriber_on_another(
    database_url: str,
) -> None:
    async with deployment(database_url, processes=2, redis_url=REDIS_URL) as pair:
        owner = await pair.signed_in("owner")  # talks to process 0
        subscriber = await counter(pair, owner, index=1)
        assert await unread(subscriber) == 0
        await import_with_a_problem(owner)
        assert await unread(subscriber) == 1
        # both processes heard the import: still one notification
        listed = await owner.gql(
            "query($s: String!) { organization(slug: $s) { notifications { totalCount } } }",
            {"s": pair.slug},
        )
        assert listed.ok()["organization"]["notifications"]["totalCount"] == 1
        await subscriber.close()
