"""Fixtures for the API key tests: a frozen clock that is always put back."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.core import clock as clock_module
from app.core.clock import FrozenClock, set_clock


@pytest.fixture
def frozen_clock() -> Iterator[FrozenClock]:
    previous = clock_module.clock
    frozen = FrozenClock()
    set_clock(frozen)
    try:
        yield frozen
    finally:
        set_clock(previous)
