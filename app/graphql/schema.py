"""The schema: root types composed from the domains' mixins, and the extensions.

Extension order matters: ``ErrorCodes`` is listed first so it runs last on the way
out, after ``RequestTransaction`` may have turned a failed commit into an error.
"""

from __future__ import annotations

import strawberry
from graphql import GraphQLError
from strawberry.schema.config import StrawberryConfig

from app.api_keys.mutations import ApiKeyMutations
from app.attempts.mutations import AttemptMutations
from app.auth.mutations import AuthMutations
from app.auth.queries import AuthQueries
from app.graphql.cost import QueryCost
from app.graphql.errors import ErrorCodes
from app.graphql.exposure import QuietExecutionContext, SchemaExposure
from app.graphql.inputs import StorableStrings
from app.graphql.limits import ParseCache, QueryLimits
from app.graphql.node import NodeQueries
from app.graphql.organization import Organization
from app.graphql.scalars import SCALAR_OVERRIDES
from app.graphql.transaction import RequestTransaction
from app.leaderboards.subscriptions import LeaderboardSubscriptions
from app.members.mutations import MemberMutations
from app.orgs.mutations import OrgMutations
from app.orgs.queries import OrgQueries
from app.quizzes.mutations import QuizMutations


@strawberry.type(description="Everything you can read.")
class Query(AuthQueries, OrgQueries, NodeQueries):
    pass


@strawberry.type(description="Everything you can change; each mutation takes one input.")
class Mutation(
    AuthMutations,
    MemberMutations,
    ApiKeyMutations,
    OrgMutations,
    QuizMutations,
    AttemptMutations,
):
    pass


@strawberry.type(description="Live updates over a websocket (graphql-transport-ws or graphql-ws).")
class Subscription(LeaderboardSubscriptions):
    pass


class QuizgraphSchema(strawberry.Schema):
    def process_errors(self, errors: list[GraphQLError], execution_context: object = None) -> None:
        """Silenced: ``ErrorCodes`` logs the unexpected errors, with the request id."""


schema = QuizgraphSchema(
    query=Query,
    mutation=Mutation,
    subscription=Subscription,
    types=[Organization],
    extensions=[
        ErrorCodes,
        QueryLimits,
        SchemaExposure,
        ParseCache,
        QueryCost,  # measures, refuses, validates (cached) and charges keys
        StorableStrings,  # NUL, lone surrogates; after QueryCost, which sets validation errors
        RequestTransaction,
    ],
    config=StrawberryConfig(),
    scalar_overrides=SCALAR_OVERRIDES,
    execution_context_class=QuietExecutionContext,
)


def print_schema() -> str:
    return schema.as_str() + "\n"
