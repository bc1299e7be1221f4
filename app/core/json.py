"""Fast JSON (orjson) for requests and responses; one place so every body is read and
encoded alike.

orjson is also the stricter reader: it refuses a lone surrogate (``"\\ud800"``), bytes
that are not UTF-8, and nesting deeper than 1,024 levels with a ``JSONDecodeError``,
where the standard library would hand back an unstorable string or raise
``RecursionError``.
"""

from __future__ import annotations

import re
from typing import Any

import orjson

JSONDecodeError = orjson.JSONDecodeError

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def dumps(value: Any) -> bytes:
    try:
        return orjson.dumps(value, default=str)
    except orjson.JSONEncodeError:
        # A message may echo a string orjson cannot encode (a lone surrogate); the
        # response must still go out, so those characters become U+FFFD.
        return orjson.dumps(_scrubbed(value), default=str)


def loads(data: bytes | str) -> Any:
    return orjson.loads(data)


def _scrubbed(value: Any) -> Any:
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {_scrubbed(key): _scrubbed(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_scrubbed(item) for item in value]
    return value
