"""What a certificate says, in words: one wording for the page, the JSON and the PDF."""

from __future__ import annotations

from datetime import datetime

from app.certificates.models import Certificate, CertificateKind
from app.core.clock import as_utc


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, …"""
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _number(value: float) -> str:
    return f"{value:g}" if value == int(value) else f"{value:.1f}"


def achievement(certificate: Certificate) -> str:
    """The sentence after the holder's name, e.g. 'passed the quiz “Algebra I” with
    8 of 10 points (80%)' or 'finished the tournament “Spring Cup” in 1st place'."""
    if certificate.kind is CertificateKind.TOURNAMENT:
        place = f" in {ordinal(certificate.rank)} place" if certificate.rank else ""
        return f"finished the tournament “{certificate.title}”{place}"
    text = f"passed the quiz “{certificate.title}”"
    if certificate.score is not None and certificate.max_score:
        text += f" with {_number(certificate.score)} of {_number(certificate.max_score)} points"
        if certificate.percentage is not None:
            text += f" ({_number(certificate.percentage)}%)"
    return text


def day(moment: datetime) -> str:
    """A date as printed: '1 December 2026' (UTC)."""
    value = as_utc(moment)
    return f"{value.day} {value.strftime('%B %Y')}"
