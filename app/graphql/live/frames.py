"""Websocket frames of one payload: the payload's bytes are made once, each
subscriber's operation id is spliced into a prebuilt template around them.

``{"type":"next","id":<id>,"payload":<payload>}`` (graphql-transport-ws) or
``{"type":"data",…}`` (graphql-ws): the head and tail are constants, the id is encoded
as a JSON string (orjson: quotes, backslashes and control characters escaped; an id
orjson refuses, such as one holding a lone surrogate, is written with ``\\u``
escapes by the standard library), and the payload is inserted as it is. Subscribers
sharing an id (most clients number their operations from 1) share one frame object.

``wire`` gives the same message as a whole websocket text frame (RFC 6455: FIN and
the text opcode, the length, no mask: a server's frames are unmasked), for a socket
whose protocol takes frames as they go on the wire: made once, written to every
socket of the cohort as it is.
"""

from __future__ import annotations

import json
import struct
from enum import Enum

import orjson

__all__ = ["FrameKind", "Frames", "encode_id", "text_frame"]


class FrameKind(Enum):
    """Which protocol's data message carries a payload."""

    NEXT = "next"  # graphql-transport-ws
    DATA = "data"  # graphql-ws (the legacy protocol)


_HEADS = {kind: b'{"type":"' + kind.value.encode() + b'","id":' for kind in FrameKind}
_MIDDLE = b',"payload":'
_TAIL = b"}"
_TEXT_HEADS = {kind: head.decode() for kind, head in _HEADS.items()}
_TEXT_MIDDLE = _MIDDLE.decode()


def encode_id(operation_id: str) -> bytes:
    """``operation_id`` as a JSON string."""
    try:
        return orjson.dumps(operation_id)
    except orjson.JSONEncodeError:  # a lone surrogate: valid JSON only as an escape
        return json.dumps(operation_id).encode()


def text_frame(message: bytes) -> bytes:
    """``message`` (UTF-8 JSON) as one unmasked, final websocket text frame."""
    length = len(message)
    if length < 126:
        head = bytes((0x81, length))
    elif length < 1 << 16:
        head = struct.pack("!BBH", 0x81, 126, length)
    else:
        head = struct.pack("!BBQ", 0x81, 127, length)
    return head + message


class Frames:
    """The frames of one payload, made on first use per (kind, operation id).

    ``frame`` gives the bytes; ``text`` the same frame as ``str`` (what an ASGI text
    message takes), made from the payload decoded once, not once per socket."""

    __slots__ = ("_bytes", "_payload_text", "_text", "_wire", "payload")

    def __init__(self, payload: bytes) -> None:
        self.payload = payload
        self._payload_text: str | None = None
        self._bytes: dict[tuple[FrameKind, str], bytes] = {}
        self._text: dict[tuple[FrameKind, str], str] = {}
        self._wire: dict[tuple[FrameKind, str], bytes] = {}

    def frame(self, kind: FrameKind, operation_id: str) -> bytes:
        key = (kind, operation_id)
        found = self._bytes.get(key)
        if found is None:
            found = b"".join((_HEADS[kind], encode_id(operation_id), _MIDDLE, self.payload, _TAIL))
            self._bytes[key] = found
        return found

    def text(self, kind: FrameKind, operation_id: str) -> str:
        key = (kind, operation_id)
        found = self._text.get(key)
        if found is None:
            payload = self._payload_text
            if payload is None:
                payload = self._payload_text = self.payload.decode()
            found = "".join(
                (_TEXT_HEADS[kind], encode_id(operation_id).decode(), _TEXT_MIDDLE, payload, "}")
            )
            self._text[key] = found
        return found

    def wire(self, kind: FrameKind, operation_id: str) -> bytes:
        """The frame as a whole websocket text frame, header included."""
        key = (kind, operation_id)
        found = self._wire.get(key)
        if found is None:
            found = self._wire[key] = text_frame(self.frame(kind, operation_id))
        return found

    def for_socket(self, raw: bool, kind: FrameKind, operation_id: str) -> bytes | str:
        """What a socket's sender takes: the wire frame when ``raw``, else the text."""
        return self.wire(kind, operation_id) if raw else self.text(kind, operation_id)
