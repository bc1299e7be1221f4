import { graphql } from '../../gql';

// The platform console's documents. They go to /platform/graphql (see ./client.ts), whose door
// reads the console's own cookie, never an org member's.

export const BeginPlatformLoginMutation = graphql(`
  mutation BeginPlatformLogin($input: BeginPlatformLoginInput!) {
    beginPlatformLogin(input: $input) {
      ticket
      enrolment { secret otpauthUri qrCodeSvg }
    }
  }
`);

export const CompletePlatformLoginMutation = graphql(`
  mutation CompletePlatformLogin($input: CompletePlatformLoginInput!) {
    completePlatformLogin(input: $input) { username }
  }
`);

export const PlatformLogoutMutation = graphql(`
  mutation PlatformLogout {
    platformLogout(input: {}) { ok }
  }
`);

export const PlatformAdminQuery = graphql(`
  query PlatformAdmin {
    platformAdmin { username }
  }
`);

export const ConsoleOrganizationFieldsFragment = graphql(`
  fragment ConsoleOrganizationFields on Organization {
    id
    slug
    name
    disabled
    memberCount
    lastActivityAt
    attemptsLast30Days
    createdAt
  }
`);

export const PlatformOrganizationsQuery = graphql(`
  query PlatformOrganizations($first: Int, $after: String, $search: String, $disabled: Boolean) {
    platformOrganizations(first: $first, after: $after, search: $search, disabled: $disabled) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...ConsoleOrganizationFields } }
    }
  }
`);

export const ConsoleOrganizationQuery = graphql(`
  query ConsoleOrganization($id: ID!, $first: Int, $after: String) {
    node(id: $id) {
      id
      ... on Organization {
        ...ConsoleOrganizationFields
        auditLog(first: $first, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { id action actorLabel targetType createdAt actionInfo { label } } }
        }
      }
    }
  }
`);

export const CreateOrganizationMutation = graphql(`
  mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      organization { ...ConsoleOrganizationFields }
      portalCode
      ownerUsername
      ownerPassword
    }
  }
`);

export const SetOrganizationDisabledMutation = graphql(`
  mutation SetOrganizationDisabled($input: SetOrganizationDisabledInput!) {
    setOrganizationDisabled(input: $input) {
      organization { ...ConsoleOrganizationFields }
    }
  }
`);

export const PlatformApiKeyFieldsFragment = graphql(`
  fragment PlatformApiKeyFields on PlatformApiKey {
    id
    name
    prefix
    scopes
    allOrganizations
    organizations { id slug }
    rateLimitPerMinute
    createdAt
    lastUsedAt
    revokedAt
  }
`);

export const PlatformApiKeysQuery = graphql(`
  query PlatformApiKeys($first: Int, $after: String) {
    platformApiKeys(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...PlatformApiKeyFields } }
    }
    accessModel { scopes { name description grantableToKeys } }
  }
`);

export const CreatePlatformApiKeyMutation = graphql(`
  mutation CreatePlatformApiKey($input: CreatePlatformApiKeyInput!) {
    createPlatformApiKey(input: $input) {
      secret
      apiKey { ...PlatformApiKeyFields }
    }
  }
`);

export const RevokePlatformApiKeyMutation = graphql(`
  mutation RevokePlatformApiKey($input: PlatformApiKeyInput!) {
    revokePlatformApiKey(input: $input) { apiKey { ...PlatformApiKeyFields } }
  }
`);

export const RotatePlatformApiKeyMutation = graphql(`
  mutation RotatePlatformApiKey($input: RotatePlatformApiKeyInput!) {
    rotatePlatformApiKey(input: $input) {
      secret
      apiKey { ...PlatformApiKeyFields }
      previousApiKey { ...PlatformApiKeyFields }
    }
  }
`);

export const PlatformAuditLogQuery = graphql(`
  query PlatformAuditLog($first: Int, $after: String) {
    platformAuditLog(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id action label actorLabel orgSlug targetType createdAt } }
    }
  }
`);
