"""What tells two execution results apart, as a client or an extension would see them.

Used by the verify mode and the differential tests: the data with its key order (the
JSON a client reads), and each error in order with its message, locations, path,
extensions and the exception it wraps (``original_error``: extensions such as the
request boundary classify errors by it).
"""

from __future__ import annotations

from typing import Any

__all__ = ["comparable", "differences"]


def comparable(result: Any) -> dict[str, Any]:
    """A plain value equal for two results exactly when a client and every extension
    would see the same thing."""
    errors = getattr(result, "errors", None) or []
    return {
        "type": type(result).__name__,
        "data": _ordered(getattr(result, "data", None)),
        "errors": [_error(error) for error in errors],
    }


def differences(expected: Any, actual: Any) -> list[str]:
    """Human-readable differences between two results (empty: the same)."""
    left, right = comparable(expected), comparable(actual)
    found: list[str] = []
    for part in ("type", "data"):
        if left[part] != right[part]:
            found.append(f"{part}: expected {left[part]!r}, got {right[part]!r}")
    if left["errors"] != right["errors"]:
        found.append(f"errors: expected {left['errors']!r}, got {right['errors']!r}")
    return found


def _error(error: Any) -> dict[str, Any]:
    original = getattr(error, "original_error", None)
    return {
        "message": error.message,
        "locations": [(loc.line, loc.column) for loc in error.locations or ()],
        "path": error.path,
        "extensions": _ordered(error.extensions),
        "original_error": None
        if original is None
        else (type(original).__module__, type(original).__qualname__, str(original)),
    }


def _ordered(value: Any) -> Any:
    """Mappings as lists of pairs, so that key order counts."""
    if isinstance(value, dict):
        return [(key, _ordered(item)) for key, item in value.items()]
    if isinstance(value, list | tuple):
        return [_ordered(item) for item in value]
    return value
