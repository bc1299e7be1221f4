"""Text cells of the CSV files the app writes, safe to open in a spreadsheet.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some,
a tab or carriage return first) as a formula: a name a member chose, such as
``=HYPERLINK(...)``, would run on the machine of whoever opens the file (CSV
injection, OWASP). Such a cell is written with a leading ``'``, which spreadsheets read
as "this is text" and do not show. Only text people typed goes through here: numbers
and values the app makes (roles, generated passwords) are written as they are.
"""

from __future__ import annotations

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def text_cell(value: str) -> str:
    """``value`` as a cell a spreadsheet shows as text, never runs."""
    return "'" + value if value.startswith(FORMULA_START) else value
