"""A live subscription's execution memo stays bounded however many events it carries."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Any

import pytest
import strawberry

from app.graphql.execution import MAX_MEMOISED_SUBFIELDS, BoundedExecutionContext


@strawberry.type
class Item:
    name: str

    @strawberry.field
    def child(self) -> Item:
        return Item(name=self.name + "!")


@strawberry.type
class Query:
    ok: bool = True


@strawberry.type
class Subscription:
    @strawberry.subscription
    async def items(self, info: strawberry.Info, count: int) -> AsyncGenerator[Item, None]:
        for n in range(count):
            yield Item(name=str(n))


async def test_the_subfield_memo_is_bounded_over_many_events(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # given a schema using the bounded context, watching the memo's size per event
    sizes: list[int] = []
    original = BoundedExecutionContext.collect_subfields

    def spy(self: BoundedExecutionContext, return_type: Any, field_details_list: Any) -> Any:
        result = original(self, return_type, field_details_list)
        sizes.append(len(self._relevant_sub_fields))
        return result

    monkeypatch.setattr(BoundedExecutionContext, "collect_subfields", spy)
    schema = strawberry.Schema(
        query=Query, subscription=Subscription, execution_context_class=BoundedExecutionContext
    )
    # when a subscription delivers many more events than the bound
    events = MAX_MEMOISED_SUBFIELDS * 3
    stream = await schema.subscribe(
        f"subscription {{ items(count: {events}) {{ name child {{ name }} }} }}"
    )
    delivered = [result async for result in stream]
    # then every event arrived, and the memo never grew past the bound
    assert len(delivered) == events and not any(r.errors for r in delivered)
    assert delivered[-1].data == {
        "items": {"name": str(events - 1), "child": {"name": f"{events - 1}!"}}
    }
    assert max(sizes) <= MAX_MEMOISED_SUBFIELDS
    assert len(sizes) >= events  # the memo was consulted for every event
