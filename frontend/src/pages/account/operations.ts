import { graphql } from '../../gql';

/** The rules a new password must meet (Organization.passwordPolicy / a reset link's). */
export const PasswordPolicyFieldsFragment = graphql(`
  fragment PasswordPolicyFields on PasswordPolicy {
    minLength
    rejectCommonPasswords
    maxLength
  }
`);

export const OwnPasswordPolicyQuery = graphql(`
  query OwnPasswordPolicy($slug: String!) {
    organization(slug: $slug) {
      id
      passwordPolicy { ...PasswordPolicyFields }
    }
  }
`);

export const ChangeMyPasswordMutation = graphql(`
  mutation ChangeMyPassword($input: ChangeMyPasswordInput!) {
    changeMyPassword(input: $input) {
      endedSessions
      viewer { ...ViewerFields }
    }
  }
`);

export const PasswordResetLinkQuery = graphql(`
  query PasswordResetLink($token: String!) {
    passwordResetLink(token: $token) {
      username
      displayName
      organizationName
      organizationSlug
      expiresAt
      passwordPolicy { ...PasswordPolicyFields }
    }
  }
`);

export const ResetPasswordWithLinkMutation = graphql(`
  mutation ResetPasswordWithLink($input: ResetPasswordWithLinkInput!) {
    resetPasswordWithLink(input: $input) {
      viewer { ...ViewerFields }
    }
  }
`);
