import { graphql } from '../../gql';

/** The org's branding, as the portal's login page shows it (public fields). */
export const OrgBrandingFieldsFragment = graphql(`
  fragment OrgBrandingFields on Organization {
    id
    slug
    name
    branding { primaryColor logoUrl tagline }
  }
`);

/** The owner's settings and the platform's bounds around them (org:read). */
export const OrgSettingsFieldsFragment = graphql(`
  fragment OrgSettingsFields on Organization {
    id
    settings {
      sessionIdleTimeoutSeconds
      sessionLifetimeSeconds
      defaultApiKeyRateLimitPerMinute
      limits {
        sessionMinSeconds
        sessionMaxSeconds
        platformSessionIdleTimeoutSeconds
        platformSessionLifetimeSeconds
        apiKeyRateLimitMin
        apiKeyRateLimitMax
        platformApiKeyRateLimitPerMinute
        logoMaxBytes
        nameMaxLength
        taglineMaxLength
      }
    }
  }
`);

/** The password policy with the platform's bounds on it (its editor; accounts own the rules). */
export const OrgPasswordPolicyFieldsFragment = graphql(`
  fragment OrgPasswordPolicyFields on PasswordPolicy {
    minLength
    rejectCommonPasswords
    minLengthFloor
    minLengthCeiling
    maxLength
  }
`);

export const OrgSettingsQuery = graphql(`
  query OrgSettings($slug: String!) {
    organization(slug: $slug) {
      ...OrgBrandingFields
      ...OrgSettingsFields
      passwordPolicy { ...OrgPasswordPolicyFields }
    }
  }
`);

export const UpdatePasswordPolicyMutation = graphql(`
  mutation UpdatePasswordPolicy($input: UpdatePasswordPolicyInput!) {
    updatePasswordPolicy(input: $input) { passwordPolicy { ...OrgPasswordPolicyFields } }
  }
`);

export const UpdateOrganizationBrandingMutation = graphql(`
  mutation UpdateOrganizationBranding($input: UpdateOrganizationBrandingInput!) {
    updateOrganizationBranding(input: $input) { organization { ...OrgBrandingFields } }
  }
`);

export const UploadOrganizationLogoMutation = graphql(`
  mutation UploadOrganizationLogo($input: UploadOrganizationLogoInput!) {
    uploadOrganizationLogo(input: $input) { organization { ...OrgBrandingFields } }
  }
`);

export const UpdateOrganizationSettingsMutation = graphql(`
  mutation UpdateOrganizationSettings($input: UpdateOrganizationSettingsInput!) {
    updateOrganizationSettings(input: $input) { organization { ...OrgSettingsFields } }
  }
`);
