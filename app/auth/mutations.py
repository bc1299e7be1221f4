"""``login`` and ``logout``; the session cookie is set and cleared here."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from app.auth import service
from app.auth.tokens import SESSION_COOKIE
from app.auth.types import Viewer
from app.core.errors import RateLimited
from app.core.settings import get_settings
from app.graphql.inputs import INPUT
from app.graphql.permissions import public
from app.orgs import org_settings


@strawberry.input(description="Sign in on an organization's portal.")
class LoginInput:
    org_slug: str = strawberry.field(description="The organization's slug.")
    portal_code: str = strawberry.field(description="The organization's portal code.")
    username: str = strawberry.field(description="Your username.")
    password: str = strawberry.field(description="Your password.")


@strawberry.type
class LoginPayload:
    viewer: Viewer = strawberry.field(description="Who you are now.")


@strawberry.input(description="No fields: ends the current session.")
class LogoutInput:
    client_mutation_id: str | None = strawberry.field(
        default=None, description="Echoed back, for clients that track requests."
    )


@strawberry.type
class LogoutPayload:
    ok: bool = strawberry.field(description="True when a session was ended.")


@strawberry.type
class AuthMutations:
    @strawberry.mutation(
        description=(
            "Sign in. Every wrong value gives INVALID_CREDENTIALS; sets the qg_session cookie."
        ),
        permission_classes=[public()],
    )
    async def login(
        self,
        info: Info,
        input: Annotated[LoginInput, INPUT],
    ) -> LoginPayload:
        try:
            _member, org, token = await service.login(
                info.context.sc,
                org_slug=input.org_slug,
                portal_code=input.portal_code,
                username=input.username,
                password=input.password,
            )
        except RateLimited as error:
            # A throttled login is refused like any spent limit (contract section 5):
            # 429 with Retry-After, so clients and proxies back off without reading the body.
            info.context.response.status_code = 429
            info.context.response.headers["Retry-After"] = str(error.retry_after_seconds)
            raise
        settings = get_settings()
        info.context.response.set_cookie(
            SESSION_COOKIE,
            token,
            max_age=int(org_settings.session_lengths(org).lifetime.total_seconds()),
            httponly=True,
            samesite="lax",
            secure=settings.secure_cookies,
            path="/",
        )
        return LoginPayload(viewer=Viewer(actor=info.context.actor))

    @strawberry.mutation(
        description="Sign out: the session ends on the server and the cookie is cleared.",
        # without a session there is nothing to end: ok is false, never an error
        permission_classes=[public()],
    )
    async def logout(
        self,
        info: Info,
        input: Annotated[LogoutInput | None, INPUT] = None,
    ) -> LogoutPayload:
        ended = await service.logout(info.context.sc)
        info.context.response.delete_cookie(SESSION_COOKIE, path="/")
        return LogoutPayload(ok=ended)
