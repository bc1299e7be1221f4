/**
 * The dashboard's normalized cache (urql Graphcache). Every entity with a Relay `id` is stored
 * once under that id, so a mutation payload that selects an entity's fragment updates every
 * list and page showing it, in place. What a payload can't say by itself (a row joined or left
 * a list, a webhook got a new delivery) is written here, in `updates`, by invalidating the lists
 * concerned: Graphcache then re-asks the server for exactly the queries that showed them. Pages
 * never refetch after a mutation.
 *
 * Adding a page: give its entity a fragment with `id` in its area's `operations.ts`; if the page
 * selects a new type without `id`, add it to `EMBEDDED_TYPES` (tests/cache.test.ts names any
 * missing); if a new mutation adds or removes rows, add a line to `updates.Mutation`.
 */
import { cacheExchange, type Cache, type CacheExchangeOpts, type KeyingConfig } from '@urql/exchange-graphcache';
import type { Exchange } from 'urql';

/**
 * Types without an `id`: stored inside their parent instead of on their own. Connections, edges
 * and PageInfo Graphcache knows by name.
 */
export const EMBEDDED_TYPES: readonly string[] = [
  'Viewer',
  'Branding',
  'AccessModel',
  'RoleDefinition',
  'ScopeDefinition',
  'AuditAction',
  'ImportProblem',
  'LeaderboardEntry',
  'LeaderboardUpdate',
  'QuestionResult',
  'RevealedAnswer',
  'WebhookHealth',
  'WebhookDeliveryTry',
  // Analytics: figures computed for a quiz or a period, not entities.
  'QuizStatistics',
  'ScoreBucket',
  'QuestionStatistics',
  'OptionStatistics',
  'OrganizationAnalytics',
  'ActivityBucket',
  'QuizActivity',
  'MemberProgress',
  // Integrity and notifications.
  'IntegrityFlagReason',
  'IntegrityReview',
  'IntegrityRules',
  // Organization settings.
  'OrganizationSettings',
  'OrganizationSettingsLimits',
  'PasswordPolicy',
  'NotificationsUpdate',
  // Tournaments: a fee, rounds and standings belong to their tournament.
  'Money',
  'TournamentRound',
  'TournamentStanding',
  'TournamentLeaderboardUpdate',
  'TournamentStandingConnection',
  'TournamentStandingEdge',
  // Payments: totals per purpose and currency.
  'PaymentTotal',
  // API key usage: a key's figures, not entities.
  'ApiKeyUsage',
  'ApiKeyUsageDay',
  'ApiKeyErrorCount',
  // Mutation payloads.
  'LoginPayload',
  'LogoutPayload',
  'AddMemberPayload',
  'UpdateMemberPayload',
  'RemoveMemberPayload',
  'CreateApiKeyPayload',
  'SetApiKeyEnabledPayload',
  'RevokeApiKeyPayload',
  'RotateApiKeyPayload',
  'SetApiAccessPayload',
  'QuizPayload',
  'ImportQuizPayload',
  'AttemptPayload',
  'CreateWebhookPayload',
  'UpdateWebhookPayload',
  'DeleteWebhookPayload',
  'RotateWebhookSecretPayload',
  'PingWebhookPayload',
  'RedeliverWebhookMessagePayload',
  'ReportIntegrityEventPayload',
  'ReviewIntegrityFlagPayload',
  'UpdateIntegrityRulesPayload',
  'OrganizationPayload',
  'UpdatePasswordPolicyPayload',
  'ChangeMyPasswordPayload',
  'SetTemporaryPasswordPayload',
  'CreatePasswordResetLinkPayload',
  'PasswordResetLinkInfo',
  'ResetPasswordWithLinkPayload',
  'ImportMembersPayload',
  'MemberImportProblem',
  'RotatePortalCodePayload',
  'MarkNotificationsReadPayload',
  'RevokeCertificatePayload',
  'TournamentPayload',
  'WithdrawFromTournamentPayload',
  // The platform console (pages/platform: its own client, listed so every document checks).
  'BeginPlatformLoginPayload',
  'TotpEnrolment',
  'CompletePlatformLoginPayload',
  'PlatformLogoutPayload',
  'PlatformAdmin',
  'CreateOrganizationPayload',
  'SetOrganizationDisabledPayload',
  'PlatformApiKeySecretPayload',
  'RevokePlatformApiKeyPayload',
  'RotatePlatformApiKeyPayload',
];

const keys: KeyingConfig = Object.fromEntries(EMBEDDED_TYPES.map((name) => [name, () => null]));

/** The organizations in the cache: every `organization(slug:)` asked for, and the viewer's. */
function cachedOrganizations(cache: Cache): Set<string> {
  const orgs = new Set<string>();
  for (const field of cache.inspectFields('Query')) {
    if (field.fieldName !== 'organization') continue;
    const key = cache.resolve('Query', field.fieldKey);
    if (typeof key === 'string') orgs.add(key);
  }
  const viewer = cache.resolve('Query', 'viewer');
  const own = typeof viewer === 'string' ? cache.resolve(viewer, 'organization') : null;
  if (typeof own === 'string') orgs.add(own);
  return orgs;
}

/** Drops every page and filter of `fieldNames` on `entityKey`; queries showing them ask again. */
function invalidateFields(cache: Cache, entityKey: string, fieldNames: readonly string[]): void {
  for (const field of cache.inspectFields(entityKey)) {
    if (fieldNames.includes(field.fieldName)) cache.invalidate(entityKey, field.fieldName, field.arguments ?? undefined);
  }
}

/** The organization's lists named `fieldNames` (e.g. `members`) changed membership. */
export function invalidateOrgLists(cache: Cache, ...fieldNames: string[]): void {
  for (const org of cachedOrganizations(cache)) invalidateFields(cache, org, fieldNames);
}

function invalidateEntity(cache: Cache, typename: string, id: unknown): void {
  if (typeof id === 'string') cache.invalidate({ __typename: typename, id });
}

type Input = { input?: Record<string, unknown> };
const inputOf = (args: Record<string, unknown>) => (args as Input).input ?? {};

/** What each mutation changes beyond the entities its payload carries. */
const mutationUpdates: NonNullable<NonNullable<CacheExchangeOpts['updates']>['Mutation']> = {
  // Members: a new or removed row; a changed role or status may move a row out of a filtered list.
  addMember: (_r, _a, cache) => invalidateOrgLists(cache, 'members'),
  importMembers: (_r, _a, cache) => invalidateOrgLists(cache, 'members'),
  updateMember: (_r, _a, cache) => invalidateOrgLists(cache, 'members'),
  removeMember: (_r, args, cache) => {
    invalidateEntity(cache, 'Member', inputOf(args).id);
    invalidateOrgLists(cache, 'members');
  },
  // API keys: rotating makes a new key and puts the old one in its grace period.
  createApiKey: (_r, _a, cache) => invalidateOrgLists(cache, 'apiKeys'),
  rotateApiKey: (_r, args, cache) => {
    invalidateEntity(cache, 'ApiKey', inputOf(args).id);
    invalidateOrgLists(cache, 'apiKeys');
  },
  // Quizzes: lists are filtered by status, so a status change moves rows between them.
  createQuiz: (_r, _a, cache) => invalidateOrgLists(cache, 'quizzes'),
  importQuiz: (_r, _a, cache) => invalidateOrgLists(cache, 'quizzes'),
  duplicateQuiz: (_r, _a, cache) => invalidateOrgLists(cache, 'quizzes'),
  publishQuiz: (_r, _a, cache) => invalidateOrgLists(cache, 'quizzes', 'leaderboard'),
  archiveQuiz: (_r, _a, cache) => invalidateOrgLists(cache, 'quizzes', 'leaderboard'),
  // Attempts: a new attempt joins the member's list; a submitted one changes the boards.
  startAttempt: (_r, _a, cache) => invalidateOrgLists(cache, 'attempts'),
  // A pass of a quiz that issues certificates adds one.
  submitAttempt: (_r, _a, cache) => invalidateOrgLists(cache, 'attempts', 'leaderboard', 'certificates'),
  // Webhooks: sending (ping, redelivery) adds deliveries and changes the endpoint's health.
  createWebhook: (_r, _a, cache) => invalidateOrgLists(cache, 'webhooks'),
  deleteWebhook: (_r, args, cache) => {
    invalidateEntity(cache, 'Webhook', inputOf(args).id);
    invalidateOrgLists(cache, 'webhooks');
  },
  pingWebhook: (_r, args, cache) => {
    const key = cache.keyOfEntity({ __typename: 'Webhook', id: String(inputOf(args).id) });
    if (key) invalidateFields(cache, key, ['deliveries', 'health']);
  },
  // Integrity: a review moves the record out of "waiting for review"; new rules change the notice.
  reviewIntegrityFlag: (_r, _a, cache) => invalidateOrgLists(cache, 'integrityAttempts'),
  updateIntegrityRules: (_r, _a, cache) => invalidateOrgLists(cache, 'integrityRules', 'integrityNotice'),
  // Tournaments: a new one joins the list; starting, ending and entries change what it shows.
  createTournament: (_r, _a, cache) => invalidateOrgLists(cache, 'tournaments'),
  startTournament: (_r, _a, cache) => invalidateOrgLists(cache, 'tournaments'),
  endTournament: (_r, _a, cache) => invalidateOrgLists(cache, 'tournaments', 'certificates'),
  // Certificates: a revoked one leaves the list of valid ones.
  revokeCertificate: (_r, _a, cache) => invalidateOrgLists(cache, 'certificates'),
  // The password policy's payload names no org: the orgs' policies are asked again.
  updatePasswordPolicy: (_r, _a, cache) => invalidateOrgLists(cache, 'passwordPolicy'),
  // Notifications: read ones may leave an unread-only list, and the count changes.
  markNotificationsRead: (_r, _a, cache) => invalidateOrgLists(cache, 'notifications'),
  redeliverWebhookMessage: (_r, args, cache) => {
    const key = cache.keyOfEntity({ __typename: 'Webhook', id: String(inputOf(args).webhookId) });
    if (key) invalidateFields(cache, key, ['deliveries', 'health']);
  },
};

export const cacheOptions: CacheExchangeOpts = { keys, updates: { Mutation: mutationUpdates } };

export function makeCacheExchange(): Exchange {
  return cacheExchange(cacheOptions);
}
