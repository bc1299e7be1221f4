import { graphql } from '../../gql';

/** A certificate as the lists and the revoke payload show it (one copy per id in Graphcache). */
export const CertificateFieldsFragment = graphql(`
  fragment CertificateFields on Certificate {
    id kind code holderName title score maxScore percentage rank issuedAt
    valid revokedAt revocationReason revocationReasonPublic verificationUrl pdfUrl
  }
`);

export const CertificatesQuery = graphql(`
  query Certificates($slug: String!, $first: Int!, $after: String, $revoked: Boolean, $memberId: ID) {
    organization(slug: $slug) {
      id
      certificates(first: $first, after: $after, revoked: $revoked, memberId: $memberId) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          cursor
          node { ...CertificateFields }
        }
      }
    }
  }
`);

export const RevokeCertificateMutation = graphql(`
  mutation RevokeCertificate($input: RevokeCertificateInput!) {
    revokeCertificate(input: $input) {
      certificate { ...CertificateFields }
    }
  }
`);
