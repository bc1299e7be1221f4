import { graphql } from '../../gql';

export const WebhookFieldsFragment = graphql(`
  fragment WebhookFields on Webhook {
    id url description events subscribedEvents enabled status disabledReason createdAt
    health { failingSince lastSuccessAt lastFailureAt pending succeededLast24h failedLast24h }
  }
`);

export const WebhookDeliveryFieldsFragment = graphql(`
  fragment WebhookDeliveryFields on WebhookDelivery {
    id messageId event attempt status httpStatus createdAt lastAttemptAt nextAttemptAt
    tries { attempt attemptedAt httpStatus durationMs responseBody error nextAttemptAt }
  }
`);

export const WebhooksQuery = graphql(`
  query Webhooks($slug: String!, $first: Int!, $after: String) {
    organization(slug: $slug) {
      id
      webhooks(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor node { ...WebhookFields } }
      }
    }
  }
`);

export const WebhookDeliveriesQuery = graphql(`
  query WebhookDeliveries($id: ID!, $first: Int!, $after: String) {
    node(id: $id) {
      __typename
      ... on Webhook {
        ...WebhookFields
        deliveries(first: $first, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges {
            cursor
            node { ...WebhookDeliveryFields }
          }
        }
      }
    }
  }
`);

export const CreateWebhookMutation = graphql(`
  mutation CreateWebhook($input: CreateWebhookInput!) {
    createWebhook(input: $input) { secret webhook { ...WebhookFields } }
  }
`);

export const UpdateWebhookMutation = graphql(`
  mutation UpdateWebhook($input: UpdateWebhookInput!) {
    updateWebhook(input: $input) { webhook { ...WebhookFields } }
  }
`);

export const DeleteWebhookMutation = graphql(`
  mutation DeleteWebhook($input: DeleteWebhookInput!) {
    deleteWebhook(input: $input) { deletedId }
  }
`);

export const RotateWebhookSecretMutation = graphql(`
  mutation RotateWebhookSecret($input: RotateWebhookSecretInput!) {
    rotateWebhookSecret(input: $input) { secret webhook { ...WebhookFields } }
  }
`);

export const PingWebhookMutation = graphql(`
  mutation PingWebhook($input: PingWebhookInput!) {
    pingWebhook(input: $input) { delivery { ...WebhookDeliveryFields } }
  }
`);

export const RedeliverWebhookMessageMutation = graphql(`
  mutation RedeliverWebhookMessage($input: RedeliverWebhookMessageInput!) {
    redeliverWebhookMessage(input: $input) { deliveries { ...WebhookDeliveryFields } }
  }
`);
