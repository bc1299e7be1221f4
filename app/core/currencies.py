"""Currencies as ISO 4217 defines them, read from the ``iso4217`` package (the standard's
own table, kept current by its maintainer), never from a hand-kept list.

Shared by the domains that take money: payments (a payment's currency) and tournaments
(an entry fee's), so both accept the same codes and refuse the rest with the same
words (``currency_problem``); it lives in ``app.core`` so neither imports the other.

A currency is an active ISO 4217 code with a minor unit: the codes the
standard gives no minor unit (gold, special drawing rights, the test code XTS, "no
currency" XXX) are not money a member pays with. ``exponent`` is the number of digits
after the decimal point: an amount of 1250 is 12.50 USD (exponent 2), 1,250 JPY
(exponent 0) and 1.250 BHD (exponent 3).
"""

from __future__ import annotations

from decimal import Decimal

from iso4217 import Currency

CURRENCY_PROBLEM = "is not an ISO 4217 currency code (such as USD, EUR or JPY)"


def exponent_of(code: str) -> int | None:
    """The minor unit's exponent of an ISO 4217 code, or None when the code is no
    currency a payment can be made in (unknown, or without a minor unit)."""
    try:
        currency = Currency(code)
    except ValueError:
        return None
    exponent = currency.exponent
    return exponent if isinstance(exponent, int) else None


def currency_problem(code: str) -> str | None:
    """What is wrong with ``code`` (already trimmed and upper-cased) as a currency a
    member pays in, for a BAD_USER_INPUT field; None when nothing is."""
    if exponent_of(code) is None:
        return CURRENCY_PROBLEM
    return None


def decimal_text(amount: int, exponent: int) -> str:
    """An amount of minor units in major units, exactly ("12.50" for 1250 at exponent
    2): decimal arithmetic on the integer, never a float."""
    return format(Decimal(amount).scaleb(-exponent), "f")
