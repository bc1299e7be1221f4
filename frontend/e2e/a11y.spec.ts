import { AxeBuilder } from '@axe-core/playwright';
import { expect, request as playwrightRequest, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { base, env, signIn, signInAnswered } from './helpers';

// Issue 14: WCAG 2.2 AA on every page, for every role where it can go, signed out too, at a desktop
// and a phone width. axe-core runs in the page (after its data has loaded) and must find nothing.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const WIDTHS = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

const slug = () => env('QG_ORG_SLUG');
const portal = () => env('QG_PORTAL_CODE');

async function gql<T = unknown>(api: APIRequestContext, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await api.post(`${base()}/graphql`, {
    headers: { 'content-type': 'application/json', origin: base() },
    data: { query, variables },
  });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data as T;
}

async function apiSignIn(username: string, password: string): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext();
  await gql(api, 'mutation($input: LoginInput!) { login(input: $input) { viewer { kind } } }', {
    input: { orgSlug: slug(), portalCode: portal(), username, password },
  });
  return api;
}

interface Fixture {
  teacher: readonly [string, string];
  quizId: string;
  webhookId: string;
  openAttemptId: string;
  doneAttemptId: string;
}

/** What the pages show: a published quiz with a finished and an open attempt, a webhook, a teacher. */
async function makeFixture(): Promise<Fixture> {
  const owner = await apiSignIn(env('QG_OWNER_USERNAME'), env('QG_OWNER_PASSWORD'));
  const student = await apiSignIn(env('QG_STUDENT_USERNAME'), env('QG_STUDENT_PASSWORD'));
  try {
    const tag = randomBytes(3).toString('hex');
    const teacher = [`a11y-teacher-${tag}`, `pw-${randomBytes(9).toString('hex')}`] as const;
    await gql(owner, 'mutation($input: AddMemberInput!) { addMember(input: $input) { member { id } } }', {
      input: { username: teacher[0], displayName: 'A11y Teacher', role: 'TEACHER', password: teacher[1] },
    });
    const quizIds: string[] = [];
    for (const title of [`Accessible quiz ${tag}`, `Second accessible quiz ${tag}`]) {
      const created = await gql<{ createQuiz: { quiz: { id: string } } }>(
        owner,
        'mutation($input: CreateQuizInput!) { createQuiz(input: $input) { quiz { id } } }',
        {
          input: {
            title,
            description: 'Checked by axe-core.',
            questions: [
              { kind: 'SINGLE_CHOICE', prompt: 'Which colour has the most contrast on white?', options: [{ text: 'Black', correct: true }, { text: 'Light grey' }] },
              { kind: 'TRUE_FALSE', prompt: 'WCAG AA asks 4.5:1 for body text.', options: [{ text: 'True', correct: true }, { text: 'False' }] },
            ],
          },
        },
      );
      const id = created.createQuiz.quiz.id;
      await gql(owner, 'mutation($input: QuizIdInput!) { publishQuiz(input: $input) { quiz { id } } }', { input: { id } });
      quizIds.push(id);
    }
    const webhook = await gql<{ createWebhook: { webhook: { id: string } } }>(
      owner,
      'mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { webhook { id } } }',
      { input: { url: 'http://127.0.0.1:9/a11y', description: 'axe-core check' } },
    );
    const start = (quizId: string) =>
      gql<{ startAttempt: { attempt: { id: string; questions: { id: string; options: { id: string; text: string }[] }[] } } }>(
        student,
        'mutation($input: StartAttemptInput!) { startAttempt(input: $input) { attempt { id questions { id options { id text } } } } }',
        { input: { quizId } },
      ).then((d) => d.startAttempt.attempt);
    const done = await start(quizIds[0]!);
    await gql(student, 'mutation($input: AttemptAnswersInput!) { submitAttempt(input: $input) { attempt { id } } }', {
      input: {
        attemptId: done.id,
        answers: done.questions.map((q) => ({ questionId: q.id, selectedOptionIds: [q.options[0]!.id] })),
      },
    });
    const open = await start(quizIds[1]!);
    return { teacher, quizId: quizIds[0]!, webhookId: webhook.createWebhook.webhook.id, openAttemptId: open.id, doneAttemptId: done.id };
  } finally {
    await owner.dispose();
    await student.dispose();
  }
}

let fixture: Fixture;
test.beforeAll(async () => {
  fixture = await makeFixture();
});
// The webhook goes again: webhooks.spec.ts starts from an org without endpoints.
test.afterAll(async () => {
  const owner = await apiSignIn(env('QG_OWNER_USERNAME'), env('QG_OWNER_PASSWORD'));
  try {
    await gql(owner, 'mutation($input: DeleteWebhookInput!) { deleteWebhook(input: $input) { deletedId } }', { input: { id: fixture.webhookId } });
  } finally {
    await owner.dispose();
  }
});

/** Waits for the page's data (no spinner left), then returns axe-core's violations as readable lines. */
async function violations(page: Page, where: string): Promise<string[]> {
  await expect(page.locator('h1').first()).toBeVisible();
  await expect(page.locator('.loading')).toHaveCount(0);
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${where}: ${v.id} (${v.impact}) ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? v.help}`),
  );
}

async function scan(page: Page, paths: readonly string[], label: string): Promise<string[]> {
  const found: string[] = [];
  for (const p of paths) {
    await page.goto(p);
    found.push(...(await violations(page, `${label} ${p}`)));
  }
  return found;
}

/** The dashboard pages a staff member's nav offers, plus the detail pages behind them. */
async function staffPages(page: Page): Promise<string[]> {
  await expect(page).toHaveURL(new RegExp(`/org/${slug()}/dashboard$`));
  const hrefs = await page.locator('#main-nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.length).toBeGreaterThan(1);
  const paths = [...hrefs];
  const dash = `/org/${slug()}/dashboard`;
  if (hrefs.includes(`${dash}/quizzes`)) paths.push(`${dash}/quizzes/new`, `${dash}/quizzes/${fixture.quizId}`);
  if (hrefs.includes(`${dash}/webhooks`)) paths.push(`${dash}/webhooks/${fixture.webhookId}`);
  return paths;
}

async function asRole(browser: Browser, viewport: { width: number; height: number }, who: readonly [string, string], label: string): Promise<string[]> {
  const context = await browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    await signIn(page, slug(), portal(), who[0], who[1]);
    const found = await scan(page, await staffPages(page), label);
    if (viewport.width < 720) {
      // The phone's menu, opened.
      await page.goto(`/org/${slug()}/dashboard`);
      await page.getByRole('button', { name: /menu/i }).click();
      await expect(page.locator('#main-nav')).toBeVisible();
      found.push(...(await violations(page, `${label} dashboard with the menu open`)));
    }
    return found;
  } finally {
    await context.close();
  }
}

/**
 * Open dialogs are scanned too (issue 14): the forms, the one-time secret and each confirmation,
 * with the page behind them. Cancelled where nothing should change; a key made here is revoked.
 */
async function dialogs(browser: Browser, viewport: { width: number; height: number }): Promise<string[]> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const found: string[] = [];
  const check = async (dialogName: string) => {
    await expect(page.getByRole('dialog', { name: dialogName })).toBeVisible();
    found.push(...(await violations(page, `dialog “${dialogName}”`)));
  };
  try {
    await signIn(page, slug(), portal(), env('QG_OWNER_USERNAME'), env('QG_OWNER_PASSWORD'));
    await expect(page).toHaveURL(new RegExp(`/org/${slug()}/dashboard$`));
    const dash = `/org/${slug()}/dashboard`;

    // API keys: the create form, the secret, leaving it, revoking, switching access off.
    await page.goto(`${dash}/api-keys`);
    await page.getByRole('button', { name: 'Create API key' }).click();
    await check('Create API key');
    const keyName = `a11y dialogs ${randomBytes(3).toString('hex')}`;
    const create = page.getByRole('dialog', { name: 'Create API key' });
    await create.getByLabel('Name').fill(keyName);
    await create.getByRole('button', { name: 'Read-only dashboard' }).click();
    await create.getByRole('button', { name: 'Create key' }).click();
    await check('Your new API key');
    await page.keyboard.press('Escape');
    await check('Close without the secret?');
    await page.getByRole('dialog', { name: 'Close without the secret?' }).getByRole('button', { name: 'Close, I have stored it' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await page.getByRole('button', { name: `Revoke ${keyName}` }).click();
    await check('Revoke API key');
    await page.getByRole('dialog', { name: 'Revoke API key' }).getByRole('button', { name: `Revoke “${keyName}”` }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await page.getByRole('switch', { name: /API access/ }).click();
    await check('Switch API access off?');
    await page.getByRole('dialog', { name: 'Switch API access off?' }).getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('switch', { name: /API access/ })).toBeChecked();

    // Members, quizzes, webhooks: their forms.
    await page.goto(`${dash}/members`);
    await page.getByRole('button', { name: 'Add member' }).click();
    await check('Add member');
    await page.keyboard.press('Escape');
    await page.goto(`${dash}/quizzes`);
    await page.getByRole('button', { name: 'Import quiz' }).click();
    await check('Import a quiz');
    await page.keyboard.press('Escape');
    await page.goto(`${dash}/webhooks`);
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await check('Add webhook endpoint');
    await page.keyboard.press('Escape');
    return found;
  } finally {
    await context.close();
  }
}

for (const { name, viewport } of WIDTHS) {
  test.describe(`WCAG 2.2 AA at ${name} width (${viewport.width} px)`, () => {
    test('signed out: start page, portal login, session ended, signed out, not found', async ({ browser }) => {
      const context = await browser.newContext({ viewport });
      try {
        const page = await context.newPage();
        const login = `/org/${slug()}/portal/${portal()}/login`;
        const found = await scan(
          page,
          ['/', login, `${login}?reason=session-ended&next=${encodeURIComponent(`/org/${slug()}/dashboard`)}`, `/org/${slug()}/signed-out`, `/org/${slug()}/no-such-page`],
          'signed out',
        );
        // A failed sign-in shows its error.
        await page.goto(login);
        await page.getByLabel('Username').fill('nobody-here');
        await page.getByLabel('Password').fill('not the password');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await signInAnswered(page);
        await expect(page.getByRole('alert')).toBeVisible();
        found.push(...(await violations(page, 'signed out: failed sign-in')));
        expect(found).toEqual([]);
      } finally {
        await context.close();
      }
    });

    test('owner', async ({ browser }) => {
      expect(await asRole(browser, viewport, [env('QG_OWNER_USERNAME'), env('QG_OWNER_PASSWORD')], 'owner')).toEqual([]);
    });

    test('admin', async ({ browser }) => {
      expect(await asRole(browser, viewport, [env('QG_ADMIN_USERNAME'), env('QG_ADMIN_PASSWORD')], 'admin')).toEqual([]);
    });

    test('teacher', async ({ browser }) => {
      expect(await asRole(browser, viewport, fixture.teacher, 'teacher')).toEqual([]);
    });

    test('owner: open dialogs (forms, the one-time secret, confirmations)', async ({ browser }) => {
      expect(await dialogs(browser, viewport)).toEqual([]);
    });

    test('student: open quizzes, an attempt in progress, a result, the leaderboard', async ({ browser }) => {
      const context = await browser.newContext({ viewport });
      try {
        const page = await context.newPage();
        await signIn(page, slug(), portal(), env('QG_STUDENT_USERNAME'), env('QG_STUDENT_PASSWORD'));
        const home = `/org/${slug()}/quizzes`;
        await expect(page).toHaveURL(new RegExp(`${home}$`));
        const found = await scan(
          page,
          [home, `${home}/attempts/${fixture.openAttemptId}`, `${home}/attempts/${fixture.doneAttemptId}`, `${home}/leaderboard`],
          'student',
        );
        expect(found).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
}
