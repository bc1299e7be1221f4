import { expect, test, type Page } from '@playwright/test';
import { env, shot, signIn } from './helpers';

const slug = () => env('QG_ORG_SLUG');
const portal = () => env('QG_PORTAL_CODE');
const title = `E2E arithmetic ${Date.now().toString(36)}`;
let quizPath = '';

test.describe.configure({ mode: 'serial' });

async function signInOwner(page: Page) {
  await signIn(page, slug(), portal(), env('QG_OWNER_USERNAME'), env('QG_OWNER_PASSWORD'));
  await expect(page).toHaveURL(new RegExp(`/org/${slug()}/dashboard$`));
}

test('an owner creates a quiz with two questions and publishes it', async ({ page }) => {
  await signInOwner(page);
  await page.getByRole('navigation', { name: 'Dashboard sections' }).getByRole('link', { name: 'Quizzes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quizzes' })).toBeVisible();
  await page.getByRole('link', { name: 'New quiz' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New quiz' })).toBeVisible();

  // The form checks itself before it asks the server.
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText('Give the quiz a title.')).toBeVisible();
  await expect(page.getByText('Write the question.')).toBeVisible();

  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Time limit (minutes)').fill('10');
  await page.getByLabel('Pass mark (%)').fill('50');
  // Answers are shown only when no retake can use them: by default after the last attempt.
  const reveal = page.getByLabel('Show right answers and explanations');
  await expect(reveal).toHaveValue('AFTER_LAST_ATTEMPT');
  await expect(page.getByText('With unlimited attempts and no closing time, answers are never shown.')).toBeVisible();
  await page.getByLabel('Attempts allowed').fill('1');
  await expect(page.getByText(/Shown once a member has no attempt left/)).toBeVisible();

  const q1 = page.getByRole('group', { name: 'Question 1', exact: true });
  await q1.getByLabel('Question 1 prompt').fill('2 + 2 = ?');
  await q1.getByLabel('Question 1 option 1').fill('4');
  await q1.getByLabel('Question 1 option 2').fill('5');
  await q1.getByRole('radio', { name: 'Option 1 is correct' }).check();
  await q1.getByLabel('Question 1 explanation (optional)').fill('Two pairs make four.');

  await page.getByRole('button', { name: 'Add question' }).click();
  const q2 = page.getByRole('group', { name: 'Question 2', exact: true });
  await expect(q2.getByLabel('Question 2 prompt')).toBeFocused();
  await q2.getByLabel('Question 2 prompt').fill('Ten is an even number.');
  await q2.getByLabel('Question 2 kind').selectOption('TRUE_FALSE');
  await q2.getByRole('radio', { name: 'True' }).check();
  await q2.getByLabel('Question 2 points').fill('2');
  await shot(page, 'e2e-quiz-editor');

  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Edit “${title}”` })).toBeVisible();
  await expect(page.getByText('The quiz is saved as a draft.')).toBeVisible();
  await expect(page.getByTestId('quiz-status')).toHaveText('Draft');
  quizPath = new URL(page.url()).pathname;
  // What was saved comes back from the server as it was entered.
  await expect(page.getByLabel('Question 2 kind')).toHaveValue('TRUE_FALSE');
  await expect(page.getByLabel('Question 1 option 1')).toHaveValue('4');
  await expect(page.getByLabel('Show right answers and explanations')).toHaveValue('AFTER_LAST_ATTEMPT');

  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByText(`“${title}” is published.`)).toBeVisible();
  await expect(page.getByTestId('quiz-status')).toHaveText('Published');

  // An empty draft is refused, with the server's reasons shown.
  await page.getByRole('link', { name: '← All quizzes' }).click();
  await expect(page.getByRole('row', { name: new RegExp(title) }).getByTestId('quiz-status')).toHaveText('Published');
  await page.getByRole('link', { name: 'New quiz' }).click();
  await page.getByLabel('Title', { exact: true }).fill(`${title} (empty)`);
  await page.getByRole('button', { name: 'Remove question 1' }).click();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText('Add at least one question.')).toBeVisible();
  await shot(page, 'e2e-quiz-published');
});

test('a student takes the quiz while the owner watches the leaderboard update live', async ({ page, browser }) => {
  test.skip(!process.env.QG_STUDENT_USERNAME, 'set QG_STUDENT_USERNAME and QG_STUDENT_PASSWORD');
  expect(quizPath, 'the first test created the quiz').not.toBe('');
  const quizId = decodeURIComponent(quizPath.split('/').pop()!);

  // The owner opens the quiz's board.
  await signInOwner(page);
  await page.goto(`/org/${slug()}/dashboard/leaderboard?quiz=${encodeURIComponent(quizId)}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Leaderboard' })).toBeVisible();
  await expect(page.getByTestId('live-status')).toHaveText('● Live');
  await expect(page.getByTestId('leaderboard-empty')).toBeVisible();
  await expect(page.getByLabel('Board', { exact: true })).toHaveValue(quizId);
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

  // A student, in a second browser context, takes it.
  const ctx = await browser.newContext();
  const student = await ctx.newPage();
  try {
    await signIn(student, slug(), portal(), env('QG_STUDENT_USERNAME'), env('QG_STUDENT_PASSWORD'));
    await expect(student).toHaveURL(new RegExp(`/org/${slug()}/quizzes$`));
    await student.getByRole('button', { name: `Start ${title}` }).click();
    await expect(student.getByRole('heading', { level: 1, name: title })).toBeVisible();
    const timer = student.getByRole('timer');
    await expect(timer).toBeVisible();
    await expect(timer).toHaveAttribute('aria-label', /Time left: (9|10) minutes?/);
    const first = await student.getByTestId('countdown').innerText();
    await student.getByRole('group', { name: /Question 1/ }).getByRole('radio', { name: '4' }).check();
    await student.getByRole('button', { name: 'Save answers' }).click();
    await expect(student.getByText(/Saved at/)).toBeVisible();
    await expect.poll(() => student.getByTestId('countdown').innerText()).not.toBe(first);
    await student.getByRole('group', { name: /Question 2/ }).getByRole('radio', { name: 'True' }).check();
    await shot(student, 'e2e-student-taking-quiz');
    await student.getByRole('button', { name: 'Submit' }).click();

    const result = student.getByTestId('attempt-result');
    await expect(result).toBeVisible();
    await expect(result).toContainText('3 / 3');
    await expect(result).toContainText('100%');
    await expect(result).toContainText('Yes');
    await expect(student.getByTestId('my-rank')).toHaveText('#1 of 1');
    // Its one attempt used, the student sees the answers and explanations.
    await expect(student.getByText('Two pairs make four.')).toBeVisible();
    await shot(student, 'e2e-student-result');
  } finally {
    await ctx.close();
  }

  // The owner's page shows the entry without a reload.
  const row = page.getByTestId('leaderboard').getByRole('row', { name: /E2E student/ });
  await expect(row).toBeVisible();
  await expect(row).toContainText('#1');
  await expect(row).toContainText('3');
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  await shot(page, 'e2e-leaderboard-live');

  // The quiz is now locked for editing, and says why.
  await page.goto(quizPath);
  await expect(page.getByTestId('quiz-locked')).toContainText('Questions are locked');
  await expect(page.getByLabel('Question 1 prompt')).toBeDisabled();

  // At a phone's width nothing is wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/org/${slug()}/dashboard/leaderboard?quiz=${encodeURIComponent(quizId)}`);
  await expect(page.getByTestId('leaderboard')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, 'e2e-leaderboard-phone');
});

test('an owner imports an Aiken file and sees the import report', async ({ page }) => {
  await signInOwner(page);
  await page.goto(`/org/${slug()}/dashboard/quizzes`);
  await page.getByRole('button', { name: 'Import quiz' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a quiz' });
  await expect(dialog).toBeVisible();
  const aiken = [
    'What is the capital of France?',
    'A. Paris',
    'B. Rome',
    'ANSWER: A',
    '',
    '2 + 2 = ?',
    'A. 3',
    'B. 4',
    'ANSWER: B',
    '',
    'ANSWER: C',
    '',
  ].join('\n');
  await dialog.getByLabel('Quiz file').setInputFiles({ name: 'capitals.txt', mimeType: 'text/plain', buffer: Buffer.from(aiken) });
  await dialog.getByLabel('Title (optional)').fill('E2E imported capitals');
  await dialog.getByRole('button', { name: 'Import capitals.txt' }).click();

  const report = dialog.getByTestId('import-report');
  await expect(report).toBeVisible();
  await expect(report).toContainText('Imported 2 questions into the draft “E2E imported capitals” (read as AIKEN)');
  const problems = report.getByRole('list', { name: 'Import problems' }).getByRole('listitem');
  await expect(problems).toHaveCount(1);
  await expect(problems.first()).toContainText('Line 11:');
  await shot(page, 'e2e-quiz-import-report');

  await report.getByRole('link', { name: 'Open the draft' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit “E2E imported capitals”' })).toBeVisible();
  await expect(page.getByLabel('Question 2 prompt')).toHaveValue('2 + 2 = ?');
});
