import { graphql } from '../../gql';

export const PaymentFieldsFragment = graphql(`
  fragment PaymentFields on Payment {
    id amount currency currencyExponent amountDecimal purpose externalId paidAt recordedAt tournamentId
    payer { id username displayName }
  }
`);

/** The payments the viewer sees (payments:read: everyone's; otherwise their own) and their totals. */
export const PaymentsQuery = graphql(`
  query Payments(
    $slug: String!
    $first: Int!
    $after: String
    $memberId: ID
    $purpose: String
    $currency: String
    $paidSince: DateTime
    $paidUntil: DateTime
  ) {
    organization(slug: $slug) {
      id
      payments(
        first: $first
        after: $after
        memberId: $memberId
        purpose: $purpose
        currency: $currency
        paidSince: $paidSince
        paidUntil: $paidUntil
      ) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          cursor
          node { ...PaymentFields }
        }
      }
      paymentTotals(memberId: $memberId, purpose: $purpose, currency: $currency, paidSince: $paidSince, paidUntil: $paidUntil) {
        purpose currency currencyExponent paymentCount amount
      }
    }
  }
`);

/** Members for the payer filter (members:read). */
export const PaymentPayersQuery = graphql(`
  query PaymentPayers($slug: String!) {
    organization(slug: $slug) {
      id
      members(first: 100) {
        edges { node { id displayName username } }
      }
    }
  }
`);
