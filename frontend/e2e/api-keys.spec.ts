import { expect, test, type Page } from '@playwright/test';
import { apiViewerKind, env, recordMetric, shot, signIn } from './helpers';

const slug = () => env('QG_ORG_SLUG');
const portal = () => env('QG_PORTAL_CODE');

test('owner creates an API key, uses it, and it is shown only once; disable then revoke', async ({ page, request }) => {
  // Sign in as the owner and land on the dashboard.
  const t0 = Date.now();
  await signIn(page, slug(), portal(), env('QG_OWNER_USERNAME'), env('QG_OWNER_PASSWORD'));
  await expect(page).toHaveURL(new RegExp(`/org/${slug()}/dashboard$`));
  const nav = page.getByRole('navigation', { name: 'Dashboard sections' });
  await expect(nav.getByRole('link', { name: 'API keys' })).toBeVisible();
  recordMetric('signInToDashboardMs', Date.now() - t0);
  for (const name of ['Members', 'Audit log', 'Leaderboard']) {
    await expect(nav.getByRole('link', { name })).toBeVisible();
  }
  await shot(page, 'e2e-owner-dashboard');

  // Cold load of the dashboard: time to first render of the signed-in shell.
  const t1 = Date.now();
  await page.goto(`/org/${slug()}/dashboard`);
  await expect(page.getByRole('heading', { level: 1, name: /Welcome/ })).toBeVisible();
  recordMetric('dashboardFirstRenderMs', Date.now() - t1);
  const paint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1);
  if (paint > 0) recordMetric('dashboardFirstContentfulPaintMs', paint);

  // Create a key with a preset.
  await nav.getByRole('link', { name: 'API keys' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'API keys' })).toBeVisible();
  const keyName = `e2e key ${Date.now()}`;
  await page.getByRole('button', { name: 'Create API key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create API key' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Name').fill(keyName);
  await dialog.getByRole('button', { name: 'Read-only dashboard' }).click();
  await expect(dialog.getByRole('checkbox', { name: /quizzes:read/ })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: /org:write/ })).toHaveCount(0);
  await shot(page, 'e2e-api-key-create-dialog');
  await dialog.getByRole('button', { name: 'Create key' }).click();

  // The secret, once.
  const reveal = page.getByRole('dialog', { name: 'Your new API key' });
  const secretBox = reveal.getByTestId('api-key-secret');
  await expect(secretBox).toBeVisible();
  const secret = await secretBox.inputValue();
  expect(secret).toMatch(/^iq_live_[0-9a-f]{40}$/);
  await expect(reveal.getByText(/shown only once/)).toBeVisible();
  await expect(reveal.getByRole('button', { name: 'Copy', exact: true })).toBeVisible();
  await shot(page, 'e2e-api-key-secret-once', [secretBox]);

  // It works against the API.
  const ok = await apiViewerKind(request, secret);
  expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  expect(ok.body).toMatchObject({ data: { viewer: { kind: 'API_KEY' } } });

  // Closing and reloading: the secret is nowhere on the page.
  await leaveSecret(page);
  await expect(reveal).toHaveCount(0);
  await page.reload();
  const row = page.locator('tr', { has: page.getByRole('rowheader', { name: new RegExp(escapeRe(keyName)) }) });
  await expect(row).toBeVisible();
  await expect(row.getByTestId('key-status')).toHaveText('Active');
  const everywhere = await page.evaluate(() => {
    const values = [...document.querySelectorAll('input, textarea')].map((el) => (el as HTMLInputElement).value);
    const storage = [localStorage, sessionStorage].flatMap((s) => Object.keys(s).map((k) => `${k}=${s.getItem(k)}`));
    return [document.documentElement.outerHTML, document.body.innerText, ...values, ...storage].join('\n');
  });
  expect(everywhere).not.toContain(secret);
  expect(everywhere).not.toContain(secret.slice(16)); // not even the part after the displayed prefix
  await shot(page, 'e2e-api-keys-after-reload');
  // The same page at a phone's width: nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, 'e2e-api-keys-phone');
  await page.setViewportSize({ width: 1280, height: 800 });

  // Disable: the API now refuses the key with 401.
  await row.getByRole('button', { name: `Disable ${keyName}` }).click();
  await expect(row.getByTestId('key-status')).toHaveText('Disabled');
  const refused = await apiViewerKind(request, secret);
  expect(refused.status, JSON.stringify(refused.body)).toBe(401);

  // Revoke, confirming by name.
  await row.getByRole('button', { name: `Revoke ${keyName}` }).click();
  const confirm = page.getByRole('dialog', { name: 'Revoke API key' });
  await expect(confirm).toContainText(keyName);
  await confirm.getByRole('button', { name: `Revoke “${keyName}”` }).click();
  await expect(confirm).toHaveCount(0);
  await expect(row.getByTestId('key-status')).toHaveText('Revoked');
  const stillRefused = await apiViewerKind(request, secret);
  expect(stillRefused.status).toBe(401);
  await shot(page, 'e2e-api-key-revoked');
});

test('owner rotates a key: the new secret works, the old one stops', async ({ page, request }) => {
  await signIn(page, slug(), portal(), env('QG_OWNER_USERNAME'), env('QG_OWNER_PASSWORD'));
  await expect(page).toHaveURL(new RegExp(`/org/${slug()}/dashboard$`));
  await page.goto(`/org/${slug()}/dashboard/api-keys`);
  const keyName = `rotate me ${Date.now()}`;
  await page.getByRole('button', { name: 'Create API key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create API key' });
  await dialog.getByLabel('Name').fill(keyName);
  await dialog.getByRole('button', { name: 'Quiz management' }).click();
  await dialog.getByRole('button', { name: 'Create key' }).click();
  const oldSecret = await page.getByTestId('api-key-secret').inputValue();
  await leaveSecret(page);

  const oldRow = page.locator('tr', { hasText: `${oldSecret.slice(0, 16)}…` });
  await oldRow.getByRole('button', { name: `Rotate ${keyName}` }).click();
  const rotate = page.getByRole('dialog', { name: `Rotate “${keyName}”` });
  await rotate.getByLabel('Grace period for the old secret').selectOption('0');
  await rotate.getByRole('button', { name: 'Rotate key' }).click();
  const newBox = page.getByRole('dialog', { name: 'Your rotated API key' }).getByTestId('api-key-secret');
  const newSecret = await newBox.inputValue();
  expect(newSecret).toMatch(/^iq_live_[0-9a-f]{40}$/);
  expect(newSecret).not.toBe(oldSecret);
  await shot(page, 'e2e-api-key-rotated', [newBox]);
  await leaveSecret(page);

  expect((await apiViewerKind(request, newSecret)).status).toBe(200);
  expect((await apiViewerKind(request, oldSecret)).status).toBe(401);
  await expect(oldRow.getByTestId('key-status')).toHaveText('Revoked');
  const newRow = page.locator('tr', { hasText: `${newSecret.slice(0, 16)}…` });
  await expect(newRow.getByTestId('key-status')).toHaveText('Active');
  // Tidy up: revoke the new key too.
  await newRow.getByRole('button', { name: `Revoke ${keyName}` }).click();
  await page.getByRole('dialog', { name: 'Revoke API key' }).getByRole('button', { name: `Revoke “${keyName}”` }).click();
  await expect(newRow.getByTestId('key-status')).toHaveText('Revoked');
});

test('owner manages a member: add, change role, disable, remove', async ({ page }) => {
  await signIn(page, slug(), portal(), env('QG_OWNER_USERNAME'), env('QG_OWNER_PASSWORD'));
  await expect(page).toHaveURL(new RegExp(`/org/${slug()}/dashboard$`));
  await page.getByRole('navigation', { name: 'Dashboard sections' }).getByRole('link', { name: 'Members' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();

  const username = `e2e-${Date.now()}`;
  const displayName = `E2E Person ${Date.now()}`;
  await page.getByRole('button', { name: 'Add member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add member' });
  // Client-side validation first.
  await dialog.getByRole('button', { name: 'Add member' }).click();
  await expect(dialog.getByText('Enter a username.')).toBeVisible();
  await dialog.getByLabel('Username').fill(username);
  await dialog.getByLabel('Display name').fill(displayName);
  await dialog.getByLabel('Role').selectOption('STUDENT');
  await dialog.getByLabel('Initial password').fill('e2e-password-123');
  await dialog.getByRole('button', { name: 'Add member' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: `${displayName} was added.` })).toBeVisible();

  await page.getByLabel('Search').fill(username);
  const row = page.locator('tr', { has: page.getByRole('rowheader', { name: displayName }) });
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: `Change role of ${displayName}` }).click();
  const roleDialog = page.getByRole('dialog', { name: 'Change role' });
  await roleDialog.getByLabel('Role').selectOption('TEACHER');
  await roleDialog.getByRole('button', { name: 'Save role' }).click();
  await expect(roleDialog).toHaveCount(0);
  await expect(row.getByRole('cell', { name: 'Teacher' })).toBeVisible();
  await expect(page.getByText(`${displayName} is now teacher.`)).toBeVisible();
  await row.getByRole('button', { name: `Disable ${displayName}` }).click();
  await expect(row.getByText('Disabled')).toBeVisible();
  await shot(page, 'e2e-members');

  // A duplicate username: the server's message is shown.
  await page.getByRole('button', { name: 'Add member' }).click();
  await dialog.getByLabel('Username').fill(username);
  await dialog.getByLabel('Display name').fill('Duplicate');
  await dialog.getByLabel('Initial password').fill('e2e-password-123');
  await dialog.getByRole('button', { name: 'Add member' }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();
  await shot(page, 'e2e-members-duplicate');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await row.getByRole('button', { name: `Remove ${displayName}` }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove member' });
  await expect(confirm).toContainText(displayName);
  await confirm.getByRole('button', { name: `Remove ${displayName}` }).click();
  await expect(page.getByText(`${displayName} was removed.`)).toBeVisible();
  await expect(row).toHaveCount(0);
});

test('the audit log lists what the owner did', async ({ page }) => {
  await signIn(page, slug(), portal(), env('QG_OWNER_USERNAME'), env('QG_OWNER_PASSWORD'));
  await expect(page).toHaveURL(new RegExp(`/org/${slug()}/dashboard$`));
  await page.getByRole('navigation', { name: 'Dashboard sections' }).getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  // Sentences, the action picker and the sign-in fold: audit-graphiql.spec.ts.
  await expect(page.locator('.audit-sentence').first()).toBeVisible();
  await shot(page, 'e2e-audit-log');
});

test('a wrong password gets one calm message', async ({ page }) => {
  await signIn(page, slug(), portal(), env('QG_OWNER_USERNAME'), `${env('QG_OWNER_PASSWORD')}-wrong`);
  await expect(page.getByRole('alert').filter({ hasText: /didn't work|Too many attempts/ })).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
  await shot(page, 'e2e-login-invalid');
});

test('an admin does not see owner-only controls', async ({ page }) => {
  test.skip(!process.env.QG_ADMIN_USERNAME || !process.env.QG_ADMIN_PASSWORD, 'set QG_ADMIN_USERNAME and QG_ADMIN_PASSWORD');
  await signIn(page, slug(), portal(), env('QG_ADMIN_USERNAME'), env('QG_ADMIN_PASSWORD'));
  await expect(page).toHaveURL(new RegExp(`/org/${slug()}/dashboard$`));
  await page.getByRole('navigation', { name: 'Dashboard sections' }).getByRole('link', { name: 'API keys' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'API keys' })).toBeVisible();
  await expect(page.getByRole('switch', { name: /API access/ })).toHaveCount(0);
  await shot(page, 'e2e-admin-api-keys');
});

test('a student cannot reach the staff pages', async ({ page }) => {
  test.skip(!process.env.QG_STUDENT_USERNAME || !process.env.QG_STUDENT_PASSWORD, 'set QG_STUDENT_USERNAME and QG_STUDENT_PASSWORD');
  await signIn(page, slug(), portal(), env('QG_STUDENT_USERNAME'), env('QG_STUDENT_PASSWORD'));
  await expect(page).toHaveURL(new RegExp(`/org/${slug()}/quizzes$`));
  for (const p of ['dashboard', 'dashboard/api-keys', 'dashboard/members', 'dashboard/audit-log']) {
    await page.goto(`/org/${slug()}/${p}`);
    await expect(page).toHaveURL(new RegExp(`/org/${slug()}/quizzes$`));
  }
  await expect(page.getByRole('navigation', { name: 'Dashboard sections' })).toHaveCount(0);
  await shot(page, 'e2e-student-quizzes');
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Leaves the one-time secret dialog: Done, then confirm (it won't be shown again). */
async function leaveSecret(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('dialog', { name: 'Close without the secret?' }).getByRole('button', { name: 'Close, I have stored it' }).click();
}
