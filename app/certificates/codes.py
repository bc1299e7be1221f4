"""Verification codes: unguessable, short enough to type from paper, one way to spell them.

16 characters of Crockford's base 32 (digits and letters, no I, L, O or U) carry 80
random bits from ``secrets``: enumerating them is hopeless, so the public page needs no
sign-in. They are stored compact and shown in groups of four (``7Q2M-K9XD-…``); a code
typed in lower case, with spaces or dashes, or with O for 0 and I or L for 1, still
reads as the same code (``compact``), as Crockford's decoding rules say.
"""

from __future__ import annotations

import re
import secrets

# Crockford's base 32: digits and letters without I, L, O and U.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 16
GROUP = 4
_SEPARATORS = re.compile(r"[\s\-_.]+")
# What people type for the letters the alphabet leaves out.
_LOOK_ALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_code() -> str:
    """A fresh code, compact."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def shown(code: str) -> str:
    """The code as printed: groups of four joined by dashes."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def compact(typed: str) -> str | None:
    """The stored form of a code as someone typed it, or None when it can't be one."""
    code = _SEPARATORS.sub("", typed.strip()).upper().translate(_LOOK_ALIKES)
    if len(code) != LENGTH or any(char not in ALPHABET for char in code):
        return None
    return code
