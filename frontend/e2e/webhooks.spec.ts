import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from '@playwright/test';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { base, env, shot, signIn } from './helpers';

const slug = () => env('QG_ORG_SLUG');
const portal = () => env('QG_PORTAL_CODE');

test.describe.configure({ mode: 'serial' });

/** One request the test receiver got. */
interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

// A receiver on 127.0.0.1 (e2e:server sets QUIZGRAPH_WEBHOOK_ALLOWED_HOSTS to allow it).
let receiver: Server;
let receiverUrl = '';
const received: Received[] = [];

test.beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ received: true, note: 'e2e receiver' }));
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/quizgraph`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

/** Standard Webhooks' v1 signature: base64 HMAC-SHA-256 of "id.timestamp.body" with the secret's bytes. */
function verifies(secret: string, r: Received): boolean {
  const id = String(r.headers['webhook-id'] ?? '');
  const ts = String(r.headers['webhook-timestamp'] ?? '');
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${ts}.${r.body}`).digest();
  return String(r.headers['webhook-signature'] ?? '')
    .split(' ')
    .filter((s) => s.startsWith('v1,'))
    .some((s) => {
      const got = Buffer.from(s.slice(3), 'base64');
      return got.length === expected.length && timingSafeEqual(got, expected);
    });
}

async function gql<T = unknown>(api: APIRequestContext, query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await api.post(`${base()}/graphql`, {
    headers: { 'content-type': 'application/json', origin: base() },
    data: { query, variables },
  });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data as T;
}

/** The owner (the page's session) publishes a one-question quiz; the student completes it through the API. */
async function completeAQuiz(page: Page): Promise<void> {
  const created = await gql<{ createQuiz: { quiz: { id: string } } }>(
    page.request,
    'mutation($input: CreateQuizInput!) { createQuiz(input: $input) { quiz { id } } }',
    {
      input: {
        title: `E2E webhook quiz ${Date.now().toString(36)}`,
        questions: [{ kind: 'TRUE_FALSE', prompt: 'Webhooks are signed.', options: [{ text: 'True', correct: true }, { text: 'False' }] }],
      },
    },
  );
  const quizId = created.createQuiz.quiz.id;
  await gql(page.request, 'mutation($input: QuizIdInput!) { publishQuiz(input: $input) { quiz { id status } } }', { input: { id: quizId } });

  const student = await playwrightRequest.newContext();
  try {
    await gql(student, 'mutation($input: LoginInput!) { login(input: $input) { viewer { kind } } }', {
      input: { orgSlug: slug(), portalCode: portal(), username: env('QG_STUDENT_USERNAME'), password: env('QG_STUDENT_PASSWORD') },
    });
    const started = await gql<{ startAttempt: { attempt: { id: string; questions: { id: string; options: { id: string; text: string }[] }[] } } }>(
      student,
      'mutation($input: StartAttemptInput!) { startAttempt(input: $input) { attempt { id questions { id options { id text } } } } }',
      { input: { quizId } },
    );
    const attempt = started.startAttempt.attempt;
    const q = attempt.questions[0]!;
    const answer = q.options.find((o) => o.text === 'True')!;
    const submitted = await gql<{ submitAttempt: { attempt: { id: string; status: string } } }>(
      student,
      'mutation($input: AttemptAnswersInput!) { submitAttempt(input: $input) { attempt { id status } } }',
      { input: { attemptId: attempt.id, answers: [{ questionId: q.id, selectedOptionIds: [answer.id] }] } },
    );
    expect(submitted.submitAttempt.attempt.status).not.toBe('IN_PROGRESS');
  } finally {
    await student.dispose();
  }
}

test('an owner adds an endpoint, sees its secret once, and follows a quiz completion through the delivery log', async ({ page }) => {
  await signIn(page, slug(), portal(), env('QG_OWNER_USERNAME'), env('QG_OWNER_PASSWORD'));
  await expect(page).toHaveURL(new RegExp(`/org/${slug()}/dashboard$`));
  await page.getByRole('navigation', { name: 'Dashboard sections' }).getByRole('link', { name: 'Webhooks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();
  await expect(page.getByText('No webhook endpoints yet.')).toBeVisible();
  // The verification snippet, in both languages.
  const snippet = page.getByRole('region', { name: 'Verifying deliveries' });
  await expect(snippet.getByLabel('Python verification code')).toContainText('from standardwebhooks.webhooks import Webhook');
  await snippet.getByRole('tab', { name: 'Node' }).click();
  await expect(snippet.getByLabel('Node verification code')).toContainText('import { Webhook } from "standardwebhooks"');

  // Add an endpoint for quiz.completed only; the form checks itself first.
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add webhook endpoint' });
  await dialog.getByLabel('Endpoint URL').fill('not a url');
  await dialog.getByRole('radio', { name: 'Only the events chosen below' }).check();
  await dialog.getByRole('button', { name: 'Add endpoint' }).click();
  await expect(dialog.getByText('Enter a full URL, e.g. https://example.com/quizgraph.')).toBeVisible();
  await expect(dialog.getByText('Choose at least one event, or “All events”.')).toBeVisible();
  await dialog.getByLabel('Endpoint URL').fill(receiverUrl);
  await dialog.getByLabel('Description (optional)').fill('E2E receiver');
  await dialog.getByRole('checkbox', { name: /^quiz\.completed / }).check();
  await shot(page, 'e2e-webhook-create-dialog');
  await dialog.getByRole('button', { name: 'Add endpoint' }).click();

  // The secret, once: leaving asks first.
  const reveal = page.getByRole('dialog', { name: "Your endpoint's signing secret" });
  const secretBox = reveal.getByTestId('webhook-secret');
  await expect(secretBox).toBeVisible();
  const secret = await secretBox.inputValue();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
  await expect(reveal.getByRole('button', { name: 'Copy' })).toBeVisible();
  await shot(page, 'e2e-webhook-secret-once', [secretBox]);
  await reveal.getByRole('button', { name: 'Done' }).click();
  const leave = page.getByRole('dialog', { name: 'Close without the secret?' });
  await expect(leave).toContainText('The secret will not be shown again.');
  await leave.getByRole('button', { name: 'Back to the secret' }).click();
  await expect(reveal.getByTestId('webhook-secret')).toHaveValue(secret);
  await page.keyboard.press('Escape');
  await expect(leave).toBeVisible();
  await leave.getByRole('button', { name: 'Close, I have stored it' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  const row = page.getByTestId('webhooks-table').locator(`tr[data-webhook-url="${receiverUrl}"]`);
  await expect(row).toContainText('E2E receiver');
  await expect(row.getByRole('cell', { name: 'quiz.completed' })).toBeVisible();
  await expect(row.getByTestId('webhook-status')).toHaveText('Active');
  await expect(row.getByTestId('webhook-health')).toHaveText('Nothing delivered yet');
  const everywhere = await page.evaluate(() => {
    const values = [...document.querySelectorAll('input, textarea')].map((el) => (el as HTMLInputElement).value);
    const storage = [localStorage, sessionStorage].flatMap((s) => Object.keys(s).map((k) => `${k}=${s.getItem(k)}`));
    return [document.documentElement.outerHTML, document.body.innerText, ...values, ...storage].join('\n');
  });
  expect(everywhere).not.toContain(secret.slice(6));

  // A quiz completion: one delivery to the receiver, signed with the secret shown.
  await completeAQuiz(page);
  await row.getByRole('link', { name: `Delivery log of ${receiverUrl}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(receiverUrl.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')) })).toBeVisible();
  const log = page.getByTestId('delivery-log');
  const delivery = log.getByTestId('delivery-row').filter({ hasText: 'quiz.completed' });
  await expect(delivery).toHaveCount(1);
  // The page refreshes itself while the delivery waits; the worker sends it within seconds.
  await expect(delivery.getByTestId('delivery-status')).toHaveText('Delivered', { timeout: 30_000 });
  await expect(delivery.getByTestId('delivery-http')).toHaveText('200');
  await expect(delivery.getByTestId('delivery-attempts')).toHaveText('1');
  await expect(delivery).toContainText('{"received":true');
  const messageId = await delivery.getAttribute('data-message-id');
  expect(messageId).toMatch(/^msg_/);
  const first = received.filter((r) => r.headers['webhook-id'] === messageId);
  expect(first).toHaveLength(1);
  expect(verifies(secret, first[0]!)).toBe(true);
  expect(JSON.parse(first[0]!.body)).toMatchObject({ id: messageId, event: 'quiz.completed', org: slug() });
  await shot(page, 'e2e-webhook-delivery-log');

  // Redeliver: a second try of the same message, with the same webhook-id.
  await delivery.getByRole('button', { name: `Redeliver quiz.completed ${messageId}` }).click();
  await expect(page.getByText(`${messageId} (quiz.completed) is queued again, with the same webhook-id.`)).toBeVisible();
  await expect(delivery.getByTestId('delivery-attempts')).toHaveText('2', { timeout: 30_000 });
  await expect(delivery.getByTestId('delivery-status')).toHaveText('Delivered');
  await delivery.getByText('All tries').click();
  const tries = delivery.getByRole('table', { name: `Tries of ${messageId}` });
  await expect(tries.locator('tbody tr')).toHaveCount(2);
  const again = received.filter((r) => r.headers['webhook-id'] === messageId);
  expect(again).toHaveLength(2);
  expect(verifies(secret, again[1]!)).toBe(true);

  // A test event reaches the receiver too (whatever the endpoint subscribed to).
  await page.getByRole('button', { name: 'Send test event' }).click();
  const ping = log.getByTestId('delivery-row').filter({ hasText: 'webhook.ping' });
  await expect(ping.getByTestId('delivery-status')).toHaveText('Delivered', { timeout: 30_000 });
  expect(received.some((r) => JSON.parse(r.body).event === 'webhook.ping')).toBe(true);

  // The log fits a phone's width.
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, 'e2e-webhook-log-phone');
  await page.setViewportSize({ width: 1280, height: 800 });
});

test('an owner rotates the secret (shown once, grace explained), disables and deletes the endpoint', async ({ page }) => {
  await signIn(page, slug(), portal(), env('QG_OWNER_USERNAME'), env('QG_OWNER_PASSWORD'));
  await expect(page).toHaveURL(new RegExp(`/org/${slug()}/dashboard$`));
  await page.goto(`/org/${slug()}/dashboard/webhooks`);
  const row = page.getByTestId('webhooks-table').locator(`tr[data-webhook-url="${receiverUrl}"]`);
  await expect(row.getByTestId('webhook-health')).toContainText('Healthy');

  await row.getByRole('button', { name: 'Rotate secret of E2E receiver' }).click();
  const rotate = page.getByRole('dialog', { name: 'Rotate signing secret' });
  await rotate.getByLabel('Grace period for the old secret').selectOption({ label: '1 hour' });
  await expect(rotate).toContainText('For 1 hour, every message carries two signatures');
  await rotate.getByRole('button', { name: 'Rotate secret' }).click();
  const reveal = page.getByRole('dialog', { name: "Your endpoint's new signing secret" });
  await expect(reveal.getByTestId('webhook-secret')).toHaveValue(/^whsec_/);
  await expect(reveal).toContainText('The old secret keeps signing alongside this one until about');
  await reveal.getByRole('button', { name: 'Close' }).click();
  const leave = page.getByRole('dialog', { name: 'Close without the secret?' });
  await expect(leave).toContainText('The secret will not be shown again.');
  await leave.getByRole('button', { name: 'Close, I have stored it' }).click();
  await expect(page.getByText(`The secret of ${receiverUrl} was rotated.`)).toBeVisible();

  await row.getByRole('button', { name: 'Disable E2E receiver' }).click();
  await expect(row.getByTestId('webhook-status')).toHaveText('Disabled');
  await row.getByRole('button', { name: 'Enable E2E receiver' }).click();
  await expect(row.getByTestId('webhook-status')).toHaveText('Active');

  await row.getByRole('button', { name: 'Delete E2E receiver' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete webhook endpoint' });
  await expect(confirm).toContainText(receiverUrl);
  await confirm.getByRole('button', { name: 'Delete endpoint' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByText(`${receiverUrl} was deleted.`)).toBeVisible();
  await expect(page.getByText('No webhook endpoints yet.')).toBeVisible();
});

test('an admin has the Webhooks page; a student does not', async ({ page, browser }) => {
  await signIn(page, slug(), portal(), env('QG_ADMIN_USERNAME'), env('QG_ADMIN_PASSWORD'));
  await expect(page).toHaveURL(new RegExp(`/org/${slug()}/dashboard$`));
  await page.getByRole('navigation', { name: 'Dashboard sections' }).getByRole('link', { name: 'Webhooks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add endpoint' })).toBeVisible();

  const ctx = await browser.newContext();
  try {
    const student = await ctx.newPage();
    await signIn(student, slug(), portal(), env('QG_STUDENT_USERNAME'), env('QG_STUDENT_PASSWORD'));
    await expect(student).toHaveURL(new RegExp(`/org/${slug()}/quizzes$`));
    await student.goto(`/org/${slug()}/dashboard/webhooks`);
    await expect(student).toHaveURL(new RegExp(`/org/${slug()}/quizzes$`));
    await expect(student.getByRole('heading', { level: 1, name: 'Webhooks' })).toHaveCount(0);
  } finally {
    await ctx.close();
  }
});
