import { graphql } from '../../gql';

/** Who is signed in: the viewer query and the login payload select the same. */
export const ViewerFieldsFragment = graphql(`
  fragment ViewerFields on Viewer {
    kind
    role
    scopes
    member { id username displayName role }
    organization { id slug name }
  }
`);

export const ViewerQuery = graphql(`
  query Viewer {
    viewer { ...ViewerFields }
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
