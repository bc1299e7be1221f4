import { expect, test, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import { base, env, shot, signIn } from './helpers';

const slug = () => env('QG_ORG_SLUG');
const portal = () => env('QG_PORTAL_CODE');
const ownerName = () => env('QG_OWNER_USERNAME');

async function gql<T = unknown>(api: APIRequestContext, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await api.post(`${base()}/graphql`, {
    headers: { 'content-type': 'application/json', origin: base() },
    data: { query, variables },
  });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data as T;
}

async function signInOwner(page: Page): Promise<void> {
  await signIn(page, slug(), portal(), ownerName(), env('QG_OWNER_PASSWORD'));
  await expect(page).toHaveURL(new RegExp(`/org/${slug()}/dashboard$`));
}

/** A key made through the API with the page's session. */
async function createKey(page: Page, name: string): Promise<{ id: string; prefix: string; secret: string }> {
  const data = await gql<{ createApiKey: { secret: string; apiKey: { id: string; prefix: string } } }>(
    page.request,
    'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id prefix } } }',
    { input: { name, scopes: ['quizzes:read'] } },
  );
  return { ...data.createApiKey.apiKey, secret: data.createApiKey.secret };
}

/** Aborts every request that doesn't go to the server; returns what was aborted. */
async function onlyTheServer(context: BrowserContext): Promise<string[]> {
  const origin = new URL(base()).origin;
  const aborted: string[] = [];
  await context.route(
    (url) => url.origin !== origin && !['data:', 'blob:'].includes(url.protocol),
    (route) => {
      aborted.push(route.request().url());
      return route.abort('internetdisconnected');
    },
  );
  return aborted;
}

test('the audit log reads as sentences, picks actions by label and folds sign-ins', async ({ page }) => {
  await signInOwner(page);
  const name = `Nightly sync ${Date.now().toString(36)}`;
  const key = await createKey(page, name);
  await gql(page.request, 'mutation($input: SetApiKeyEnabledInput!) { setApiKeyEnabled(input: $input) { apiKey { id } } }', {
    input: { id: key.id, enabled: false },
  });

  await page.goto(`/org/${slug()}/dashboard/audit-log`);
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  const sentences = page.locator('.audit-sentence');
  const disabled = sentences.filter({ hasText: `${ownerName()} disabled key ${key.prefix}… (${name})` });
  await expect(disabled).toHaveCount(1);
  // The key links to the keys page, the actor to the members page.
  await expect(disabled.getByRole('link', { name: `${key.prefix}… (${name})` })).toHaveAttribute('href', `/org/${slug()}/dashboard/api-keys`);
  await expect(disabled.getByRole('link', { name: ownerName(), exact: true })).toHaveAttribute('href', `/org/${slug()}/dashboard/members`);
  await expect(sentences.filter({ hasText: `${ownerName()} created key ${key.prefix}… (${name})` })).toHaveCount(1);

  // Details open on demand: the stored name and prefix, and the raw action.
  const row = page.locator('tr').filter({ has: disabled });
  const details = row.locator('details');
  await expect(details.locator('dd').filter({ hasText: name })).toBeHidden();
  await details.getByText('Details').click();
  await expect(details.locator('dd').filter({ hasText: name })).toBeVisible();
  await expect(details.locator('code').filter({ hasText: 'api_key.disabled' })).toBeVisible();

  // Sign-ins are folded: the owner just signed in, and no row says so until shown.
  const signedIn = sentences.filter({ hasText: /signed in$/ });
  await expect(page.getByText('Successful sign-ins are folded away.')).toBeVisible();
  await expect(signedIn).toHaveCount(0);
  await page.getByLabel('Show sign-ins').check();
  await expect(signedIn.filter({ hasText: `${ownerName()} signed in` }).first()).toBeVisible();
  await page.getByLabel('Show sign-ins').uncheck();
  await expect(signedIn).toHaveCount(0);
  await shot(page, 'e2e-audit-sentences');

  // The picker offers labels grouped by area, from the server's list.
  const picker = page.getByLabel('Action');
  await expect(picker.locator('optgroup[label="API keys"] option')).toHaveText([
    'All: API keys',
    'Key created',
    'Key enabled',
    'Key disabled',
    'Key revoked',
    'Key rotated',
  ]);
  await picker.selectOption({ label: 'Key disabled' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  const all = async () => (await sentences.allInnerTexts()).map((t) => t.trim());
  // Every row is a disablement (polled: the list is replaced when the filtered answer lands).
  await expect.poll(async () => (await all()).every((t) => t.includes(' disabled key '))).toBe(true);
  await expect(disabled).toHaveCount(1);

  await picker.selectOption({ label: 'All: API keys' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(sentences.filter({ hasText: `created key ${key.prefix}…` })).toHaveCount(1);
  await expect.poll(async () => (await all()).every((t) => / (created|enabled|disabled|revoked|rotated) key /.test(t))).toBe(true);

  // Picking sign-ins shows them whatever the fold says.
  await picker.selectOption({ label: 'Signed in' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(signedIn.first()).toBeVisible();
  await expect(page.getByLabel('Show sign-ins')).toBeChecked();
  await shot(page, 'e2e-audit-picker');
});

test('GraphiQL loads from the server alone, with a CSP, and runs a keyed query', async ({ page, browser }) => {
  const aborted = await onlyTheServer(page.context());
  await signInOwner(page);
  const key = await createKey(page, `GraphiQL ${Date.now().toString(36)}`);

  // Signed in: the example is the owner's, under the note on the Authorization header.
  const response = await page.goto('/graphql');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).not.toMatch(/https?:|\*/);
  const editor = page.locator('.graphiql-query-editor');
  await expect(editor).toContainText('As owner', { timeout: 30_000 });
  await expect(editor).toContainText('Bearer iq_live_');

  // A new browser with no session: the key goes in the Headers tab.
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const keyAborted = await onlyTheServer(context);
  try {
    const anon = await context.newPage();
    await anon.goto(`${base()}/graphql`);
    const query = anon.locator('.graphiql-query-editor');
    await expect(query).toContainText('Who am I', { timeout: 30_000 });
    // Pasted, as a person would (typing would meet the editor's auto-closed brackets).
    const paste = async (text: string) => {
      await anon.evaluate((t) => navigator.clipboard.writeText(t), text);
      await anon.keyboard.press('ControlOrMeta+A');
      await anon.keyboard.press('ControlOrMeta+V');
    };
    await anon.getByRole('button', { name: 'Headers' }).click();
    await anon.locator('.graphiql-editor-tool .graphiql-editor').last().click();
    await paste(JSON.stringify({ Authorization: `Bearer ${key.secret}` }));
    // The example it opened with, run with the key.
    await anon.getByRole('button', { name: /Execute query/ }).click();
    const result = anon.locator('.graphiql-response');
    await expect(result).toContainText('"API_KEY"');
    await expect(result).toContainText(`"${slug()}"`);
    await shot(anon, 'e2e-graphiql-keyed');
  } finally {
    await context.close();
  }
  expect(aborted).toEqual([]);
  expect(keyAborted).toEqual([]);
});
