"""graphql-core's execution context with its subfield memo bounded.

graphql-core memoises collected subfields by the identity of each field list. A live
subscription reuses one execution context for every event but builds new field lists
per event, so the memo gains entries with every message and is never freed (about
2-4 KB per delivered message, per subscriber; see PERFORMANCE.md). Clearing it when it
grows past a bound only costs a recomputation; an ordinary query stays far below it.
"""

from __future__ import annotations

from typing import Any

from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

MAX_MEMOISED_SUBFIELDS = 256


class BoundedExecutionContext(StrawberryGraphQLCoreExecutionContext):
    def collect_subfields(self, return_type: Any, field_details_list: Any) -> Any:
        if len(self._relevant_sub_fields) >= MAX_MEMOISED_SUBFIELDS:
            self._relevant_sub_fields.clear()
        return super().collect_subfields(return_type, field_details_list)
