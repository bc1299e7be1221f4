// Runs the e2e suite against mock-server.mjs (frontend-only check; needs `npm run build` first).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const server = spawn(process.execPath, [path.join(here, 'mock-server.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
const base = await new Promise((resolve, reject) => {
  server.stdout.on('data', (d) => {
    const m = /http:\/\/[\d.:]+/.exec(String(d));
    if (m) resolve(m[0]);
  });
  server.on('exit', (c) => reject(new Error(`mock server exited ${c}`)));
});
const env = {
  ...process.env,
  QUIZGRAPH_BASE_URL: base,
  QG_MOCK_SERVER: '1',
  QG_ORG_SLUG: 'acme-academy',
  QG_PORTAL_CODE: 'demo-portal',
  QG_OWNER_USERNAME: 'owner',
  QG_OWNER_PASSWORD: 'password1234',
  QG_ADMIN_USERNAME: 'admin',
  QG_ADMIN_PASSWORD: 'password1234',
  QG_STUDENT_USERNAME: 'student',
  QG_STUDENT_PASSWORD: 'password1234',
};
const pw = spawn(process.execPath, [path.resolve(here, '../node_modules/@playwright/test/cli.js'), 'test', '--config', path.join(here, 'playwright.config.ts'), ...process.argv.slice(2)], { stdio: 'inherit', env });
const code = await new Promise((r) => pw.on('exit', (c) => r(c ?? 1)));
server.kill();
process.exit(code);
