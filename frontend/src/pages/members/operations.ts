import { graphql } from '../../gql';

export const MembersQuery = graphql(`
  query Members($slug: String!, $first: Int!, $after: String, $role: Role, $disabled: Boolean, $search: String) {
    organization(slug: $slug) {
      id
      members(first: $first, after: $after, role: $role, disabled: $disabled, search: $search) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          cursor
          node { id username displayName role disabled createdAt }
        }
      }
    }
  }
`);

export const AddMemberMutation = graphql(`
  mutation AddMember($input: AddMemberInput!) {
    addMember(input: $input) {
      member { id username displayName role disabled createdAt }
    }
  }
`);

export const UpdateMemberMutation = graphql(`
  mutation UpdateMember($input: UpdateMemberInput!) {
    updateMember(input: $input) {
      member { id username displayName role disabled createdAt }
    }
  }
`);

export const RemoveMemberMutation = graphql(`
  mutation RemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input) { removedId }
  }
`);
