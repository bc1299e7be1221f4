"""Board cursors: the position of an entry on its board, opaque to clients.

A cursor names the entry it was given with by its place in board order (score, then
for a quiz board time taken and submission time, then member id), so the next page is
an index range read starting just after it, at any depth (keyset pagination), and a
page boundary neither skips nor repeats an entry while the board doesn't change.

Cursors of the earlier format (an offset, ``cursor:N``) are still accepted and read as
offsets, so clients holding one keep working; every page now hands out keyset cursors.
"""

from __future__ import annotations

import base64
import math
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from app.core.errors import BadUserInput
from app.core.pagination import decode_cursor

_PREFIX = "lb1|"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)
# Timestamps a cursor may carry (microseconds since 1970), far past any result.
_MAX_MICROS = 2**62


@dataclass(frozen=True, slots=True)
class BoardKey:
    """An entry's place in board order. ``duration_ms`` and ``at`` (the best result's
    time taken and submission) are set on quiz boards and None on org-wide ones."""

    score: float
    duration_ms: int | None
    at: datetime | None
    member_id: uuid.UUID

    @property
    def per_quiz(self) -> bool:
        return self.duration_ms is not None


@dataclass(frozen=True, slots=True)
class Offset:
    """A cursor of the earlier format: the page starts at this offset."""

    offset: int


After = BoardKey | Offset | None


def encode(key: BoardKey) -> str:
    fields = [repr(float(key.score))]
    if key.per_quiz:
        assert key.at is not None and key.duration_ms is not None
        fields += [str(key.duration_ms), str((key.at.astimezone(UTC) - _EPOCH) // _MICROSECOND)]
    text = _PREFIX + "|".join([*fields, key.member_id.hex])
    return base64.b64encode(text.encode()).decode()


def decode(cursor: str | None, *, per_quiz: bool) -> After:
    """The position ``cursor`` names on a quiz board (``per_quiz``) or an org-wide one;
    BAD_USER_INPUT for anything this API didn't give out for such a board."""
    if cursor is None:
        return None
    try:
        text = base64.b64decode(cursor.encode("ascii"), validate=True).decode("ascii")
    except ValueError as error:
        raise _not_ours() from error
    if not text.startswith(_PREFIX):
        return Offset(decode_cursor(cursor))  # the earlier format, or BAD_USER_INPUT
    fields = text.removeprefix(_PREFIX).split("|")
    if len(fields) != (4 if per_quiz else 2):
        raise BadUserInput({"after": "is a cursor of another kind of board"})
    try:
        key = _key(fields)
    except (ValueError, OverflowError) as error:
        raise _not_ours() from error
    return key


def _key(fields: list[str]) -> BoardKey:
    score = float(fields[0])
    if not math.isfinite(score) or repr(score) != fields[0]:
        raise ValueError("not a score this API writes")
    member = uuid.UUID(hex=fields[-1])
    if member.hex != fields[-1]:
        raise ValueError("not a member id this API writes")
    if len(fields) == 2:
        return BoardKey(score, None, None, member)
    duration, micros = _natural(fields[1]), _natural(fields[2])
    if micros > _MAX_MICROS or duration > 2**31 - 1:
        raise ValueError("out of range")
    return BoardKey(score, duration, _EPOCH + micros * _MICROSECOND, member)


def _natural(text: str) -> int:
    if not text.isascii() or not text.isdigit() or (len(text) > 1 and text[0] == "0"):
        raise ValueError("not a number this API writes")
    return int(text)


def _not_ours() -> BadUserInput:
    return BadUserInput({"after": "is not a cursor this API gave out"})
