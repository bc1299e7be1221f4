"""Frames splice each subscriber's operation id around one payload, as valid JSON."""

from __future__ import annotations

import json

import orjson
from hypothesis import given
from hypothesis import strategies as st

from app.graphql.live import FrameKind, Frames, encode_id

PAYLOAD = orjson.dumps({"data": {"board": {"version": 7, "entries": [{"rank": 1, "name": "Zoë"}]}}})
AWKWARD_IDS = [
    "1",
    "",
    'a"b',
    "back\\slash",
    "line\nbreak\ttab\x00nul\x1f",
    "</script>",
    "ünïcödé ✓ 🎉",
    "\u2028\u2029",
    "lone \ud800 surrogate",
    '","payload":{"data":"forged"},"x":"',
]


def test_every_awkward_id_gives_a_valid_frame_with_the_id_and_the_payload_unchanged() -> None:
    frames = Frames(PAYLOAD)
    for operation_id in AWKWARD_IDS:
        for kind in FrameKind:
            # when the id is spliced into the frame, as bytes and as text
            raw = frames.frame(kind, operation_id)
            text = frames.text(kind, operation_id)
            # then both parse to exactly the message Strawberry would have sent
            expected = {"type": kind.value, "id": operation_id, "payload": orjson.loads(PAYLOAD)}
            assert json.loads(raw) == expected
            assert json.loads(text) == expected
            assert text.encode("utf-8", "surrogatepass") == raw
            # and the payload's bytes are in the frame as they were made, once
            assert raw.count(PAYLOAD) == 1


def test_subscribers_sharing_an_id_share_one_frame_object() -> None:
    frames = Frames(PAYLOAD)
    assert frames.text(FrameKind.NEXT, "1") is frames.text(FrameKind.NEXT, "1")
    assert frames.frame(FrameKind.NEXT, "1") is frames.frame(FrameKind.NEXT, "1")
    assert frames.text(FrameKind.NEXT, "1") != frames.text(FrameKind.DATA, "1")
    assert frames.text(FrameKind.NEXT, "1") != frames.text(FrameKind.NEXT, "2")


def test_the_frame_has_strawberrys_shape_byte_for_byte() -> None:
    # graphql-transport-ws's next message, as compact JSON in Strawberry's key order
    assert Frames(b'{"data":null}').frame(FrameKind.NEXT, "op-1") == (
        b'{"type":"next","id":"op-1","payload":{"data":null}}'
    )
    assert encode_id("\ud800") == b'"\\ud800"'


@given(st.text())
def test_any_id_round_trips(operation_id: str) -> None:
    message = json.loads(Frames(PAYLOAD).frame(FrameKind.NEXT, operation_id))
    assert message["id"] == operation_id
    assert message["payload"] == orjson.loads(PAYLOAD)


def test_wire_frames_are_unmasked_final_text_frames_of_the_message() -> None:
    from app.graphql.live.frames import text_frame

    for size in (10, 125, 126, 65_535, 65_536):
        payload = b'{"data":"' + b"x" * size + b'"}'
        frames = Frames(payload)
        wire = frames.wire(FrameKind.NEXT, "7")
        message = frames.frame(FrameKind.NEXT, "7")
        assert wire == text_frame(message) and wire.endswith(message)
        assert wire[0] == 0x81  # FIN, text
        assert wire[1] & 0x80 == 0  # no mask
        length = wire[1] & 0x7F
        if length == 126:
            length = int.from_bytes(wire[2:4], "big")
        elif length == 127:
            length = int.from_bytes(wire[2:10], "big")
        assert length == len(message)
        assert frames.wire(FrameKind.NEXT, "7") is wire  # made once
