import { expect, test, type Page } from '@playwright/test';
import { env, shot, signIn } from './helpers';

const slug = () => env('QG_ORG_SLUG');
const portal = () => env('QG_PORTAL_CODE');
const title = `E2E certified ${Date.now().toString(36)}`;

test.describe.configure({ mode: 'serial' });

async function signInOwner(page: Page) {
  await signIn(page, slug(), portal(), env('QG_OWNER_USERNAME'), env('QG_OWNER_PASSWORD'));
  await expect(page).toHaveURL(new RegExp(`/org/${slug()}/dashboard$`));
}

test('a student passes a certified quiz, downloads the PDF, and staff revoke it', async ({ page, browser }) => {
  test.skip(!process.env.QG_STUDENT_USERNAME, 'set QG_STUDENT_USERNAME and QG_STUDENT_PASSWORD');

  // The owner makes a one-question quiz that issues a certificate on a pass.
  await signInOwner(page);
  await page.goto(`/org/${slug()}/dashboard/quizzes/new`);
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Issue a certificate on pass').check();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText('Set a pass mark: the certificate is issued on passing it.')).toBeVisible();
  await page.getByLabel('Pass mark (%)').fill('50');
  const q1 = page.getByRole('group', { name: 'Question 1', exact: true });
  await q1.getByLabel('Question 1 prompt').fill('3 × 3 = ?');
  await q1.getByLabel('Question 1 option 1').fill('9');
  await q1.getByLabel('Question 1 option 2').fill('6');
  await q1.getByRole('radio', { name: 'Option 1 is correct' }).check();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Edit “${title}”` })).toBeVisible();
  await expect(page.getByLabel('Issue a certificate on pass')).toBeChecked();
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByText(`“${title}” is published.`)).toBeVisible();

  // A student passes it, finds the certificate under Certificates, and downloads it.
  const ctx = await browser.newContext();
  const student = await ctx.newPage();
  let verification = '';
  try {
    await signIn(student, slug(), portal(), env('QG_STUDENT_USERNAME'), env('QG_STUDENT_PASSWORD'));
    await student.getByRole('button', { name: `Start ${title}` }).click();
    await student.getByRole('group', { name: /Question 1/ }).getByRole('radio', { name: '9' }).check();
    await student.getByRole('button', { name: 'Submit' }).click();
    await expect(student.getByTestId('attempt-result')).toContainText('100%');

    await student.getByRole('navigation', { name: 'Student sections' }).getByRole('link', { name: 'Certificates' }).click();
    await expect(student.getByRole('heading', { level: 1, name: 'My certificates' })).toBeVisible();
    const card = student.getByTestId('my-certificates').getByRole('listitem').filter({ hasText: title });
    await expect(card).toContainText('Passed the quiz');
    await shot(student, 'e2e-my-certificates');
    const pdfLink = card.getByRole('link', { name: 'Download PDF' });
    const pdf = await student.request.get((await pdfLink.getAttribute('href'))!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    verification = (await card.getByRole('link', { name: 'Verification page' }).getAttribute('href'))!;
  } finally {
    await ctx.close();
  }

  // Anyone, signed in or not, sees it verified.
  const stranger = await browser.newContext();
  const publicPage = await stranger.newPage();
  try {
    await publicPage.goto(verification);
    await expect(publicPage.getByText('This certificate is valid.')).toBeVisible();
    await expect(publicPage.getByText(title, { exact: false })).toBeVisible();
    await expect(publicPage.getByText('E2E Academy', { exact: false }).first()).toBeVisible();
    await shot(publicPage, 'e2e-certificate-public');

    // Staff revoke it with a public reason, after confirming.
    await page.getByRole('navigation', { name: 'Dashboard sections' }).getByRole('link', { name: 'Certificates' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Certificates' })).toBeVisible();
    const row = page.getByTestId('certificates').getByRole('row', { name: new RegExp(title) });
    await row.getByRole('button', { name: /Revoke the certificate of/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke this certificate?' });
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await expect(dialog.getByText('Say why the certificate is revoked.')).toBeVisible();
    await dialog.getByLabel('Reason', { exact: true }).fill('Issued by mistake');
    await dialog.getByLabel('Show the reason on the public verification page').check();
    await shot(page, 'e2e-certificate-revoke');
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await expect(page.getByText(/is revoked\./)).toBeVisible();
    await expect(row.getByTestId('certificate-status')).toContainText('revoked');

    await publicPage.reload();
    await expect(publicPage.getByText(/This certificate was revoked on .* and is no longer valid\. Reason: Issued by mistake/)).toBeVisible();
  } finally {
    await stranger.close();
  }
});
