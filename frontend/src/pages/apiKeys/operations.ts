import { graphql } from '../../gql';

/** An API key as every page and mutation payload asks for it (Graphcache keeps one copy by id). */
export const ApiKeyFieldsFragment = graphql(`
  fragment ApiKeyFields on ApiKey {
    id name prefix scopes rateLimitPerMinute createdAt lastUsedAt expiresAt enabled revokedAt
    createdBy { id displayName }
  }
`);

export const ApiKeysQuery = graphql(`
  query ApiKeys($slug: String!, $first: Int!, $after: String) {
    organization(slug: $slug) {
      id
      apiAccessEnabled
      apiKeys(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          cursor
          node {
            ...ApiKeyFields
            usage { lastUsedAt lastUsedIp unusedFor30Days }
          }
        }
      }
    }
  }
`);

/** One key's use over the last 30 days, for its usage dialog (the chart and errors by code). */
export const ApiKeyUsageQuery = graphql(`
  query ApiKeyUsage($id: ID!) {
    node(id: $id) {
      ... on ApiKey {
        id
        name
        usage(days: 30) {
          daily { day requests errors rateLimited }
          errorsByCode { code count }
          lastUsedAt
          lastUsedIp
          unusedFor30Days
        }
      }
    }
  }
`);

export const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      apiKey { ...ApiKeyFields }
    }
  }
`);

export const SetApiKeyEnabledMutation = graphql(`
  mutation SetApiKeyEnabled($input: SetApiKeyEnabledInput!) {
    setApiKeyEnabled(input: $input) {
      apiKey { ...ApiKeyFields }
    }
  }
`);

export const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) {
      apiKey { ...ApiKeyFields }
    }
  }
`);

export const RotateApiKeyMutation = graphql(`
  mutation RotateApiKey($input: RotateApiKeyInput!) {
    rotateApiKey(input: $input) {
      secret
      apiKey { ...ApiKeyFields }
    }
  }
`);

export const SetApiAccessMutation = graphql(`
  mutation SetApiAccess($input: SetApiAccessInput!) {
    setApiAccess(input: $input) {
      organization { id apiAccessEnabled }
    }
  }
`);
