"""Each attempt's own question and option order, derived from the attempt's id.

Seeding a private ``random.Random`` with the attempt id (and the question id for
options) makes the order stable for that attempt on every request and every server,
without storing it, and different between attempts.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def question_order(attempt_id: uuid.UUID, items: Sequence[T], shuffle: bool) -> list[T]:
    return _shuffled(attempt_id.int, items) if shuffle else list(items)


def option_seed(attempt_id: uuid.UUID, question_id: uuid.UUID) -> int:
    return attempt_id.int ^ question_id.int


def shuffled(seed: int | None, items: Sequence[T]) -> list[T]:
    """``items`` in the order of ``seed``; as they are when there is no seed."""
    return list(items) if seed is None else _shuffled(seed, items)


def _shuffled(seed: int, items: Sequence[T]) -> list[T]:
    ordered = list(items)
    random.Random(seed).shuffle(ordered)
    return ordered
