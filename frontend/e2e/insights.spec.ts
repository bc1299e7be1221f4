import { AxeBuilder } from '@axe-core/playwright';
import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { base, env, shot, signIn } from './helpers';

// Issue 15 in the dashboard: a teacher reads a quiz's analytics (charts, item analysis, CSV)
// after students took it; a student leaves the quiz page during an attempt, the attempt is
// flagged and the teacher's bell counts it without a reload, and the teacher reviews it.
test.describe.configure({ mode: 'serial' });

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const slug = () => env('QG_ORG_SLUG');
const portal = () => env('QG_PORTAL_CODE');
const tag = randomBytes(3).toString('hex');
const quizTitle = `Fractions ${tag}`;

async function gql<T = unknown>(api: APIRequestContext, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await api.post(`${base()}/graphql`, { headers: { 'content-type': 'application/json', origin: base() }, data: { query, variables } });
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

const newPassword = () => `pw-${randomBytes(9).toString('hex')}`;
const teacher = [`insights-teacher-${tag}`, newPassword()] as const;
const students = [0, 1, 2].map((i) => [`insights-student-${i}-${tag}`, newPassword()] as const);
let quizId = '';

type Question = { id: string; options: { id: string; text: string }[] };

/** A teacher's published quiz of three questions, taken by three students with 3, 2 and 1 right. */
test.beforeAll(async () => {
  const owner = await apiSignIn(env('QG_OWNER_USERNAME'), env('QG_OWNER_PASSWORD'));
  try {
    const add = (username: string, password: string, role: string, displayName: string) =>
      gql(owner, 'mutation($input: AddMemberInput!) { addMember(input: $input) { member { id } } }', {
        input: { username, password, role, displayName },
      });
    await add(teacher[0], teacher[1], 'TEACHER', 'Insights Teacher');
    for (const [i, [username, password]] of students.entries()) await add(username, password, 'STUDENT', `Student ${'ABC'[i]} ${tag}`);
  } finally {
    await owner.dispose();
  }
  const teacherApi = await apiSignIn(teacher[0], teacher[1]);
  try {
    const created = await gql<{ createQuiz: { quiz: { id: string } } }>(
      teacherApi,
      'mutation($input: CreateQuizInput!) { createQuiz(input: $input) { quiz { id } } }',
      {
        input: {
          title: quizTitle,
          description: 'Three questions on fractions.',
          passMarkPercent: 50,
          questions: [
            { kind: 'SINGLE_CHOICE', prompt: 'What is 1/2 + 1/4?', options: [{ text: '3/4', correct: true }, { text: '2/6' }, { text: '1/8' }] },
            { kind: 'TRUE_FALSE', prompt: '2/4 equals 1/2.', options: [{ text: 'True', correct: true }, { text: 'False' }] },
            { kind: 'SINGLE_CHOICE', prompt: 'Which is largest?', options: [{ text: '2/3', correct: true }, { text: '3/5' }, { text: '1/2' }] },
          ],
        },
      },
    );
    quizId = created.createQuiz.quiz.id;
    await gql(teacherApi, 'mutation($input: QuizIdInput!) { publishQuiz(input: $input) { quiz { id } } }', { input: { id: quizId } });
  } finally {
    await teacherApi.dispose();
  }
  for (const [i, [username, password]] of students.entries()) {
    const api = await apiSignIn(username, password);
    try {
      const { startAttempt } = await gql<{ startAttempt: { attempt: { id: string; questions: Question[] } } }>(
        api,
        'mutation($input: StartAttemptInput!) { startAttempt(input: $input) { attempt { id questions { id options { id text } } } } }',
        { input: { quizId } },
      );
      // Student A answers all three right, B the first two, C only the first.
      const answers = startAttempt.attempt.questions.map((q, n) => ({
        questionId: q.id,
        selectedOptionIds: [n < 3 - i ? q.options.find((o) => ['3/4', 'True', '2/3'].includes(o.text))!.id : q.options.at(-1)!.id],
      }));
      await gql(api, 'mutation($input: AttemptAnswersInput!) { submitAttempt(input: $input) { attempt { id } } }', {
        input: { attemptId: startAttempt.attempt.id, answers },
      });
    } finally {
      await api.dispose();
    }
  }
});

async function noAxeViolations(page: Page, where: string): Promise<void> {
  await expect(page.locator('.loading')).toHaveCount(0);
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = result.violations.flatMap((v) => v.nodes.map((n) => `${where}: ${v.id} ${n.target.join(' ')}: ${n.failureSummary ?? v.help}`));
  expect(found, found.join('\n')).toEqual([]);
}

test('a teacher opens a quiz’s analytics with charts after students took it, and exports the results', async ({ page }) => {
  await signIn(page, slug(), portal(), teacher[0], teacher[1]);
  await page.getByRole('navigation', { name: 'Dashboard sections' }).getByRole('link', { name: 'Analytics' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Analytics' })).toBeVisible();
  await expect(page.getByTestId('activity-chart').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('average-chart').locator('canvas')).toBeVisible();
  await noAxeViolations(page, 'org analytics');

  await page.getByTestId('top-quizzes').getByRole('link', { name: quizTitle }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Analytics: ${quizTitle}` })).toBeVisible();
  const figures = page.getByTestId('quiz-figures');
  await expect(figures.getByText('Attempts', { exact: true }).locator('xpath=following-sibling::dd')).toHaveText('3');
  await expect(figures.getByText('Mean score').locator('xpath=following-sibling::dd')).toHaveText('2 / 3');
  await expect(figures.getByText('Pass rate').locator('xpath=following-sibling::dd')).toHaveText('66.7%');
  await expect(page.getByTestId('score-histogram').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('score-histogram')).toContainText('3 attempts');
  const rows = page.getByTestId('item-analysis').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  // Everyone got question 1 right: the table says so in words, and the legend what to do.
  await expect(rows.nth(0)).toContainText('Almost everyone gets it right');
  await expect(page.locator('.flag-legend')).toContainText('tells students apart very little');
  await expect(page.getByTestId('computed-at')).toContainText('Item analysis computed');
  await noAxeViolations(page, 'quiz analytics');
  await shot(page, 'e2e-quiz-analytics');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export results (CSV)' }).click()]);
  const csv = readFileSync((await download.path())!, 'utf8').trim().split(/\r?\n/);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  expect(csv).toHaveLength(4);
  expect(csv[0]).toContain('score');

  // The quiz list links each published quiz to its analytics too.
  await page.getByRole('navigation', { name: 'Dashboard sections' }).getByRole('link', { name: 'Quizzes' }).click();
  await page.getByRole('link', { name: `Analytics of ${quizTitle}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Analytics: ${quizTitle}` })).toBeVisible();
});

test('a student switches tabs during an attempt: the teacher’s bell counts it live and the attempt is flagged', async ({ browser }) => {
  const staff = await browser.newContext();
  const teacherPage = await staff.newPage();
  await signIn(teacherPage, slug(), portal(), teacher[0], teacher[1]);
  await expect(teacherPage.getByRole('heading', { level: 1 })).toBeVisible();
  const bell = teacherPage.getByTestId('notification-bell');
  await expect(bell).toHaveAccessibleName(/Notifications, (none|\d+) unread/);
  const before = Number((await bell.getAttribute('aria-label'))!.match(/(\d+) unread/)?.[1] ?? 0);
  // Set on this document only: gone if the page reloads.
  await teacherPage.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

  // A new quiz for the attempt (each student's first attempt of the other one is closed).
  const teacherApi = await apiSignIn(teacher[0], teacher[1]);
  let secondQuiz = '';
  try {
    const created = await gql<{ createQuiz: { quiz: { id: string } } }>(
      teacherApi,
      'mutation($input: CreateQuizInput!) { createQuiz(input: $input) { quiz { id } } }',
      { input: { title: `Integrity check ${tag}`, questions: [{ kind: 'TRUE_FALSE', prompt: 'Tabs are visible.', options: [{ text: 'True', correct: true }, { text: 'False' }] }] } },
    );
    secondQuiz = created.createQuiz.quiz.id;
    await gql(teacherApi, 'mutation($input: QuizIdInput!) { publishQuiz(input: $input) { quiz { id } } }', { input: { id: secondQuiz } });
  } finally {
    await teacherApi.dispose();
  }

  const learner = await browser.newContext();
  const studentPage = await learner.newPage();
  await signIn(studentPage, slug(), portal(), students[0]![0], students[0]![1]);
  // Told before starting what is recorded.
  await expect(studentPage.getByRole('complementary', { name: 'What is recorded while you take a quiz' })).toContainText(/page/i);
  await studentPage.getByRole('button', { name: `Start Integrity check ${tag}` }).click();
  await expect(studentPage.getByRole('heading', { level: 1, name: `Integrity check ${tag}` })).toBeVisible();
  // The take page says what it records.
  const notice = studentPage.getByTestId('integrity-notice');
  await notice.getByText('What this page records').click();
  await expect(notice).toContainText(/page/i);

  // Headless Chromium keeps a page "visible" whatever tab is in front, so the switch is made
  // the way the browser reports it: visibilityState changes and visibilitychange fires.
  const reported = studentPage.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('ReportIntegrityEvent'));
  for (let i = 0; i < 4; i++) {
    for (const state of ['hidden', 'visible'] as const) {
      await studentPage.evaluate((s) => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => s });
        document.dispatchEvent(new Event('visibilitychange'));
      }, state);
    }
  }
  await reported;

  // The 4th switch breaks the default rule (3): the teacher's bell rises, no reload.
  await expect(bell).toHaveAccessibleName(new RegExp(`Notifications, ${before + 1} unread`), { timeout: 15_000 });
  expect(await teacherPage.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  await bell.click();
  const item = teacherPage.getByTestId('notification-list').getByRole('link').first();
  await expect(item).toContainText(/flag/i);
  await noAxeViolations(teacherPage, 'notification panel');
  await item.click();

  // The notification opens that attempt on the Integrity page, with its log.
  await expect(teacherPage.getByRole('heading', { level: 1, name: 'Integrity' })).toBeVisible();
  const card = teacherPage.getByTestId('integrity-attempt').filter({ hasText: `Integrity check ${tag}` });
  await expect(card).toContainText('4 page switches');
  await expect(card).toContainText('Waiting for review');
  await expect(card.getByTestId('integrity-timeline')).toContainText('Stopped viewing the quiz page');
  await noAxeViolations(teacherPage, 'integrity');
  await shot(teacherPage, 'e2e-integrity');
  await card.getByLabel('Confirmed: the rules were broken').check();
  await card.getByLabel('Note').fill('Left the quiz four times in a minute.');
  await card.getByRole('button', { name: 'Save the review' }).click();
  await expect(card).toContainText('Marked confirmed.');
  await expect(card.locator('.status-pill')).toHaveText('Confirmed');

  // Marking it read brings the count back down.
  await bell.click();
  await teacherPage.getByRole('button', { name: 'Mark all read' }).click();
  await expect(bell).toHaveAccessibleName('Notifications, none unread');
  await staff.close();
  await learner.close();
});
