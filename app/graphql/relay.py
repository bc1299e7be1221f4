"""Relay helpers: connections with ``totalCount``, and global id decoding."""

from __future__ import annotations

import uuid
from typing import Annotated, Generic

import strawberry
from strawberry import relay
from strawberry.relay.types import NodeType

from app.core.errors import BadUserInput
from app.core.pagination import PAGE_SIZE_DESCRIPTION, Count, Page

# The arguments every connection field takes.
First = Annotated[int | None, strawberry.argument(description=PAGE_SIZE_DESCRIPTION)]
After = Annotated[str | None, strawberry.argument(description="Cursor to start after.")]

# Filter arguments holding a global id, for the lists that filter by the same kind of
# object in the same words. Aliases, not a factory called in the annotation: mypy takes
# no call as a type, and a list whose words differ ("Only this member's payments.")
# keeps its own Annotated (the words are the schema's).
QuizFilter = Annotated[relay.GlobalID | None, strawberry.argument(description="Only this quiz's.")]
MemberFilter = Annotated[
    relay.GlobalID | None, strawberry.argument(description="Only this member's.")
]
AttemptFilter = Annotated[
    relay.GlobalID | None, strawberry.argument(description="Only this attempt's.")
]
TournamentFilter = Annotated[
    relay.GlobalID | None, strawberry.argument(description="Only this tournament's.")
]


@strawberry.type(description="A page of results with Relay cursors.")
class Connection(relay.Connection[NodeType], Generic[NodeType]):
    count: strawberry.Private[Count]

    @strawberry.field(description="How many items match, on all pages.")
    async def total_count(self) -> int:
        return await self.count()

    @classmethod
    def from_page(cls, page: Page[NodeType]) -> Connection[NodeType]:
        edges = [relay.Edge(cursor=page.cursor(i), node=node) for i, node in enumerate(page.items)]
        return cls(
            edges=edges,
            count=page.count,
            page_info=relay.PageInfo(
                has_next_page=page.has_next,
                has_previous_page=page.offset > 0,
                start_cursor=edges[0].cursor if edges else None,
                end_cursor=edges[-1].cursor if edges else None,
            ),
        )


def decode_id(global_id: relay.GlobalID | str, expected_type: str, field: str = "id") -> uuid.UUID:
    """The row id inside a global id of the expected type, or BAD_USER_INPUT."""
    try:
        gid = (
            global_id
            if isinstance(global_id, relay.GlobalID)
            else relay.GlobalID.from_id(global_id)
        )
        if gid.type_name != expected_type:
            raise ValueError(gid.type_name)
        return uuid.UUID(gid.node_id)
    except ValueError as error:
        raise BadUserInput({field: f"is not the id of a {expected_type}"}) from error
