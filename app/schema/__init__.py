"""The schema: root types composed from the domains' mixins, and the extensions.

Extension order matters: ``RequestBoundary`` comes first in the composed pipeline (after
``RequestObservation``, which only reads the outcome) so that its hooks wrap every other
extension's, and whatever escapes them reaches it.
"""

from __future__ import annotations

from functools import cache

import strawberry
from graphql import GraphQLError
from strawberry.extensions import SchemaExtension
from strawberry.extensions.runner import SchemaExtensionsRunner
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext

from app.accounts import importing as member_import
from app.accounts.mutations import AccountMutations
from app.accounts.queries import AccountQueries
from app.analytics import service as analytics
from app.analytics.figures import HISTOGRAM_BUCKETS
from app.api_keys.mutations import ApiKeyMutations
from app.api_keys.service import MAX_CODES_SHOWN as MAX_KEY_ERROR_CODES
from app.api_keys.usage import RETENTION_DAYS as KEY_USAGE_DAYS
from app.attempts.mutations import AttemptMutations
from app.auth.mutations import AuthMutations
from app.auth.queries import AuthQueries
from app.certificates.mutations import CertificateMutations
from app.graphql.boundary import RequestBoundary
from app.graphql.complexity import ListSizes
from app.graphql.context import Context
from app.graphql.cost import QueryCost
from app.graphql.exposure import QuietExecutionContext, SchemaExposure
from app.graphql.inputs import StorableStrings
from app.graphql.limits import ParseCache, QueryLimits
from app.graphql.live import MAX_TOP
from app.graphql.observation import RequestObservation
from app.graphql.pipeline import compose, runner
from app.graphql.scalars import SCALAR_OVERRIDES
from app.integrity.mutations import IntegrityMutations
from app.integrity.rules import LIMIT_NAMES
from app.leaderboards.subscriptions import LeaderboardSubscriptions
from app.members.mutations import MemberMutations
from app.notifications.mutations import NotificationMutations
from app.notifications.service import MAX_IDS as MAX_NOTIFICATIONS_MARKED
from app.notifications.subscriptions import NotificationSubscriptions
from app.orgs.mutations import OrgMutations
from app.orgs.queries import OrgQueries
from app.orgs.settings_mutations import OrgSettingsMutations
from app.payments.mutations import PaymentMutations
from app.payments.repository import MAX_TOTALS as MAX_PAYMENT_TOTALS
from app.platform.mutations import PlatformMutations
from app.platform.queries import PlatformQueries
from app.quizzes.checks import MAX_OPTIONS
from app.quizzes.drafts import MAX_QUESTIONS
from app.quizzes.importers import MAX_REPORTED_PROBLEMS
from app.quizzes.mutations import QuizMutations
from app.schema.access_model import AccessModelQueries
from app.schema.node import NodeQueries
from app.schema.organization import Organization
from app.schema.platform_console import PlatformOrganizationQueries
from app.tournaments.mutations import TournamentMutations
from app.tournaments.rules import MAX_ROUNDS as MAX_TOURNAMENT_ROUNDS
from app.tournaments.rules import MAX_WINNERS as MAX_TOURNAMENT_WINNERS
from app.tournaments.subscriptions import TournamentSubscriptions
from app.webhooks import outbox
from app.webhooks.loaders import MAX_TRIES_SHOWN
from app.webhooks.mutations import WebhookMutations
from app.webhooks.queries import WebhookQueries
from app.webhooks.service import MAX_ENDPOINT_DELIVERIES

# The most items each plain list of objects can hold; a new list field belongs here.
LIST_SIZES: ListSizes = {
    ("Quiz", "questions"): MAX_QUESTIONS,
    ("Quiz", "questionsWithAnswers"): MAX_QUESTIONS,
    ("Question", "options"): MAX_OPTIONS,
    ("ApiKeyUsage", "daily"): KEY_USAGE_DAYS,
    ("ApiKeyUsage", "errorsByCode"): MAX_KEY_ERROR_CODES,
    ("AuthoredQuestion", "options"): MAX_OPTIONS,
    ("Attempt", "questions"): MAX_QUESTIONS,
    ("Attempt", "results"): MAX_QUESTIONS,
    ("LeaderboardUpdate", "entries"): MAX_TOP,
    # The listed problems, plus one that says how many more were left out.
    ("ImportQuizPayload", "problems"): MAX_REPORTED_PROBLEMS + 1,
    ("WebhookDelivery", "tries"): MAX_TRIES_SHOWN,
    ("MarkNotificationsReadPayload", "notifications"): MAX_NOTIFICATIONS_MARKED,
    # One reason per rule at most.
    ("AttemptIntegrity", "flagReasons"): len(LIMIT_NAMES),
    ("RedeliverWebhookMessagePayload", "deliveries"): MAX_ENDPOINT_DELIVERIES,
    ("QuizStatistics", "questions"): MAX_QUESTIONS,
    ("QuizStatistics", "scoreDistribution"): HISTOGRAM_BUCKETS,
    ("QuestionStatistics", "options"): MAX_OPTIONS,
    ("OrganizationAnalytics", "timeline"): analytics.MAX_BUCKETS,
    ("OrganizationAnalytics", "topQuizzes"): analytics.MAX_TOP_QUIZZES,
    ("MemberProgress", "timeline"): analytics.MAX_BUCKETS,
    ("Organization", "paymentTotals"): MAX_PAYMENT_TOTALS,
    ("ImportMembersPayload", "problems"): member_import.MAX_REPORTED_PROBLEMS,
    ("Tournament", "rounds"): MAX_TOURNAMENT_ROUNDS,
    ("Tournament", "winners"): MAX_TOURNAMENT_WINNERS,
    ("TournamentLeaderboardUpdate", "entries"): MAX_TOP,
}


@strawberry.type(description="Everything you can read.")
class Query(
    AuthQueries,
    AccountQueries,
    OrgQueries,
    NodeQueries,
    WebhookQueries,
    AccessModelQueries,
    PlatformQueries,
    PlatformOrganizationQueries,
):
    pass


@strawberry.type(description="Everything you can change; each mutation takes one input.")
class Mutation(
    AuthMutations,
    AccountMutations,
    MemberMutations,
    ApiKeyMutations,
    OrgMutations,
    OrgSettingsMutations,
    QuizMutations,
    AttemptMutations,
    WebhookMutations,
    NotificationMutations,
    IntegrityMutations,
    PaymentMutations,
    PlatformMutations,
    CertificateMutations,
    TournamentMutations,
):
    pass


@strawberry.type(description="Live updates over a websocket (graphql-transport-ws or graphql-ws).")
class Subscription(LeaderboardSubscriptions, NotificationSubscriptions, TournamentSubscriptions):
    pass


class BoundaryOfThisSchema(RequestBoundary):
    async def before_commit(self, context: Context) -> None:
        """The request's events go into the webhooks' outbox, in its transaction."""
        if context.sc.events:
            await outbox.stage(context.sc, context.sc.events)


class CostOfThisSchema(QueryCost):
    list_sizes = LIST_SIZES


# The request's concerns, in order (see the module's docstring).
PIPELINE_PARTS: tuple[type[SchemaExtension], ...] = (
    # Outermost, so it sees the codes the boundary gives (metrics and the request log).
    RequestObservation,
    BoundaryOfThisSchema,  # around every other hook (see app.graphql.boundary)
    QueryLimits,
    SchemaExposure,
    ParseCache,
    CostOfThisSchema,  # measures, refuses, validates (cached) and charges keys
    StorableStrings,  # NUL, lone surrogates; after QueryCost, which sets validation errors
)
RequestPipeline = compose("RequestPipeline", *PIPELINE_PARTS)


class QuizgraphSchema(strawberry.Schema):
    def process_errors(self, errors: list[GraphQLError], execution_context: object = None) -> None:
        """Silenced: ``RequestBoundary`` logs the unexpected errors, with the request id."""

    def create_extensions_runner(
        self, execution_context: ExecutionContext, extensions: list[SchemaExtension]
    ) -> SchemaExtensionsRunner:
        """The composed pipeline's phases driven directly (``app.graphql.pipeline.runner``),
        not through Strawberry's per-phase context managers."""
        return runner(execution_context, extensions)


def build_schema(*, traced: bool = False) -> QuizgraphSchema:
    """The schema; ``traced`` adds the operation's OpenTelemetry spans
    (``app.graphql.tracing``) as the pipeline's outermost part, for a server with traces
    configured (``app.core.tracing``): without them the schema carries no tracing at all."""
    pipeline = RequestPipeline
    if traced:
        from app.graphql.tracing import OperationTracing  # imports OpenTelemetry

        pipeline = compose("TracedRequestPipeline", OperationTracing, *PIPELINE_PARTS)
    return QuizgraphSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        types=[Organization],
        # One extension composed of the request's concerns (app.graphql.pipeline: each
        # keeps its module and its hooks, nested in this order; Strawberry wraps one per
        # phase).
        extensions=[pipeline],
        config=StrawberryConfig(),
        scalar_overrides=SCALAR_OVERRIDES,
        execution_context_class=QuietExecutionContext,
    )


schema = build_schema()


@cache
def traced_schema() -> QuizgraphSchema:
    """The schema with the operation's spans, built once, when a server traces."""
    return build_schema(traced=True)


def print_schema() -> str:
    return schema.as_str() + "\n"
