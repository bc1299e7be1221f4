"""GraphQL documents and helpers shared by the payments tests."""

from __future__ import annotations

import itertools
from typing import Any

from app.core.clock import FrozenClock
from tests.api_keys.support import IssuedKey, bearer, create_key
from tests.support.client import ApiClient, GraphQLResult
from tests.support.factories import OrgFixture
from tests.tournaments.support import create_tournament, two_rounds

PAYMENT_FIELDS = """id amount currency currencyExponent amountDecimal purpose externalId
paidAt recordedAt memberId tournamentId payer { username displayName }"""

RECORD = f"""mutation($input: RecordPaymentInput!) {{
  recordPayment(input: $input) {{ replayed payment {{ {PAYMENT_FIELDS} }} }}
}}"""

LIST = f"""query($slug: String!, $memberId: ID, $purpose: String, $tournamentId: ID,
  $currency: String, $paidSince: DateTime, $paidUntil: DateTime, $first: Int) {{
  organization(slug: $slug) {{
    payments(memberId: $memberId, purpose: $purpose, tournamentId: $tournamentId,
      currency: $currency, paidSince: $paidSince, paidUntil: $paidUntil, first: $first) {{
      totalCount edges {{ node {{ {PAYMENT_FIELDS} }} }}
    }}
  }}
}}"""

TOTALS = """query($slug: String!, $memberId: ID, $purpose: String, $currency: String,
  $paidSince: DateTime, $paidUntil: DateTime) {
  organization(slug: $slug) {
    paymentTotals(memberId: $memberId, purpose: $purpose, currency: $currency,
      paidSince: $paidSince, paidUntil: $paidUntil) {
      purpose currency currencyExponent paymentCount amount amountDecimal
    }
  }
}"""

NODE = """query($id: ID!) { node(id: $id) { id ... on Payment { externalId amount } } }"""

PAID_AT = "2026-11-20T10:00:00Z"
_references = itertools.count(1)


def reference() -> str:
    """An externalId no other test used (tests share an org's database)."""
    return f"erp-{next(_references):06d}"


def payment_input(member_id: str, **overrides: Any) -> dict[str, Any]:
    given: dict[str, Any] = {
        "memberId": member_id,
        "amount": 1250,
        "currency": "USD",
        "purpose": "Spring Cup entry",
        "externalId": reference(),
        "paidAt": PAID_AT,
    }
    given.update(overrides)
    return given


async def shop_key(owner: ApiClient, scopes: tuple[str, ...] = ("payments:write",)) -> IssuedKey:
    """The key an org's shop or ERP records payments with."""
    return await create_key(owner, list(scopes), name="shop")


async def record(
    client: ApiClient, given: dict[str, Any], key: IssuedKey | None = None
) -> GraphQLResult:
    return await client.gql(RECORD, {"input": given}, headers=bearer(key.secret) if key else None)


async def recorded(client: ApiClient, given: dict[str, Any], key: IssuedKey | None = None) -> Any:
    """The payment a successful recordPayment answered."""
    return (await record(client, given, key)).ok()["recordPayment"]["payment"]


async def listed(
    client: ApiClient, org: OrgFixture, key: IssuedKey | None = None, **filters: Any
) -> dict[str, Any]:
    result = await client.gql(
        LIST,
        {"slug": org.slug, "first": 100, **filters},
        headers=bearer(key.secret) if key else None,
    )
    connection: dict[str, Any] = result.ok()["organization"]["payments"]
    return connection


async def totals(client: ApiClient, org: OrgFixture, **filters: Any) -> list[dict[str, Any]]:
    result = await client.gql(TOTALS, {"slug": org.slug, **filters})
    found: list[dict[str, Any]] = result.ok()["organization"]["paymentTotals"]
    return found


async def paid_tournament(owner: ApiClient, amount: int, currency: str) -> str:
    """A tournament entered by paying its fee (starting in 10 minutes), as its global id:
    a payment naming it registers the payer (the tournaments domain judges the fee)."""
    made = await create_tournament(
        owner,
        await two_rounds(owner),
        FrozenClock(),  # only read for "now": the tournament starts 10 minutes from now
        entryRule="REGISTERED",
        entryFee={"amount": amount, "currency": currency},
    )
    return str(made["id"])
