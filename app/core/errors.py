"""The small family of domain errors, one per code of the contract (section 5).

Services raise these; the GraphQL layer turns them into errors whose
``extensions.code`` is the class's ``code``. Anything else is masked as INTERNAL.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar


class AppError(Exception):
    code: ClassVar[str] = "INTERNAL"
    default_message: ClassVar[str] = "Something went wrong."

    def __init__(self, message: str | None = None, **extensions: Any) -> None:
        super().__init__(message or self.default_message)
        self.message = message or self.default_message
        self.extensions = extensions

    def as_extensions(self) -> dict[str, Any]:
        return {"code": self.code, **self.extensions}


class Unauthenticated(AppError):
    code = "UNAUTHENTICATED"
    default_message = "You need to sign in or send an API key."


class Forbidden(AppError):
    code = "FORBIDDEN"
    default_message = "You are not allowed to do this."


class InsufficientScopes(Forbidden):
    def __init__(self, required: Iterable[str], granted: Iterable[str], holder: str) -> None:
        required_list, granted_list = sorted(required), sorted(granted)
        super().__init__(
            f"Insufficient scopes. Required: {', '.join(required_list)}. "
            f"Your {holder} has: {', '.join(granted_list) or 'no scopes'}",
            requiredScopes=required_list,
            grantedScopes=granted_list,
        )


class NotFound(AppError):
    code = "NOT_FOUND"
    default_message = "No such object."


class BadUserInput(AppError):
    code = "BAD_USER_INPUT"
    default_message = "Some of the input is invalid."

    def __init__(self, fields: dict[str, str], message: str | None = None) -> None:
        summary = message or "; ".join(f"{name}: {problem}" for name, problem in fields.items())
        super().__init__(summary, fields=fields)


class Conflict(AppError):
    code = "CONFLICT"
    default_message = "This conflicts with existing data."


class InvalidCredentials(AppError):
    code = "INVALID_CREDENTIALS"
    default_message = "The organization, portal code, username or password is wrong."


class RateLimited(AppError):
    code = "RATE_LIMITED"

    def __init__(self, retry_after_seconds: int, message: str | None = None) -> None:
        seconds = max(1, retry_after_seconds)
        super().__init__(
            message or f"Too many attempts. Try again in {seconds} seconds.",
            retryAfterSeconds=seconds,
        )
        self.retry_after_seconds = seconds


class UserDisabled(AppError):
    code = "USER_DISABLED"
    default_message = "This member account is disabled."


class PasswordChangeRequired(AppError):
    """A session signed in with a temporary password: it may only change the password
    (``changeMyPassword``), sign out and read the viewer. An addition to the contract's
    codes (docs/accounts.md)."""

    code = "PASSWORD_CHANGE_REQUIRED"
    default_message = "Choose a new password first: you signed in with a temporary one."


class OrgDisabled(AppError):
    code = "ORG_DISABLED"
    default_message = "This organization is disabled."


class QueryTooComplex(AppError):
    code = "QUERY_TOO_COMPLEX"
    default_message = "The query is too complex."


class InvalidApiKey(AppError):
    code = "INVALID_API_KEY"
    default_message = "The API key is invalid or has been revoked."


class ApiAccessDisabled(AppError):
    code = "API_ACCESS_DISABLED"
    default_message = "API access is switched off for this organization."


class CsrfRejected(AppError):
    code = "FORBIDDEN"
    default_message = (
        "A request signed in with a cookie must be a POST with a JSON body from an allowed origin."
    )


class PayloadTooLarge(AppError):
    code = "PAYLOAD_TOO_LARGE"
    default_message = "The request body is too large."


# Persisted queries (docs/persisted-queries.md). The first two messages are Apollo's
# words, which clients (Apollo's link, urql's persisted exchange) match to retry.
class PersistedQueryNotFound(AppError):
    code = "PERSISTED_QUERY_NOT_FOUND"
    default_message = "PersistedQueryNotFound"


class PersistedQueryNotSupported(AppError):
    code = "PERSISTED_QUERY_NOT_SUPPORTED"
    default_message = "PersistedQueryNotSupported"


class PersistedQueryNotInList(AppError):
    code = "PERSISTED_QUERY_NOT_IN_LIST"
    default_message = (
        "This server runs only documents registered ahead of time (trusted documents), "
        "and this one is not registered."
    )
