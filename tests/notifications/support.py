"""GraphQL documents and helpers of the notification tests."""

from __future__ import annotations

import uuid
from typing import Any

from strawberry import relay

from app.events.bus import Event, get_bus
from app.notifications.producer import Producer
from tests.support.client import ApiClient

NOTIFICATIONS = """query($slug: String!, $unread: Boolean, $type: NotificationType, $first: Int) {
  organization(slug: $slug) {
    notifications(unread: $unread, type: $type, first: $first) {
      unreadCount totalCount
      edges { node { id type title body link subjectId read readAt createdAt } }
    }
  }
}"""
MARK = """mutation($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) {
  notifications { id read } markedCount unreadCount } }"""
NODE = """query($id: ID!) { node(id: $id) { id ... on Notification { title read } } }"""
CREATE_KEY = """mutation($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { apiKey { id } secret } }"""


def gid(type_name: str, row_id: uuid.UUID) -> str:
    return str(relay.GlobalID(type_name, str(row_id)))


async def listed(client: ApiClient, slug: str, **filters: Any) -> dict[str, Any]:
    """The ``notifications`` connection as ``client`` sees it (ok or failing loudly)."""
    result = await client.gql(NOTIFICATIONS, {"slug": slug, "first": 100, **filters})
    found: dict[str, Any] = result.ok()["organization"]["notifications"]
    return found


async def nodes(client: ApiClient, slug: str, **filters: Any) -> list[dict[str, Any]]:
    return [edge["node"] for edge in (await listed(client, slug, **filters))["edges"]]


async def types_seen(client: ApiClient, slug: str) -> list[str]:
    return [node["type"] for node in await nodes(client, slug)]


async def publish(producer: Producer, event: Event) -> None:
    """Publish as a committed change would, and wait until the producer has handled it."""
    await get_bus().publish(event)
    await producer.settled()


async def key_secret(owner: ApiClient, scopes: list[str], **extra: Any) -> tuple[str, str]:
    created = (
        await owner.gql(CREATE_KEY, {"input": {"name": "bell", "scopes": scopes, **extra}})
    ).ok()["createApiKey"]
    return created["apiKey"]["id"], created["secret"]
