import { graphql } from '../../gql';

export const NotificationFieldsFragment = graphql(`
  fragment NotificationFields on Notification {
    id type title body link createdAt read readAt
  }
`);

/** The bell's list: the newest notifications and the unread count. */
export const NotificationsQuery = graphql(`
  query Notifications($slug: String!, $first: Int!, $unread: Boolean) {
    organization(slug: $slug) {
      id
      notifications(first: $first, unread: $unread) {
        totalCount
        unreadCount
        edges { node { ...NotificationFields } }
      }
    }
  }
`);

/** The unread count over the websocket: the count now, then every change. */
export const NotificationsChangedSubscription = graphql(`
  subscription NotificationsChanged($slug: String!) {
    notificationsChanged(orgSlug: $slug) { unreadCount }
  }
`);

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input) {
      markedCount
      unreadCount
      notifications { ...NotificationFields }
    }
  }
`);
