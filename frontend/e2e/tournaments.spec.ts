import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { base, env, shot, signIn } from './helpers';

const slug = () => env('QG_ORG_SLUG');
const portal = () => env('QG_PORTAL_CODE');
const stamp = Date.now().toString(36);
const name = `E2E cup ${stamp}`;

test.describe.configure({ mode: 'serial' });

/** A GraphQL call with the page's session cookie (the JSON POST the CSRF rule asks for). */
async function gql(request: APIRequestContext, query: string, variables: Record<string, unknown>) {
  const res = await request.post(`${base()}/graphql`, { data: { query, variables }, headers: { 'content-type': 'application/json' } });
  const body = await res.json();
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data;
}

/** A published one-question quiz: "2 + 2 = ?" with 4 right. */
async function publishedQuiz(request: APIRequestContext, title: string): Promise<string> {
  const made = await gql(
    request,
    `mutation($input: CreateQuizInput!) { createQuiz(input: $input) { quiz { id } } }`,
    {
      input: {
        title,
        attemptsAllowed: 3,
        questions: [{ kind: 'SINGLE_CHOICE', prompt: '2 + 2 = ?', options: [{ text: '4', correct: true }, { text: '5' }] }],
      },
    },
  );
  await gql(request, `mutation($id: ID!) { publishQuiz(input: {id: $id}) { quiz { id } } }`, { id: made.createQuiz.quiz.id });
  return made.createQuiz.quiz.id;
}

async function studentPage(browser: Browser, username: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, slug(), portal(), username, password);
  await page.getByRole('navigation', { name: 'Student sections' }).getByRole('link', { name: 'Tournaments' }).click();
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  home.set(page, page.url());
  return page;
}

const home = new Map<Page, string>();

/** Plays a round from the tournament page: the right answer or the wrong one. */
async function playRound(page: Page, round: number, right: boolean): Promise<void> {
  await page.getByRole('button', { name: `Play round ${round}` }).click();
  await page.getByRole('group', { name: /Question 1/ }).getByRole('radio', { name: right ? '4' : '5' }).check();
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByTestId('attempt-result')).toBeVisible();
  await page.goto(home.get(page)!);
}

test('staff run a two-round tournament, two students play it live, the winner is certified', async ({ page, browser }) => {
  test.skip(!process.env.QG_STUDENT_USERNAME, 'set QG_STUDENT_USERNAME and QG_STUDENT_PASSWORD');

  // The owner has two published quizzes and a second student.
  await signIn(page, slug(), portal(), env('QG_OWNER_USERNAME'), env('QG_OWNER_PASSWORD'));
  await expect(page).toHaveURL(new RegExp(`/org/${slug()}/dashboard$`));
  await publishedQuiz(page.request, `Round A ${stamp}`);
  await publishedQuiz(page.request, `Round B ${stamp}`);
  const secondPassword = `pw-${stamp}-second-student`;
  await gql(page.request, `mutation($input: AddMemberInput!) { addMember(input: $input) { member { id } } }`, {
    input: { username: `e2e-second-${stamp}`, displayName: 'E2E Second', role: 'STUDENT', password: secondPassword },
  });

  // They create the tournament in the dashboard: two rounds, one winner, with certificates.
  await page.getByRole('navigation', { name: 'Dashboard sections' }).getByRole('link', { name: 'Tournaments' }).click();
  await page.getByRole('link', { name: 'New tournament' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Add a round (published quizzes)').selectOption({ label: `Round A ${stamp}` });
  await page.getByLabel('Add a round (published quizzes)').selectOption({ label: `Round B ${stamp}` });
  await expect(page.getByTestId('tournament-rounds').getByRole('listitem')).toHaveCount(2);
  await page.getByLabel('Winners (top N)').fill('1');
  await page.getByLabel('Certificates for the winners').check();
  await page.getByRole('button', { name: 'Create tournament' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByTestId('tournament-status')).toHaveText('Scheduled');
  await page.getByRole('button', { name: 'Start now' }).click();
  await expect(page.getByTestId('tournament-status')).toHaveText('Running');
  await expect(page.getByTestId('tournament-live')).toHaveText('● Live');

  // Two students, each in a browser of their own, play; the owner's board follows live.
  const first = await studentPage(browser, env('QG_STUDENT_USERNAME'), env('QG_STUDENT_PASSWORD'));
  const second = await studentPage(browser, `e2e-second-${stamp}`, secondPassword);
  try {
    await playRound(first, 1, true);
    await playRound(first, 2, true);
    await playRound(second, 1, true);
    await playRound(second, 2, false);
    const board = page.getByTestId('tournament-board');
    await expect(board.getByRole('row', { name: /E2E student/ })).toContainText('#1');
    await expect(board.getByRole('row', { name: /E2E student/ })).toContainText('2');
    await expect(board.getByRole('row', { name: /E2E Second/ })).toContainText('#2');
    await shot(page, 'e2e-tournament-live-board');

    // The owner ends it: frozen standings, the winner named.
    await page.getByRole('button', { name: 'End now' }).click();
    await expect(page.getByTestId('tournament-status')).toHaveText('Ended');
    await expect(page.getByTestId('tournament-winners')).toContainText('E2E student');

    // The winner downloads the certificate and its public page verifies it.
    await first.reload();
    await expect(first.getByTestId('tournament-winners')).toContainText('E2E student');
    await first.getByRole('link', { name: 'Your certificate' }).click();
    const card = first.getByTestId('my-certificates').getByRole('listitem').filter({ hasText: name });
    const pdf = await first.request.get((await card.getByRole('link', { name: 'Download PDF' }).getAttribute('href'))!);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const verification = (await card.getByRole('link', { name: 'Verification page' }).getAttribute('href'))!;
    const stranger = await (await browser.newContext()).newPage();
    await stranger.goto(verification);
    await expect(stranger.getByText('This certificate is valid.')).toBeVisible();
    await expect(stranger.getByText(name, { exact: false })).toBeVisible();
    await shot(stranger, 'e2e-tournament-certificate');
    await stranger.context().close();
  } finally {
    await first.context().close();
    await second.context().close();
  }
});

test('a registered student withdraws before the start, and staff see one entrant fewer', async ({ page, browser }) => {
  test.skip(!process.env.QG_STUDENT_USERNAME, 'set QG_STUDENT_USERNAME and QG_STUDENT_PASSWORD');

  // The owner schedules a registered-only tournament starting in an hour.
  await signIn(page, slug(), portal(), env('QG_OWNER_USERNAME'), env('QG_OWNER_PASSWORD'));
  const quizId = await publishedQuiz(page.request, `Withdraw round ${stamp}`);
  const cup = `E2E withdraw ${stamp}`;
  const startsAt = Date.now() + 60 * 60 * 1000;
  const made = await gql(
    page.request,
    `mutation($input: CreateTournamentInput!) { createTournament(input: $input) { tournament { id } } }`,
    {
      input: {
        name: cup,
        rounds: [quizId],
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(startsAt + 60 * 60 * 1000).toISOString(),
        entryRule: 'REGISTERED',
      },
    },
  );
  const staffPage = `${base()}/org/${slug()}/dashboard/tournaments/${encodeURIComponent(made.createTournament.tournament.id)}`;

  // The student registers on its page, then withdraws, confirming.
  const student = await (await browser.newContext()).newPage();
  try {
    await signIn(student, slug(), portal(), env('QG_STUDENT_USERNAME'), env('QG_STUDENT_PASSWORD'));
    await student.getByRole('navigation', { name: 'Student sections' }).getByRole('link', { name: 'Tournaments' }).click();
    await student.getByRole('link', { name: cup }).click();
    await student.getByRole('button', { name: 'Register' }).click();
    await expect(student.getByTestId('tournament-entered')).toBeVisible();
    await page.goto(staffPage);
    await expect(page.getByTestId('tournament-entrants')).toHaveText('1');

    await student.getByRole('button', { name: 'Withdraw' }).click();
    const dialog = student.getByRole('dialog', { name: 'Withdraw from the tournament?' });
    await expect(dialog).toContainText(`You will no longer be an entrant of ${cup}`);
    await dialog.getByRole('button', { name: 'Withdraw' }).click();
    await expect(student.getByTestId('tournament-withdrawn')).toHaveText('You have withdrawn.');
    await expect(student.getByTestId('tournament-entered')).toHaveCount(0);
    await expect(student.getByRole('button', { name: 'Register' })).toBeVisible();

    // Staff see the entrant gone.
    await page.reload();
    await expect(page.getByTestId('tournament-entrants')).toHaveText('0');
  } finally {
    await student.context().close();
  }
});
