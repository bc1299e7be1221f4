"""A socket's send queue: sends at once when it can, the newest frame wins while it
can't, and a client that stops reading is closed after the bound."""

from __future__ import annotations

import asyncio

from app.graphql.live import MAX_SUPERSEDED, SLOW_CONSUMER_CLOSE, SocketSender
from tests.graphql.live.support import FakeSocket


async def settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


async def test_an_idle_socket_is_written_at_once_without_a_task() -> None:
    socket = FakeSocket()
    tasks_before = len(asyncio.all_tasks())
    socket.sender.offer("1", "frame 1")
    # the frame went out inside offer(): nothing scheduled, nothing waiting
    assert socket.frames == ["frame 1"]
    assert not socket.sender.busy and socket.sender.waiting == 0
    assert len(asyncio.all_tasks()) == tasks_before
    assert socket.sender.sent == 1


async def test_while_a_send_waits_the_newest_frame_per_operation_wins() -> None:
    socket = FakeSocket()
    socket.writable.clear()  # the client stopped reading: the transport paused
    socket.sender.offer("1", "a1")  # stalls
    socket.sender.offer("1", "a2")
    socket.sender.offer("2", "b1")
    socket.sender.offer("1", "a3")  # replaces a2
    assert socket.sender.busy and socket.sender.waiting == 2
    assert socket.sender.superseded == 1
    # when the client reads again
    socket.writable.set()
    await settle()
    # then it gets the stalled frame, then the newest per operation, oldest operation first
    assert socket.frames == ["a1", "a3", "b1"]
    assert not socket.sender.busy and socket.sender.superseded == 0
    # and the next frame goes out at once again
    socket.sender.offer("1", "a4")
    assert socket.frames[-1] == "a4"


async def test_a_client_that_stops_reading_is_closed_after_the_bound_others_get_everything() -> (
    None
):
    slow, fast = FakeSocket(), FakeSocket()
    slow.writable.clear()
    updates = MAX_SUPERSEDED + 5
    for n in range(updates):
        for socket in (slow, fast):
            socket.sender.offer("1", f"update {n}")
    await settle()
    # the slow one is closed with the documented code, its stalled send cancelled
    assert slow.closed_with is not None and slow.closed_with[0] == SLOW_CONSUMER_CLOSE == 4008
    assert slow.sender.closed and slow.cancelled_sends == 1 and slow.frames == []
    # the closing happened exactly at the bound: the first frame stalled, the second
    # queued, and each later one replaced the queued one
    assert slow.sender.superseded == MAX_SUPERSEDED
    # the fast one got every update, in order
    assert fast.frames == [f"update {n}" for n in range(updates)]
    assert fast.closed_with is None
    # and offering to a closed socket does nothing
    slow.writable.set()
    slow.sender.offer("1", "late")
    await settle()
    assert slow.frames == []


async def test_a_slow_client_that_keeps_reading_is_never_closed() -> None:
    socket = FakeSocket()
    socket.sender.max_superseded = 3
    for round_ in range(20):
        socket.writable.clear()
        for n in range(3):  # two replaced per round: under the bound of 3
            socket.sender.offer("1", f"{round_}.{n}")
        socket.writable.set()
        await settle()
    assert socket.closed_with is None
    assert socket.frames[-1] == "19.2" and len(socket.frames) == 40


async def test_a_send_that_fails_gives_the_socket_up_quietly() -> None:
    socket = FakeSocket(fail=True)
    socket.sender.offer("1", "x")  # raises inside the send: not to the caller
    assert socket.sender.closed and socket.closed_with is None
    # failing after a stall too
    stalled = FakeSocket(fail=True)
    stalled.writable.clear()
    stalled.sender.offer("1", "x")
    stalled.writable.set()
    await settle()
    assert stalled.sender.closed and not stalled.sender.busy


async def test_an_ended_operation_loses_its_queued_frame() -> None:
    socket = FakeSocket()
    socket.writable.clear()
    socket.sender.offer("1", "a1")
    socket.sender.offer("2", "b1")
    socket.sender.discard("2")
    socket.writable.set()
    await settle()
    assert socket.frames == ["a1"]


async def test_detaching_cancels_the_stalled_send() -> None:
    socket = FakeSocket()
    socket.writable.clear()
    socket.sender.offer("1", "a1")
    await settle()
    socket.sender.detach()
    await settle()
    assert socket.cancelled_sends == 1 and socket.closed_with is None
    assert not socket.sender.busy


async def test_a_send_suspending_several_times_is_finished_by_the_task() -> None:
    steps: list[str] = []

    async def send(frame: str) -> None:
        steps.append(f"start {frame}")
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        steps.append(f"end {frame}")

    async def close(code: int, reason: str) -> None:
        raise AssertionError("not closed")

    sender = SocketSender(send, close)
    sender.offer("1", "a")
    assert sender.busy and steps == ["start a"]
    sender.offer("1", "b")
    await settle()
    assert steps == ["start a", "end a", "start b", "end b"] and sender.sent == 2


class FakeTransport:
    """A protocol's raw frames: takes every frame; ``taking`` says whether it is past
    its high-water mark afterwards."""

    def __init__(self) -> None:
        self.frames: list[bytes] = []
        self.taking = True
        self.gone = False
        self.resumed = asyncio.Event()
        self.resumed.set()
        self.closed_with: tuple[int, str] | None = None

    def write(self, frame: bytes) -> bool | None:
        if self.gone:
            return None
        self.frames.append(frame)
        return self.taking

    async def drained(self) -> None:
        await self.resumed.wait()

    def pause(self) -> None:
        self.taking = False
        self.resumed.clear()

    def resume(self) -> None:
        self.taking = True
        self.resumed.set()

    async def close(self, code: int, reason: str) -> None:
        self.closed_with = (code, reason)


def raw_sender(transport: FakeTransport) -> SocketSender:
    async def unused(_frame: object) -> None:
        raise AssertionError("a raw sender never sends through ASGI")

    return SocketSender(unused, transport.close, raw=transport)


async def test_raw_frames_are_written_at_once_and_queue_while_the_transport_is_paused() -> None:
    transport = FakeTransport()
    sender = raw_sender(transport)
    tasks_before = len(asyncio.all_tasks())
    sender.offer("1", b"a1")
    assert transport.frames == [b"a1"] and not sender.busy
    assert len(asyncio.all_tasks()) == tasks_before
    # when a write leaves the transport past its high-water mark
    transport.pause()
    sender.offer("1", b"a2")  # written (the transport takes it), then the socket stalls
    sender.offer("1", b"a3")
    sender.offer("2", b"b1")
    sender.offer("1", b"a4")  # replaces a3
    assert transport.frames == [b"a1", b"a2"] and sender.busy and sender.superseded == 1
    # then, drained, the newest frame per operation goes out, oldest operation first
    transport.resume()
    await settle()
    assert transport.frames == [b"a1", b"a2", b"a4", b"b1"]
    assert not sender.busy and sender.superseded == 0


async def test_a_raw_socket_that_stays_paused_is_closed_with_4008() -> None:
    transport = FakeTransport()
    sender = raw_sender(transport)
    transport.pause()
    sender.offer("1", b"first")
    for n in range(MAX_SUPERSEDED + 1):
        sender.offer("1", f"f{n}".encode())
    await settle()
    assert transport.closed_with is not None and transport.closed_with[0] == SLOW_CONSUMER_CLOSE
    assert sender.closed and transport.frames == [b"first"]
    # a connection that is gone takes nothing and ends the sender quietly
    gone = FakeTransport()
    gone.gone = True
    other = raw_sender(gone)
    other.offer("1", b"x")
    assert other.closed and gone.frames == []
