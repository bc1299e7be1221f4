"""An org's password policy and the one check every new password passes.

Every path that sets a password asks ``check`` (adding a member, a temporary password,
a reset link, a change, a CSV import), so a refusal always reads the same: a message
per field (``extensions.fields``) and a stable code per field (``extensions.fieldCodes``):

- ``PASSWORD_TOO_SHORT``: under the org's minimum length (``minLength``, 8 by default,
  which an owner sets between ``MIN_LENGTH_FLOOR`` and ``MIN_LENGTH_CEILING``);
- ``PASSWORD_TOO_LONG``: over ``MAX_LENGTH`` characters;
- ``PASSWORD_CONTROL_CHARACTERS``: holds control or format characters;
- ``PASSWORD_CONTAINS_USERNAME``: holds the member's username;
- ``PASSWORD_COMMON``: one of the 30,000 most common passwords of zxcvbn's list (its
  ``passwords`` frequency list, matched case-insensitively), unless the org turned
  that check off.

Only the list lookup of zxcvbn is used, not its strength estimate: the estimate is pure
Python and costs milliseconds per password, too much for a 5,000-row import on the
event loop; the lookup is one set membership.
"""

from __future__ import annotations

import unicodedata
import uuid
from dataclasses import dataclass

from zxcvbn.matching import RANKED_DICTIONARIES

from app.access.request import ServiceContext
from app.accounts import repository
from app.core.errors import BadUserInput

MIN_LENGTH_FLOOR, MIN_LENGTH_CEILING = 8, 64
MAX_LENGTH = 256
# Only usernames this long count as "contained": a 3-letter one would refuse too much.
USERNAME_CHECK_MIN = 4

_COMMON: dict[str, int] = RANKED_DICTIONARIES["passwords"]
COMMON_LIST_SIZE = len(_COMMON)


@dataclass(frozen=True, slots=True)
class Policy:
    min_length: int
    reject_common: bool


DEFAULT = Policy(min_length=8, reject_common=True)


@dataclass(frozen=True, slots=True)
class Refusal:
    code: str
    message: str


class PasswordRefused(BadUserInput):
    """BAD_USER_INPUT naming the refused password fields, with a code for each."""

    def __init__(self, refusals: dict[str, Refusal]) -> None:
        super().__init__({field: refusal.message for field, refusal in refusals.items()})
        self.extensions["fieldCodes"] = {field: r.code for field, r in refusals.items()}


def refusal(password: str, policy: Policy, *, username: str | None = None) -> Refusal | None:
    """Why ``password`` is refused under ``policy`` (None: it is accepted)."""
    if len(password) < policy.min_length:
        return Refusal(
            "PASSWORD_TOO_SHORT",
            f"needs at least {policy.min_length} characters (this organization's minimum)",
        )
    if len(password) > MAX_LENGTH:
        return Refusal("PASSWORD_TOO_LONG", f"must be at most {MAX_LENGTH} characters")
    if any(unicodedata.category(char) in {"Cc", "Cf"} for char in password):
        return Refusal("PASSWORD_CONTROL_CHARACTERS", "must not contain control characters")
    lowered = password.lower()
    if username and len(username) >= USERNAME_CHECK_MIN and username.lower() in lowered:
        return Refusal("PASSWORD_CONTAINS_USERNAME", "must not contain the username")
    rank = _COMMON.get(lowered) if policy.reject_common else None
    if rank is not None:
        return Refusal(
            "PASSWORD_COMMON",
            f"is one of the {COMMON_LIST_SIZE:,} most common passwords (number {rank:,}), "
            "among the first any attacker tries",
        )
    return None


async def policy_of(sc: ServiceContext, org_id: uuid.UUID) -> Policy:
    """The org's policy (the defaults until an owner changes it). No scope check: whoever
    sets a password is told the rules it must meet."""
    row = await repository.policy_row(sc.db, org_id)
    if row is None:
        return DEFAULT
    return Policy(min_length=row.min_length, reject_common=row.reject_common)


async def check(
    sc: ServiceContext, org_id: uuid.UUID, field: str, password: str, *, username: str | None
) -> None:
    """Raise PasswordRefused (BAD_USER_INPUT on ``field``) unless the org's policy
    accepts ``password`` for the member named ``username``."""
    found = refusal(password, await policy_of(sc, org_id), username=username)
    if found is not None:
        raise PasswordRefused({field: found})
