"""Idempotency under concurrency, on both databases: many reports of one payment at the
same moment record one row and all answer it; a report that loses the race to a
different payment under its externalId is CONFLICT."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from app.payments import repository
from tests.payments.support import listed, payment_input, record, shop_key
from tests.support.factories import OrgFixture
from tests.support.fixture_types import ClientFactory, SignIn

AT_ONCE = 8


async def test_concurrent_reports_of_one_payment_record_it_once(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    # given a shop that sends the same payment from several workers at once
    owner = await signed_in(org, "owner")
    key = await shop_key(owner)
    given = payment_input(org.account("student").global_id)
    # when they all report it together
    results = await asyncio.gather(*(record(client_factory(), given, key) for _ in range(AT_ONCE)))
    # then every one is answered with the same payment, exactly one of them new
    payloads = [result.ok()["recordPayment"] for result in results]
    assert len({p["payment"]["id"] for p in payloads}) == 1
    assert sorted(p["replayed"] for p in payloads) == [False] + [True] * (AT_ONCE - 1)
    # and there is one row
    listing = await listed(owner, org, purpose=given["purpose"])
    assert [e["node"]["externalId"] for e in listing["edges"]].count(given["externalId"]) == 1


async def test_concurrent_different_payments_under_one_external_id_keep_the_first(
    org: OrgFixture, signed_in: SignIn, client_factory: ClientFactory
) -> None:
    owner = await signed_in(org, "owner")
    key = await shop_key(owner)
    given = payment_input(org.account("student").global_id)
    results = await asyncio.gather(
        record(client_factory(), given, key),
        record(client_factory(), {**given, "amount": 999}, key),
    )
    # one of them is recorded, the other is CONFLICT (whichever came second)
    recorded = [r for r in results if not r.errors]
    refused = [r for r in results if r.errors]
    assert len(recorded) == 1 and [r.codes for r in refused] == [["CONFLICT"]]
    assert refused[0].errors[0]["extensions"]["conflictingFields"] == ["amount"]


async def test_a_report_that_missed_the_concurrent_first_answers_it(
    org: OrgFixture,
    signed_in: SignIn,
    client_factory: ClientFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The race made certain: the first look finds nothing (as for a report whose first
    look ran before the other committed), so the unique constraint decides at the
    insert and the committed payment is read back and answered."""
    # given a payment already recorded
    owner = await signed_in(org, "owner")
    key = await shop_key(owner)
    given = payment_input(org.account("student").global_id)
    first = (await record(client_factory(), given, key)).ok()["recordPayment"]["payment"]
    # and a first look that misses it
    looks: list[str] = []
    real = repository.by_external_id

    async def missing_once(*args: Any) -> Any:
        looks.append("look")
        return None if len(looks) == 1 else await real(*args)

    monkeypatch.setattr(repository, "by_external_id", missing_once)
    # when the same payment is reported again
    again = (await record(client_factory(), given, key)).ok()["recordPayment"]
    # then the insert added nothing and the first payment was read back
    assert looks == ["look", "look"]
    assert again["replayed"] is True
    assert again["payment"] == first
    monkeypatch.undo()
    listing = await listed(owner, org, purpose=given["purpose"])
    assert [e["node"]["externalId"] for e in listing["edges"]].count(given["externalId"]) == 1
