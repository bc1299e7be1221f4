"""The baseline: a bare Strawberry hello-world with the same caches, served the same way.

Every figure in the README is a ratio to this app's requests per second measured
in the same run, so machine speed and noise cancel out.
"""

from __future__ import annotations

import strawberry
from strawberry.asgi import GraphQL
from strawberry.extensions import ParserCache, ValidationCache


@strawberry.type
class Query:
    @strawberry.field
    def hello(self) -> str:
        return "world"


schema = strawberry.Schema(
    query=Query,
    extensions=[lambda: ParserCache(maxsize=512), lambda: ValidationCache(maxsize=512)],
)
app = GraphQL(schema, graphql_ide=None)
