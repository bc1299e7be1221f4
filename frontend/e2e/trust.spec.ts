import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { apiViewerKind, base, env, shot, signIn, signInAnswered } from './helpers';

// Issue 14: sessions that end, the one-time secret, API access, the phone timer, role controls.

const slug = () => env('QG_ORG_SLUG');
const portal = () => env('QG_PORTAL_CODE');
const owner = () => [env('QG_OWNER_USERNAME'), env('QG_OWNER_PASSWORD')] as const;
const student = () => [env('QG_STUDENT_USERNAME'), env('QG_STUDENT_PASSWORD')] as const;

async function gql(request: APIRequestContext, query: string, variables: Record<string, unknown> = {}) {
  const res = await request.post(`${base()}/graphql`, {
    headers: { 'content-type': 'application/json', origin: base() },
    data: { query, variables },
  });
  const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

/** Ends the session of `context` on the server, as a sign-out in another tab would: its cookie stays behind, now dead. */
async function endSessionElsewhere(browser: Browser, context: BrowserContext) {
  const other = await browser.newContext();
  try {
    await other.addCookies(await context.cookies());
    const data = await gql(other.request, 'mutation { logout(input: {}) { ok } }');
    expect(data).toMatchObject({ logout: { ok: true } });
  } finally {
    await other.close();
  }
}

async function expectSessionEndedLogin(page: Page, next: string) {
  await expect(page).toHaveURL(new RegExp(`/org/${slug()}/portal/${portal()}/login\\?`));
  const url = new URL(page.url());
  expect(url.searchParams.get('reason')).toBe('session-ended');
  // The page as it was, with its own query (filters, board) if it had one.
  expect(url.searchParams.get('next')).toMatch(new RegExp(`^${next}(\\?.*)?$`));
  await expect(page.getByText('Your session ended; sign in again.')).toBeVisible();
}

async function signInHere(page: Page, [username, password]: readonly [string, string]) {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await signInAnswered(page);
}

test('a session that ends on any page leads to the portal login and back to the page', async ({ page, context, browser }) => {
  const staffPages: { path: string; heading: RegExp; trigger: (p: Page) => Promise<void> }[] = [
    // In-page requests (no reload): the client's exchange notices UNAUTHENTICATED.
    { path: 'dashboard/quizzes', heading: /^Quizzes$/, trigger: (p) => p.getByLabel('Search by title').fill('zz', { timeout: 10_000 }) },
    { path: 'dashboard/members', heading: /^Members$/, trigger: (p) => p.getByLabel('Search').fill('zz', { timeout: 10_000 }) },
    // A reload: the signed-in layout finds no viewer.
    { path: 'dashboard/api-keys', heading: /^API keys$/, trigger: (p) => p.reload().then(() => undefined) },
    { path: 'dashboard/audit-log', heading: /Audit/, trigger: (p) => p.reload().then(() => undefined) },
    {
      path: 'dashboard/leaderboard',
      heading: /Leaderboard/,
      trigger: (p) => p.getByLabel('Period').selectOption({ index: 1 }, { timeout: 10_000 }).then(() => undefined),
    },
  ];
  await signIn(page, slug(), portal(), ...owner());
  await expect(page).toHaveURL(new RegExp(`/org/${slug()}/dashboard$`));
  for (const { path, heading, trigger } of staffPages) {
    const here = `/org/${slug()}/${path}`;
    await page.goto(here);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await endSessionElsewhere(browser, context);
    // The header's live socket (notifications) is closed by the server with 4403 and may send the
    // user to the login before the page's next request does: either way is the ended session.
    await trigger(page).catch((error: unknown) => {
      if (!new URL(page.url()).pathname.endsWith('/login')) throw error;
    });
    await expectSessionEndedLogin(page, here);
    // No false empty state was left on screen.
    await expect(page.getByText(/No API keys yet|No members match|No quizzes yet/)).toHaveCount(0);
    if (path === 'dashboard/members') await shot(page, 'e2e-session-ended-login');
    await signInHere(page, owner());
    await expect(page).toHaveURL(new RegExp(`${here}(\\?.*)?$`));
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  }
});

test("a student's session that ends is sent to the login and back", async ({ page, context, browser }) => {
  await signIn(page, slug(), portal(), ...student());
  await expect(page).toHaveURL(new RegExp(`/org/${slug()}/quizzes$`));
  for (const { path, heading, trigger } of [
    { path: 'quizzes', heading: /quizzes/i, trigger: (p: Page) => p.getByLabel('Search by title').fill('zz') },
    { path: 'quizzes/leaderboard', heading: /Leaderboard/, trigger: (p: Page) => p.reload().then(() => undefined) },
  ]) {
    const here = `/org/${slug()}/${path}`;
    await page.goto(here);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await endSessionElsewhere(browser, context);
    await trigger(page);
    await expectSessionEndedLogin(page, here);
    await expect(page.getByText(/No quizzes are open/)).toHaveCount(0);
    await signInHere(page, student());
    await expect(page).toHaveURL(new RegExp(`${here}$`));
  }
});

async function createKey(page: Page, name: string) {
  await page.getByRole('button', { name: 'Create API key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create API key' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Read-only dashboard' }).click();
  await dialog.getByRole('button', { name: 'Create key' }).click();
  const reveal = page.getByRole('dialog', { name: 'Your new API key' });
  const secret = await reveal.getByTestId('api-key-secret').inputValue();
  expect(secret).toMatch(/^iq_live_[0-9a-f]{40}$/);
  return { reveal, secret };
}

test('leaving the one-time secret asks first; the snippets with the new key work as pasted', async ({ page }) => {
  await signIn(page, slug(), portal(), ...owner());
  await expect(page).toHaveURL(new RegExp(`/org/${slug()}/dashboard$`));
  await page.goto(`/org/${slug()}/dashboard/api-keys`);
  const { reveal, secret } = await createKey(page, `snippets ${Date.now()}`);

  // Ready to paste: curl and Python with this key, run as they are.
  const curl = await reveal.getByTestId('snippet-curl').innerText();
  const python = await reveal.getByTestId('snippet-python').innerText();
  expect(curl).toContain(`Authorization: Bearer ${secret}`);
  expect(python).toContain(`Bearer ${secret}`);
  expect(execFileSync('python3', ['-c', python], { encoding: 'utf8' })).toContain("'kind': 'API_KEY'");
  expect(JSON.parse(execFileSync('sh', ['-c', curl], { encoding: 'utf8' }))).toMatchObject({ data: { viewer: { kind: 'API_KEY' } } });
  await shot(page, 'e2e-api-key-snippets', [reveal.getByTestId('api-key-secret'), reveal.locator('pre')]);

  const confirmLeave = page.getByRole('dialog', { name: 'Close without the secret?' });
  // Escape, ×, Done: each asks, and going back shows the same secret.
  await page.keyboard.press('Escape');
  await expect(confirmLeave).toContainText('The secret will not be shown again');
  await confirmLeave.getByRole('button', { name: 'Back to the secret' }).click();
  await expect(page.getByTestId('api-key-secret')).toHaveValue(secret);
  await page.getByRole('dialog', { name: 'Your new API key' }).getByRole('button', { name: 'Close' }).click();
  await expect(confirmLeave).toContainText('The secret will not be shown again');
  await confirmLeave.getByRole('button', { name: 'Back to the secret' }).click();
  await page.getByRole('dialog', { name: 'Your new API key' }).getByRole('button', { name: 'Done' }).click();
  await expect(confirmLeave).toBeVisible();
  await shot(page, 'e2e-api-key-leave-confirm');
  await confirmLeave.getByRole('button', { name: 'Close, I have stored it' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('api-key-secret')).toHaveCount(0);
});

test('switching API access off names the keys that stop, asks, and shows them paused', async ({ page, request }) => {
  await signIn(page, slug(), portal(), ...owner());
  await expect(page).toHaveURL(new RegExp(`/org/${slug()}/dashboard$`));
  await page.goto(`/org/${slug()}/dashboard/api-keys`);
  const name = `paused ${Date.now()}`;
  const { secret } = await createKey(page, name);
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Close, I have stored it' }).click();
  const row = page.locator('tr', { has: page.getByRole('rowheader', { name: new RegExp(name) }) });
  await expect(row.getByTestId('key-status')).toHaveText('Active');
  const working = await page.getByTestId('key-status').filter({ hasText: /^(Active|Retiring)$/ }).count();
  expect(working).toBeGreaterThan(0);

  const toggle = page.getByRole('switch', { name: /API access/ });
  const confirm = page.getByRole('dialog', { name: 'Switch API access off?' });
  try {
    // Asked first, and Cancel changes nothing.
    await toggle.click();
    await expect(confirm.getByTestId('api-access-off-count')).toContainText(`${working} ${working === 1 ? 'key stops' : 'keys stop'} working`);
    await shot(page, 'e2e-api-access-confirm');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(toggle).toBeChecked();
    expect((await apiViewerKind(request, secret)).status).toBe(200);

    await toggle.click();
    await confirm.getByRole('button', { name: 'Switch API access off' }).click();
    await expect(confirm).toHaveCount(0);
    await expect(toggle).not.toBeChecked();
    await expect(row.getByTestId('key-status')).toHaveText('Paused (API access off)');
    expect((await apiViewerKind(request, secret)).status).not.toBe(200);
    await page.reload();
    await expect(row.getByTestId('key-status')).toHaveText('Paused (API access off)');
    await shot(page, 'e2e-api-keys-paused');

    // On again: no question, the key works again.
    await toggle.click();
    await expect(toggle).toBeChecked();
    await expect(row.getByTestId('key-status')).toHaveText('Active');
    expect((await apiViewerKind(request, secret)).status).toBe(200);
  } finally {
    await gql(page.request, 'mutation { setApiAccess(input: { enabled: true }) { organization { apiAccessEnabled } } }');
  }
});

test('an admin is not offered controls that only an owner may use', async ({ page }) => {
  await signIn(page, slug(), portal(), env('QG_ADMIN_USERNAME'), env('QG_ADMIN_PASSWORD'));
  await expect(page).toHaveURL(new RegExp(`/org/${slug()}/dashboard$`));
  await page.goto(`/org/${slug()}/dashboard/members`);
  const ownerRow = page.locator('tr', { has: page.getByRole('cell', { name: env('QG_OWNER_USERNAME'), exact: true }) });
  await expect(ownerRow).toBeVisible();
  await expect(ownerRow.getByRole('button')).toHaveCount(0);
  await expect(ownerRow.getByTestId('member-rule')).toHaveText('Only an owner can create, change or remove an owner.');

  const studentRow = page.locator('tr', { has: page.getByRole('cell', { name: env('QG_STUDENT_USERNAME'), exact: true }) });
  await studentRow.getByRole('button', { name: /^Change role of/ }).click();
  const roleDialog = page.getByRole('dialog', { name: 'Change role' });
  const roles = await roleDialog.getByLabel('Role').locator('option').allTextContents();
  expect(roles).toEqual(['Admin', 'Teacher', 'Student']);
  await expect(roleDialog).toContainText('Only an owner can create, change or remove an owner.');
  await shot(page, 'e2e-admin-role-choices');
  await roleDialog.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Add member' }).click();
  const add = page.getByRole('dialog', { name: 'Add member' });
  expect(await add.getByLabel('Role').locator('option').allTextContents()).toEqual(['Admin', 'Teacher', 'Student']);
});

test('on a phone the timer stays in view while the student scrolls', async ({ browser, page }) => {
  // The owner publishes a long timed quiz through the API.
  await signIn(page, slug(), portal(), ...owner());
  await expect(page).toHaveURL(new RegExp(`/org/${slug()}/dashboard$`));
  const title = `Phone timer ${Date.now().toString(36)}`;
  const questions = Array.from({ length: 14 }, (_, i) => ({
    kind: 'SINGLE_CHOICE',
    prompt: `Question about the number ${i + 1}: which is bigger?`,
    options: [
      { text: `${i + 2}`, correct: true },
      { text: `${i}`, correct: false },
      { text: 'They are the same', correct: false },
    ],
  }));
  const created = await gql(page.request, 'mutation($input: CreateQuizInput!) { createQuiz(input: $input) { quiz { id } } }', {
    input: { title, timeLimitSeconds: 600, questions },
  });
  const quizId = (created.createQuiz as { quiz: { id: string } }).quiz.id;
  await gql(page.request, 'mutation($input: QuizIdInput!) { publishQuiz(input: $input) { quiz { id } } }', { input: { id: quizId } });

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  try {
    const s = await phone.newPage();
    await signIn(s, slug(), portal(), ...student());
    await expect(s).toHaveURL(new RegExp(`/org/${slug()}/quizzes$`));
    await s.getByRole('button', { name: `Start ${title}` }).click();
    await expect(s.getByRole('heading', { level: 1, name: title })).toBeVisible();
    const timer = s.getByTestId('countdown-compact');
    await expect(timer).toBeVisible();
    await expect(timer).toContainText(/\d+:\d\d/);
    // The big header timer is the desktop one.
    await expect(s.getByTestId('countdown')).toBeHidden();

    for (const n of [5, 10, 14]) {
      const question = s.getByRole('group', { name: new RegExp(`^Question ${n} \\(`) });
      await question.scrollIntoViewIfNeeded();
      await question.getByRole('radio').first().check();
      const scrolled = await s.evaluate(() => window.scrollY);
      expect(scrolled).toBeGreaterThan(0);
      const box = await timer.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height).toBeLessThanOrEqual(844);
      expect(box!.width).toBeLessThanOrEqual(390);
    }
    await expect(timer).toContainText('3/14 answered');
    await shot(s, 'e2e-phone-timer-scrolled');
    const overflow = await s.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  } finally {
    await phone.close();
  }
});

test('every page fits a 360 px screen', async ({ browser }) => {
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  try {
    const p = await phone.newPage();
    const fits = async (path: string) => {
      await p.goto(`/org/${slug()}/${path}`);
      await expect(p.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await expect(p.getByText(/Loading/)).toHaveCount(0);
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} is wider than the screen`).toBeLessThanOrEqual(0);
    };
    await signIn(p, slug(), portal(), ...owner());
    await expect(p).toHaveURL(new RegExp(`/org/${slug()}/dashboard$`));
    for (const path of [
      'dashboard',
      'dashboard/api-keys',
      'dashboard/members',
      'dashboard/audit-log',
      'dashboard/quizzes',
      'dashboard/quizzes/new',
      'dashboard/leaderboard',
      'dashboard/webhooks',
    ]) {
      await fits(path);
    }
    await shot(p, 'e2e-360-leaderboard');
    await p.getByRole('button', { name: 'Sign out' }).click();
    await signIn(p, slug(), portal(), ...student());
    await expect(p).toHaveURL(new RegExp(`/org/${slug()}/quizzes$`));
    for (const path of ['quizzes', 'quizzes/leaderboard']) await fits(path);
  } finally {
    await phone.close();
  }
});

test("when time runs out the answers are submitted and the result says so", async ({ browser, page }) => {
  await signIn(page, slug(), portal(), ...owner());
  await expect(page).toHaveURL(new RegExp(`/org/${slug()}/dashboard$`));
  const title = `Short timer ${Date.now().toString(36)}`;
  const created = await gql(page.request, 'mutation($input: CreateQuizInput!) { createQuiz(input: $input) { quiz { id } } }', {
    input: {
      title,
      timeLimitSeconds: 4,
      questions: [{ kind: 'TRUE_FALSE', prompt: 'Ten is even.', options: [{ text: 'True', correct: true }, { text: 'False' }] }],
    },
  });
  const quizId = (created.createQuiz as { quiz: { id: string } }).quiz.id;
  await gql(page.request, 'mutation($input: QuizIdInput!) { publishQuiz(input: $input) { quiz { id } } }', { input: { id: quizId } });

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  try {
    const s = await phone.newPage();
    await signIn(s, slug(), portal(), ...student());
    await expect(s).toHaveURL(new RegExp(`/org/${slug()}/quizzes$`));
    await s.getByRole('button', { name: `Start ${title}` }).click();
    // Nobody presses Submit: the page submits when the countdown reaches zero (on a slow machine the
    // server may have closed the attempt first; the result says the same, plus what was scored).
    await expect(s.getByTestId('time-up')).toContainText("Time's up: your answers were submitted.", { timeout: 20_000 });
    await expect(s.getByTestId('attempt-result')).toBeVisible();
    await shot(s, 'e2e-time-up');
  } finally {
    await phone.close();
  }
});
