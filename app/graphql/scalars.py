"""Scalars the schema reads differently from Strawberry's defaults.

``DateTime`` is Strawberry's (ISO 8601, same name and description) with one more
check: the moment must exist in UTC. ``9999-12-31T23:59:59-12:00`` parses, but is in
year 10000 in UTC, where Python's datetime (and so every comparison and query with
it) overflows. A DateTime without an offset is read as UTC, as everything stored is.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from strawberry.exceptions import StrawberryInputCoercionError
from strawberry.schema.types.base_scalars import DateTimeDefinition
from strawberry.types.scalar import ScalarDefinition


def parse_datetime(value: object) -> datetime:
    assert DateTimeDefinition.parse_value is not None
    parsed = DateTimeDefinition.parse_value(value)  # Strawberry's own parsing and message
    assert isinstance(parsed, datetime)
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    try:
        parsed.astimezone(UTC)
    except OverflowError:
        raise StrawberryInputCoercionError(
            f'Value cannot represent a DateTime: "{value}". '
            "It must lie between years 1 and 9999 in UTC."
        ) from None
    return parsed


DATETIME: ScalarDefinition = dataclasses.replace(DateTimeDefinition, parse_value=parse_datetime)

SCALAR_OVERRIDES: dict[object, ScalarDefinition] = {datetime: DATETIME}
