"""Input checks shared by services; problems collect per field into one BAD_USER_INPUT."""

from __future__ import annotations

import re
import unicodedata

from app.core.errors import BadUserInput

USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{1,62}[a-z0-9]$")
SLUG_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
PASSWORD_MIN, PASSWORD_MAX = 10, 256

# Characters no column can hold: NUL (PostgreSQL text refuses it) and lone UTF-16
# surrogates (no UTF-8 encoding exists for them, so neither database can store them).
UNSTORABLE_MESSAGE = (
    "must not contain NUL (U+0000) or unpaired surrogate (U+D800-U+DFFF) characters"
)
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def has_unstorable_characters(value: str) -> bool:
    return _UNSTORABLE.search(value) is not None


def without_unstorable_characters(value: str) -> str:
    """``value`` fit to echo in a message (U+FFFD in place of each unstorable character)."""
    return _UNSTORABLE.sub("\ufffd", value)


def has_control_characters(value: str) -> bool:
    return any(unicodedata.category(char) in {"Cc", "Cf"} for char in value)


class Problems:
    """Collects field problems; ``raise_if_any`` turns them into one error."""

    def __init__(self) -> None:
        self.fields: dict[str, str] = {}

    def add(self, field: str, message: str) -> None:
        self.fields.setdefault(field, message)

    def text(self, field: str, value: str, *, max_length: int, min_length: int = 1) -> str:
        cleaned = value.strip()
        if has_control_characters(cleaned):
            self.add(field, "must not contain control characters")
        elif len(cleaned) < min_length:
            self.add(
                field,
                "must not be empty"
                if min_length == 1
                else f"needs at least {min_length} characters",
            )
        elif len(cleaned) > max_length:
            self.add(field, f"must be at most {max_length} characters")
        return cleaned

    def username(self, field: str, value: str) -> str:
        cleaned = value.strip().lower()
        if not USERNAME_RE.match(cleaned):
            self.add(
                field,
                "must be 3-64 characters of a-z, 0-9, '.', '_' or '-', "
                "starting and ending with a letter or digit",
            )
        return cleaned

    def slug(self, field: str, value: str) -> str:
        cleaned = value.strip().lower()
        if not SLUG_RE.match(cleaned):
            self.add(
                field,
                "must be 1-63 characters of a-z, 0-9 and '-', not starting or ending with '-'",
            )
        return cleaned

    def password(self, field: str, value: str) -> str:
        if len(value) < PASSWORD_MIN:
            self.add(field, f"needs at least {PASSWORD_MIN} characters")
        elif len(value) > PASSWORD_MAX:
            self.add(field, f"must be at most {PASSWORD_MAX} characters")
        elif has_control_characters(value):
            self.add(field, "must not contain control characters")
        return value

    def raise_if_any(self) -> None:
        if self.fields:
            raise BadUserInput(self.fields)
