import { graphql } from '../../gql';

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
            id name prefix scopes rateLimitPerMinute createdAt lastUsedAt expiresAt enabled revokedAt
            createdBy { displayName }
          }
        }
      }
    }
  }
`);

export const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      apiKey { id name prefix scopes rateLimitPerMinute createdAt lastUsedAt expiresAt enabled revokedAt createdBy { displayName } }
    }
  }
`);

export const SetApiKeyEnabledMutation = graphql(`
  mutation SetApiKeyEnabled($input: SetApiKeyEnabledInput!) {
    setApiKeyEnabled(input: $input) {
      apiKey { id enabled revokedAt }
    }
  }
`);

export const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) {
      apiKey { id enabled revokedAt }
    }
  }
`);

export const RotateApiKeyMutation = graphql(`
  mutation RotateApiKey($input: RotateApiKeyInput!) {
    rotateApiKey(input: $input) {
      secret
      apiKey { id name prefix scopes rateLimitPerMinute createdAt lastUsedAt expiresAt enabled revokedAt createdBy { displayName } }
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
