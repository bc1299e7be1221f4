import { graphql } from '../../gql';

export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      kind
      role
      scopes
      member { id username displayName role }
      organization { id slug name }
    }
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
      viewer {
        kind
        role
        scopes
        member { id username displayName role }
        organization { id slug name }
      }
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout {
    logout(input: {}) { ok }
  }
`);
