import { graphql } from '../gql';

export const AuditLogQuery = graphql(`
  query AuditLog(
    $slug: String!
    $first: Int!
    $after: String
    $action: String
    $actor: String
    $since: DateTime
    $until: DateTime
  ) {
    organization(slug: $slug) {
      id
      auditLog(first: $first, after: $after, action: $action, actor: $actor, since: $since, until: $until) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          cursor
          node { id action actorLabel targetType targetId ip userAgent createdAt }
        }
      }
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
