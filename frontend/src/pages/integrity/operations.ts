import { graphql } from '../../gql';

/** What is recorded while taking a quiz, in plain words (integrity:write: everyone who takes quizzes). */
export const IntegrityNoticeQuery = graphql(`
  query IntegrityNotice($slug: String!) {
    organization(slug: $slug) {
      id
      integrityNotice
    }
  }
`);

export const ReportIntegrityEventMutation = graphql(`
  mutation ReportIntegrityEvent($input: ReportIntegrityEventInput!) {
    reportIntegrityEvent(input: $input) { event { id type } }
  }
`);

export const AttemptIntegrityFieldsFragment = graphql(`
  fragment AttemptIntegrityFields on AttemptIntegrity {
    id attemptId quizId quizTitle
    pageSwitches hiddenSeconds fullscreenExits clipboardEvents bulkAnswerChanges ipAddressCount deviceCount eventCount
    hiddenSince lastEventAt flagged flaggedAt
    flagReasons { code description }
    review { outcome note reviewedAt reviewerId }
    participant { id displayName }
  }
`);

export const IntegrityAttemptsQuery = graphql(`
  query IntegrityAttempts($slug: String!, $first: Int!, $after: String, $flagged: Boolean, $unreviewed: Boolean, $attemptId: ID) {
    organization(slug: $slug) {
      id
      integrityAttempts(first: $first, after: $after, flagged: $flagged, unreviewed: $unreviewed, attemptId: $attemptId) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          cursor
          node { ...AttemptIntegrityFields }
        }
      }
    }
  }
`);

export const IntegrityTimelineQuery = graphql(`
  query IntegrityTimeline($id: ID!, $first: Int!, $after: String) {
    node(id: $id) {
      __typename
      ... on AttemptIntegrity {
        id
        timeline(first: $first, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { id type occurredAt recordedAt description ipAddress } }
        }
      }
    }
  }
`);

export const ReviewIntegrityFlagMutation = graphql(`
  mutation ReviewIntegrityFlag($input: ReviewIntegrityFlagInput!) {
    reviewIntegrityFlag(input: $input) { attemptIntegrity { ...AttemptIntegrityFields } }
  }
`);

export const IntegrityRulesFieldsFragment = graphql(`
  fragment IntegrityRulesFields on IntegrityRules {
    maxPageSwitches maxHiddenSeconds maxIpAddresses maxDevices maxFullscreenExits maxClipboardEvents maxBulkAnswerChanges
  }
`);

export const IntegrityRulesQuery = graphql(`
  query IntegrityRules($slug: String!) {
    organization(slug: $slug) {
      id
      integrityRules { ...IntegrityRulesFields }
    }
  }
`);

export const UpdateIntegrityRulesMutation = graphql(`
  mutation UpdateIntegrityRules($input: UpdateIntegrityRulesInput!) {
    updateIntegrityRules(input: $input) { rules { ...IntegrityRulesFields } }
  }
`);
