"""Fast JSON (orjson) for requests and responses; one place so every body is read and
encoded alike: every GraphQL response over HTTP (``GraphQLView.encode_json``), every
websocket message (``TextFrameAdapter``, through the same hook) and every problem
document.

The bytes mean what the standard library's ``json.dumps`` would say, in less time: UTF-8
text as is (never ``\\u`` escapes), floats in their shortest round-tripping form, no
spaces. What orjson refuses to encode still goes out, through the standard library (see
``_dumps_slowly``), so a response is never lost to its encoder.

orjson is also the stricter reader: it refuses a lone surrogate (``"\\ud800"``), bytes
that are not UTF-8, and nesting deeper than 1,024 levels with a ``JSONDecodeError``,
where the standard library would hand back an unstorable string or raise
``RecursionError``.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

import orjson

JSONDecodeError = orjson.JSONDecodeError

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def dumps(value: Any) -> bytes:
    try:
        return orjson.dumps(value, default=str)
    except orjson.JSONEncodeError:
        return _dumps_slowly(value)


def loads(data: bytes | str) -> Any:
    return orjson.loads(data)


def _dumps_slowly(value: Any) -> bytes:
    """What orjson refuses: a string it cannot encode (a message may echo a lone
    surrogate; those characters become U+FFFD), an integer beyond 64 bits (a JSON
    scalar may hold one), a key that is not a string (written as the standard library
    writes it)."""
    return json.dumps(
        _scrubbed(value), ensure_ascii=False, separators=(",", ":"), default=str
    ).encode()


def _scrubbed(value: Any) -> Any:
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, float) and not math.isfinite(value):
        return None  # as orjson writes NaN and infinities: JSON has no such numbers
    if isinstance(value, dict):
        return {_scrubbed(key): _scrubbed(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_scrubbed(item) for item in value]
    return value
