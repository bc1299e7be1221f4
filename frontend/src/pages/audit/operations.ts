import { graphql } from '../../gql';

export const AuditEntryFieldsFragment = graphql(`
  fragment AuditEntryFields on AuditEvent {
    id action actorKind actorLabel targetType targetId targetLabel targetNodeId details
    actionInfo { label areaLabel }
    ip userAgent createdAt
  }
`);

export const AuditLogQuery = graphql(`
  query AuditLog(
    $slug: String!
    $first: Int!
    $after: String
    $action: String
    $area: String
    $excludeActions: [String!]
    $actor: String
    $since: DateTime
    $until: DateTime
  ) {
    organization(slug: $slug) {
      id
      auditLog(
        first: $first
        after: $after
        action: $action
        area: $area
        excludeActions: $excludeActions
        actor: $actor
        since: $since
        until: $until
      ) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          cursor
          node { ...AuditEntryFields }
        }
      }
    }
  }
`);

/** The actions the server records, with labels and areas, for the picker. */
export const AuditActionsQuery = graphql(`
  query AuditActions($slug: String!) {
    organization(slug: $slug) {
      id
      auditActions { action label area areaLabel }
    }
  }
`);

export const AuditActorsQuery = graphql(`
  query AuditActors($slug: String!) {
    organization(slug: $slug) {
      id
      members(first: 100) {
        edges { node { id displayName username } }
      }
    }
  }
`);
