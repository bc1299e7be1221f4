"""Relay cursor connections over a SQL query (``first``/``after``, default 20, at most 100).

Cursors are opaque offsets; every list the API pages through has a total order
(a unique column last in its ORDER BY), so offsets are stable between pages.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.core.errors import BadUserInput

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
PAGE_SIZE_DESCRIPTION = (
    f"How many items to return: {DEFAULT_PAGE_SIZE} when left out, at most {MAX_PAGE_SIZE}."
)
_PREFIX = "cursor:"
# Exactly what ``encode_cursor`` writes: a non-negative offset in plain ASCII digits,
# small enough for any database's OFFSET (a forged huge or negative one is refused).
_OFFSET = re.compile(r"0|[1-9][0-9]{0,9}")
MAX_OFFSET = 2**31 - 2

T = TypeVar("T")


Count = Callable[[], Awaitable[int]]


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: Sequence[T]
    offset: int
    has_next: bool
    # Counting every match costs a scan; it runs only when a client asks for totalCount.
    count: Count

    def cursor(self, index: int) -> str:
        return encode_cursor(self.offset + index)


def encode_cursor(offset: int) -> str:
    return base64.b64encode(f"{_PREFIX}{offset}".encode()).decode()


def decode_cursor(cursor: str | None) -> int:
    """The offset just after ``cursor`` (0 when there is none)."""
    if cursor is None:
        return 0
    try:
        text = base64.b64decode(cursor.encode("ascii"), validate=True).decode("ascii")
    except ValueError as error:  # not base64, or not ASCII inside
        raise _not_ours() from error
    digits = text.removeprefix(_PREFIX)
    if digits == text or not _OFFSET.fullmatch(digits) or int(digits) > MAX_OFFSET:
        raise _not_ours()
    return int(digits) + 1


def _not_ours() -> BadUserInput:
    return BadUserInput({"after": "is not a cursor this API gave out"})


def page_size(first: int | None) -> int:
    if first is None:
        return DEFAULT_PAGE_SIZE
    if not 0 <= first <= MAX_PAGE_SIZE:
        raise BadUserInput({"first": f"must be between 0 and {MAX_PAGE_SIZE}"})
    return first


async def fetch_page(
    db: AsyncSession,
    query: Select[Any],
    *,
    first: int | None,
    after: str | None,
    scalars: bool = True,
) -> Page[Any]:
    size, offset = page_size(first), decode_cursor(after)
    rows = await db.execute(query.offset(offset).limit(size + 1))
    items = list(rows.scalars().all() if scalars else rows.all())
    return Page(items[:size], offset, len(items) > size, counter(db, query))


def counter(db: AsyncSession, query: Select[Any]) -> Count:
    """A deferred count of the rows ``query`` matches."""

    async def count() -> int:
        total_query = select(func.count()).select_from(query.order_by(None).subquery())
        return int((await db.execute(total_query)).scalar_one())

    return count


def map_page(page: Page[Any], convert: Callable[[Any], T]) -> Page[T]:
    return Page([convert(item) for item in page.items], page.offset, page.has_next, page.count)
