"""Query cost: refuse what is over the limits before anything runs; charge keys' budgets.

For each operation, before graphql-core validates it:

1. the document's fragments are counted, and the operation is measured in one pass
   (depth, aliases, introspection nesting, cost: ``app.graphql.complexity``), with the
   request's variables (``first: $n`` counts ``n``). Over a limit: QUERY_TOO_COMPLEX
   with ``extensions.cost`` and ``extensions.limit``, and nothing else happens;
2. the document is validated (cached, ``app.graphql.limits.validate``);
3. a query or mutation sent with an API key is charged its cost (``requested``) to
   the key's budget, a moving window of the ``limits`` library (Redis when
   configured). When the budget can't cover it: RATE_LIMITED, HTTP 429 with
   ``Retry-After``, and nothing runs. The charge is the estimate, taken up front,
   because it must be taken before anything runs; ``actual`` is reported, not refunded.

Every response to a key carries ``extensions.cost``: ``requested`` (the estimate),
``actual`` (objects in the response's ``data``), ``limit`` (per query),
``remaining`` (the key's budget left in its window) and ``resetAt`` (when the oldest
charge in the window expires).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from app.access.actor import ActorKind
from app.core import ratelimit
from app.core.errors import QueryTooComplex, RateLimited
from app.core.settings import get_settings
from app.graphql import complexity
from app.graphql.limits import query_limits, validate


@lru_cache(maxsize=16)
def _budget(amount: int, window_seconds: int) -> ratelimit.RateLimitItem:
    return ratelimit.per_window(amount, window_seconds)


class QueryCost(SchemaExtension):
    # The schema's plain lists and the most each can hold (set by the composition root).
    list_sizes: complexity.ListSizes = {}
    requested: int = 0
    charged: ratelimit.LimitState | None = None

    async def on_validate(self) -> AsyncIterator[None]:
        context = self.execution_context
        document = context.graphql_document
        assert document is not None  # Strawberry validates parsed documents only
        schema = context.schema._schema
        limits = query_limits()
        try:
            complexity.check_document(document, limits)
            measure = complexity.measure_operation(
                schema,
                document,
                operation_name=context.operation_name,
                variables=context.variables,
                list_sizes=self.list_sizes,
            )
            self.requested = measure.cost
            complexity.refuse_over(measure, limits)
        except QueryTooComplex as refusal:
            context.pre_execution_errors = [GraphQLError(refusal.message, original_error=refusal)]
            yield
            return
        context.pre_execution_errors = validate(schema, document, context.validation_rules)
        if not context.pre_execution_errors and self._key_id() is not None:
            over_budget = await self._charge()
            if over_budget is not None:
                context.pre_execution_errors = [over_budget]
        yield

    async def get_results(self) -> dict[str, Any]:
        key_id = self._key_id()
        # A subscription is measured once, when it starts, and never charged: its
        # messages carry no cost (a budget lookup per delivered message would cost more
        # than the message).
        if key_id is None or self.execution_context.operation_type is OperationType.SUBSCRIPTION:
            return {}
        state = self.charged or await ratelimit.peek(_key_budget(), *_identifiers(key_id))
        return {
            "cost": {
                "requested": self.requested,
                "actual": _objects(getattr(self.execution_context.result, "data", None)),
                "limit": get_settings().max_query_cost,
                "remaining": max(0, state.remaining),
                "resetAt": _reset_at(state),
            }
        }

    async def _charge(self) -> GraphQLError | None:
        context = self.execution_context
        key_id = self._key_id()
        if key_id is None or context.operation_type is OperationType.SUBSCRIPTION:
            return None
        state = await ratelimit.spend(_key_budget(), self.requested, *_identifiers(key_id))
        self.charged = state
        if state.allowed:
            return None
        seconds = max(1, state.reset_after_seconds)
        refusal = RateLimited(
            seconds,
            f"This query costs {self.requested} points and the key has {state.remaining} of "
            f"its {state.limit} left in this window. Try again in {seconds} seconds.",
        )
        response = getattr(context.context, "response", None)
        if response is not None:
            response.status_code = 429
            response.headers["Retry-After"] = str(seconds)
        return GraphQLError(refusal.message, original_error=refusal)

    def _key_id(self) -> str | None:
        actor = getattr(self.execution_context.context, "actor", None)
        if actor is None or actor.kind is not ActorKind.API_KEY or actor.api_key_id is None:
            return None
        return str(actor.api_key_id)


def _key_budget() -> ratelimit.RateLimitItem:
    settings = get_settings()
    return _budget(settings.query_cost_budget, settings.query_cost_window_seconds)


def _identifiers(key_id: str) -> tuple[str, str]:
    return ("query-cost", key_id)


def _reset_at(state: ratelimit.LimitState) -> str:
    moment = datetime.now(UTC) + timedelta(seconds=state.reset_after_seconds)
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _objects(data: object) -> int:
    """How many objects a response's ``data`` holds (the root excluded)."""
    if not isinstance(data, dict):
        return 0
    count, pending = 0, list(data.values())
    while pending:
        value = pending.pop()
        if isinstance(value, dict):
            count += 1
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
    return count
