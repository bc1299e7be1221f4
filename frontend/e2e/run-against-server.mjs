// Runs the e2e suite against a real quizgraph server: a free port, a fresh SQLite database
// in a temporary folder, an org with an owner (plus an admin and a student added through
// the API), then `playwright test`. The frontend must be built first (frontend/dist).
//
//   QUIZGRAPH_CMD  how to run the CLI (default: ../.venv/bin/quizgraph if present, else
//                  `uv run --frozen quizgraph`), run from the repository root.
//   Extra arguments go to `playwright test`.
import { spawn, execSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const venvCli = path.join(repo, '.venv/bin/quizgraph');
const cmd = process.env.QUIZGRAPH_CMD ?? (existsSync(venvCli) ? venvCli : 'uv run --frozen quizgraph');

const port = await new Promise((resolve) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => resolve(p));
  });
});
const base = `http://127.0.0.1:${port}`;
const dir = mkdtempSync(path.join(tmpdir(), 'quizgraph-e2e-'));
const serverEnv = {
  ...process.env,
  QUIZGRAPH_DATABASE_URL: `sqlite+aiosqlite:///${path.join(dir, 'e2e.db')}`,
  QUIZGRAPH_SECRET_KEY: randomBytes(32).toString('hex'),
  QUIZGRAPH_COOKIE_SECURE: 'false',
  QUIZGRAPH_ALLOWED_ORIGINS: JSON.stringify([base]),
  // webhooks.spec.ts runs its test receiver on 127.0.0.1 (plain http, loopback).
  QUIZGRAPH_WEBHOOK_ALLOWED_HOSTS: JSON.stringify(['127.0.0.1']),
  // Every test signs in from 127.0.0.1 (trust.spec.ts signs in again after each ended session):
  // more than the default 30 sign-ins per address in 5 minutes.
  QUIZGRAPH_LOGIN_ATTEMPTS_PER_IP: '1000',
};
delete serverEnv.QUIZGRAPH_REDIS_URL;

const run = (args) => execSync(`${cmd} ${args}`, { cwd: repo, env: serverEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
const password = () => `pw-${randomBytes(9).toString('hex')}`;

let server = null;
let code = 1;
try {
  run('migrate');
  const ownerPassword = password();
  const org = JSON.parse(
    run(`create-org --slug e2e-academy --name "E2E Academy" --owner-username owner --owner-password ${ownerPassword} --portal-code e2e-portal --json`)
      .trim()
      .split('\n')
      .pop(),
  );

  // A platform admin for the console (platform.spec.ts); its second factor is enrolled by the test.
  const staffPassword = password();
  run(`create-platform-admin --username e2e-staff --password ${staffPassword}`);

  server = spawn(`exec ${cmd} serve --host 127.0.0.1 --port ${port}`, { cwd: repo, env: serverEnv, shell: true, stdio: ['ignore', 'inherit', 'inherit'] });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/readyz`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error('the server did not become ready in 60 s');
    await new Promise((r) => setTimeout(r, 250));
  }

  // An admin and a student, added by the owner through the API.
  const gql = async (query, variables, cookie) => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { res, body: await res.json() };
  };
  const login = await gql(
    'mutation($input: LoginInput!) { login(input: $input) { viewer { kind } } }',
    { input: { orgSlug: org.slug, portalCode: org.portalCode, username: org.ownerUsername, password: org.ownerPassword ?? ownerPassword } },
  );
  const cookie = (login.res.headers.get('set-cookie') ?? '').split(';')[0];
  if (!cookie) throw new Error(`owner login failed: ${JSON.stringify(login.body)}`);
  const extra = {};
  for (const [who, role] of [['admin', 'ADMIN'], ['student', 'STUDENT']]) {
    const pw = password();
    const r = await gql(
      'mutation($input: AddMemberInput!) { addMember(input: $input) { member { id } } }',
      { input: { username: `e2e-${who}`, displayName: `E2E ${who}`, role, password: pw } },
      cookie,
    );
    if (r.body.errors) throw new Error(`adding ${who} failed: ${JSON.stringify(r.body.errors)}`);
    extra[`QG_${who.toUpperCase()}_USERNAME`] = `e2e-${who}`;
    extra[`QG_${who.toUpperCase()}_PASSWORD`] = pw;
  }

  const pw = spawn(
    process.execPath,
    [path.resolve(here, '../node_modules/@playwright/test/cli.js'), 'test', '--config', path.join(here, 'playwright.config.ts'), ...process.argv.slice(2)],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        ...extra,
        QUIZGRAPH_BASE_URL: base,
        QG_ORG_SLUG: org.slug,
        QG_PORTAL_CODE: org.portalCode,
        QG_OWNER_USERNAME: org.ownerUsername,
        QG_OWNER_PASSWORD: org.ownerPassword ?? ownerPassword,
        QG_PLATFORM_USERNAME: 'e2e-staff',
        QG_PLATFORM_PASSWORD: staffPassword,
      },
    },
  );
  code = await new Promise((r) => pw.on('exit', (c) => r(c ?? 1)));
} catch (e) {
  console.error(e);
  code = 1;
} finally {
  if (server && server.exitCode == null) {
    server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
  }
  rmSync(dir, { recursive: true, force: true });
}
process.exit(code);
