"""Fast JSON (orjson) for responses; one place so every body is encoded alike."""

from __future__ import annotations

from typing import Any

import orjson


def dumps(value: Any) -> bytes:
    return orjson.dumps(value, default=str)


def loads(data: bytes | str) -> Any:
    return orjson.loads(data)
