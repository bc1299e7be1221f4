"""``periodic.every``'s options beyond the interval: a final pass at shutdown, an early
wake, a delay of the pass's choosing, and a pass under way let finish at the end.

Every wait here is on an event the pass sets, bounded by a timeout; the interval is an
hour, so a pass that comes at all came for the reason the test gives."""

from __future__ import annotations

import asyncio
import logging

import pytest

from app.core import periodic

HOUR = 3600.0
logger = logging.getLogger("tests.periodic")


class Passes:
    """A pass that counts itself and lets a test wait for the n-th."""

    def __init__(self) -> None:
        self.count = 0
        self._changed = asyncio.Event()

    async def __call__(self) -> None:
        self.count += 1
        self._changed.set()

    async def reach(self, count: int) -> None:
        async def until() -> None:
            while self.count < count:
                self._changed.clear()
                await self._changed.wait()

        await asyncio.wait_for(until(), 5)


async def test_the_final_pass_runs_once_on_the_way_out() -> None:
    passes, finals = Passes(), Passes()
    async with periodic.every(HOUR, passes, name="t", logger=logger, final_pass=finals):
        assert finals.count == 0
    assert (passes.count, finals.count) == (0, 1)  # no pass came in an hour; the final did


async def test_a_failed_final_pass_is_logged_and_the_exit_goes_on(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def fails() -> None:
        raise RuntimeError("database gone")

    async with periodic.every(HOUR, Passes(), name="flush", logger=logger, final_pass=fails):
        pass
    assert "flush: the final pass at shutdown failed" in caplog.text
    assert "database gone" in caplog.text


async def test_no_pass_at_all_with_an_interval_of_zero() -> None:
    passes, finals = Passes(), Passes()
    async with periodic.every(0, passes, name="t", logger=logger, final_pass=finals):
        pass
    assert (passes.count, finals.count) == (0, 0)


async def test_wake_ends_the_wait_and_each_set_brings_one_pass() -> None:
    passes, wake = Passes(), asyncio.Event()
    async with periodic.every(
        HOUR, passes, name="t", logger=logger, first_at_start=True, wake=wake
    ):
        await passes.reach(1)
        wake.set()
        await passes.reach(2)
        wake.set()
        await passes.reach(3)
    assert passes.count == 3
    assert not wake.is_set()  # cleared before each pass


async def test_a_wake_set_as_it_stops_does_not_keep_the_loop_running() -> None:
    passes, wake = Passes(), asyncio.Event()

    async def woken_at_the_end() -> None:
        async with periodic.every(
            HOUR, passes, name="t", logger=logger, first_at_start=True, wake=wake
        ):
            await passes.reach(1)
            wake.set()  # ends the loop's wait as the exit cancels it

    await asyncio.wait_for(woken_at_the_end(), 5)
    assert passes.count == 1  # no pass after the exit began


async def test_delay_replaces_the_interval_after_each_pass() -> None:
    passes = Passes()
    delays: list[int] = []

    def delay() -> float:
        delays.append(passes.count)
        return 0.0 if passes.count < 3 else HOUR

    async with periodic.every(
        HOUR, passes, name="t", logger=logger, first_at_start=True, delay=delay
    ):
        await passes.reach(3)
    assert passes.count == 3
    assert delays == [1, 2, 3]  # asked after each pass


async def _stop_during_a_pass(grace: float, *, released: bool) -> list[str]:
    """Leave ``every`` while its pass waits; the pass is released (if at all) only once
    the exit has begun. What the pass got to do."""
    entered, release = asyncio.Event(), asyncio.Event()
    done: list[str] = []

    async def one_pass() -> None:
        entered.set()
        try:
            await release.wait()
            done.append("finished")
        except asyncio.CancelledError:
            done.append("cancelled")
            raise

    async with periodic.every(
        HOUR, one_pass, name="t", logger=logger, first_at_start=True, grace=grace
    ):
        await asyncio.wait_for(entered.wait(), 5)
        if released:
            # Runs after the exit below has started (it runs on until it awaits).
            asyncio.get_running_loop().call_soon(release.set)
    return done


async def test_a_pass_under_way_is_let_finish_within_the_grace() -> None:
    assert await _stop_during_a_pass(5, released=True) == ["finished"]


async def test_without_a_grace_the_pass_under_way_is_cancelled() -> None:
    assert await _stop_during_a_pass(0, released=True) == ["cancelled"]


async def test_a_pass_that_outlasts_the_grace_is_cancelled() -> None:
    assert await _stop_during_a_pass(0.05, released=False) == ["cancelled"]
