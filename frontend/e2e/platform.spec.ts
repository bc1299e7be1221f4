import { test, expect, type Page } from '@playwright/test';
import { createHmac } from 'node:crypto';
import { env, shot, signIn } from './helpers';

// The platform console: a platform admin (made with `quizgraph create-platform-admin` by
// run-against-server.mjs) signs in with a TOTP code, enrolling at the first sign-in; creates an
// org with its owner; the owner signs in in another browser; the admin disables the org; the
// owner's next click is refused with the disabled message.

/** RFC 6238's code for `secret` (base32) at `when`, as an authenticator app computes it. */
function totp(secret: string, when = Date.now()): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret.replace(/=+$/, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(when / 1000 / 30)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return value.toString().padStart(6, '0');
}

async function signInToConsole(page: Page): Promise<void> {
  await page.goto('/platform/login');
  await expect(page.getByRole('heading', { name: 'Platform console' })).toBeVisible();
  await page.getByLabel('Username').fill(env('QG_PLATFORM_USERNAME'));
  await page.getByLabel('Password').fill(env('QG_PLATFORM_PASSWORD'));
  await page.getByRole('button', { name: 'Continue' }).click();
  // The first sign-in enrols the second factor: the secret is shown as a QR code and as text.
  await expect(page.getByRole('heading', { name: 'Set up your second factor' })).toBeVisible({ timeout: 45_000 });
  await expect(page.getByRole('img', { name: 'QR code of the otpauth link' }).locator('svg')).toBeVisible();
  const secret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await shot(page, 'platform-enrolment', [page.getByTestId('totp-secret'), page.getByRole('img', { name: 'QR code of the otpauth link' })]);
  await page.getByLabel('Code from your authenticator app').fill(totp(secret));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Organizations' })).toBeVisible();
}

test('a platform admin signs in with TOTP, disables an org, and its owner is refused on the next click', async ({ page, browser }) => {
  // given a platform admin signed in to the console
  await signInToConsole(page);
  await expect(page.getByTestId('platform-admin')).toContainText(env('QG_PLATFORM_USERNAME'));

  // when they create an org with its first owner
  await page.getByRole('button', { name: 'New organization' }).click();
  const dialog = page.getByRole('dialog', { name: 'New organization' });
  await dialog.getByLabel('Slug').fill('e2e-console-school');
  await dialog.getByLabel('Name', { exact: true }).fill('Console School');
  await dialog.getByLabel("Owner's username").fill('head');
  await dialog.getByRole('button', { name: 'Create' }).click();
  const created = page.getByTestId('created-org');
  await expect(created).toBeVisible({ timeout: 30_000 });
  const values = await created.locator('dd code').allTextContents();
  const [, portalCode, ownerUsername, ownerPassword] = values;
  await page.getByRole('button', { name: 'Done' }).click();

  // and its owner signs in, in a browser of their own
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await signIn(owner, 'e2e-console-school', portalCode!, ownerUsername!, ownerPassword!);
  await expect(owner).toHaveURL(/\/org\/e2e-console-school\/dashboard/);
  const ownerNav = owner.getByRole('navigation', { name: 'Dashboard sections' });
  await expect(ownerNav.getByRole('link', { name: 'Members' })).toBeVisible();

  // when the admin finds the org in the console and disables it
  await page.getByLabel('Search').fill('e2e-console');
  const row = page.getByTestId('platform-orgs').getByRole('row', { name: /Console School/ });
  await expect(row).toContainText('enabled');
  await row.getByRole('link', { name: 'Console School' }).click();
  await expect(page.getByRole('heading', { name: 'Console School' })).toBeVisible();
  await page.getByRole('button', { name: 'Disable organization' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Disable', exact: true }).click();
  await expect(page.getByTestId('org-status')).toHaveText('disabled');
  // and the org's own audit log says who did it
  await expect(page.getByTestId('org-audit-log')).toContainText('Organization disabled');
  await expect(page.getByTestId('org-audit-log')).toContainText(`platform:${env('QG_PLATFORM_USERNAME')}`);
  await shot(page, 'platform-org-disabled');

  // then the owner's next click is refused with the disabled message
  await ownerNav.getByRole('link', { name: 'Members' }).click();
  await expect(owner.getByText('This organization is disabled.')).toBeVisible();
  await shot(owner, 'platform-owner-refused');

  // and the platform log has both staff actions
  await page.getByRole('link', { name: 'Platform log' }).click();
  await expect(page.getByTestId('platform-log')).toContainText('Organization disabled');
  await expect(page.getByTestId('platform-log')).toContainText('Organization created');
  await ownerContext.close();
});
