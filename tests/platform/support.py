"""Platform admins for the console's tests: made through the command line's function,
signed in through the API with codes computed by ``pyotp``, as an authenticator app would."""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass
from typing import Any

import pyotp

from app.cli_actions import create_platform_admin
from app.core.clock import utcnow
from tests.support.client import ApiClient, GraphQLResult

PASSWORD = "staff password 42"
PLATFORM_PATH = "/platform/graphql"
_names = itertools.count(1)

BEGIN = """mutation($input: BeginPlatformLoginInput!) {
  beginPlatformLogin(input: $input) { ticket enrolment { secret otpauthUri qrCodeSvg } }
}"""
COMPLETE = """mutation($input: CompletePlatformLoginInput!) {
  completePlatformLogin(input: $input) { username }
}"""
LOGOUT = "mutation { platformLogout { ok } }"


async def console(
    client: ApiClient, query: str, variables: dict[str, Any] | None = None
) -> GraphQLResult:
    """A request to the console's endpoint, with the client's cookies."""
    response = await client.http.post(
        PLATFORM_PATH, json={"query": query, "variables": variables or {}}
    )
    return GraphQLResult(response)


@dataclass
class StaffAdmin:
    username: str
    password: str = PASSWORD
    secret: str | None = None  # known once enrolled

    def code(self, offset_steps: int = 0) -> str:
        """The code an authenticator app shows now (by the app's injectable clock)."""
        assert self.secret is not None
        totp = pyotp.TOTP(self.secret)
        return totp.generate_otp(totp.timecode(utcnow()) + offset_steps)


async def new_admin() -> StaffAdmin:
    username = f"staff-{next(_names)}-{uuid.uuid4().hex[:6]}"
    await create_platform_admin(username, PASSWORD)
    return StaffAdmin(username)


async def begin(client: ApiClient, admin: StaffAdmin, password: str | None = None) -> GraphQLResult:
    return await console(
        client,
        BEGIN,
        {"input": {"username": admin.username, "password": password or admin.password}},
    )


async def complete(client: ApiClient, ticket: str, code: str) -> GraphQLResult:
    return await console(client, COMPLETE, {"input": {"ticket": ticket, "code": code}})


async def sign_in(client: ApiClient, admin: StaffAdmin) -> None:
    """Password, enrolment the first time (the secret read from the answer), code."""
    started = (await begin(client, admin)).ok()["beginPlatformLogin"]
    if started["enrolment"] is not None:
        admin.secret = started["enrolment"]["secret"]
    done = await complete(client, started["ticket"], admin.code())
    assert done.ok()["completePlatformLogin"]["username"] == admin.username
