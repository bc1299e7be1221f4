import { graphql } from '../../gql';

export const MemberFieldsFragment = graphql(`
  fragment MemberFields on Member {
    id username displayName role disabled createdAt passwordChangeRequired
  }
`);

export const MembersQuery = graphql(`
  query Members($slug: String!, $first: Int!, $after: String, $role: Role, $disabled: Boolean, $search: String) {
    organization(slug: $slug) {
      id
      members(first: $first, after: $after, role: $role, disabled: $disabled, search: $search) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          cursor
          node { ...MemberFields }
        }
      }
    }
  }
`);

export const AddMemberMutation = graphql(`
  mutation AddMember($input: AddMemberInput!) {
    addMember(input: $input) {
      member { ...MemberFields }
    }
  }
`);

export const UpdateMemberMutation = graphql(`
  mutation UpdateMember($input: UpdateMemberInput!) {
    updateMember(input: $input) {
      member { ...MemberFields }
    }
  }
`);

export const RemoveMemberMutation = graphql(`
  mutation RemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input) { removedId }
  }
`);

export const SetTemporaryPasswordMutation = graphql(`
  mutation SetTemporaryPassword($input: SetTemporaryPasswordInput!) {
    setTemporaryPassword(input: $input) {
      temporaryPassword
      member { ...MemberFields }
    }
  }
`);

export const CreatePasswordResetLinkMutation = graphql(`
  mutation CreatePasswordResetLink($input: CreatePasswordResetLinkInput!) {
    createPasswordResetLink(input: $input) {
      url
      expiresAt
      emailedTo
      emailProblem
      member { ...MemberFields }
    }
  }
`);

export const ImportMembersMutation = graphql(`
  mutation ImportMembers($input: ImportMembersInput!) {
    importMembers(input: $input) {
      dryRun
      rowCount
      validRowCount
      problemCount
      importedCount
      generatedPasswordCount
      credentialsCsv
      problems { line column code message }
    }
  }
`);

export const RotatePortalCodeMutation = graphql(`
  mutation RotatePortalCode {
    rotatePortalCode(input: {}) {
      portalCode
      loginPath
      organization { id }
    }
  }
`);
