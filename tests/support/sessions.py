"""Watching the request sessions a test's requests build, and warming the credential
cache first: for tests of what a request answers without opening a session."""

from __future__ import annotations

from typing import Any

import pytest

from app.core.db import RequestSession
from tests.support.client import ApiClient


def record_sessions(monkeypatch: pytest.MonkeyPatch) -> list[RequestSession]:
    """Every ``RequestSession`` built from now on (until ``monkeypatch`` is undone);
    ``session.opened`` tells whether anything used it."""
    made: list[RequestSession] = []
    init = RequestSession.__init__

    def noted(self: RequestSession, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **kwargs)
        made.append(self)

    monkeypatch.setattr(RequestSession, "__init__", noted)
    return made


async def warm_credential_cache(
    client: ApiClient, query: str, variables: dict[str, Any] | None = None
) -> None:
    """Ask ``query`` twice: the first request verifies the credential, the second
    fills its cache entry; from then on the door answers from the cache."""
    for _ in range(2):
        await client.gql(query, variables)
