import { graphql } from '../../gql';

/** Who is signed in: the viewer query and the login payload select the same. */
export const ViewerFieldsFragment = graphql(`
  fragment ViewerFields on Viewer {
    kind
    role
    scopes
    passwordChangeRequired
    member { id username displayName role }
    organization { id slug name }
  }
`);

/** The API's role and scope table: what the dashboard offers follows it (src/lib/access.ts). */
export const AccessModelFieldsFragment = graphql(`
  fragment AccessModelFields on AccessModel {
    roles { role scopes ownRecordsOnly }
    scopes { name description resource resourceLabel roles grantableToKeys }
  }
`);

/** Who is signed in and what the roles and scopes are, in one request. */
export const ViewerQuery = graphql(`
  query Viewer {
    viewer { ...ViewerFields }
    accessModel { ...AccessModelFields }
  }
`);

export const PublicOrganizationQuery = graphql(`
  query PublicOrganization($slug: String!) {
    organization(slug: $slug) {
      id
      slug
      name
      branding { primaryColor logoUrl tagline }
    }
  }
`);

export const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      viewer { ...ViewerFields }
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout {
    logout(input: {}) { ok }
  }
`);
