/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query QuizStatistics($id: ID!, $firstAttemptsOnly: Boolean!, $since: Date, $until: Date) {\n    node(id: $id) {\n      __typename\n      ... on Quiz {\n        id\n        title\n        status\n        passMarkPercent\n        statistics(firstAttemptsOnly: $firstAttemptsOnly, since: $since, until: $until) {\n          attempts participants completionRate maxScore mean median standardDeviation passRate averageTimeSeconds\n          scoreDistribution { low high attempts }\n          cronbachAlpha errorRatio standardError computedAt itemAnalysisStatus\n          questions {\n            questionId number prompt kind maxPoints answered facilityIndex standardDeviation\n            discriminationIndex discriminativeEfficiency flags flagReasons\n            options { optionId text correct picks share }\n          }\n        }\n      }\n    }\n  }\n": typeof types.QuizStatisticsDocument,
    "\n  query OrgAnalytics($slug: String!, $interval: AnalyticsInterval!, $since: Date, $until: Date) {\n    organization(slug: $slug) {\n      id\n      analytics(interval: $interval, since: $since, until: $until) {\n        since until interval activeMembers attempts averagePercentage\n        timeline { start attempts activeMembers averagePercentage }\n        topQuizzes(first: 10) { quizId title attempts averagePercentage }\n        members(first: 20) {\n          edges { node { memberId displayName attempts quizzesStarted averagePercentage lastActiveOn } }\n        }\n      }\n    }\n  }\n": typeof types.OrgAnalyticsDocument,
    "\n  fragment ApiKeyFields on ApiKey {\n    id name prefix scopes rateLimitPerMinute createdAt lastUsedAt expiresAt enabled revokedAt\n    createdBy { id displayName }\n  }\n": typeof types.ApiKeyFieldsFragmentDoc,
    "\n  query ApiKeys($slug: String!, $first: Int!, $after: String) {\n    organization(slug: $slug) {\n      id\n      apiAccessEnabled\n      apiKeys(first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node { ...ApiKeyFields }\n        }\n      }\n    }\n  }\n": typeof types.ApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey { ...ApiKeyFields }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation SetApiKeyEnabled($input: SetApiKeyEnabledInput!) {\n    setApiKeyEnabled(input: $input) {\n      apiKey { ...ApiKeyFields }\n    }\n  }\n": typeof types.SetApiKeyEnabledDocument,
    "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey { ...ApiKeyFields }\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  mutation RotateApiKey($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) {\n      secret\n      apiKey { ...ApiKeyFields }\n    }\n  }\n": typeof types.RotateApiKeyDocument,
    "\n  mutation SetApiAccess($input: SetApiAccessInput!) {\n    setApiAccess(input: $input) {\n      organization { id apiAccessEnabled }\n    }\n  }\n": typeof types.SetApiAccessDocument,
    "\n  fragment AuditEntryFields on AuditEvent {\n    id action actorKind actorLabel targetType targetId targetLabel targetNodeId details\n    actionInfo { label areaLabel }\n    ip userAgent createdAt\n  }\n": typeof types.AuditEntryFieldsFragmentDoc,
    "\n  query AuditLog(\n    $slug: String!\n    $first: Int!\n    $after: String\n    $action: String\n    $area: String\n    $excludeActions: [String!]\n    $actor: String\n    $since: DateTime\n    $until: DateTime\n  ) {\n    organization(slug: $slug) {\n      id\n      auditLog(\n        first: $first\n        after: $after\n        action: $action\n        area: $area\n        excludeActions: $excludeActions\n        actor: $actor\n        since: $since\n        until: $until\n      ) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node { ...AuditEntryFields }\n        }\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  query AuditActions($slug: String!) {\n    organization(slug: $slug) {\n      id\n      auditActions { action label area areaLabel }\n    }\n  }\n": typeof types.AuditActionsDocument,
    "\n  query AuditActors($slug: String!) {\n    organization(slug: $slug) {\n      id\n      members(first: 100) {\n        edges { node { id displayName username } }\n      }\n    }\n  }\n": typeof types.AuditActorsDocument,
    "\n  fragment CertificateFields on Certificate {\n    id kind code holderName title score maxScore percentage rank issuedAt\n    valid revokedAt revocationReason revocationReasonPublic verificationUrl pdfUrl\n  }\n": typeof types.CertificateFieldsFragmentDoc,
    "\n  query Certificates($slug: String!, $first: Int!, $after: String, $revoked: Boolean, $memberId: ID) {\n    organization(slug: $slug) {\n      id\n      certificates(first: $first, after: $after, revoked: $revoked, memberId: $memberId) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node { ...CertificateFields }\n        }\n      }\n    }\n  }\n": typeof types.CertificatesDocument,
    "\n  mutation RevokeCertificate($input: RevokeCertificateInput!) {\n    revokeCertificate(input: $input) {\n      certificate { ...CertificateFields }\n    }\n  }\n": typeof types.RevokeCertificateDocument,
    "\n  query IntegrityNotice($slug: String!) {\n    organization(slug: $slug) {\n      id\n      integrityNotice\n    }\n  }\n": typeof types.IntegrityNoticeDocument,
    "\n  mutation ReportIntegrityEvent($input: ReportIntegrityEventInput!) {\n    reportIntegrityEvent(input: $input) { event { id type } }\n  }\n": typeof types.ReportIntegrityEventDocument,
    "\n  fragment AttemptIntegrityFields on AttemptIntegrity {\n    id attemptId quizId quizTitle\n    pageSwitches hiddenSeconds fullscreenExits clipboardEvents bulkAnswerChanges ipAddressCount deviceCount eventCount\n    hiddenSince lastEventAt flagged flaggedAt\n    flagReasons { code description }\n    review { outcome note reviewedAt reviewerId }\n    participant { id displayName }\n  }\n": typeof types.AttemptIntegrityFieldsFragmentDoc,
    "\n  query IntegrityAttempts($slug: String!, $first: Int!, $after: String, $flagged: Boolean, $unreviewed: Boolean, $attemptId: ID) {\n    organization(slug: $slug) {\n      id\n      integrityAttempts(first: $first, after: $after, flagged: $flagged, unreviewed: $unreviewed, attemptId: $attemptId) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node { ...AttemptIntegrityFields }\n        }\n      }\n    }\n  }\n": typeof types.IntegrityAttemptsDocument,
    "\n  query IntegrityTimeline($id: ID!, $first: Int!, $after: String) {\n    node(id: $id) {\n      __typename\n      ... on AttemptIntegrity {\n        id\n        timeline(first: $first, after: $after) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          edges { node { id type occurredAt recordedAt description ipAddress } }\n        }\n      }\n    }\n  }\n": typeof types.IntegrityTimelineDocument,
    "\n  mutation ReviewIntegrityFlag($input: ReviewIntegrityFlagInput!) {\n    reviewIntegrityFlag(input: $input) { attemptIntegrity { ...AttemptIntegrityFields } }\n  }\n": typeof types.ReviewIntegrityFlagDocument,
    "\n  fragment IntegrityRulesFields on IntegrityRules {\n    maxPageSwitches maxHiddenSeconds maxIpAddresses maxDevices maxFullscreenExits maxClipboardEvents maxBulkAnswerChanges\n  }\n": typeof types.IntegrityRulesFieldsFragmentDoc,
    "\n  query IntegrityRules($slug: String!) {\n    organization(slug: $slug) {\n      id\n      integrityRules { ...IntegrityRulesFields }\n    }\n  }\n": typeof types.IntegrityRulesDocument,
    "\n  mutation UpdateIntegrityRules($input: UpdateIntegrityRulesInput!) {\n    updateIntegrityRules(input: $input) { rules { ...IntegrityRulesFields } }\n  }\n": typeof types.UpdateIntegrityRulesDocument,
    "\n  fragment LeaderboardEntryFields on LeaderboardEntry {\n    rank memberId displayName score attempts lastActivityAt timeTakenSeconds\n  }\n": typeof types.LeaderboardEntryFieldsFragmentDoc,
    "\n  query Leaderboard($slug: String!, $quizId: ID, $window: LeaderboardWindow!, $first: Int!, $after: String) {\n    organization(slug: $slug) {\n      id\n      leaderboard(quizId: $quizId, window: $window, first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { cursor node { ...LeaderboardEntryFields } }\n        myRank { ...LeaderboardEntryFields }\n      }\n    }\n  }\n": typeof types.LeaderboardDocument,
    "\n  query MyRank($slug: String!, $quizId: ID) {\n    organization(slug: $slug) {\n      id\n      leaderboard(quizId: $quizId, first: 1) {\n        totalCount\n        myRank { ...LeaderboardEntryFields }\n      }\n    }\n  }\n": typeof types.MyRankDocument,
    "\n  query LeaderboardQuizzes($slug: String!) {\n    organization(slug: $slug) {\n      id\n      quizzes(first: 100) { edges { node { id title status } } }\n    }\n  }\n": typeof types.LeaderboardQuizzesDocument,
    "\n  subscription LeaderboardUpdated($slug: String!, $quizId: ID, $top: Int!) {\n    leaderboardUpdated(orgSlug: $slug, quizId: $quizId, top: $top) {\n      quizId\n      entries { ...LeaderboardEntryFields }\n      changed { ...LeaderboardEntryFields }\n    }\n  }\n": typeof types.LeaderboardUpdatedDocument,
    "\n  fragment MemberFields on Member {\n    id username displayName role disabled createdAt\n  }\n": typeof types.MemberFieldsFragmentDoc,
    "\n  query Members($slug: String!, $first: Int!, $after: String, $role: Role, $disabled: Boolean, $search: String) {\n    organization(slug: $slug) {\n      id\n      members(first: $first, after: $after, role: $role, disabled: $disabled, search: $search) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node { ...MemberFields }\n        }\n      }\n    }\n  }\n": typeof types.MembersDocument,
    "\n  mutation AddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      member { ...MemberFields }\n    }\n  }\n": typeof types.AddMemberDocument,
    "\n  mutation UpdateMember($input: UpdateMemberInput!) {\n    updateMember(input: $input) {\n      member { ...MemberFields }\n    }\n  }\n": typeof types.UpdateMemberDocument,
    "\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) { removedId }\n  }\n": typeof types.RemoveMemberDocument,
    "\n  fragment NotificationFields on Notification {\n    id type title body link createdAt read readAt\n  }\n": typeof types.NotificationFieldsFragmentDoc,
    "\n  query Notifications($slug: String!, $first: Int!, $unread: Boolean) {\n    organization(slug: $slug) {\n      id\n      notifications(first: $first, unread: $unread) {\n        totalCount\n        unreadCount\n        edges { node { ...NotificationFields } }\n      }\n    }\n  }\n": typeof types.NotificationsDocument,
    "\n  subscription NotificationsChanged($slug: String!) {\n    notificationsChanged(orgSlug: $slug) { unreadCount }\n  }\n": typeof types.NotificationsChangedDocument,
    "\n  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input) {\n      markedCount\n      unreadCount\n      notifications { ...NotificationFields }\n    }\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  fragment QuizFields on Quiz {\n    id title description status version timeLimitSeconds attemptsAllowed passMarkPercent\n    shuffleQuestions shuffleOptions revealAnswers certificateOnPass opensAt closesAt\n    questionCount maxPoints updatedAt publishedAt isOpen\n  }\n": typeof types.QuizFieldsFragmentDoc,
    "\n  query Quizzes($slug: String!, $first: Int!, $after: String, $status: QuizStatus, $search: String) {\n    organization(slug: $slug) {\n      id\n      quizzes(first: $first, after: $after, status: $status, search: $search) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node { ...QuizFields }\n        }\n      }\n    }\n  }\n": typeof types.QuizzesDocument,
    "\n  fragment QuizEditorFields on Quiz {\n    ...QuizFields\n    questionsWithAnswers {\n      id number kind prompt points explanation acceptedAnswers numericValue numericTolerance\n      options { id text correct }\n    }\n  }\n": typeof types.QuizEditorFieldsFragmentDoc,
    "\n  query QuizEditor($id: ID!, $slug: String!) {\n    node(id: $id) {\n      __typename\n      ... on Quiz { ...QuizEditorFields }\n    }\n    organization(slug: $slug) {\n      id\n      attempts(quizId: $id, first: 1) { totalCount }\n    }\n  }\n": typeof types.QuizEditorDocument,
    "\n  mutation CreateQuiz($input: CreateQuizInput!) {\n    createQuiz(input: $input) { quiz { ...QuizEditorFields } }\n  }\n": typeof types.CreateQuizDocument,
    "\n  mutation UpdateQuiz($input: UpdateQuizInput!) {\n    updateQuiz(input: $input) { quiz { ...QuizEditorFields } }\n  }\n": typeof types.UpdateQuizDocument,
    "\n  mutation PublishQuiz($input: QuizIdInput!) {\n    publishQuiz(input: $input) { quiz { ...QuizFields } }\n  }\n": typeof types.PublishQuizDocument,
    "\n  mutation ArchiveQuiz($input: QuizIdInput!) {\n    archiveQuiz(input: $input) { quiz { ...QuizFields } }\n  }\n": typeof types.ArchiveQuizDocument,
    "\n  mutation DuplicateQuiz($input: DuplicateQuizInput!) {\n    duplicateQuiz(input: $input) { quiz { ...QuizFields } }\n  }\n": typeof types.DuplicateQuizDocument,
    "\n  mutation ImportQuiz($input: ImportQuizInput!) {\n    importQuiz(input: $input) {\n      format\n      importedQuestions\n      problems { line message }\n      quiz { ...QuizFields }\n    }\n  }\n": typeof types.ImportQuizDocument,
    "\n  fragment ViewerFields on Viewer {\n    kind\n    role\n    scopes\n    member { id username displayName role }\n    organization { id slug name }\n  }\n": typeof types.ViewerFieldsFragmentDoc,
    "\n  fragment AccessModelFields on AccessModel {\n    roles { role scopes ownRecordsOnly }\n    scopes { name description resource resourceLabel roles grantableToKeys }\n  }\n": typeof types.AccessModelFieldsFragmentDoc,
    "\n  query Viewer {\n    viewer { ...ViewerFields }\n    accessModel { ...AccessModelFields }\n  }\n": typeof types.ViewerDocument,
    "\n  query PublicOrganization($slug: String!) {\n    organization(slug: $slug) {\n      id\n      slug\n      name\n      branding { primaryColor logoUrl tagline }\n    }\n  }\n": typeof types.PublicOrganizationDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      viewer { ...ViewerFields }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout(input: {}) { ok }\n  }\n": typeof types.LogoutDocument,
    "\n  fragment AttemptSummary on Attempt {\n    id number status quizVersion quizTitle startedAt deadline closedAt score maxScore percentage passed\n    quiz { ...QuizFields }\n  }\n": typeof types.AttemptSummaryFragmentDoc,
    "\n  query OpenQuizzes($slug: String!, $first: Int!, $after: String, $search: String) {\n    organization(slug: $slug) {\n      id\n      quizzes(first: $first, after: $after, status: PUBLISHED, search: $search) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node { ...QuizFields }\n        }\n      }\n    }\n  }\n": typeof types.OpenQuizzesDocument,
    "\n  query MyAttempts($slug: String!, $first: Int!, $after: String, $memberId: ID) {\n    organization(slug: $slug) {\n      id\n      attempts(first: $first, after: $after, memberId: $memberId) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          node { ...AttemptSummary }\n        }\n      }\n    }\n  }\n": typeof types.MyAttemptsDocument,
    "\n  fragment AttemptFields on Attempt {\n    ...AttemptSummary\n    questions { id number kind prompt points options { id text } }\n    results {\n      answered correct pointsAwarded selectedOptionIds text number\n      question { id number kind prompt points options { id text } }\n      revealed { correctOptionIds acceptedAnswers numericValue numericTolerance explanation }\n    }\n  }\n": typeof types.AttemptFieldsFragmentDoc,
    "\n  query Attempt($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Attempt { ...AttemptFields }\n    }\n  }\n": typeof types.AttemptDocument,
    "\n  mutation StartAttempt($input: StartAttemptInput!) {\n    startAttempt(input: $input) { attempt { ...AttemptFields } }\n  }\n": typeof types.StartAttemptDocument,
    "\n  mutation SaveAttemptAnswers($input: AttemptAnswersInput!) {\n    saveAttemptAnswers(input: $input) { attempt { ...AttemptSummary } }\n  }\n": typeof types.SaveAttemptAnswersDocument,
    "\n  mutation SubmitAttempt($input: AttemptAnswersInput!) {\n    submitAttempt(input: $input) { attempt { ...AttemptFields } }\n  }\n": typeof types.SubmitAttemptDocument,
    "\n  fragment WebhookFields on Webhook {\n    id url description events subscribedEvents enabled status disabledReason createdAt\n    health { failingSince lastSuccessAt lastFailureAt pending succeededLast24h failedLast24h }\n  }\n": typeof types.WebhookFieldsFragmentDoc,
    "\n  fragment WebhookDeliveryFields on WebhookDelivery {\n    id messageId event attempt status httpStatus createdAt lastAttemptAt nextAttemptAt\n    tries { attempt attemptedAt httpStatus durationMs responseBody error nextAttemptAt }\n  }\n": typeof types.WebhookDeliveryFieldsFragmentDoc,
    "\n  query Webhooks($slug: String!, $first: Int!, $after: String) {\n    organization(slug: $slug) {\n      id\n      webhooks(first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { cursor node { ...WebhookFields } }\n      }\n    }\n  }\n": typeof types.WebhooksDocument,
    "\n  query WebhookDeliveries($id: ID!, $first: Int!, $after: String) {\n    node(id: $id) {\n      __typename\n      ... on Webhook {\n        ...WebhookFields\n        deliveries(first: $first, after: $after) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          edges {\n            cursor\n            node { ...WebhookDeliveryFields }\n          }\n        }\n      }\n    }\n  }\n": typeof types.WebhookDeliveriesDocument,
    "\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) { secret webhook { ...WebhookFields } }\n  }\n": typeof types.CreateWebhookDocument,
    "\n  mutation UpdateWebhook($input: UpdateWebhookInput!) {\n    updateWebhook(input: $input) { webhook { ...WebhookFields } }\n  }\n": typeof types.UpdateWebhookDocument,
    "\n  mutation DeleteWebhook($input: DeleteWebhookInput!) {\n    deleteWebhook(input: $input) { deletedId }\n  }\n": typeof types.DeleteWebhookDocument,
    "\n  mutation RotateWebhookSecret($input: RotateWebhookSecretInput!) {\n    rotateWebhookSecret(input: $input) { secret webhook { ...WebhookFields } }\n  }\n": typeof types.RotateWebhookSecretDocument,
    "\n  mutation PingWebhook($input: PingWebhookInput!) {\n    pingWebhook(input: $input) { delivery { ...WebhookDeliveryFields } }\n  }\n": typeof types.PingWebhookDocument,
    "\n  mutation RedeliverWebhookMessage($input: RedeliverWebhookMessageInput!) {\n    redeliverWebhookMessage(input: $input) { deliveries { ...WebhookDeliveryFields } }\n  }\n": typeof types.RedeliverWebhookMessageDocument,
};
const documents: Documents = {
    "\n  query QuizStatistics($id: ID!, $firstAttemptsOnly: Boolean!, $since: Date, $until: Date) {\n    node(id: $id) {\n      __typename\n      ... on Quiz {\n        id\n        title\n        status\n        passMarkPercent\n        statistics(firstAttemptsOnly: $firstAttemptsOnly, since: $since, until: $until) {\n          attempts participants completionRate maxScore mean median standardDeviation passRate averageTimeSeconds\n          scoreDistribution { low high attempts }\n          cronbachAlpha errorRatio standardError computedAt itemAnalysisStatus\n          questions {\n            questionId number prompt kind maxPoints answered facilityIndex standardDeviation\n            discriminationIndex discriminativeEfficiency flags flagReasons\n            options { optionId text correct picks share }\n          }\n        }\n      }\n    }\n  }\n": types.QuizStatisticsDocument,
    "\n  query OrgAnalytics($slug: String!, $interval: AnalyticsInterval!, $since: Date, $until: Date) {\n    organization(slug: $slug) {\n      id\n      analytics(interval: $interval, since: $since, until: $until) {\n        since until interval activeMembers attempts averagePercentage\n        timeline { start attempts activeMembers averagePercentage }\n        topQuizzes(first: 10) { quizId title attempts averagePercentage }\n        members(first: 20) {\n          edges { node { memberId displayName attempts quizzesStarted averagePercentage lastActiveOn } }\n        }\n      }\n    }\n  }\n": types.OrgAnalyticsDocument,
    "\n  fragment ApiKeyFields on ApiKey {\n    id name prefix scopes rateLimitPerMinute createdAt lastUsedAt expiresAt enabled revokedAt\n    createdBy { id displayName }\n  }\n": types.ApiKeyFieldsFragmentDoc,
    "\n  query ApiKeys($slug: String!, $first: Int!, $after: String) {\n    organization(slug: $slug) {\n      id\n      apiAccessEnabled\n      apiKeys(first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node { ...ApiKeyFields }\n        }\n      }\n    }\n  }\n": types.ApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey { ...ApiKeyFields }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation SetApiKeyEnabled($input: SetApiKeyEnabledInput!) {\n    setApiKeyEnabled(input: $input) {\n      apiKey { ...ApiKeyFields }\n    }\n  }\n": types.SetApiKeyEnabledDocument,
    "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey { ...ApiKeyFields }\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  mutation RotateApiKey($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) {\n      secret\n      apiKey { ...ApiKeyFields }\n    }\n  }\n": types.RotateApiKeyDocument,
    "\n  mutation SetApiAccess($input: SetApiAccessInput!) {\n    setApiAccess(input: $input) {\n      organization { id apiAccessEnabled }\n    }\n  }\n": types.SetApiAccessDocument,
    "\n  fragment AuditEntryFields on AuditEvent {\n    id action actorKind actorLabel targetType targetId targetLabel targetNodeId details\n    actionInfo { label areaLabel }\n    ip userAgent createdAt\n  }\n": types.AuditEntryFieldsFragmentDoc,
    "\n  query AuditLog(\n    $slug: String!\n    $first: Int!\n    $after: String\n    $action: String\n    $area: String\n    $excludeActions: [String!]\n    $actor: String\n    $since: DateTime\n    $until: DateTime\n  ) {\n    organization(slug: $slug) {\n      id\n      auditLog(\n        first: $first\n        after: $after\n        action: $action\n        area: $area\n        excludeActions: $excludeActions\n        actor: $actor\n        since: $since\n        until: $until\n      ) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node { ...AuditEntryFields }\n        }\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  query AuditActions($slug: String!) {\n    organization(slug: $slug) {\n      id\n      auditActions { action label area areaLabel }\n    }\n  }\n": types.AuditActionsDocument,
    "\n  query AuditActors($slug: String!) {\n    organization(slug: $slug) {\n      id\n      members(first: 100) {\n        edges { node { id displayName username } }\n      }\n    }\n  }\n": types.AuditActorsDocument,
    "\n  fragment CertificateFields on Certificate {\n    id kind code holderName title score maxScore percentage rank issuedAt\n    valid revokedAt revocationReason revocationReasonPublic verificationUrl pdfUrl\n  }\n": types.CertificateFieldsFragmentDoc,
    "\n  query Certificates($slug: String!, $first: Int!, $after: String, $revoked: Boolean, $memberId: ID) {\n    organization(slug: $slug) {\n      id\n      certificates(first: $first, after: $after, revoked: $revoked, memberId: $memberId) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node { ...CertificateFields }\n        }\n      }\n    }\n  }\n": types.CertificatesDocument,
    "\n  mutation RevokeCertificate($input: RevokeCertificateInput!) {\n    revokeCertificate(input: $input) {\n      certificate { ...CertificateFields }\n    }\n  }\n": types.RevokeCertificateDocument,
    "\n  query IntegrityNotice($slug: String!) {\n    organization(slug: $slug) {\n      id\n      integrityNotice\n    }\n  }\n": types.IntegrityNoticeDocument,
    "\n  mutation ReportIntegrityEvent($input: ReportIntegrityEventInput!) {\n    reportIntegrityEvent(input: $input) { event { id type } }\n  }\n": types.ReportIntegrityEventDocument,
    "\n  fragment AttemptIntegrityFields on AttemptIntegrity {\n    id attemptId quizId quizTitle\n    pageSwitches hiddenSeconds fullscreenExits clipboardEvents bulkAnswerChanges ipAddressCount deviceCount eventCount\n    hiddenSince lastEventAt flagged flaggedAt\n    flagReasons { code description }\n    review { outcome note reviewedAt reviewerId }\n    participant { id displayName }\n  }\n": types.AttemptIntegrityFieldsFragmentDoc,
    "\n  query IntegrityAttempts($slug: String!, $first: Int!, $after: String, $flagged: Boolean, $unreviewed: Boolean, $attemptId: ID) {\n    organization(slug: $slug) {\n      id\n      integrityAttempts(first: $first, after: $after, flagged: $flagged, unreviewed: $unreviewed, attemptId: $attemptId) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node { ...AttemptIntegrityFields }\n        }\n      }\n    }\n  }\n": types.IntegrityAttemptsDocument,
    "\n  query IntegrityTimeline($id: ID!, $first: Int!, $after: String) {\n    node(id: $id) {\n      __typename\n      ... on AttemptIntegrity {\n        id\n        timeline(first: $first, after: $after) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          edges { node { id type occurredAt recordedAt description ipAddress } }\n        }\n      }\n    }\n  }\n": types.IntegrityTimelineDocument,
    "\n  mutation ReviewIntegrityFlag($input: ReviewIntegrityFlagInput!) {\n    reviewIntegrityFlag(input: $input) { attemptIntegrity { ...AttemptIntegrityFields } }\n  }\n": types.ReviewIntegrityFlagDocument,
    "\n  fragment IntegrityRulesFields on IntegrityRules {\n    maxPageSwitches maxHiddenSeconds maxIpAddresses maxDevices maxFullscreenExits maxClipboardEvents maxBulkAnswerChanges\n  }\n": types.IntegrityRulesFieldsFragmentDoc,
    "\n  query IntegrityRules($slug: String!) {\n    organization(slug: $slug) {\n      id\n      integrityRules { ...IntegrityRulesFields }\n    }\n  }\n": types.IntegrityRulesDocument,
    "\n  mutation UpdateIntegrityRules($input: UpdateIntegrityRulesInput!) {\n    updateIntegrityRules(input: $input) { rules { ...IntegrityRulesFields } }\n  }\n": types.UpdateIntegrityRulesDocument,
    "\n  fragment LeaderboardEntryFields on LeaderboardEntry {\n    rank memberId displayName score attempts lastActivityAt timeTakenSeconds\n  }\n": types.LeaderboardEntryFieldsFragmentDoc,
    "\n  query Leaderboard($slug: String!, $quizId: ID, $window: LeaderboardWindow!, $first: Int!, $after: String) {\n    organization(slug: $slug) {\n      id\n      leaderboard(quizId: $quizId, window: $window, first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { cursor node { ...LeaderboardEntryFields } }\n        myRank { ...LeaderboardEntryFields }\n      }\n    }\n  }\n": types.LeaderboardDocument,
    "\n  query MyRank($slug: String!, $quizId: ID) {\n    organization(slug: $slug) {\n      id\n      leaderboard(quizId: $quizId, first: 1) {\n        totalCount\n        myRank { ...LeaderboardEntryFields }\n      }\n    }\n  }\n": types.MyRankDocument,
    "\n  query LeaderboardQuizzes($slug: String!) {\n    organization(slug: $slug) {\n      id\n      quizzes(first: 100) { edges { node { id title status } } }\n    }\n  }\n": types.LeaderboardQuizzesDocument,
    "\n  subscription LeaderboardUpdated($slug: String!, $quizId: ID, $top: Int!) {\n    leaderboardUpdated(orgSlug: $slug, quizId: $quizId, top: $top) {\n      quizId\n      entries { ...LeaderboardEntryFields }\n      changed { ...LeaderboardEntryFields }\n    }\n  }\n": types.LeaderboardUpdatedDocument,
    "\n  fragment MemberFields on Member {\n    id username displayName role disabled createdAt\n  }\n": types.MemberFieldsFragmentDoc,
    "\n  query Members($slug: String!, $first: Int!, $after: String, $role: Role, $disabled: Boolean, $search: String) {\n    organization(slug: $slug) {\n      id\n      members(first: $first, after: $after, role: $role, disabled: $disabled, search: $search) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node { ...MemberFields }\n        }\n      }\n    }\n  }\n": types.MembersDocument,
    "\n  mutation AddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      member { ...MemberFields }\n    }\n  }\n": types.AddMemberDocument,
    "\n  mutation UpdateMember($input: UpdateMemberInput!) {\n    updateMember(input: $input) {\n      member { ...MemberFields }\n    }\n  }\n": types.UpdateMemberDocument,
    "\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) { removedId }\n  }\n": types.RemoveMemberDocument,
    "\n  fragment NotificationFields on Notification {\n    id type title body link createdAt read readAt\n  }\n": types.NotificationFieldsFragmentDoc,
    "\n  query Notifications($slug: String!, $first: Int!, $unread: Boolean) {\n    organization(slug: $slug) {\n      id\n      notifications(first: $first, unread: $unread) {\n        totalCount\n        unreadCount\n        edges { node { ...NotificationFields } }\n      }\n    }\n  }\n": types.NotificationsDocument,
    "\n  subscription NotificationsChanged($slug: String!) {\n    notificationsChanged(orgSlug: $slug) { unreadCount }\n  }\n": types.NotificationsChangedDocument,
    "\n  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input) {\n      markedCount\n      unreadCount\n      notifications { ...NotificationFields }\n    }\n  }\n": types.MarkNotificationsReadDocument,
    "\n  fragment QuizFields on Quiz {\n    id title description status version timeLimitSeconds attemptsAllowed passMarkPercent\n    shuffleQuestions shuffleOptions revealAnswers certificateOnPass opensAt closesAt\n    questionCount maxPoints updatedAt publishedAt isOpen\n  }\n": types.QuizFieldsFragmentDoc,
    "\n  query Quizzes($slug: String!, $first: Int!, $after: String, $status: QuizStatus, $search: String) {\n    organization(slug: $slug) {\n      id\n      quizzes(first: $first, after: $after, status: $status, search: $search) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node { ...QuizFields }\n        }\n      }\n    }\n  }\n": types.QuizzesDocument,
    "\n  fragment QuizEditorFields on Quiz {\n    ...QuizFields\n    questionsWithAnswers {\n      id number kind prompt points explanation acceptedAnswers numericValue numericTolerance\n      options { id text correct }\n    }\n  }\n": types.QuizEditorFieldsFragmentDoc,
    "\n  query QuizEditor($id: ID!, $slug: String!) {\n    node(id: $id) {\n      __typename\n      ... on Quiz { ...QuizEditorFields }\n    }\n    organization(slug: $slug) {\n      id\n      attempts(quizId: $id, first: 1) { totalCount }\n    }\n  }\n": types.QuizEditorDocument,
    "\n  mutation CreateQuiz($input: CreateQuizInput!) {\n    createQuiz(input: $input) { quiz { ...QuizEditorFields } }\n  }\n": types.CreateQuizDocument,
    "\n  mutation UpdateQuiz($input: UpdateQuizInput!) {\n    updateQuiz(input: $input) { quiz { ...QuizEditorFields } }\n  }\n": types.UpdateQuizDocument,
    "\n  mutation PublishQuiz($input: QuizIdInput!) {\n    publishQuiz(input: $input) { quiz { ...QuizFields } }\n  }\n": types.PublishQuizDocument,
    "\n  mutation ArchiveQuiz($input: QuizIdInput!) {\n    archiveQuiz(input: $input) { quiz { ...QuizFields } }\n  }\n": types.ArchiveQuizDocument,
    "\n  mutation DuplicateQuiz($input: DuplicateQuizInput!) {\n    duplicateQuiz(input: $input) { quiz { ...QuizFields } }\n  }\n": types.DuplicateQuizDocument,
    "\n  mutation ImportQuiz($input: ImportQuizInput!) {\n    importQuiz(input: $input) {\n      format\n      importedQuestions\n      problems { line message }\n      quiz { ...QuizFields }\n    }\n  }\n": types.ImportQuizDocument,
    "\n  fragment ViewerFields on Viewer {\n    kind\n    role\n    scopes\n    member { id username displayName role }\n    organization { id slug name }\n  }\n": types.ViewerFieldsFragmentDoc,
    "\n  fragment AccessModelFields on AccessModel {\n    roles { role scopes ownRecordsOnly }\n    scopes { name description resource resourceLabel roles grantableToKeys }\n  }\n": types.AccessModelFieldsFragmentDoc,
    "\n  query Viewer {\n    viewer { ...ViewerFields }\n    accessModel { ...AccessModelFields }\n  }\n": types.ViewerDocument,
    "\n  query PublicOrganization($slug: String!) {\n    organization(slug: $slug) {\n      id\n      slug\n      name\n      branding { primaryColor logoUrl tagline }\n    }\n  }\n": types.PublicOrganizationDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      viewer { ...ViewerFields }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout(input: {}) { ok }\n  }\n": types.LogoutDocument,
    "\n  fragment AttemptSummary on Attempt {\n    id number status quizVersion quizTitle startedAt deadline closedAt score maxScore percentage passed\n    quiz { ...QuizFields }\n  }\n": types.AttemptSummaryFragmentDoc,
    "\n  query OpenQuizzes($slug: String!, $first: Int!, $after: String, $search: String) {\n    organization(slug: $slug) {\n      id\n      quizzes(first: $first, after: $after, status: PUBLISHED, search: $search) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node { ...QuizFields }\n        }\n      }\n    }\n  }\n": types.OpenQuizzesDocument,
    "\n  query MyAttempts($slug: String!, $first: Int!, $after: String, $memberId: ID) {\n    organization(slug: $slug) {\n      id\n      attempts(first: $first, after: $after, memberId: $memberId) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          node { ...AttemptSummary }\n        }\n      }\n    }\n  }\n": types.MyAttemptsDocument,
    "\n  fragment AttemptFields on Attempt {\n    ...AttemptSummary\n    questions { id number kind prompt points options { id text } }\n    results {\n      answered correct pointsAwarded selectedOptionIds text number\n      question { id number kind prompt points options { id text } }\n      revealed { correctOptionIds acceptedAnswers numericValue numericTolerance explanation }\n    }\n  }\n": types.AttemptFieldsFragmentDoc,
    "\n  query Attempt($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Attempt { ...AttemptFields }\n    }\n  }\n": types.AttemptDocument,
    "\n  mutation StartAttempt($input: StartAttemptInput!) {\n    startAttempt(input: $input) { attempt { ...AttemptFields } }\n  }\n": types.StartAttemptDocument,
    "\n  mutation SaveAttemptAnswers($input: AttemptAnswersInput!) {\n    saveAttemptAnswers(input: $input) { attempt { ...AttemptSummary } }\n  }\n": types.SaveAttemptAnswersDocument,
    "\n  mutation SubmitAttempt($input: AttemptAnswersInput!) {\n    submitAttempt(input: $input) { attempt { ...AttemptFields } }\n  }\n": types.SubmitAttemptDocument,
    "\n  fragment WebhookFields on Webhook {\n    id url description events subscribedEvents enabled status disabledReason createdAt\n    health { failingSince lastSuccessAt lastFailureAt pending succeededLast24h failedLast24h }\n  }\n": types.WebhookFieldsFragmentDoc,
    "\n  fragment WebhookDeliveryFields on WebhookDelivery {\n    id messageId event attempt status httpStatus createdAt lastAttemptAt nextAttemptAt\n    tries { attempt attemptedAt httpStatus durationMs responseBody error nextAttemptAt }\n  }\n": types.WebhookDeliveryFieldsFragmentDoc,
    "\n  query Webhooks($slug: String!, $first: Int!, $after: String) {\n    organization(slug: $slug) {\n      id\n      webhooks(first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { cursor node { ...WebhookFields } }\n      }\n    }\n  }\n": types.WebhooksDocument,
    "\n  query WebhookDeliveries($id: ID!, $first: Int!, $after: String) {\n    node(id: $id) {\n      __typename\n      ... on Webhook {\n        ...WebhookFields\n        deliveries(first: $first, after: $after) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          edges {\n            cursor\n            node { ...WebhookDeliveryFields }\n          }\n        }\n      }\n    }\n  }\n": types.WebhookDeliveriesDocument,
    "\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) { secret webhook { ...WebhookFields } }\n  }\n": types.CreateWebhookDocument,
    "\n  mutation UpdateWebhook($input: UpdateWebhookInput!) {\n    updateWebhook(input: $input) { webhook { ...WebhookFields } }\n  }\n": types.UpdateWebhookDocument,
    "\n  mutation DeleteWebhook($input: DeleteWebhookInput!) {\n    deleteWebhook(input: $input) { deletedId }\n  }\n": types.DeleteWebhookDocument,
    "\n  mutation RotateWebhookSecret($input: RotateWebhookSecretInput!) {\n    rotateWebhookSecret(input: $input) { secret webhook { ...WebhookFields } }\n  }\n": types.RotateWebhookSecretDocument,
    "\n  mutation PingWebhook($input: PingWebhookInput!) {\n    pingWebhook(input: $input) { delivery { ...WebhookDeliveryFields } }\n  }\n": types.PingWebhookDocument,
    "\n  mutation RedeliverWebhookMessage($input: RedeliverWebhookMessageInput!) {\n    redeliverWebhookMessage(input: $input) { deliveries { ...WebhookDeliveryFields } }\n  }\n": types.RedeliverWebhookMessageDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuizStatistics($id: ID!, $firstAttemptsOnly: Boolean!, $since: Date, $until: Date) {\n    node(id: $id) {\n      __typename\n      ... on Quiz {\n        id\n        title\n        status\n        passMarkPercent\n        statistics(firstAttemptsOnly: $firstAttemptsOnly, since: $since, until: $until) {\n          attempts participants completionRate maxScore mean median standardDeviation passRate averageTimeSeconds\n          scoreDistribution { low high attempts }\n          cronbachAlpha errorRatio standardError computedAt itemAnalysisStatus\n          questions {\n            questionId number prompt kind maxPoints answered facilityIndex standardDeviation\n            discriminationIndex discriminativeEfficiency flags flagReasons\n            options { optionId text correct picks share }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query QuizStatistics($id: ID!, $firstAttemptsOnly: Boolean!, $since: Date, $until: Date) {\n    node(id: $id) {\n      __typename\n      ... on Quiz {\n        id\n        title\n        status\n        passMarkPercent\n        statistics(firstAttemptsOnly: $firstAttemptsOnly, since: $since, until: $until) {\n          attempts participants completionRate maxScore mean median standardDeviation passRate averageTimeSeconds\n          scoreDistribution { low high attempts }\n          cronbachAlpha errorRatio standardError computedAt itemAnalysisStatus\n          questions {\n            questionId number prompt kind maxPoints answered facilityIndex standardDeviation\n            discriminationIndex discriminativeEfficiency flags flagReasons\n            options { optionId text correct picks share }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrgAnalytics($slug: String!, $interval: AnalyticsInterval!, $since: Date, $until: Date) {\n    organization(slug: $slug) {\n      id\n      analytics(interval: $interval, since: $since, until: $until) {\n        since until interval activeMembers attempts averagePercentage\n        timeline { start attempts activeMembers averagePercentage }\n        topQuizzes(first: 10) { quizId title attempts averagePercentage }\n        members(first: 20) {\n          edges { node { memberId displayName attempts quizzesStarted averagePercentage lastActiveOn } }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrgAnalytics($slug: String!, $interval: AnalyticsInterval!, $since: Date, $until: Date) {\n    organization(slug: $slug) {\n      id\n      analytics(interval: $interval, since: $since, until: $until) {\n        since until interval activeMembers attempts averagePercentage\n        timeline { start attempts activeMembers averagePercentage }\n        topQuizzes(first: 10) { quizId title attempts averagePercentage }\n        members(first: 20) {\n          edges { node { memberId displayName attempts quizzesStarted averagePercentage lastActiveOn } }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiKeyFields on ApiKey {\n    id name prefix scopes rateLimitPerMinute createdAt lastUsedAt expiresAt enabled revokedAt\n    createdBy { id displayName }\n  }\n"): (typeof documents)["\n  fragment ApiKeyFields on ApiKey {\n    id name prefix scopes rateLimitPerMinute createdAt lastUsedAt expiresAt enabled revokedAt\n    createdBy { id displayName }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys($slug: String!, $first: Int!, $after: String) {\n    organization(slug: $slug) {\n      id\n      apiAccessEnabled\n      apiKeys(first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node { ...ApiKeyFields }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApiKeys($slug: String!, $first: Int!, $after: String) {\n    organization(slug: $slug) {\n      id\n      apiAccessEnabled\n      apiKeys(first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node { ...ApiKeyFields }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey { ...ApiKeyFields }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey { ...ApiKeyFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetApiKeyEnabled($input: SetApiKeyEnabledInput!) {\n    setApiKeyEnabled(input: $input) {\n      apiKey { ...ApiKeyFields }\n    }\n  }\n"): (typeof documents)["\n  mutation SetApiKeyEnabled($input: SetApiKeyEnabledInput!) {\n    setApiKeyEnabled(input: $input) {\n      apiKey { ...ApiKeyFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey { ...ApiKeyFields }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey { ...ApiKeyFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateApiKey($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) {\n      secret\n      apiKey { ...ApiKeyFields }\n    }\n  }\n"): (typeof documents)["\n  mutation RotateApiKey($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) {\n      secret\n      apiKey { ...ApiKeyFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetApiAccess($input: SetApiAccessInput!) {\n    setApiAccess(input: $input) {\n      organization { id apiAccessEnabled }\n    }\n  }\n"): (typeof documents)["\n  mutation SetApiAccess($input: SetApiAccessInput!) {\n    setApiAccess(input: $input) {\n      organization { id apiAccessEnabled }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuditEntryFields on AuditEvent {\n    id action actorKind actorLabel targetType targetId targetLabel targetNodeId details\n    actionInfo { label areaLabel }\n    ip userAgent createdAt\n  }\n"): (typeof documents)["\n  fragment AuditEntryFields on AuditEvent {\n    id action actorKind actorLabel targetType targetId targetLabel targetNodeId details\n    actionInfo { label areaLabel }\n    ip userAgent createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog(\n    $slug: String!\n    $first: Int!\n    $after: String\n    $action: String\n    $area: String\n    $excludeActions: [String!]\n    $actor: String\n    $since: DateTime\n    $until: DateTime\n  ) {\n    organization(slug: $slug) {\n      id\n      auditLog(\n        first: $first\n        after: $after\n        action: $action\n        area: $area\n        excludeActions: $excludeActions\n        actor: $actor\n        since: $since\n        until: $until\n      ) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node { ...AuditEntryFields }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog(\n    $slug: String!\n    $first: Int!\n    $after: String\n    $action: String\n    $area: String\n    $excludeActions: [String!]\n    $actor: String\n    $since: DateTime\n    $until: DateTime\n  ) {\n    organization(slug: $slug) {\n      id\n      auditLog(\n        first: $first\n        after: $after\n        action: $action\n        area: $area\n        excludeActions: $excludeActions\n        actor: $actor\n        since: $since\n        until: $until\n      ) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node { ...AuditEntryFields }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditActions($slug: String!) {\n    organization(slug: $slug) {\n      id\n      auditActions { action label area areaLabel }\n    }\n  }\n"): (typeof documents)["\n  query AuditActions($slug: String!) {\n    organization(slug: $slug) {\n      id\n      auditActions { action label area areaLabel }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditActors($slug: String!) {\n    organization(slug: $slug) {\n      id\n      members(first: 100) {\n        edges { node { id displayName username } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditActors($slug: String!) {\n    organization(slug: $slug) {\n      id\n      members(first: 100) {\n        edges { node { id displayName username } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CertificateFields on Certificate {\n    id kind code holderName title score maxScore percentage rank issuedAt\n    valid revokedAt revocationReason revocationReasonPublic verificationUrl pdfUrl\n  }\n"): (typeof documents)["\n  fragment CertificateFields on Certificate {\n    id kind code holderName title score maxScore percentage rank issuedAt\n    valid revokedAt revocationReason revocationReasonPublic verificationUrl pdfUrl\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Certificates($slug: String!, $first: Int!, $after: String, $revoked: Boolean, $memberId: ID) {\n    organization(slug: $slug) {\n      id\n      certificates(first: $first, after: $after, revoked: $revoked, memberId: $memberId) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node { ...CertificateFields }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Certificates($slug: String!, $first: Int!, $after: String, $revoked: Boolean, $memberId: ID) {\n    organization(slug: $slug) {\n      id\n      certificates(first: $first, after: $after, revoked: $revoked, memberId: $memberId) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node { ...CertificateFields }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeCertificate($input: RevokeCertificateInput!) {\n    revokeCertificate(input: $input) {\n      certificate { ...CertificateFields }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeCertificate($input: RevokeCertificateInput!) {\n    revokeCertificate(input: $input) {\n      certificate { ...CertificateFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntegrityNotice($slug: String!) {\n    organization(slug: $slug) {\n      id\n      integrityNotice\n    }\n  }\n"): (typeof documents)["\n  query IntegrityNotice($slug: String!) {\n    organization(slug: $slug) {\n      id\n      integrityNotice\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportIntegrityEvent($input: ReportIntegrityEventInput!) {\n    reportIntegrityEvent(input: $input) { event { id type } }\n  }\n"): (typeof documents)["\n  mutation ReportIntegrityEvent($input: ReportIntegrityEventInput!) {\n    reportIntegrityEvent(input: $input) { event { id type } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AttemptIntegrityFields on AttemptIntegrity {\n    id attemptId quizId quizTitle\n    pageSwitches hiddenSeconds fullscreenExits clipboardEvents bulkAnswerChanges ipAddressCount deviceCount eventCount\n    hiddenSince lastEventAt flagged flaggedAt\n    flagReasons { code description }\n    review { outcome note reviewedAt reviewerId }\n    participant { id displayName }\n  }\n"): (typeof documents)["\n  fragment AttemptIntegrityFields on AttemptIntegrity {\n    id attemptId quizId quizTitle\n    pageSwitches hiddenSeconds fullscreenExits clipboardEvents bulkAnswerChanges ipAddressCount deviceCount eventCount\n    hiddenSince lastEventAt flagged flaggedAt\n    flagReasons { code description }\n    review { outcome note reviewedAt reviewerId }\n    participant { id displayName }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntegrityAttempts($slug: String!, $first: Int!, $after: String, $flagged: Boolean, $unreviewed: Boolean, $attemptId: ID) {\n    organization(slug: $slug) {\n      id\n      integrityAttempts(first: $first, after: $after, flagged: $flagged, unreviewed: $unreviewed, attemptId: $attemptId) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node { ...AttemptIntegrityFields }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query IntegrityAttempts($slug: String!, $first: Int!, $after: String, $flagged: Boolean, $unreviewed: Boolean, $attemptId: ID) {\n    organization(slug: $slug) {\n      id\n      integrityAttempts(first: $first, after: $after, flagged: $flagged, unreviewed: $unreviewed, attemptId: $attemptId) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node { ...AttemptIntegrityFields }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntegrityTimeline($id: ID!, $first: Int!, $after: String) {\n    node(id: $id) {\n      __typename\n      ... on AttemptIntegrity {\n        id\n        timeline(first: $first, after: $after) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          edges { node { id type occurredAt recordedAt description ipAddress } }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query IntegrityTimeline($id: ID!, $first: Int!, $after: String) {\n    node(id: $id) {\n      __typename\n      ... on AttemptIntegrity {\n        id\n        timeline(first: $first, after: $after) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          edges { node { id type occurredAt recordedAt description ipAddress } }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewIntegrityFlag($input: ReviewIntegrityFlagInput!) {\n    reviewIntegrityFlag(input: $input) { attemptIntegrity { ...AttemptIntegrityFields } }\n  }\n"): (typeof documents)["\n  mutation ReviewIntegrityFlag($input: ReviewIntegrityFlagInput!) {\n    reviewIntegrityFlag(input: $input) { attemptIntegrity { ...AttemptIntegrityFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IntegrityRulesFields on IntegrityRules {\n    maxPageSwitches maxHiddenSeconds maxIpAddresses maxDevices maxFullscreenExits maxClipboardEvents maxBulkAnswerChanges\n  }\n"): (typeof documents)["\n  fragment IntegrityRulesFields on IntegrityRules {\n    maxPageSwitches maxHiddenSeconds maxIpAddresses maxDevices maxFullscreenExits maxClipboardEvents maxBulkAnswerChanges\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntegrityRules($slug: String!) {\n    organization(slug: $slug) {\n      id\n      integrityRules { ...IntegrityRulesFields }\n    }\n  }\n"): (typeof documents)["\n  query IntegrityRules($slug: String!) {\n    organization(slug: $slug) {\n      id\n      integrityRules { ...IntegrityRulesFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateIntegrityRules($input: UpdateIntegrityRulesInput!) {\n    updateIntegrityRules(input: $input) { rules { ...IntegrityRulesFields } }\n  }\n"): (typeof documents)["\n  mutation UpdateIntegrityRules($input: UpdateIntegrityRulesInput!) {\n    updateIntegrityRules(input: $input) { rules { ...IntegrityRulesFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LeaderboardEntryFields on LeaderboardEntry {\n    rank memberId displayName score attempts lastActivityAt timeTakenSeconds\n  }\n"): (typeof documents)["\n  fragment LeaderboardEntryFields on LeaderboardEntry {\n    rank memberId displayName score attempts lastActivityAt timeTakenSeconds\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Leaderboard($slug: String!, $quizId: ID, $window: LeaderboardWindow!, $first: Int!, $after: String) {\n    organization(slug: $slug) {\n      id\n      leaderboard(quizId: $quizId, window: $window, first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { cursor node { ...LeaderboardEntryFields } }\n        myRank { ...LeaderboardEntryFields }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Leaderboard($slug: String!, $quizId: ID, $window: LeaderboardWindow!, $first: Int!, $after: String) {\n    organization(slug: $slug) {\n      id\n      leaderboard(quizId: $quizId, window: $window, first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { cursor node { ...LeaderboardEntryFields } }\n        myRank { ...LeaderboardEntryFields }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyRank($slug: String!, $quizId: ID) {\n    organization(slug: $slug) {\n      id\n      leaderboard(quizId: $quizId, first: 1) {\n        totalCount\n        myRank { ...LeaderboardEntryFields }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyRank($slug: String!, $quizId: ID) {\n    organization(slug: $slug) {\n      id\n      leaderboard(quizId: $quizId, first: 1) {\n        totalCount\n        myRank { ...LeaderboardEntryFields }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeaderboardQuizzes($slug: String!) {\n    organization(slug: $slug) {\n      id\n      quizzes(first: 100) { edges { node { id title status } } }\n    }\n  }\n"): (typeof documents)["\n  query LeaderboardQuizzes($slug: String!) {\n    organization(slug: $slug) {\n      id\n      quizzes(first: 100) { edges { node { id title status } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LeaderboardUpdated($slug: String!, $quizId: ID, $top: Int!) {\n    leaderboardUpdated(orgSlug: $slug, quizId: $quizId, top: $top) {\n      quizId\n      entries { ...LeaderboardEntryFields }\n      changed { ...LeaderboardEntryFields }\n    }\n  }\n"): (typeof documents)["\n  subscription LeaderboardUpdated($slug: String!, $quizId: ID, $top: Int!) {\n    leaderboardUpdated(orgSlug: $slug, quizId: $quizId, top: $top) {\n      quizId\n      entries { ...LeaderboardEntryFields }\n      changed { ...LeaderboardEntryFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MemberFields on Member {\n    id username displayName role disabled createdAt\n  }\n"): (typeof documents)["\n  fragment MemberFields on Member {\n    id username displayName role disabled createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Members($slug: String!, $first: Int!, $after: String, $role: Role, $disabled: Boolean, $search: String) {\n    organization(slug: $slug) {\n      id\n      members(first: $first, after: $after, role: $role, disabled: $disabled, search: $search) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node { ...MemberFields }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Members($slug: String!, $first: Int!, $after: String, $role: Role, $disabled: Boolean, $search: String) {\n    organization(slug: $slug) {\n      id\n      members(first: $first, after: $after, role: $role, disabled: $disabled, search: $search) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node { ...MemberFields }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      member { ...MemberFields }\n    }\n  }\n"): (typeof documents)["\n  mutation AddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      member { ...MemberFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMember($input: UpdateMemberInput!) {\n    updateMember(input: $input) {\n      member { ...MemberFields }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMember($input: UpdateMemberInput!) {\n    updateMember(input: $input) {\n      member { ...MemberFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) { removedId }\n  }\n"): (typeof documents)["\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) { removedId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationFields on Notification {\n    id type title body link createdAt read readAt\n  }\n"): (typeof documents)["\n  fragment NotificationFields on Notification {\n    id type title body link createdAt read readAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($slug: String!, $first: Int!, $unread: Boolean) {\n    organization(slug: $slug) {\n      id\n      notifications(first: $first, unread: $unread) {\n        totalCount\n        unreadCount\n        edges { node { ...NotificationFields } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Notifications($slug: String!, $first: Int!, $unread: Boolean) {\n    organization(slug: $slug) {\n      id\n      notifications(first: $first, unread: $unread) {\n        totalCount\n        unreadCount\n        edges { node { ...NotificationFields } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationsChanged($slug: String!) {\n    notificationsChanged(orgSlug: $slug) { unreadCount }\n  }\n"): (typeof documents)["\n  subscription NotificationsChanged($slug: String!) {\n    notificationsChanged(orgSlug: $slug) { unreadCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input) {\n      markedCount\n      unreadCount\n      notifications { ...NotificationFields }\n    }\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input) {\n      markedCount\n      unreadCount\n      notifications { ...NotificationFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment QuizFields on Quiz {\n    id title description status version timeLimitSeconds attemptsAllowed passMarkPercent\n    shuffleQuestions shuffleOptions revealAnswers certificateOnPass opensAt closesAt\n    questionCount maxPoints updatedAt publishedAt isOpen\n  }\n"): (typeof documents)["\n  fragment QuizFields on Quiz {\n    id title description status version timeLimitSeconds attemptsAllowed passMarkPercent\n    shuffleQuestions shuffleOptions revealAnswers certificateOnPass opensAt closesAt\n    questionCount maxPoints updatedAt publishedAt isOpen\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Quizzes($slug: String!, $first: Int!, $after: String, $status: QuizStatus, $search: String) {\n    organization(slug: $slug) {\n      id\n      quizzes(first: $first, after: $after, status: $status, search: $search) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node { ...QuizFields }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Quizzes($slug: String!, $first: Int!, $after: String, $status: QuizStatus, $search: String) {\n    organization(slug: $slug) {\n      id\n      quizzes(first: $first, after: $after, status: $status, search: $search) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node { ...QuizFields }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment QuizEditorFields on Quiz {\n    ...QuizFields\n    questionsWithAnswers {\n      id number kind prompt points explanation acceptedAnswers numericValue numericTolerance\n      options { id text correct }\n    }\n  }\n"): (typeof documents)["\n  fragment QuizEditorFields on Quiz {\n    ...QuizFields\n    questionsWithAnswers {\n      id number kind prompt points explanation acceptedAnswers numericValue numericTolerance\n      options { id text correct }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuizEditor($id: ID!, $slug: String!) {\n    node(id: $id) {\n      __typename\n      ... on Quiz { ...QuizEditorFields }\n    }\n    organization(slug: $slug) {\n      id\n      attempts(quizId: $id, first: 1) { totalCount }\n    }\n  }\n"): (typeof documents)["\n  query QuizEditor($id: ID!, $slug: String!) {\n    node(id: $id) {\n      __typename\n      ... on Quiz { ...QuizEditorFields }\n    }\n    organization(slug: $slug) {\n      id\n      attempts(quizId: $id, first: 1) { totalCount }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateQuiz($input: CreateQuizInput!) {\n    createQuiz(input: $input) { quiz { ...QuizEditorFields } }\n  }\n"): (typeof documents)["\n  mutation CreateQuiz($input: CreateQuizInput!) {\n    createQuiz(input: $input) { quiz { ...QuizEditorFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateQuiz($input: UpdateQuizInput!) {\n    updateQuiz(input: $input) { quiz { ...QuizEditorFields } }\n  }\n"): (typeof documents)["\n  mutation UpdateQuiz($input: UpdateQuizInput!) {\n    updateQuiz(input: $input) { quiz { ...QuizEditorFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishQuiz($input: QuizIdInput!) {\n    publishQuiz(input: $input) { quiz { ...QuizFields } }\n  }\n"): (typeof documents)["\n  mutation PublishQuiz($input: QuizIdInput!) {\n    publishQuiz(input: $input) { quiz { ...QuizFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveQuiz($input: QuizIdInput!) {\n    archiveQuiz(input: $input) { quiz { ...QuizFields } }\n  }\n"): (typeof documents)["\n  mutation ArchiveQuiz($input: QuizIdInput!) {\n    archiveQuiz(input: $input) { quiz { ...QuizFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DuplicateQuiz($input: DuplicateQuizInput!) {\n    duplicateQuiz(input: $input) { quiz { ...QuizFields } }\n  }\n"): (typeof documents)["\n  mutation DuplicateQuiz($input: DuplicateQuizInput!) {\n    duplicateQuiz(input: $input) { quiz { ...QuizFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportQuiz($input: ImportQuizInput!) {\n    importQuiz(input: $input) {\n      format\n      importedQuestions\n      problems { line message }\n      quiz { ...QuizFields }\n    }\n  }\n"): (typeof documents)["\n  mutation ImportQuiz($input: ImportQuizInput!) {\n    importQuiz(input: $input) {\n      format\n      importedQuestions\n      problems { line message }\n      quiz { ...QuizFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ViewerFields on Viewer {\n    kind\n    role\n    scopes\n    member { id username displayName role }\n    organization { id slug name }\n  }\n"): (typeof documents)["\n  fragment ViewerFields on Viewer {\n    kind\n    role\n    scopes\n    member { id username displayName role }\n    organization { id slug name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AccessModelFields on AccessModel {\n    roles { role scopes ownRecordsOnly }\n    scopes { name description resource resourceLabel roles grantableToKeys }\n  }\n"): (typeof documents)["\n  fragment AccessModelFields on AccessModel {\n    roles { role scopes ownRecordsOnly }\n    scopes { name description resource resourceLabel roles grantableToKeys }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer { ...ViewerFields }\n    accessModel { ...AccessModelFields }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer { ...ViewerFields }\n    accessModel { ...AccessModelFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicOrganization($slug: String!) {\n    organization(slug: $slug) {\n      id\n      slug\n      name\n      branding { primaryColor logoUrl tagline }\n    }\n  }\n"): (typeof documents)["\n  query PublicOrganization($slug: String!) {\n    organization(slug: $slug) {\n      id\n      slug\n      name\n      branding { primaryColor logoUrl tagline }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      viewer { ...ViewerFields }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      viewer { ...ViewerFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout(input: {}) { ok }\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout(input: {}) { ok }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AttemptSummary on Attempt {\n    id number status quizVersion quizTitle startedAt deadline closedAt score maxScore percentage passed\n    quiz { ...QuizFields }\n  }\n"): (typeof documents)["\n  fragment AttemptSummary on Attempt {\n    id number status quizVersion quizTitle startedAt deadline closedAt score maxScore percentage passed\n    quiz { ...QuizFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpenQuizzes($slug: String!, $first: Int!, $after: String, $search: String) {\n    organization(slug: $slug) {\n      id\n      quizzes(first: $first, after: $after, status: PUBLISHED, search: $search) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node { ...QuizFields }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OpenQuizzes($slug: String!, $first: Int!, $after: String, $search: String) {\n    organization(slug: $slug) {\n      id\n      quizzes(first: $first, after: $after, status: PUBLISHED, search: $search) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node { ...QuizFields }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAttempts($slug: String!, $first: Int!, $after: String, $memberId: ID) {\n    organization(slug: $slug) {\n      id\n      attempts(first: $first, after: $after, memberId: $memberId) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          node { ...AttemptSummary }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyAttempts($slug: String!, $first: Int!, $after: String, $memberId: ID) {\n    organization(slug: $slug) {\n      id\n      attempts(first: $first, after: $after, memberId: $memberId) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          node { ...AttemptSummary }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AttemptFields on Attempt {\n    ...AttemptSummary\n    questions { id number kind prompt points options { id text } }\n    results {\n      answered correct pointsAwarded selectedOptionIds text number\n      question { id number kind prompt points options { id text } }\n      revealed { correctOptionIds acceptedAnswers numericValue numericTolerance explanation }\n    }\n  }\n"): (typeof documents)["\n  fragment AttemptFields on Attempt {\n    ...AttemptSummary\n    questions { id number kind prompt points options { id text } }\n    results {\n      answered correct pointsAwarded selectedOptionIds text number\n      question { id number kind prompt points options { id text } }\n      revealed { correctOptionIds acceptedAnswers numericValue numericTolerance explanation }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Attempt($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Attempt { ...AttemptFields }\n    }\n  }\n"): (typeof documents)["\n  query Attempt($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Attempt { ...AttemptFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartAttempt($input: StartAttemptInput!) {\n    startAttempt(input: $input) { attempt { ...AttemptFields } }\n  }\n"): (typeof documents)["\n  mutation StartAttempt($input: StartAttemptInput!) {\n    startAttempt(input: $input) { attempt { ...AttemptFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveAttemptAnswers($input: AttemptAnswersInput!) {\n    saveAttemptAnswers(input: $input) { attempt { ...AttemptSummary } }\n  }\n"): (typeof documents)["\n  mutation SaveAttemptAnswers($input: AttemptAnswersInput!) {\n    saveAttemptAnswers(input: $input) { attempt { ...AttemptSummary } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitAttempt($input: AttemptAnswersInput!) {\n    submitAttempt(input: $input) { attempt { ...AttemptFields } }\n  }\n"): (typeof documents)["\n  mutation SubmitAttempt($input: AttemptAnswersInput!) {\n    submitAttempt(input: $input) { attempt { ...AttemptFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookFields on Webhook {\n    id url description events subscribedEvents enabled status disabledReason createdAt\n    health { failingSince lastSuccessAt lastFailureAt pending succeededLast24h failedLast24h }\n  }\n"): (typeof documents)["\n  fragment WebhookFields on Webhook {\n    id url description events subscribedEvents enabled status disabledReason createdAt\n    health { failingSince lastSuccessAt lastFailureAt pending succeededLast24h failedLast24h }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookDeliveryFields on WebhookDelivery {\n    id messageId event attempt status httpStatus createdAt lastAttemptAt nextAttemptAt\n    tries { attempt attemptedAt httpStatus durationMs responseBody error nextAttemptAt }\n  }\n"): (typeof documents)["\n  fragment WebhookDeliveryFields on WebhookDelivery {\n    id messageId event attempt status httpStatus createdAt lastAttemptAt nextAttemptAt\n    tries { attempt attemptedAt httpStatus durationMs responseBody error nextAttemptAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Webhooks($slug: String!, $first: Int!, $after: String) {\n    organization(slug: $slug) {\n      id\n      webhooks(first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { cursor node { ...WebhookFields } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Webhooks($slug: String!, $first: Int!, $after: String) {\n    organization(slug: $slug) {\n      id\n      webhooks(first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { cursor node { ...WebhookFields } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveries($id: ID!, $first: Int!, $after: String) {\n    node(id: $id) {\n      __typename\n      ... on Webhook {\n        ...WebhookFields\n        deliveries(first: $first, after: $after) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          edges {\n            cursor\n            node { ...WebhookDeliveryFields }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebhookDeliveries($id: ID!, $first: Int!, $after: String) {\n    node(id: $id) {\n      __typename\n      ... on Webhook {\n        ...WebhookFields\n        deliveries(first: $first, after: $after) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          edges {\n            cursor\n            node { ...WebhookDeliveryFields }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) { secret webhook { ...WebhookFields } }\n  }\n"): (typeof documents)["\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) { secret webhook { ...WebhookFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWebhook($input: UpdateWebhookInput!) {\n    updateWebhook(input: $input) { webhook { ...WebhookFields } }\n  }\n"): (typeof documents)["\n  mutation UpdateWebhook($input: UpdateWebhookInput!) {\n    updateWebhook(input: $input) { webhook { ...WebhookFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhook($input: DeleteWebhookInput!) {\n    deleteWebhook(input: $input) { deletedId }\n  }\n"): (typeof documents)["\n  mutation DeleteWebhook($input: DeleteWebhookInput!) {\n    deleteWebhook(input: $input) { deletedId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateWebhookSecret($input: RotateWebhookSecretInput!) {\n    rotateWebhookSecret(input: $input) { secret webhook { ...WebhookFields } }\n  }\n"): (typeof documents)["\n  mutation RotateWebhookSecret($input: RotateWebhookSecretInput!) {\n    rotateWebhookSecret(input: $input) { secret webhook { ...WebhookFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PingWebhook($input: PingWebhookInput!) {\n    pingWebhook(input: $input) { delivery { ...WebhookDeliveryFields } }\n  }\n"): (typeof documents)["\n  mutation PingWebhook($input: PingWebhookInput!) {\n    pingWebhook(input: $input) { delivery { ...WebhookDeliveryFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeliverWebhookMessage($input: RedeliverWebhookMessageInput!) {\n    redeliverWebhookMessage(input: $input) { deliveries { ...WebhookDeliveryFields } }\n  }\n"): (typeof documents)["\n  mutation RedeliverWebhookMessage($input: RedeliverWebhookMessageInput!) {\n    redeliverWebhookMessage(input: $input) { deliveries { ...WebhookDeliveryFields } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;