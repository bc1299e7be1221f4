"""The thresholds that flag an attempt, and the notice students read before starting.

Each limit is the most an attempt may show without being flagged: an attempt is flagged
the moment a count goes above its limit (a limit of 3 page switches flags the 4th switch;
60 hidden seconds flags once the page has been away for more than 60 seconds in total;
one IP address flags the second). A limit of None is not checked. The defaults are what
an org gets until an owner or admin changes them.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from app.integrity.models import AttemptIntegrity

# The biggest limit accepted (a count or seconds); larger would mean "never".
MAX_LIMIT = 100_000


@dataclass(frozen=True, slots=True)
class Limits:
    max_page_switches: int | None = 3
    max_hidden_seconds: int | None = 60
    max_ip_addresses: int | None = 1
    max_devices: int | None = None
    max_fullscreen_exits: int | None = None
    max_clipboard_events: int | None = None
    max_bulk_answer_changes: int | None = None


DEFAULT_LIMITS = Limits()
LIMIT_NAMES: tuple[str, ...] = tuple(field.name for field in fields(Limits))


def reasons(record: AttemptIntegrity, limits: Limits) -> list[str]:
    """Why the attempt breaks the rules (codes such as ``PAGE_SWITCHES``), or []."""
    counts: list[tuple[str, float, int | None]] = [
        ("PAGE_SWITCHES", record.page_switches, limits.max_page_switches),
        ("HIDDEN_TIME", record.hidden_seconds, limits.max_hidden_seconds),
        ("IP_ADDRESSES", len(record.ip_addresses), limits.max_ip_addresses),
        ("DEVICES", len(record.devices), limits.max_devices),
        ("FULLSCREEN_EXITS", record.fullscreen_exits, limits.max_fullscreen_exits),
        ("CLIPBOARD", record.clipboard_events, limits.max_clipboard_events),
        ("BULK_ANSWER_CHANGES", record.bulk_answer_changes, limits.max_bulk_answer_changes),
    ]
    return [code for code, value, limit in counts if limit is not None and value > limit]


REASON_TEXT: dict[str, str] = {
    "PAGE_SWITCHES": "left the quiz page more often than allowed",
    "HIDDEN_TIME": "was away from the quiz page longer than allowed",
    "IP_ADDRESSES": "answered from more IP addresses than allowed",
    "DEVICES": "answered from more devices or sessions than allowed",
    "FULLSCREEN_EXITS": "left full screen more often than allowed",
    "CLIPBOARD": "copied or pasted more often than allowed",
    "BULK_ANSWER_CHANGES": "changed many answers at once more often than allowed",
}


def notice(limits: Limits) -> str:
    """What a student is told on the quiz's start page, in plain words."""
    recorded = (
        "While you take a quiz, we record when you switch away from the quiz page (another "
        "tab or window) and for how long, when you leave full screen, when you copy or "
        "paste, when many answers change at once, and the IP addresses and devices you "
        "answer from, each with its time. Your teachers can see this record for your "
        "attempts."
    )
    checked = [
        text
        for text in (
            _times("you switch away from the quiz page", limits.max_page_switches),
            _amount("you are away from it for more than", limits.max_hidden_seconds, "second"),
            _amount("your answers come from more than", limits.max_ip_addresses, "IP address"),
            _amount("your answers come from more than", limits.max_devices, "device"),
            _times("you leave full screen", limits.max_fullscreen_exits),
            _times("you copy or paste", limits.max_clipboard_events),
            _times("many answers change at once", limits.max_bulk_answer_changes),
        )
        if text
    ]
    if not checked:
        return recorded
    return f"{recorded} An attempt is marked for a teacher to review if {_join(checked)}."


def _times(what: str, limit: int | None) -> str:
    if limit is None:
        return ""
    return f"{what} more than {_plural(limit, 'time')}"


def _amount(what: str, limit: int | None, unit: str) -> str:
    if limit is None:
        return ""
    total = " in total" if unit == "second" else ""
    return f"{what} {_plural(limit, unit)}{total}"


def _plural(count: int, unit: str) -> str:
    if count == 1:
        return f"one {unit}"
    return f"{count} {unit}{'es' if unit.endswith('ss') else 's'}"


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} or {parts[-1]}"
