import { AxeBuilder } from '@axe-core/playwright';
import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { base, env, shot, signIn } from './helpers';

// Issue 17, organization settings: the owner sets the org's colour and tagline and uploads a logo
// on the settings page (watching the preview) and raises the password policy's minimum length,
// and the portal's sign-in page shows the branding to a visitor who isn't signed in. Both are put
// back afterwards (other specs share the org).
test.describe.configure({ mode: 'serial' });

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const slug = () => env('QG_ORG_SLUG');
const portal = () => env('QG_PORTAL_CODE');
const tagline = `Learning, measured ${randomBytes(3).toString('hex')}`;
// Teal: enough contrast for white button text (axe checks it on both pages).
const COLOR = '#0f766e';
const COLOR_RGB = 'rgb(15, 118, 110)';
// A 1 x 1 PNG.
let originalMinLength = '';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

async function ownerApi(): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL: base(), extraHTTPHeaders: { origin: base() } });
  const res = await api.post('/graphql', {
    data: {
      query: 'mutation($input: LoginInput!) { login(input: $input) { viewer { kind } } }',
      variables: { input: { orgSlug: slug(), portalCode: portal(), username: env('QG_OWNER_USERNAME'), password: env('QG_OWNER_PASSWORD') } },
    },
  });
  expect(res.ok()).toBe(true);
  return api;
}

test.afterAll(async () => {
  const api = await ownerApi();
  try {
    const res = await api.post('/graphql', {
      data: {
        query: `mutation($minLength: Int) {
          updateOrganizationBranding(input: {primaryColor: null, tagline: null, logoUrl: null}) { organization { id } }
          updatePasswordPolicy(input: {minLength: $minLength}) { passwordPolicy { minLength } }
        }`,
        variables: { minLength: originalMinLength ? Number(originalMinLength) : null },
      },
    });
    expect((await res.json()).errors).toBeUndefined();
  } finally {
    await api.dispose();
  }
});

test('the owner brands the portal and the sign-in page shows it', async ({ page, browser }) => {
  // The owner opens Settings from the dashboard's navigation.
  await signIn(page, slug(), portal(), env('QG_OWNER_USERNAME'), env('QG_OWNER_PASSWORD'));
  await page.getByRole('navigation', { name: 'Dashboard sections' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Organization settings' })).toBeVisible();

  // Colour and tagline, watched in the preview before saving.
  const preview = page.getByTestId('branding-preview');
  await page.getByLabel('Primary colour', { exact: true }).fill(COLOR);
  await page.getByLabel('Tagline').fill(tagline);
  await expect(preview.getByText(tagline)).toBeVisible();
  await expect(preview).toHaveCSS('border-top-color', COLOR_RGB);
  await page.getByRole('button', { name: 'Save the branding' }).click();
  await expect(page.getByText('The branding is saved; the sign-in page shows it now.')).toBeVisible();

  // A logo, uploaded: the preview shows the server's copy.
  await page.getByRole('radio', { name: 'Upload an image' }).check();
  await page.getByLabel('Logo image').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
  await page.getByRole('button', { name: 'Upload the logo' }).click();
  await expect(page.getByText('The logo is uploaded.')).toBeVisible();
  await expect(preview.locator('img.org-logo')).toHaveAttribute('src', new RegExp(`^/orgs/${slug()}/logo\\?v=`));

  // The password policy (the accounts' rules) is edited here too.
  const policy = page.getByRole('form', { name: 'Password policy' });
  const minLength = policy.getByLabel('Minimum length (characters)');
  originalMinLength = await minLength.inputValue();
  await minLength.fill('12');
  await policy.getByRole('button', { name: 'Save the password policy' }).click();
  await expect(page.getByText('The password policy is saved.')).toBeVisible();
  await expect(minLength).toHaveValue('12');

  const pageScan = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(pageScan.violations.map((v) => v.id)).toEqual([]);
  await shot(page, 'org-settings');

  // A visitor who isn't signed in sees the branding on the portal's sign-in page.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/org/${slug()}/portal/${portal()}/login`);
  await expect(visitor.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(visitor.getByText(tagline)).toBeVisible();
  await expect(visitor.locator('.login-card')).toHaveCSS('border-top-color', COLOR_RGB);
  await expect(visitor.getByRole('button', { name: 'Sign in' })).toHaveCSS('background-color', COLOR_RGB);
  const logo = visitor.locator('img.org-logo');
  await expect(logo).toBeVisible();
  expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
  const loginScan = await new AxeBuilder({ page: visitor }).withTags(TAGS).analyze();
  expect(loginScan.violations.map((v) => v.id)).toEqual([]);
  await shot(visitor, 'portal-login-branded');
  await visitor.context().close();
});
