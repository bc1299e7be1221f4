import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { base, env, shot, signIn } from './helpers';

const slug = () => env('QG_ORG_SLUG');
const portal = () => env('QG_PORTAL_CODE');

async function gql<T = unknown>(api: APIRequestContext, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<T> {
  const res = await api.post(`${base()}/graphql`, {
    headers: { 'content-type': 'application/json', origin: base(), ...headers },
    data: { query, variables },
  });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data as T;
}

const RECORD = 'mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { replayed payment { id } } }';

test('a shop records payments with a key; the owner sees them with totals, the student only their own', async ({ page, browser }) => {
  // The owner makes the shop's key (payments:write only) through the API.
  const owner = await playwrightRequest.newContext();
  const purpose = `E2E entry ${Date.now().toString(36)}`;
  try {
    await gql(owner, 'mutation($input: LoginInput!) { login(input: $input) { viewer { kind } } }', {
      input: { orgSlug: slug(), portalCode: portal(), username: env('QG_OWNER_USERNAME'), password: env('QG_OWNER_PASSWORD') },
    });
    const key = await gql<{ createApiKey: { secret: string } }>(
      owner,
      'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
      { input: { name: 'E2E shop', scopes: ['payments:write'] } },
    );
    const members = await gql<{ organization: { members: { edges: { node: { id: string; username: string } }[] } } }>(
      owner,
      'query($slug: String!) { organization(slug: $slug) { members(first: 100) { edges { node { id username } } } } }',
      { slug: slug() },
    );
    const idOf = (username: string) => members.organization.members.edges.find((e) => e.node.username === username)!.node.id;
    const shop = await playwrightRequest.newContext();
    try {
      const bearer = { Authorization: `Bearer ${key.createApiKey.secret}` };
      const paidAt = new Date(Date.now() - 60_000).toISOString();
      const student = { memberId: idOf(env('QG_STUDENT_USERNAME')), amount: 1250, currency: 'USD', purpose, externalId: `${purpose}-1`, paidAt };
      const first = await gql<{ recordPayment: { replayed: boolean } }>(shop, RECORD, { input: student }, bearer);
      expect(first.recordPayment.replayed).toBe(false);
      // A retry of the same payment records nothing more.
      const again = await gql<{ recordPayment: { replayed: boolean } }>(shop, RECORD, { input: student }, bearer);
      expect(again.recordPayment.replayed).toBe(true);
      await gql(shop, RECORD, { input: { ...student, memberId: idOf(env('QG_OWNER_USERNAME')), amount: 3000, currency: 'JPY', externalId: `${purpose}-2` } }, bearer);
    } finally {
      await shop.dispose();
    }
  } finally {
    await owner.dispose();
  }

  // The owner's Payments page: both payments, formatted by currency, and the totals per purpose.
  await signIn(page, slug(), portal(), env('QG_OWNER_USERNAME'), env('QG_OWNER_PASSWORD'));
  await page.getByRole('navigation', { name: 'Dashboard sections' }).getByRole('link', { name: 'Payments' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Payments' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Purpose' }).fill(purpose);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  const rows = page.getByTestId('payments').getByRole('row');
  await expect(rows).toHaveCount(3); // the heading row and two payments
  await expect(page.getByTestId('payments')).toContainText('$12.50');
  await expect(page.getByTestId('payments')).toContainText('¥3,000');
  const totals = page.getByTestId('payment-totals');
  await expect(totals.getByRole('row', { name: new RegExp(purpose) })).toHaveCount(2); // USD and JPY apart
  await shot(page, 'e2e-payments-owner');

  // The student sees their own payment only.
  const context = await browser.newContext();
  try {
    const studentPage = await context.newPage();
    await signIn(studentPage, slug(), portal(), env('QG_STUDENT_USERNAME'), env('QG_STUDENT_PASSWORD'));
    await studentPage.getByRole('navigation', { name: 'Student sections' }).getByRole('link', { name: 'Payments' }).click();
    await expect(studentPage.getByRole('heading', { level: 1, name: 'My payments' })).toBeVisible();
    await expect(studentPage.getByTestId('payments')).toContainText('$12.50');
    await expect(studentPage.getByTestId('payments')).not.toContainText('¥3,000');
    await shot(studentPage, 'e2e-payments-student');
  } finally {
    await context.close();
  }
});
