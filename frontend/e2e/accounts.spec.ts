import { expect, test, request as playwrightRequest, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { base, env, shot, signIn } from './helpers';

const slug = () => env('QG_ORG_SLUG');
const portal = () => env('QG_PORTAL_CODE');
const run = Date.now().toString(36);

function csv(rows: string[]): { name: string; mimeType: string; buffer: Buffer } {
  return { name: 'class.csv', mimeType: 'text/csv', buffer: Buffer.from(['username,display name,role,password', ...rows].join('\n') + '\n') };
}

async function openImport(page: Page) {
  await page.getByRole('navigation', { name: 'Dashboard sections' }).getByRole('link', { name: 'Members' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
  await page.getByRole('button', { name: 'Import CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import members from CSV' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('an admin checks a CSV, fixes it, imports it and downloads the generated credentials', async ({ page }) => {
  await signIn(page, slug(), portal(), env('QG_ADMIN_USERNAME'), env('QG_ADMIN_PASSWORD'));
  const dialog = await openImport(page);

  // A file with a bad role and a duplicate: the dry run reports them by line, nothing imported.
  const pupils = [`pupil-a-${run},Pupil A,student,`, `pupil-b-${run},Pupil B,student,`];
  await dialog.getByLabel('CSV file').setInputFiles(csv([...pupils, `pupil-c-${run},Pupil C,wizard,`, `pupil-a-${run},Pupil A again,student,`]));
  await dialog.getByRole('button', { name: 'Check file' }).click();
  const problems = dialog.getByTestId('import-problems');
  await expect(problems).toContainText('2 problems in 2 of 4 rows');
  await expect(problems.getByRole('row', { name: /^4 role/ })).toContainText('is not a role');
  await expect(problems.getByRole('row', { name: /^5 username/ })).toContainText('also on line 2');
  await shot(page, 'e2e-import-members-dry-run');

  // The fixed file checks clean; importing it gives the credentials to download, once.
  await dialog.getByLabel('CSV file').setInputFiles(csv(pupils));
  await dialog.getByRole('button', { name: 'Check file' }).click();
  await expect(dialog.getByText('All 2 rows are fine')).toBeVisible();
  await dialog.getByRole('button', { name: 'Import 2 members' }).click();
  await expect(dialog.getByTestId('import-done')).toContainText('Imported 2 members.');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download credentials CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('member-credentials.csv');
  const text = readFileSync(await download.path(), 'utf8');
  const lines = text.trim().split(/\r?\n/);
  expect(lines[0]).toBe('username,display_name,role,password');
  expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual([`pupil-a-${run},Pupil A,STUDENT`, `pupil-b-${run},Pupil B,STUDENT`]);
  expect((lines[1] ?? '').split(',')[3]).toMatch(/^[A-Za-z2-9]{14,}$/);
  await dialog.getByTestId('import-done').getByRole('button', { name: 'Close' }).click();

  // The members list shows them, with a temporary password pending.
  await page.getByLabel('Search').fill(`pupil-a-${run}`);
  await expect(page.getByRole('row', { name: new RegExp(`Pupil A pupil-a-${run}`) })).toContainText('temporary password');
});

test('a student signs in with a temporary password and must choose their own first', async ({ page, browser }) => {
  // Given a student made by the owner through the API.
  const api = await playwrightRequest.newContext({ baseURL: base(), extraHTTPHeaders: { origin: base() } });
  const gql = async (query: string, variables: Record<string, unknown>) => {
    const res = await api.post('/graphql', { data: { query, variables } });
    const body = await res.json();
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  await gql('mutation($i: LoginInput!) { login(input: $i) { viewer { kind } } }', {
    i: { orgSlug: slug(), portalCode: portal(), username: env('QG_OWNER_USERNAME'), password: env('QG_OWNER_PASSWORD') },
  });
  const username = `kid-${run}`;
  await gql('mutation($i: AddMemberInput!) { addMember(input: $i) { member { id } } }', {
    i: { username, displayName: `Kid ${run}`, role: 'STUDENT', password: 'an initial passphrase' },
  });
  await api.dispose();

  // When an admin gives them a temporary password from the Members page.
  await signIn(page, slug(), portal(), env('QG_ADMIN_USERNAME'), env('QG_ADMIN_PASSWORD'));
  await page.getByRole('navigation', { name: 'Dashboard sections' }).getByRole('link', { name: 'Members' }).click();
  await page.getByLabel('Search').fill(username);
  await page.getByRole('button', { name: `Reset the password of Kid ${run}` }).click();
  const reset = page.getByRole('dialog', { name: `Reset the password of Kid ${run}` });
  await reset.getByRole('button', { name: 'Set temporary password' }).click();
  const secret = reset.getByTestId('temporary-password');
  await expect(secret).toBeVisible();
  await expect(reset.getByRole('button', { name: 'Copy', exact: true })).toBeVisible();
  const temporary = await secret.inputValue();
  await shot(page, 'e2e-temporary-password', [secret]);

  // Then the student, signing in with it, gets only the change-password page.
  const student = await (await browser.newContext()).newPage();
  await signIn(student, slug(), portal(), username, temporary);
  await expect(student.getByRole('heading', { name: 'Choose a new password' })).toBeVisible({ timeout: 20_000 });
  await shot(student, 'e2e-forced-password-change');
  await student.goto(`/org/${slug()}/quizzes`);
  await expect(student.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  // A wrong repeat is caught; the policy's refusal is shown at the field.
  await student.getByLabel('Temporary password').fill(temporary);
  await student.getByLabel('New password', { exact: true }).fill('password123');
  await student.getByLabel('Repeat the new password').fill('password123');
  await student.getByRole('button', { name: 'Save and continue' }).click();
  await expect(student.getByText(/most common passwords/)).toBeVisible();
  await student.getByLabel('New password', { exact: true }).fill('my own long passphrase');
  await student.getByLabel('Repeat the new password').fill('my own long passphrase');
  await student.getByRole('button', { name: 'Save and continue' }).click();
  // and lands on their quizzes, with the new password in force.
  await expect(student.getByRole('navigation', { name: 'Student sections' })).toBeVisible({ timeout: 20_000 });
  await expect(student.getByRole('heading', { name: 'Choose a new password' })).toHaveCount(0);
  await student.getByRole('link', { name: 'My account' }).click();
  await expect(student.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible();
});

test('a member opens a one-time reset link, sets a password and is signed in; the link works once', async ({ page, browser }) => {
  // Given a teacher made by the owner through the API, and a link an admin made for them.
  const api = await playwrightRequest.newContext({ baseURL: base(), extraHTTPHeaders: { origin: base() } });
  const gql = async (query: string, variables: Record<string, unknown>) => {
    const body = await (await api.post('/graphql', { data: { query, variables } })).json();
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  await gql('mutation($i: LoginInput!) { login(input: $i) { viewer { kind } } }', {
    i: { orgSlug: slug(), portalCode: portal(), username: env('QG_OWNER_USERNAME'), password: env('QG_OWNER_PASSWORD') },
  });
  const username = `teach-${run}`;
  await gql('mutation($i: AddMemberInput!) { addMember(input: $i) { member { id } } }', {
    i: { username, displayName: `Teach ${run}`, role: 'TEACHER', password: 'an initial passphrase' },
  });
  await api.dispose();
  await signIn(page, slug(), portal(), env('QG_ADMIN_USERNAME'), env('QG_ADMIN_PASSWORD'));
  await page.getByRole('navigation', { name: 'Dashboard sections' }).getByRole('link', { name: 'Members' }).click();
  await page.getByLabel('Search').fill(username);
  await page.getByRole('button', { name: `Reset the password of Teach ${run}` }).click();
  const reset = page.getByRole('dialog', { name: `Reset the password of Teach ${run}` });
  await reset.getByLabel('One-time link').check();
  await reset.getByRole('button', { name: 'Make the link' }).click();
  const url = await reset.getByTestId('reset-link').inputValue();
  expect(url).toBe(`${base()}/org/${slug()}/reset-password#token=${url.split('#token=')[1]}`);
  expect(url).toMatch(/#token=[\w-]{43}$/);

  // When the teacher opens it in their own browser and sets a password.
  const teacher = await (await browser.newContext()).newPage();
  await teacher.goto(url);
  await expect(teacher.getByRole('heading', { name: 'Set a new password' })).toContainText('Set a new password');
  await expect(teacher.getByText(`(${username})`)).toBeVisible();
  await teacher.getByLabel('New password', { exact: true }).fill('a password of my own');
  await teacher.getByLabel('Repeat the new password').fill('a password of my own');
  await teacher.getByRole('button', { name: 'Set password and sign in' }).click();
  // Then they are signed in on the dashboard.
  await expect(teacher.getByRole('navigation', { name: 'Dashboard sections' })).toBeVisible({ timeout: 20_000 });
  // And the link works no more.
  const again = await (await browser.newContext()).newPage();
  await again.goto(url);
  await expect(again.getByTestId('reset-link-invalid')).toBeVisible();
});
